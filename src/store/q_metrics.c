/*
 * q_metrics.c: the statistics of DOMAIN.md section 6 in SQL, one
 * statement per key, the same text on SQLite and PostgreSQL.
 *
 * Every statement has one shape: an optional unit subtree CTE `sub`, the
 * period on the key's day column first (an index answers it: the planner
 * starts there on either backend, also in PostgreSQL's generic plans),
 * then one fragment per scope member the key honours, each off when its
 * value is empty or 0, in the fixed order of bind_scope().  The scope
 * reads the copies made on the record (the subject snapshot of clue,
 * case and outcome), never today's person row.  Rates are not here: the
 * domain divides two counts (domain/metrics.c).
 */
#include <string.h>

#include "store/q_metrics.h"
#include "store/q_scope.h"
#include "store/q_util.h"

/* the unit and all below it: seeded with the scope's unit (none for 0) */
#define M_WITH "WITH RECURSIVE " Q_SUBTREE("sub", "SELECT id FROM units WHERE id = ?") " "
#define M_PERIOD(DAY) "WHERE " DAY " >= ? AND " DAY " <= ? "
#define M_UNIT(COL) "AND (? = 0 OR " COL " IN (SELECT id FROM sub)) "
#define M_CAMP(COL) "AND (? = 0 OR " COL " = ?) "
#define M_CAT(CODES) "AND (? = '' OR ? IN (" CODES ")) "
#define M_SRC(COL) "AND (? = '' OR " COL " = ?) "
#define M_ORGAN(COL) "AND (? = '' OR " COL " = ?) "
/* one subject's snapshot: rank, top leader, leadership, key persons
 * (top leader or leadership member or section rank) */
#define M_SUBJ_ROW(R, T, L) "(? = '' OR " R " = ?) AND (? = 0 OR " T " = 1) AND " \
	"(? = 0 OR " L " = 1) AND (? = 0 OR " T " = 1 OR " L " = 1 OR " R " = 'section')"
#define M_SUBJ(COND) "AND (? = 0 OR " COND ") "

/* ---- scope fragments per family ------------------------------------------ */

#define CLUE_SCOPE M_UNIT("k.unit_id") M_CAMP("k.campaign_id") \
	M_CAT("SELECT kc.category FROM clue_categories kc WHERE kc.clue_id = k.id") M_SRC("k.source") \
	M_SUBJ("EXISTS (SELECT 1 FROM clue_subjects cs WHERE cs.clue_id = k.id AND " \
	       M_SUBJ_ROW("cs.rank", "cs.top_leader", "cs.leadership") ")")

#define CASE_CATS(ID) "SELECT cc.category FROM case_categories cc WHERE cc.case_id = " ID
#define CASE_SOURCE(ID) "(SELECT k.source FROM clues k JOIN cases x ON x.clue_id = k.id WHERE x.id = " ID ")"
#define CASE_SCOPE M_UNIT("c.unit_id") M_CAMP("c.campaign_id") M_CAT(CASE_CATS("c.id")) \
	M_SRC(CASE_SOURCE("c.id")) M_ORGAN("c.organ_kind") \
	M_SUBJ("EXISTS (SELECT 1 FROM case_subjects cs WHERE cs.case_id = c.id AND " \
	       M_SUBJ_ROW("cs.rank", "cs.top_leader", "cs.leadership") ")")

/* a detained person: his filing snapshot on the case */
#define DETENTION_SCOPE M_UNIT("COALESCE(cs.unit_id, c.unit_id)") M_CAMP("c.campaign_id") \
	M_CAT(CASE_CATS("c.id")) M_SRC(CASE_SOURCE("c.id")) M_ORGAN("c.organ_kind") \
	M_SUBJ("(" M_SUBJ_ROW("cs.rank", "cs.top_leader", "cs.leadership") ")")

/* an outcome: its own snapshot; category, source and organ of its matter
 * (a daily-supervision outcome has none of them) */
#define OUTCOME_SCOPE M_UNIT("o.unit_id") M_CAMP("o.campaign_id") \
	M_CAT(CASE_CATS("o.case_id") " UNION ALL SELECT kc.category FROM clue_categories kc " \
	      "WHERE kc.clue_id = o.clue_id") \
	M_SRC("COALESCE((SELECT k.source FROM clues k WHERE k.id = o.clue_id), " CASE_SOURCE("o.case_id") ")") \
	M_ORGAN("(SELECT x.organ_kind FROM cases x WHERE x.id = o.case_id)") \
	M_SUBJ("(" M_SUBJ_ROW("o.subject_rank", "o.subject_top_leader", "o.subject_leadership") ")")

/* the unit and campaign of a matter: case CASE, else clue CLUE */
#define MATTER(COL, CASE, CLUE) "COALESCE((SELECT x." COL " FROM cases x WHERE x.id = " CASE "), " \
	"(SELECT y." COL " FROM clues y WHERE y.id = " CLUE "))"

/* ---- the statements ------------------------------------------------------- */

static const struct store_sql Q_CLUES_RECEIVED = {
	M_WITH "SELECT count(*) FROM clues k " M_PERIOD("k.received") CLUE_SCOPE, NULL };
/* disposed: the first approved decision of the four ways (or filing); a
 * clue only transferred to another organ (移交, e.g. forwarded up as
 * another level's) was not disposed here */
static const struct store_sql Q_CLUES_DISPOSED = {
	M_WITH "SELECT count(*) FROM clues k " M_PERIOD("k.first_disposed")
	"AND EXISTS (SELECT 1 FROM dispositions d WHERE d.clue_id = k.id AND d.state = 'approved' "
	"AND d.method <> 'transfer') " CLUE_SCOPE, NULL };
static const struct store_sql Q_CASES_FILED = {
	M_WITH "SELECT count(*) FROM cases c " M_PERIOD("c.filed") CASE_SCOPE, NULL };
static const struct store_sql Q_CASES_CLOSED = {
	M_WITH "SELECT count(*) FROM cases c " M_PERIOD("c.closed") CASE_SCOPE, NULL };
static const struct store_sql Q_TRANSFERRED = {
	M_WITH "SELECT count(*) FROM cases c " M_PERIOD("c.transferred") CASE_SCOPE, NULL };
static const struct store_sql Q_DETAINED = {
	M_WITH "SELECT count(DISTINCT d.person_id) FROM detentions d JOIN cases c ON c.id = d.case_id "
	"LEFT JOIN case_subjects cs ON cs.case_id = d.case_id AND cs.person_id = d.person_id "
	M_PERIOD("d.start_day") DETENTION_SCOPE, NULL };
/* form (0: any) and sanctioned (0: any) come after the scope */
static const struct store_sql Q_OUTCOMES = {
	M_WITH "SELECT count(*) FROM outcomes o " M_PERIOD("o.day") OUTCOME_SCOPE
	"AND (? = 0 OR o.form = ?) AND (? = 0 OR o.sanctioned = 1)", NULL };
static const struct store_sql Q_ACCOUNTABILITIES = {
	"SELECT count(*) FROM accountabilities a " M_PERIOD("a.started") M_CAMP("a.campaign_id"), NULL };
/* money of one kind: recovered (挽回经济损失) or returned (责令退回) */
#define MONEY(KIND) { "SELECT CAST(COALESCE(sum(r.amount_fen), 0) AS BIGINT) FROM recoveries r " \
	M_PERIOD("r.day") "AND r.kind = '" KIND "' " M_CAMP("r.campaign_id"), NULL }
static const struct store_sql Q_RECOVERED = MONEY("recovered");
static const struct store_sql Q_RETURNED = MONEY("returned");
/* a visit of an outcome's person or of a cleared person */
static const struct store_sql Q_FOLLOWUPS = {
	M_WITH "SELECT count(*) FROM followups f LEFT JOIN outcomes o ON o.id = f.outcome_id "
	"LEFT JOIN clarifications cl ON cl.id = f.clarification_id " M_PERIOD("f.day")
	M_UNIT("COALESCE(o.unit_id, " MATTER("unit_id", "cl.case_id", "cl.clue_id") ")")
	M_CAMP("COALESCE(o.campaign_id, " MATTER("campaign_id", "cl.case_id", "cl.clue_id") ")"), NULL };
static const struct store_sql Q_CLARIFICATIONS = {
	M_WITH "SELECT count(*) FROM clarifications cl " M_PERIOD("cl.day")
	M_UNIT(MATTER("unit_id", "cl.case_id", "cl.clue_id"))
	M_CAMP(MATTER("campaign_id", "cl.case_id", "cl.clue_id")), NULL };

/* Binds the period and the members of `bits` in the statements' order;
 * the index of the next parameter. */
static int bind_scope(struct store_stmt *st, const struct metric_period *p,
		      const struct metric_scope *s, unsigned bits)
{
	const char *rank = s->rank ? s->rank : "";
	int i = 1;

	if (bits & METRIC_SCOPE_UNIT)
		store_bind_int(st, i++, s->unit_id);
	store_bind_text(st, i++, p->from);
	store_bind_text(st, i++, p->to);
	if (bits & METRIC_SCOPE_UNIT)
		store_bind_int(st, i++, s->unit_id);
	if (bits & METRIC_SCOPE_CAMPAIGN) {
		store_bind_int(st, i++, s->campaign_id);
		store_bind_int(st, i++, s->campaign_id);
	}
	if (bits & METRIC_SCOPE_CATEGORY) {
		store_bind_text(st, i++, s->category ? s->category : "");
		store_bind_text(st, i++, s->category ? s->category : "");
	}
	if (bits & METRIC_SCOPE_SOURCE) {
		store_bind_text(st, i++, s->source ? s->source : "");
		store_bind_text(st, i++, s->source ? s->source : "");
	}
	if (bits & METRIC_SCOPE_ORGAN) {
		store_bind_text(st, i++, s->organ_kind ? s->organ_kind : "");
		store_bind_text(st, i++, s->organ_kind ? s->organ_kind : "");
	}
	if (bits & METRIC_SCOPE_SUBJECT) {
		store_bind_int(st, i++, *rank || s->top_leader || s->leadership || s->key_persons);
		store_bind_text(st, i++, rank);
		store_bind_text(st, i++, rank);
		store_bind_int(st, i++, s->top_leader != 0);
		store_bind_int(st, i++, s->leadership != 0);
		store_bind_int(st, i++, s->key_persons != 0);
	}
	return i;
}

/* Runs q for the period and scope with two more integer pairs (the
 * outcome filters) when `extra` is set. */
static int run(struct store *db, const struct store_sql *q, unsigned bits, const struct metric_period *p,
	       const struct metric_scope *s, const int64_t *extra, int n_extra, int64_t *out)
{
	struct store_stmt *st = store_prepare(db, q);
	int64_t v;
	int i;

	if (!st)
		return STORE_ERR;
	i = bind_scope(st, p, s, bits);
	for (int k = 0; k < n_extra; k++)
		store_bind_int(st, i++, extra[k]);
	v = q_scalar(st);
	if (v < 0)
		return (int)v;
	*out = v;
	return 0;
}

#define SIMPLE(NAME, Q, BITS)                                                                   \
	int store_metric_##NAME(struct store *db, const struct metric_period *p,                \
				const struct metric_scope *s, int64_t *out)                     \
	{                                                                                       \
		return run(db, &Q, BITS, p, s, NULL, 0, out);                                   \
	}
SIMPLE(clues_received, Q_CLUES_RECEIVED, Q_METRIC_CLUE_SCOPES)
SIMPLE(clues_disposed, Q_CLUES_DISPOSED, Q_METRIC_CLUE_SCOPES)
SIMPLE(cases_filed, Q_CASES_FILED, Q_METRIC_CASE_SCOPES)
SIMPLE(cases_closed, Q_CASES_CLOSED, Q_METRIC_CASE_SCOPES)
SIMPLE(transferred, Q_TRANSFERRED, Q_METRIC_CASE_SCOPES)
SIMPLE(detained, Q_DETAINED, Q_METRIC_DETENTION_SCOPES)
SIMPLE(accountabilities, Q_ACCOUNTABILITIES, Q_METRIC_ACCOUNTABILITY_SCOPES)
SIMPLE(recovered, Q_RECOVERED, Q_METRIC_RECOVERY_SCOPES)
SIMPLE(returned, Q_RETURNED, Q_METRIC_RECOVERY_SCOPES)
SIMPLE(followups, Q_FOLLOWUPS, Q_METRIC_FOLLOWUP_SCOPES)
SIMPLE(clarifications, Q_CLARIFICATIONS, Q_METRIC_CLARIFICATION_SCOPES)

/* outcomes of form `form` (0: any), sanctioned only when `sanctioned` */
#define OUTCOMES(NAME, FORM, SANCTIONED)                                                        \
	int store_metric_##NAME(struct store *db, const struct metric_period *p,                \
				const struct metric_scope *s, int64_t *out)                     \
	{                                                                                       \
		const int64_t x[] = { FORM, FORM, SANCTIONED };                                 \
		return run(db, &Q_OUTCOMES, Q_METRIC_OUTCOME_SCOPES, p, s, x, 3, out);          \
	}
OUTCOMES(forms_total, 0, 0)
OUTCOMES(form1, 1, 0)
OUTCOMES(form2, 2, 0)
OUTCOMES(form3, 3, 0)
OUTCOMES(form4, 4, 0)
OUTCOMES(sanctioned, 0, 1)
