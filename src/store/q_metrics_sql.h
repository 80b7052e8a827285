#ifndef QF_Q_METRICS_SQL_H
#define QF_Q_METRICS_SQL_H
/*
 * q_metrics_sql: the SQL fragments of the statistics (q_metrics.c), private
 * to the store.  A list that shows the records behind a figure (the
 * clue, case, outcome and detention lists filtered by within, campaign_id,
 * category, source, organ_kind, rank, top_leader, leadership, key_persons)
 * composes its WHERE from the same family fragment, so the list and the
 * figure count the same rows.  Each fragment is off when its value is
 * empty or 0; the parameters, in order: unit (scope user, unit),
 * campaign x2, category x2, source x2, organ x2, subject (any, rank x2,
 * top, lead, key), round x2, kind x2.  M_UNIT reads the CTEs vis and sub of M_WITH.
 */
#include "model/metrics.h"
#include "store/q_scope.h"
#include "store/q_util.h"
#include "store/store.h"

/* Binds the two parameters of M_WITH (the scope user, the unit) from
 * index i; and the fragments of the members in `bits` (METRIC_SCOPE_*, in
 * the order above) from index i.  Both return the next index. */
/* The count of statement q whose parameters are the period (from, to) and,
 * when kind is not NULL, kind: 0 with *out, or a store code (a family
 * without scope members: targets, reminders, opinion replies). */
int q_metric_between(struct store *db, const struct store_sql *q, const struct metric_period *p,
		     const char *kind, int64_t *out);
int q_metric_bind_with(struct store_stmt *st, int i, const struct metric_scope *s);
/* The sum of column col (0 n, 1 f1 .. 4 f4, 5 sanc) of stat in the rollup
 * for period p and scope s, into *out: 1 answered; 0 not (the rollup off
 * or forced off, or a scope it has no rows for: the live statement
 * answers); or a store code.  For a key whose statement is outside
 * q_metrics.c (the ratings, 0069). */
int q_metric_rollup(struct store *db, const char *stat, int col, const struct metric_period *p,
		    const struct metric_scope *s, int64_t *out);
/* A figure that counts persons once (stat 'integrity_files', 'detained')
 * for period p and scope s from person_years (0095, dash16i), into *out:
 * 1 answered, when p is one whole calendar year, s sets nothing and the
 * rollup is read (QF_METRICS_LIVE=1 reads the live statement: the check);
 * 0 not; or a store code. */
int q_metric_person_year(struct store *db, const char *stat, const struct metric_period *p,
			 const struct metric_scope *s, int64_t *out);
/* The same sum for one (dim, val) of stat named by the caller, whatever
 * else s sets, except the unit member (and the scope user's jurisdiction),
 * which it does not answer (0): for a family's dimensions that combine
 * members (the problems' kind_campaign, 0078).  Returns as q_metric_rollup. */
int q_metric_rollup_dim(struct store *db, const char *stat, int col, const struct metric_period *p,
			const struct metric_scope *s, const char *dim, const char *val, int64_t *out);
/* A family's figure from its rollup rows with the dimensions of 0078
 * (the problems) and 0089 (the work log): '', unit, campaign, category,
 * kind, kind_campaign, kind_category.  It answers a scope of the unit, the
 * campaign or the category alone, or none (q_metric_rollup), and a kind
 * list of plain codes alone, with a campaign or with a category (the sum
 * over the list's distinct codes: a record has one kind, so the codes'
 * rows are disjoint).  Returns as q_metric_rollup. */
int q_metric_rollup_family(struct store *db, const char *stat, int col, const struct metric_period *p,
			   const struct metric_scope *s, int64_t *out);
/* The same sums per unit (sparse16): for each unit of s's unit member (the
 * unit and those below it, within the scope user's jurisdiction) whose
 * rows of stat in period p do not sum to n = 0, one row collected by fill
 * (store/q_util.h q_collect; arena a, rows of `size` into *out): columns
 * the unit's id, its name, then the sums n, f1 .. f4, sanc; unordered.  1
 * answered (*n rows), 0 not (the rollup off or forced off, or a scope
 * member other than the unit), or a store code.  p's bounds must be
 * dates (YYYY-MM-DD). */
int q_metric_rollup_units(struct store *db, struct arena *a, const char *stat, const struct metric_period *p,
			  const struct metric_scope *s, q_fill_fn fill, size_t size, void *out, int *n);
/* A list's period (from, to: YYYY-MM-DD, "" or NULL open) as the rollup
 * reads it: an open end from the first or to the last day a date can name
 * (core/date.c), so that the grains answer what "no bound" counts (the
 * records' days are dates: every write path checks them). */
static inline struct metric_period q_metric_list_period(const char *from, const char *to)
{
	struct metric_period p = { from && *from ? from : "0001-01-01", to && *to ? to : "9999-12-31" };

	return p;
}
/* A table's live keys read at once (pgstat16j): q returns one row, a
 * column a key (at most Q_METRIC_GROUP_COLS), its parameters those of
 * q_metric_bind_all(bits); each column is its key's own statement
 * restricted to the key's rows (sum or count of a CASE), so the two give
 * the same figure. */
#define Q_METRIC_GROUP_COLS 8
struct q_metric_group {
	const struct store_sql *q;
	unsigned bits;          /* the scope members q binds (METRIC_SCOPE_*) */
	int ncols;
	int sqlite;             /* read grouped on SQLite too (dash16k: where the one
				 * pass is cheaper than the keys' own statements) */
};
/* Column col of g's row for period p and scope s into *out: 1 answered (on
 * PostgreSQL, and on SQLite for a group with `sqlite` set, in a batch: the
 * first key of a (group, period, scope) reads the row, the later keys are
 * answered from it: one round trip, one plan and one pass over the rows for
 * the table's keys); 0 not (SQLite for the other groups, outside a batch,
 * a member outside bits: the key's own statement answers); or a store code. */
int q_metric_grouped(struct store *db, const struct q_metric_group *g, int col, const struct metric_period *p,
		     const struct metric_scope *s, int64_t *out);
/* q_metric_grouped for the column of g named `name` in names[] (one a
 * column); 0 for a name not there. */
int q_metric_grouped_named(struct store *db, const struct q_metric_group *g, const char *const *names,
			   const char *name, const struct metric_period *p, const struct metric_scope *s,
			   int64_t *out);
/* 1 while a batch of reads is open on this thread (store_metric_batch) */
int q_metric_batch_open(void);
int q_metric_bind_scope(struct store_stmt *st, int i, const struct metric_scope *s, unsigned bits);
/* A count of one statement "M_WITH SELECT count(*) ... M_PERIOD(day)
 * <the fragments of bits>" for period p and scope s into *out: 0 or < 0. */
int q_metric_count(struct store *db, const struct store_sql *q, const struct metric_period *p,
		   const struct metric_scope *s, unsigned bits, int64_t *out);
/* A key's statement from parameter 1: the CTEs of M_WITH (when bits has
 * the unit), the period of M_PERIOD, then the members of `bits`; the
 * index of the next parameter. */
int q_metric_bind_all(struct store_stmt *st, const struct metric_period *p, const struct metric_scope *s,
		      unsigned bits);

/* vis: the jurisdiction of the scope user (q_scope.h); sub: the unit and
 * all below it, seeded with the scope's unit (none for 0) */
#define M_WITH "WITH RECURSIVE " Q_SCOPE_CTE ", " Q_SUBTREE("sub", "SELECT id FROM units WHERE id = ?") " "
#define M_PERIOD(DAY) "WHERE " DAY " >= ? AND " DAY " <= ? "
#define M_UNIT(COL) "AND " Q_IN_SCOPE(COL) " AND (? = 0 OR " COL " IN (SELECT id FROM sub)) "
#define M_CAMP(COL) "AND (? = 0 OR " COL " = ?) "
#define M_CAT(CODES) "AND (? = '' OR ? IN (" CODES ")) "
#define M_SRC(COL) "AND (? = '' OR " COL " = ?) "
#define M_ORGAN(COL) "AND (? = '' OR " COL " = ?) "
/* one subject's snapshot: rank, top leader, leadership, key persons
 * (top leader or leadership member or section rank) */
#define M_SUBJ_ROW(R, T, L) "(? = '' OR " R " = ?) AND (? = 0 OR " T " = 1) AND " \
	"(? = 0 OR " L " = 1) AND (? = 0 OR " T " = 1 OR " L " = 1 OR " R " = 'section')"
#define M_SUBJ(COND) "AND (? = 0 OR " COND ") "
/* an inspection round (METRIC_SCOPE_ROUND) */
#define M_ROUND(COL) "AND (? = 0 OR " COL " = ?) "
/* work log kinds, the last member (METRIC_SCOPE_KIND): "+"-joined codes
 * ("" any), matched without LIKE's '_' wildcard meaning anything (escaped
 * by '#'); a family whose kind is that of a linked record wraps
 * M_KIND_LIKE in its own test (two parameters either way) */
#define M_KIND_LIKE(COL) "('+' || ? || '+') LIKE ('%+' || replace(" COL ", '_', '#_') || '+%') ESCAPE '#'"
#define M_KINDS(COL) "AND (? = '' OR " M_KIND_LIKE(COL) ") "

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

#endif
