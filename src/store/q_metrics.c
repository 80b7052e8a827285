/*
 * q_metrics.c: the statistics of DOMAIN.md section 6 in SQL, one
 * statement per key, the same text on SQLite and PostgreSQL.
 *
 * Every statement has one shape: optional CTEs `vis` (the jurisdiction of
 * the user who looks, q_scope.h) and `sub` (the unit subtree), the
 * period on the key's day column first (an index answers it: the planner
 * starts there on either backend, also in PostgreSQL's generic plans),
 * then one fragment per scope member the key honours, each off when its
 * value is empty or 0, in the fixed order of q_metric_bind_all().  The scope
 * reads the copies made on the record (the subject snapshot of clue,
 * case and outcome), never today's person row.  Rates are not here: the
 * domain divides two counts (domain/metrics.c).
 *
 * The keys additive over days read the rollup first (migration 0028's
 * metric_days, 0039's stats in it, and 0038's metric_months and
 * metric_years: edge days, whole months, whole years, store/q_grains.h;
 * rollup() below) when it is live and the scope is one dimension of it (no
 * member, one member, or the unit member); otherwise the live statement.
 * detained (distinct persons) is a live statement composed for the one
 * member a scope sets, but for the campaign alone: 0086's rows, one per
 * person, counted distinct over the period's cells (Q_ROLL_DETAINED).  The
 * live statements stay the definition:
 * tests/http/t180_rollup.sh, t193_grains.sh and t194_live_keys.sh compare
 * the two (QF_METRICS_LIVE=1 forces the live ones).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store/q_grains.h"
#include "store/q_listscope.h"
#include "store/q_mgroups.h"
#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/q_rollup.h"
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
/* detained: distinct persons, not additive over days, so a live statement
 * (the campaign alone: rollup_detained below); Q_DETAINED (every member, each fragment off when empty) is
 * the definition and answers a scope of several members.  A scope of one
 * member (or none) gets a statement with that member's condition only
 * (store_metric_detained): no join the member does not need, and a plain
 * comparison the planner can start from (the campaign's cases on
 * cases_campaign, 0039) instead of "(? = 0 OR ...)", which no index
 * serves. */
#define DET_COUNT "SELECT count(DISTINCT d.person_id) FROM detentions d "
#define DET_CASE "JOIN cases c ON c.id = d.case_id "
#define DET_SUBJ "LEFT JOIN case_subjects cs ON cs.case_id = d.case_id AND cs.person_id = d.person_id "
#define DET_PERIOD M_PERIOD("d.start_day")
static const struct store_sql Q_DETAINED = {
	M_WITH DET_COUNT DET_CASE DET_SUBJ DET_PERIOD DETENTION_SCOPE, NULL };
static const struct store_sql Q_DETAINED_ALL = { DET_COUNT DET_PERIOD, NULL };
/* the unit member: the detained person's filing snapshot, else the case's
 * unit, looked up per detention of the period on the primary keys; joined,
 * PostgreSQL hashed the period's detentions against every case and case
 * subject (two sequential scans: 40 ms at 2M records, a province's report) */
#define DET_UNIT "COALESCE((SELECT cs.unit_id FROM case_subjects cs WHERE cs.case_id = d.case_id " \
	"AND cs.person_id = d.person_id), (SELECT c.unit_id FROM cases c WHERE c.id = d.case_id))"
static const struct store_sql Q_DETAINED_UNIT = {
	M_WITH DET_COUNT DET_PERIOD M_UNIT(DET_UNIT), NULL };
static const struct store_sql Q_DETAINED_CAMPAIGN = {
	DET_COUNT DET_CASE DET_PERIOD "AND c.campaign_id = ?", NULL };
static const struct store_sql Q_DETAINED_CATEGORY = {
	DET_COUNT DET_PERIOD "AND EXISTS (SELECT 1 FROM case_categories cc WHERE cc.case_id = d.case_id "
	"AND cc.category = ?)", NULL };
static const struct store_sql Q_DETAINED_SOURCE = {
	DET_COUNT DET_PERIOD "AND " CASE_SOURCE("d.case_id") " = ?", NULL };
static const struct store_sql Q_DETAINED_ORGAN = {
	DET_COUNT DET_CASE DET_PERIOD "AND c.organ_kind = ?", NULL };
static const struct store_sql Q_DETAINED_SUBJECT = {
	DET_COUNT DET_SUBJ DET_PERIOD "AND " M_SUBJ_ROW("cs.rank", "cs.top_leader", "cs.leadership"), NULL };
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

int q_metric_between(struct store *db, const struct store_sql *q, const struct metric_period *p,
			  const char *kind, int64_t *out)
{
	struct store_stmt *st = store_prepare(db, q);
	int64_t v;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, p->from);
	store_bind_text(st, 2, p->to);
	if (kind)
		store_bind_text(st, 3, kind);
	v = q_scalar(st);
	if (v < 0)
		return (int)v;
	*out = v;
	return 0;
}

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
	if (bits & METRIC_SCOPE_ROUND) {
		store_bind_int(st, i++, s->round_id);
		store_bind_int(st, i++, s->round_id);
	}
	if (bits & METRIC_SCOPE_KIND)
		i = q_bind_text2(st, i, s->activity_kind);
	return i;
}

int q_metric_bind_all(struct store_stmt *st, const struct metric_period *p, const struct metric_scope *s,
		      unsigned bits)
{
	int i = 1;

	if (bits & METRIC_SCOPE_UNIT)
		i = q_metric_bind_with(st, i, s);
	store_bind_text(st, i++, p->from);
	store_bind_text(st, i++, p->to);
	return q_metric_bind_scope(st, i, s, bits);
}

unsigned q_metric_scope_used(const struct metric_scope *s)
{
	unsigned u = 0;

	if (s->unit_id || s->scope_user)
		u |= METRIC_SCOPE_UNIT;
	if (s->campaign_id)
		u |= METRIC_SCOPE_CAMPAIGN;
	if (s->category && *s->category)
		u |= METRIC_SCOPE_CATEGORY;
	if (s->source && *s->source)
		u |= METRIC_SCOPE_SOURCE;
	if (s->organ_kind && *s->organ_kind)
		u |= METRIC_SCOPE_ORGAN;
	if ((s->rank && *s->rank) || s->top_leader || s->leadership || s->key_persons)
		u |= METRIC_SCOPE_SUBJECT;
	if (s->round_id)
		u |= METRIC_SCOPE_ROUND;
	if (s->activity_kind && *s->activity_kind)
		u |= METRIC_SCOPE_KIND;
	return u;
}

/* ---- the rollup ------------------------------------------------------------ */

/* The sums of one stat over the period, read from the rollup's grains
 * (store/q_grains.h: the edge days, the whole months, the whole years),
 * for one dimension value, or (unit) for the units of the scope's subtree
 * within the scope user's jurisdiction: a record has one unit, so the sum
 * over the units counts each record once. */
#define ROLL_COLS "n, f1, f2, f3, f4, sanc"
/* the six sums of the rows (of alias T: "g." or ""), named as ROLL_COLS */
#define ROLL_SUMS_OF(T) "CAST(COALESCE(sum(" T "n), 0) AS BIGINT) AS n, CAST(COALESCE(sum(" T "f1), 0) AS BIGINT) AS f1, " \
	"CAST(COALESCE(sum(" T "f2), 0) AS BIGINT) AS f2, CAST(COALESCE(sum(" T "f3), 0) AS BIGINT) AS f3, " \
	"CAST(COALESCE(sum(" T "f4), 0) AS BIGINT) AS f4, CAST(COALESCE(sum(" T "sanc), 0) AS BIGINT) AS sanc "
#define ROLL_SUMS "SELECT " ROLL_SUMS_OF("")
static const struct store_sql Q_ROLL = {
	ROLL_SUMS "FROM (" GRAIN_BRANCHES(ROLL_COLS, "stat = ? AND dim = ? AND val = ?") ") g", NULL };
/* The unit member: the rows of the units in scope (units_in).  PostgreSQL's
 * generic plan of the IN form read every unit row of the period (a hash
 * join over 1M rows at 10M records: 16.7 s for a province's report); there
 * a LATERAL sum per unit reads each unit's rows on the primary keys
 * (stat, dim, val, day / month / year): 46 -> 12 ms a key at 2M.  SQLite
 * has no LATERAL and runs the IN form on the primary keys already.  Same
 * parameters, same order: M_WITH, units_in, the branches. */
#define ROLL_UNITS_IN_COLS(COLS) ", units_in AS (SELECT " COLS "CAST(u.id AS TEXT) AS val FROM units u WHERE " \
	Q_IN_SCOPE("u.id") " AND (? = 0 OR u.id IN (SELECT id FROM sub))) "
#define ROLL_UNITS_IN ROLL_UNITS_IN_COLS("")
static const struct store_sql Q_ROLL_UNIT = {
	M_WITH ROLL_UNITS_IN ROLL_SUMS "FROM (" GRAIN_BRANCHES(ROLL_COLS,
	"stat = ? AND dim = 'unit' AND val IN (SELECT val FROM units_in)") ") g",
	M_WITH ROLL_UNITS_IN "SELECT CAST(COALESCE(sum(m.n), 0) AS BIGINT), CAST(COALESCE(sum(m.f1), 0) AS BIGINT), "
	"CAST(COALESCE(sum(m.f2), 0) AS BIGINT), CAST(COALESCE(sum(m.f3), 0) AS BIGINT), "
	"CAST(COALESCE(sum(m.f4), 0) AS BIGINT), CAST(COALESCE(sum(m.sanc), 0) AS BIGINT) "
	"FROM units_in u CROSS JOIN LATERAL (SELECT sum(n) AS n, sum(f1) AS f1, sum(f2) AS f2, sum(f3) AS f3, "
	"sum(f4) AS f4, sum(sanc) AS sanc FROM (" GRAIN_BRANCHES(ROLL_COLS,
	"stat = ? AND dim = 'unit' AND val = u.val") ") g) m" };

/* The count and the first figure (n, f1: /ratings' ratings and five
 * stars, the one caller) for each unit of units_in with a row of the
 * period whose n is not 0 (sparse16: /ratings' table of units): the unit's
 * id and name, then n and f1 summed.  SQLite: the period's rows of the
 * stat grouped by val first, then joined to the units: the rows of the
 * units in units_in (KEY_IN: sought unit by unit, for a jurisdiction or a
 * subtree), or (Q_ROLL_BY_UNIT_ALL, when units_in is every unit) every
 * unit's rows of the period's cells, read in one range of the
 * metric_*_all index each (camp16g: 5,239 units sought in metric_years, 20
 * ms of CPU at 10M records, against 11), each group's unit by its id
 * (ratings16h: grouped before the join, and read from metric_years_all
 * alone since 0093 put f1 in it, 11 -> 6 ms at 10M).  PostgreSQL: for a
 * jurisdiction or a subtree the LATERAL sum per unit of Q_ROLL_UNIT (its
 * generic plan), the six sums; for every unit the grouped text too
 * (pgwarm16k: the LATERAL sought 5,239 units in three grains each, 15,717
 * index probes, 97-156 ms a rendering of /ratings at 10M; the grouped text
 * reads the period's rows of the stat in one range of each grain, 24 ms,
 * in its custom and its generic plan alike). */
#define ROLL_BY_UNIT_SUMS(KEY) "(SELECT g.val, CAST(COALESCE(sum(g.n), 0) AS BIGINT) AS n, " \
	"CAST(COALESCE(sum(g.f1), 0) AS BIGINT) AS f1 FROM (" GRAIN_BRANCHES("val, n, f1", KEY) ") g " \
	"GROUP BY g.val HAVING sum(g.n) <> 0) s "
#define ROLL_BY_UNIT_GROUPED(KEY, JOIN) \
	M_WITH ROLL_UNITS_IN_COLS("u.id, u.name, ") "SELECT u.id, u.name, s.n, s.f1 FROM " \
	ROLL_BY_UNIT_SUMS(KEY) JOIN
static const struct store_sql Q_ROLL_BY_UNIT = {
	ROLL_BY_UNIT_GROUPED("stat = ? AND dim = 'unit' AND val IN (SELECT val FROM units_in)",
			     "JOIN units_in u ON u.val = s.val"),
	M_WITH ROLL_UNITS_IN_COLS("u.id, u.name, ") "SELECT u.id, u.name, m.* "
	"FROM units_in u CROSS JOIN LATERAL (" ROLL_SUMS "FROM (" GRAIN_BRANCHES(ROLL_COLS,
	"stat = ? AND dim = 'unit' AND val = u.val") ") g) m WHERE m.n <> 0" };
/* units_in unused (its parameters bound all the same): every unit; one
 * text for both backends */
static const struct store_sql Q_ROLL_BY_UNIT_ALL = {
	ROLL_BY_UNIT_GROUPED("stat = ? AND dim = 'unit'",
			     "JOIN units u ON u.id = CAST(s.val AS INTEGER) AND CAST(u.id AS TEXT) = s.val"),
	NULL };

/* Every stat of ROLL_STATS for one (dim, val) and period, one row a stat
 * with a row in the period's cells (pg10m16i: PostgreSQL's /statistics read
 * 40 keys a view by Q_ROLL, one round trip and one custom plan each, 18 ms
 * of planning a view at 10M).  The sums are Q_ROLL's, grouped by stat; a
 * stat without a row sums to 0, as Q_ROLL's COALESCE gives. */
static const char *const roll_stats[] = {
	"accountability", "activity", "case_closed", "case_filed", "case_transferred", "clarification",
	"clue_disposed", "clue_received", "confiscated", "detained", "followup", "ordered", "outcome",
	"problem", "problem_rectified", "rating", "recovered", "returned",
};
#define ROLL_STATS "'accountability', 'activity', 'case_closed', 'case_filed', 'case_transferred', " \
	"'clarification', 'clue_disposed', 'clue_received', 'confiscated', 'detained', 'followup', 'ordered', " \
	"'outcome', 'problem', 'problem_rectified', 'rating', 'recovered', 'returned'"
#define N_ROLL_STATS (sizeof(roll_stats) / sizeof(roll_stats[0]))
static const struct store_sql Q_ROLL_STATS = {
	"SELECT g.stat, " ROLL_SUMS_OF("g.") "FROM (" GRAIN_BRANCHES("stat, " ROLL_COLS,
	"stat IN (" ROLL_STATS ") AND dim = ? AND val = ?") ") g GROUP BY g.stat", NULL };

/* detained for one campaign (0086): the distinct persons (val) with a
 * detention in one of the period's cells (n <> 0) of stat detained under
 * dim 'campaign:<id>'; the cells partition the period, so a person
 * detained in it is counted once, as count(DISTINCT person_id) does */
static const struct store_sql Q_ROLL_DETAINED = {
	"SELECT count(DISTINCT g.val) FROM (" GRAIN_BRANCHES("val, n", "stat = 'detained' AND dim = ?")
	") g WHERE g.n <> 0", NULL };

/* the column of ROLL_SUMS a key reads */
enum roll_col { ROLL_N, ROLL_F1, ROLL_F2, ROLL_F3, ROLL_F4, ROLL_SANC };

/* The dimension and value of metric_days that answer scope s alone: 1
 * (dim, val), 2 the unit member (Q_ROLL_UNIT), 0 none (more than one
 * member, or two subject members: the live statement answers). */
static int roll_dim(const struct metric_scope *s, char idbuf[24], const char **dim, const char **val)
{
	unsigned used = q_metric_scope_used(s);

	*dim = *val = "";
	switch (used) {
	case 0:
		return 1;
	case METRIC_SCOPE_UNIT:
		return 2;
	case METRIC_SCOPE_CAMPAIGN:
		snprintf(idbuf, 24, "%" PRId64, s->campaign_id);
		*dim = "campaign", *val = idbuf;
		return 1;
	case METRIC_SCOPE_CATEGORY:
		*dim = "category", *val = s->category;
		return 1;
	case METRIC_SCOPE_SOURCE:
		*dim = "source", *val = s->source;
		return 1;
	case METRIC_SCOPE_ORGAN:
		*dim = "organ", *val = s->organ_kind;
		return 1;
	case METRIC_SCOPE_SUBJECT:
		if ((s->rank && *s->rank) + (s->top_leader != 0) + (s->leadership != 0) +
		    (s->key_persons != 0) != 1)
			return 0;
		*val = "1";
		if (s->rank && *s->rank)
			*dim = "rank", *val = s->rank;
		else
			*dim = s->top_leader ? "top" : s->leadership ? "lead" : "key";
		return 1;
	}
	return 0;
}

/* The last row of sums read, per thread, while a batch is open
 * (store_metric_batch): the six outcome keys read one row of metric_days
 * for a period and scope, and read it once.  On PostgreSQL a batch reads
 * every stat of ROLL_STATS for a (dim, val) and period at once (all_*:
 * Q_ROLL_STATS), a page's figures one statement a period, not one a key. */
static _Thread_local struct {
	int on, valid;
	const struct store *db;
	char key[320];
	int64_t sums[6];
	const struct store *live_db;    /* the switch as read in this batch, */
	int live;                       /* for live_db (-1: not read yet) */
	int all_valid;                  /* all_sums holds all_key's stats */
	const struct store *all_db;
	char all_key[320];
	int64_t all_sums[N_ROLL_STATS][6];
} memo;

/* The rows of the tables' grouped statements read in this batch
 * (q_metric_grouped): a slot per (group, period, scope), the oldest
 * replaced when all are taken. */
#define GROUP_SLOTS 8
static _Thread_local struct group_slot {
	const struct q_metric_group *g;
	const struct store *db;
	char key[320];
	int64_t v[Q_METRIC_GROUP_COLS];
} group_memo[GROUP_SLOTS];
static _Thread_local int group_next;

/* batches nest (the annual report opens one around the keys of all its
 * scopes): only the outermost opens and closes */
static _Thread_local int batch_depth;

void store_metric_batch(int on)
{
	if (on ? batch_depth++ > 0 : batch_depth == 0 || --batch_depth > 0)
		return;
	memo.on = on;
	memo.valid = 0;
	memo.all_valid = 0;
	memo.live = -1;
	memset(group_memo, 0, sizeof(group_memo));
	group_next = 0;
	q_mgroups_clear();
}

int q_metric_batch_open(void)
{
	return memo.on;
}

/* store_rollup_reads, read once per batch: a page's figures read the
 * switch once, not once per key (25 statements of a dashboard). */
static int rollup_reads(struct store *db)
{
	int rc;

	if (memo.on && memo.live >= 0 && memo.live_db == db)
		return memo.live;
	rc = store_rollup_reads(db);
	if (memo.on && rc >= 0) {
		memo.live = rc;
		memo.live_db = db;
	}
	return rc;
}

/* The index of stat in roll_stats, or -1 */
static int roll_stat_index(const char *stat)
{
	for (size_t i = 0; i < N_ROLL_STATS; i++)
		if (!strcmp(roll_stats[i], stat))
			return (int)i;
	return -1;
}

/* Reads every stat of ROLL_STATS under (dim, val) over the period g into
 * memo.all_sums, keyed by akey.  0 or < 0 error. */
static int rollup_all(struct store *db, const struct grain_split *g, const char *dim, const char *val,
		      const char *akey)
{
	const char *key[2] = { dim, val };
	struct store_stmt *st;
	int rc, k;

	memo.all_valid = 0;
	if (!(st = store_prepare(db, &Q_ROLL_STATS)))
		return STORE_ERR;
	grain_bind(st, 1, g, key, 2);
	memset(memo.all_sums, 0, sizeof(memo.all_sums));
	while ((rc = store_step(st)) == STORE_ROW) {
		int i = roll_stat_index(store_col_text(st, 0));
		if (i < 0)
			continue;
		for (k = 0; k < 6; k++)
			memo.all_sums[i][k] = store_col_int(st, k + 1);
	}
	store_reset(st);
	if (rc != STORE_DONE)
		return rc < 0 ? rc : STORE_ERR;
	memo.all_valid = 1;
	memo.all_db = db;
	strcpy(memo.all_key, akey);
	return 0;
}

/* ---- a table's live keys in one statement ------------------------------------ */

/* The key of a grouped read: the period and every member of the scope
 * (those the group does not bind are the same for all its keys); 0, or -1
 * when it does not fit. */
static int group_key(char *buf, size_t size, const struct metric_period *p, const struct metric_scope *s)
{
	int k = snprintf(buf, size, "%s|%s|%" PRId64 "|%" PRId64 "|%" PRId64 "|%s|%s|%s|%s|%d%d%d|%s|%" PRId64,
			 p->from, p->to, s->scope_user, s->unit_id, s->campaign_id, s->category ? s->category : "",
			 s->source ? s->source : "", s->organ_kind ? s->organ_kind : "", s->rank ? s->rank : "",
			 s->top_leader != 0, s->leadership != 0, s->key_persons != 0,
			 s->activity_kind ? s->activity_kind : "", s->round_id);

	return k < 0 || (size_t)k >= size ? -1 : 0;
}

int q_metric_grouped(struct store *db, const struct q_metric_group *g, int col, const struct metric_period *p,
		     const struct metric_scope *s, int64_t *out)
{
	struct group_slot *slot;
	struct store_stmt *st;
	char key[sizeof(group_memo[0].key)];
	int rc, k;

	if (!memo.on || (store_backend(db) != STORE_PG && !g->sqlite) || col < 0 || col >= g->ncols ||
	    g->ncols > Q_METRIC_GROUP_COLS || (q_metric_scope_used(s) & ~g->bits) ||
	    group_key(key, sizeof(key), p, s) < 0)
		return 0;
	/* QF_METRICS_LIVE=1 (rollup_reads 0): each key's own statement, the
	 * check of the grouped row as of the rollup (t258) */
	if ((rc = rollup_reads(db)) != 1)
		return rc;
	for (k = 0; k < GROUP_SLOTS; k++) {
		slot = &group_memo[k];
		if (slot->g == g && slot->db == db && !strcmp(slot->key, key)) {
			*out = slot->v[col];
			return 1;
		}
	}
	if (!(st = store_prepare(db, g->q)))
		return STORE_ERR;
	q_metric_bind_all(st, p, s, g->bits);
	slot = &group_memo[group_next];
	slot->g = NULL;
	rc = store_step(st);
	if (rc == STORE_ROW)
		for (k = 0; k < g->ncols; k++)
			slot->v[k] = store_col_int(st, k);
	store_reset(st);
	if (rc != STORE_ROW)
		return rc < 0 ? rc : STORE_ERR;
	slot->g = g;
	slot->db = db;
	strcpy(slot->key, key);
	group_next = (group_next + 1) % GROUP_SLOTS;
	*out = slot->v[col];
	return 1;
}

int q_metric_grouped_named(struct store *db, const struct q_metric_group *g, const char *const *names,
			   const char *name, const struct metric_period *p, const struct metric_scope *s,
			   int64_t *out)
{
	for (int k = 0; k < g->ncols; k++)
		if (!strcmp(names[k], name))
			return q_metric_grouped(db, g, k, p, s, out);
	return 0;
}

/* metric_days answers for stat when the switch is on (metric_state.live,
 * not overridden by QF_METRICS_LIVE=1, a diagnostic: docs/statistics.md)
 * and the scope is one it has rows for.  1 answered (*out set), 0 not,
 * < 0 error. */
static int rollup_at(struct store *db, const char *stat, enum roll_col col, const struct metric_period *p,
		     const struct metric_scope *s, int how, const char *dim, const char *val, int64_t *out)
{
	const char *key[3] = { stat, dim, val };
	struct grain_split g;
	struct store_stmt *st;
	char mkey[sizeof(memo.key)];
	int rc, i = 1, k;

	k = snprintf(mkey, sizeof(mkey), "%s|%d|%s|%s|%s|%s|%" PRId64 "|%" PRId64, stat, how, key[1], key[2],
		     p->from, p->to, s->scope_user, s->unit_id);
	if (k < 0 || (size_t)k >= sizeof(mkey))
		mkey[0] = 0;
	if (memo.on && memo.valid && memo.db == db && mkey[0] && !strcmp(memo.key, mkey)) {
		*out = memo.sums[col];
		return 1;
	}
	if ((rc = rollup_reads(db)) != 1)
		return rc;
	grain_split(p->from, p->to, 1, &g);
	/* PostgreSQL, in a batch, one (dim, val): every stat at once; the key
	 * without the stat (mkey past its first '|') names the read */
	if (memo.on && how == 1 && mkey[0] && store_backend(db) == STORE_PG && (k = roll_stat_index(stat)) >= 0) {
		const char *akey = strchr(mkey, '|');
		if (!(memo.all_valid && memo.all_db == db && !strcmp(memo.all_key, akey)) &&
		    (rc = rollup_all(db, &g, dim, val, akey)) < 0)
			return rc;
		*out = memo.all_sums[k][col];
		return 1;
	}
	if (!(st = store_prepare(db, how == 2 ? &Q_ROLL_UNIT : &Q_ROLL)))
		return STORE_ERR;
	if (how == 2) {
		i = q_metric_bind_with(st, i, s);
		i = q_metric_bind_with(st, i, s);     /* units_in: the same two values */
	}
	grain_bind(st, i, &g, key, how == 2 ? 1 : 3);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		for (k = 0; k < 6; k++)
			memo.sums[k] = store_col_int(st, k);
		*out = memo.sums[col];
		memo.valid = memo.on && mkey[0];
		memo.db = db;
		strcpy(memo.key, mkey);
	}
	store_reset(st);
	return rc == STORE_ROW ? 1 : rc < 0 ? rc : STORE_ERR;
}

/* rollup_at for the dimension that answers scope s alone (roll_dim) */
static int rollup(struct store *db, const char *stat, enum roll_col col, const struct metric_period *p,
		  const struct metric_scope *s, int64_t *out)
{
	const char *dim, *val;
	char idbuf[24];
	int how = roll_dim(s, idbuf, &dim, &val);

	return how ? rollup_at(db, stat, col, p, s, how, dim, val, out) : 0;
}

int q_metric_rollup_units(struct store *db, struct arena *a, const char *stat, const struct metric_period *p,
			  const struct metric_scope *s, q_fill_fn fill, size_t size, void *out, int *n)
{
	struct grain_split g;
	struct store_stmt *st;
	const char *key[1] = { stat };
	int rc, i = 1;

	if (q_metric_scope_used(s) & ~METRIC_SCOPE_UNIT)
		return 0;
	if ((rc = rollup_reads(db)) != 1)
		return rc;
	if (!(st = store_prepare(db, s->scope_user || s->unit_id ? &Q_ROLL_BY_UNIT : &Q_ROLL_BY_UNIT_ALL)))
		return STORE_ERR;
	i = q_metric_bind_with(st, i, s);
	i = q_metric_bind_with(st, i, s);     /* units_in: the same two values */
	grain_split(p->from, p->to, 1, &g);
	grain_bind(st, i, &g, key, 1);
	rc = q_collect(st, a, fill, size, out);
	if (rc < 0)
		return rc;
	*n = rc;
	return 1;
}

int q_metric_rollup(struct store *db, const char *stat, int col, const struct metric_period *p,
		    const struct metric_scope *s, int64_t *out)
{
	if (col < ROLL_N || col > ROLL_SANC)
		return 0;
	return rollup(db, stat, (enum roll_col)col, p, s, out);
}

int q_metric_rollup_dim(struct store *db, const char *stat, int col, const struct metric_period *p,
			const struct metric_scope *s, const char *dim, const char *val, int64_t *out)
{
	if (col < ROLL_N || col > ROLL_SANC || (q_metric_scope_used(s) & METRIC_SCOPE_UNIT))
		return 0;
	return rollup_at(db, stat, (enum roll_col)col, p, s, 1, dim, val, out);
}

/* 1 when the piece [c, c + len) of the '+'-separated list appears before c */
static int earlier(const char *list, const char *c, size_t len)
{
	for (const char *e = list; e < c;) {
		size_t n = strcspn(e, "+");
		if (n == len && !memcmp(e, c, len))
			return 1;
		e += n + 1;     /* a piece before c ends at a '+' */
	}
	return 0;
}

/* The kind member from the rollup (migrations 0078, 0089): the sum over
 * the list's distinct codes of dim `kind` (val the code), `kind_campaign`
 * (code ':' campaign id) or `kind_category` (code ':' category), with no
 * other member; a problem has one activity, an activity one kind, so the
 * codes' rows are disjoint.  1 answered, 0 not (a list that is not plain
 * codes, another member, the rollup off), or a store code. */
static int rollup_kinds(struct store *db, const char *stat, int rcol, const struct metric_period *p,
			const struct metric_scope *s, int64_t *out)
{
	unsigned used = q_metric_scope_used(s);
	const char *list = s->activity_kind, *dim = "kind";
	char val[160], more[96] = "";
	int64_t sum = 0, v;
	int n = 0, rc;

	if (!(used & METRIC_SCOPE_KIND) || (used & ~(unsigned)(METRIC_SCOPE_KIND | METRIC_SCOPE_CAMPAIGN |
							      METRIC_SCOPE_CATEGORY)) ||
	    (used & METRIC_SCOPE_CAMPAIGN && used & METRIC_SCOPE_CATEGORY) || !q_mgroups_plain_codes(list))
		return 0;
	if (used & METRIC_SCOPE_CAMPAIGN)
		dim = "kind_campaign", snprintf(more, sizeof(more), ":%" PRId64, s->campaign_id);
	else if (used & METRIC_SCOPE_CATEGORY) {
		dim = "kind_category";
		if (snprintf(more, sizeof(more), ":%s", s->category) >= (int)sizeof(more))
			return 0;
	}
	for (const char *c = list; *c;) {
		size_t len = strcspn(c, "+");
		if (len && !earlier(list, c, len)) {
			if (snprintf(val, sizeof(val), "%.*s%s", (int)len, c, more) >= (int)sizeof(val))
				return 0;
			if ((rc = q_metric_rollup_dim(db, stat, rcol, p, s, dim, val, &v)) != 1)
				return rc;
			sum += v, n++;
		}
		c += len + (c[len] == '+');
	}
	if (!n)
		return 0;
	*out = sum;
	return 1;
}

int q_metric_rollup_family(struct store *db, const char *stat, int col, const struct metric_period *p,
			   const struct metric_scope *s, int64_t *out)
{
	int rc;

	if (!(q_metric_scope_used(s) & ~(unsigned)(METRIC_SCOPE_UNIT | METRIC_SCOPE_CAMPAIGN |
						    METRIC_SCOPE_CATEGORY)) &&
	    (rc = q_metric_rollup(db, stat, col, p, s, out)) != 0)
		return rc;
	return rollup_kinds(db, stat, col, p, s, out);
}

/* ---- the keys ------------------------------------------------------------- */

/* Runs q for the period and scope with two more integer pairs (the
 * outcome filters) when `extra` is set; metric_days first when the key
 * has a stat there. */
static int run(struct store *db, const struct store_sql *q, unsigned bits, const struct metric_period *p,
	       const struct metric_scope *s, const int64_t *extra, int n_extra, const char *stat,
	       enum roll_col col, int64_t *out)
{
	struct store_stmt *st;
	int64_t v;
	int i;

	/* the rollup only for a scope the key honours (the domain asks for no
	 * other: such a key is not applicable) */
	if (stat && !(q_metric_scope_used(s) & ~bits) && (i = rollup(db, stat, col, p, s, out)) != 0)
		return i < 0 ? i : 0;
	if (!(st = store_prepare(db, q)))
		return STORE_ERR;
	i = q_metric_bind_all(st, p, s, bits);
	for (int k = 0; k < n_extra; k++)
		store_bind_int(st, i++, extra[k]);
	v = q_scalar(st);
	if (v < 0)
		return (int)v;
	*out = v;
	return 0;
}

/* STAT: the key's stat in metric_days, NULL for a live statement only */
#define SIMPLE(NAME, Q, BITS, STAT)                                                             \
	int store_metric_##NAME(struct store *db, const struct metric_period *p,                \
				const struct metric_scope *s, int64_t *out)                     \
	{                                                                                       \
		return run(db, &Q, BITS, p, s, NULL, 0, STAT, ROLL_N, out);                     \
	}
SIMPLE(clues_received, Q_CLUES_RECEIVED, Q_METRIC_CLUE_SCOPES, "clue_received")
SIMPLE(clues_disposed, Q_CLUES_DISPOSED, Q_METRIC_CLUE_SCOPES, "clue_disposed")
SIMPLE(cases_filed, Q_CASES_FILED, Q_METRIC_CASE_SCOPES, "case_filed")
SIMPLE(cases_closed, Q_CASES_CLOSED, Q_METRIC_CASE_SCOPES, "case_closed")
SIMPLE(transferred, Q_TRANSFERRED, Q_METRIC_CASE_SCOPES, "case_transferred")
SIMPLE(accountabilities, Q_ACCOUNTABILITIES, Q_METRIC_ACCOUNTABILITY_SCOPES, "accountability")
SIMPLE(recovered, Q_RECOVERED, Q_METRIC_RECOVERY_SCOPES, "recovered")
SIMPLE(returned, Q_RETURNED, Q_METRIC_RECOVERY_SCOPES, "returned")
SIMPLE(followups, Q_FOLLOWUPS, Q_METRIC_FOLLOWUP_SCOPES, "followup")
SIMPLE(clarifications, Q_CLARIFICATIONS, Q_METRIC_CLARIFICATION_SCOPES, "clarification")

/* The statement of Q_DETAINED_* composed for the one member s sets (or
 * none), bound: the period, then that member's values; NULL for a scope
 * of several members (Q_DETAINED answers). */
static struct store_stmt *detained_stmt(struct store *db, const struct metric_period *p,
					 const struct metric_scope *s)
{
	const struct store_sql *q;
	struct store_stmt *st;
	const char *text = NULL;
	int i = 1;

	switch (q_metric_scope_used(s)) {
	case 0: q = &Q_DETAINED_ALL; break;
	case METRIC_SCOPE_UNIT: q = &Q_DETAINED_UNIT; break;
	case METRIC_SCOPE_CAMPAIGN: q = &Q_DETAINED_CAMPAIGN; break;
	case METRIC_SCOPE_CATEGORY: q = &Q_DETAINED_CATEGORY, text = s->category; break;
	case METRIC_SCOPE_SOURCE: q = &Q_DETAINED_SOURCE, text = s->source; break;
	case METRIC_SCOPE_ORGAN: q = &Q_DETAINED_ORGAN, text = s->organ_kind; break;
	case METRIC_SCOPE_SUBJECT: q = &Q_DETAINED_SUBJECT; break;
	default: return NULL;
	}
	if (!(st = store_prepare(db, q)))
		return NULL;
	if (q == &Q_DETAINED_UNIT)
		i = q_metric_bind_with(st, i, s);
	store_bind_text(st, i++, p->from);
	store_bind_text(st, i++, p->to);
	if (q == &Q_DETAINED_UNIT)
		q_metric_bind_with(st, i, s);
	else if (q == &Q_DETAINED_CAMPAIGN)
		store_bind_int(st, i, s->campaign_id);
	else if (text)
		store_bind_text(st, i, text);
	else if (q == &Q_DETAINED_SUBJECT) {
		/* M_SUBJ_ROW: rank x2, top leader, leadership, key persons */
		store_bind_text(st, i++, s->rank ? s->rank : "");
		store_bind_text(st, i++, s->rank ? s->rank : "");
		store_bind_int(st, i++, s->top_leader != 0);
		store_bind_int(st, i++, s->leadership != 0);
		store_bind_int(st, i, s->key_persons != 0);
	}
	return st;
}

/* detained for the campaign of s alone from the rollup (Q_ROLL_DETAINED):
 * 1 answered (*out set), 0 the rollup does not read, < 0 error */
static int rollup_detained(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			   int64_t *out)
{
	char dim[40];
	const char *key[1] = { dim };
	struct grain_split g;
	struct store_stmt *st;
	int64_t v;
	int rc;

	if ((rc = rollup_reads(db)) != 1)
		return rc;
	snprintf(dim, sizeof(dim), "campaign:%" PRId64, s->campaign_id);
	if (!(st = store_prepare(db, &Q_ROLL_DETAINED)))
		return STORE_ERR;
	grain_split(p->from, p->to, 1, &g);
	grain_bind(st, 1, &g, key, 1);
	if ((v = q_scalar(st)) < 0)
		return (int)v;
	*out = v;
	return 1;
}

/* A whole calendar year without a scope: the persons of person_years
 * (0095: one row per figure, year and person, kept by triggers), where the
 * distinct count sorted or scanned the year's rows (10M records: the
 * integrity files' 102,024 updates of 2022, 8 ms of CPU -> ~1; detained,
 * 5-9 -> ~1), counted in person_year_counts (0108: one row per figure and
 * year, kept by person_years' triggers), where the count of person_years'
 * rows read the year's 83,881 persons (a sequential scan on PostgreSQL,
 * 57 ms). */
static const struct store_sql Q_PERSON_YEAR = {
	"SELECT COALESCE((SELECT n FROM person_year_counts WHERE stat = ? AND year = ?), 0)", NULL };

/* the year when [from, to] is one whole calendar year, else 0 */
static int whole_year(const struct metric_period *p)
{
	int y = 0;

	if (strlen(p->from) != 10 || strlen(p->to) != 10 || strncmp(p->from, p->to, 4) ||
	    strcmp(p->from + 4, "-01-01") || strcmp(p->to + 4, "-12-31"))
		return 0;
	for (int i = 0; i < 4; i++) {
		if (p->from[i] < '0' || p->from[i] > '9')
			return 0;
		y = y * 10 + (p->from[i] - '0');
	}
	return y;
}

int q_metric_person_year(struct store *db, const char *stat, const struct metric_period *p,
			 const struct metric_scope *s, int64_t *out)
{
	struct store_stmt *st;
	int year = whole_year(p), rc;

	if (!year || q_metric_scope_used(s))
		return 0;
	if ((rc = rollup_reads(db)) != 1)
		return rc;
	if (!(st = store_prepare(db, &Q_PERSON_YEAR)))
		return STORE_ERR;
	store_bind_text(st, 1, stat);
	store_bind_int(st, 2, year);
	return (rc = q_scalar_out(st, out)) < 0 ? rc : 1;
}

int store_metric_detained(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			  int64_t *out)
{
	unsigned used = q_metric_scope_used(s);
	struct store_stmt *st;
	int64_t v;

	int rc;

	if ((rc = q_metric_person_year(db, "detained", p, s, out)) != 0)
		return rc < 0 ? rc : 0;
	if ((used & (used - 1)) || (used & ~(unsigned)Q_METRIC_DETENTION_SCOPES))
		return run(db, &Q_DETAINED, Q_METRIC_DETENTION_SCOPES, p, s, NULL, 0, NULL, ROLL_N, out);
	if (used == METRIC_SCOPE_CAMPAIGN && (rc = rollup_detained(db, p, s, out)) != 0)
		return rc < 0 ? rc : 0;
	if (!(st = detained_stmt(db, p, s)))
		return STORE_ERR;
	if ((v = q_scalar(st)) < 0)
		return (int)v;
	*out = v;
	return 0;
}

/* outcomes of form `form` (0: any), sanctioned only when `sanctioned`;
 * COL: the same count in metric_days' outcome rows */
#define OUTCOMES(NAME, FORM, SANCTIONED, COL)                                                   \
	int store_metric_##NAME(struct store *db, const struct metric_period *p,                \
				const struct metric_scope *s, int64_t *out)                     \
	{                                                                                       \
		const int64_t x[] = { FORM, FORM, SANCTIONED };                                 \
		return run(db, &Q_OUTCOMES, Q_METRIC_OUTCOME_SCOPES, p, s, x, 3, "outcome", COL, out); \
	}
OUTCOMES(forms_total, 0, 0, ROLL_N)
OUTCOMES(form1, 1, 0, ROLL_F1)
OUTCOMES(form2, 2, 0, ROLL_F2)
OUTCOMES(form3, 3, 0, ROLL_F3)
OUTCOMES(form4, 4, 0, ROLL_F4)
OUTCOMES(sanctioned, 0, 1, ROLL_SANC)

int q_metric_count(struct store *db, const struct store_sql *q, const struct metric_period *p,
		   const struct metric_scope *s, unsigned bits, int64_t *out)
{
	struct store_stmt *st = store_prepare(db, q);
	int64_t v;
	int i;

	if (!st)
		return STORE_ERR;
	i = q_metric_bind_with(st, 1, s);
	store_bind_text(st, i++, p->from);
	store_bind_text(st, i++, p->to);
	q_metric_bind_scope(st, i, s, bits);
	v = q_scalar(st);
	if (v < 0)
		return (int)v;
	*out = v;
	return 0;
}

