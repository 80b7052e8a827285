/*
 * q_metrics.c: the statistics of DOMAIN.md section 6 in SQL, one
 * statement per key, the same text on SQLite and PostgreSQL.
 *
 * Every statement has one shape: optional CTEs `vis` (the jurisdiction of
 * the user who looks, q_scope.h) and `sub` (the unit subtree), the
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
#include "store/q_metrics_sql.h"
#include "store/q_util.h"

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

int q_metric_bind_with(struct store_stmt *st, int i, const struct metric_scope *s)
{
	store_bind_int(st, i++, s->scope_user);
	store_bind_int(st, i++, s->unit_id);
	return i;
}

int q_metric_bind_scope(struct store_stmt *st, int i, const struct metric_scope *s, unsigned bits)
{
	const char *rank = s->rank ? s->rank : "";

	if (bits & METRIC_SCOPE_UNIT)
		i = q_metric_bind_with(st, i, s);       /* the same two values, in M_UNIT */
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

/* Binds the CTEs, the period and the members of `bits` in the
 * statements' order; the index of the next parameter. */
static int bind_scope(struct store_stmt *st, const struct metric_period *p,
		      const struct metric_scope *s, unsigned bits)
{
	int i = 1;

	if (bits & METRIC_SCOPE_UNIT)
		i = q_metric_bind_with(st, i, s);
	store_bind_text(st, i++, p->from);
	store_bind_text(st, i++, p->to);
	return q_metric_bind_scope(st, i, s, bits);
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
