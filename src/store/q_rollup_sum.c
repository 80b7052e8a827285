/*
 * q_rollup_sum.c: the rollup's refill on SQLite, summed in C (issue 16,
 * imp16b).  metric_recompute is a GROUP BY over every record's
 * contribution rows, which SQLite answers with a sort of all of them (a
 * record comparison per step: about half the refill's instructions), and
 * the grains are then summed from metric_days with two more sorts.  Here
 * the contribution rows (the FROM of metric_recompute, migrations 0028,
 * 0039 and 0069: keep the two in step; t226 compares the result with the rows the
 * triggers give) are read once, summed in a hash table by (stat, dim, val,
 * day), their texts interned (struct sums), sorted in strcmp's order
 * field by field (SQLite's BINARY order, the order of the tables' keys:
 * since 0106 they are WITHOUT ROWID tables keyed by it, so each row goes
 * at the end of its B-tree; sorted_sums), and inserted in that order (the
 * tables' secondary indexes dropped before and built after them: TABLES):
 * the day rows, then the months and the years, which in that order are runs
 * of consecutive rows.  They go PUT_ROWS rows a statement (sqimp16i: a
 * statement's own start, end and transaction check were about 40% of a
 * row's insert), the last fewer one a statement.  PostgreSQL keeps the
 * statements (a hash aggregate).
 */
#include "store/q_rollup.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "store/q_ixdefer.h"
#include "store/q_util.h"
#include "store/store.h"
#include "store/store_impl.h"

#define CONTRIB_COLS "stat, dim, val, day, n, f1, f2, f3, f4, sanc"
/* metric_contrib reads metric_clue_dims once per statistic of a clue and
 * metric_case_dims once per statistic of a case, each read evaluating
 * every dimension's record again: their arms are read here from one pass
 * over each dims view's rows (`dims`, below), and the view's other arms with a kind the
 * condition, pushed into each arm, keeps (the clues' and cases' arms then
 * read nothing) */
#define CONTRIB_OTHERS \
	"SELECT " CONTRIB_COLS " FROM metric_contrib WHERE kind NOT IN ('clue', 'case') " \
	"UNION ALL SELECT " CONTRIB_COLS " FROM metric_acct_contrib " \
	"UNION ALL SELECT " CONTRIB_COLS " FROM metric_family_contrib"
static const struct store_sql Q_CONTRIB = { CONTRIB_OTHERS, NULL };
/* metric_contrib's arms of the clues and the cases (migration 0028: keep
 * the two in step): a row of a dims view (dim, val, then one day a
 * statistic) counts n = 1 in each statistic whose day is not NULL; the
 * first statistic of a strict view has no such condition in the view (a
 * NULL day is what metric_days' NOT NULL refuses).
 *
 * The dims views' rows themselves (sqdims16m): each arm of
 * metric_clue_dims evaluates metric_clue_base again, its disposed EXISTS
 * over dispositions nine times a clue (at the 1M scale file the view's
 * read was 16-25 s of the import).  The refill reads the same rows with a
 * record's base row evaluated once: q, one row a record in id order, its
 * id, its days and one column a dimension of one value (dim[]; NULL: the
 * view's arm has no row for it), unpivoted here; cat, the category arm's
 * (record id, category) rows, and subj, the record's subjects (record id,
 * rank, then 1 where top, lead and key's conditions hold), both in id
 * order and merged with q's rows by id (the view's JOIN on the base: a
 * row whose record q has not is not counted): a subject's rank counts
 * once a record (the rank arm's NOT EXISTS of a smaller person_id of the
 * same rank), top, lead and key once a record with a subject of theirs
 * (the arms' EXISTS).  Keep q, cat, subj and dim[] in step with 0028's
 * metric_clue_dims and metric_case_dims (each arm's condition); t226
 * compares the rollup with the triggers' and stats check with the live
 * statements. */
#define DIMS_ONE \
	"'', CAST(b.unit_id AS TEXT), CAST(b.campaign_id AS TEXT), " \
	"CASE WHEN b.source IS NOT NULL AND b.source <> '' THEN b.source END"
#define DIMS_SUBJ(T, K) \
	"SELECT " K ", rank, top_leader = 1, leadership = 1, " \
	"top_leader = 1 OR leadership = 1 OR rank = 'section' FROM " T " ORDER BY " K
/* metric_clue_base's columns but its disposed, read from clues itself: a
 * clue's disposed day is its first_disposed when it has an approved
 * disposition other than a transfer (the view's correlated EXISTS, an
 * index probe a clue: about 0.3 s of the 1M scale file's refill), found
 * here by merging Q_CLUE_DISP's clue ids in id order (sqend18; keep the
 * two in step with 0028's metric_clue_base).  The unary + keeps the
 * planner off dispositions_state (without statistics it took that index
 * and sorted the rows): the covering dispositions_clue_method gives them
 * in clue_id order. */
static const struct store_sql Q_CLUE_ONE = {
	"SELECT b.id, b.received, b.first_disposed, " DIMS_ONE " FROM clues b ORDER BY b.id", NULL };
static const struct store_sql Q_CLUE_DISP = {
	"SELECT clue_id FROM dispositions WHERE +state = 'approved' AND +method <> 'transfer' "
	"ORDER BY clue_id", NULL };
static const struct store_sql Q_CLUE_CATEGORY = {
	"SELECT clue_id, category FROM clue_categories ORDER BY clue_id", NULL };
static const struct store_sql Q_CLUE_SUBJ = { DIMS_SUBJ("clue_subjects", "clue_id"), NULL };
static const struct store_sql Q_CASE_ONE = {
	"SELECT b.id, b.filed, b.closed, b.transferred, " DIMS_ONE ", "
	"CASE WHEN b.organ_kind IS NOT NULL AND b.organ_kind <> '' THEN b.organ_kind END "
	"FROM metric_case_base b ORDER BY b.id", NULL };
static const struct store_sql Q_CASE_CATEGORY = {
	"SELECT case_id, category FROM case_categories ORDER BY case_id", NULL };
static const struct store_sql Q_CASE_SUBJ = { DIMS_SUBJ("case_subjects", "case_id"), NULL };
struct dims {
	const struct store_sql *q, *cat, *subj;
	const struct store_sql *disp;   /* the clues' disposed condition (Q_CLUE_DISP), or NULL */
	const char *stat[3];
	int strict;
	const char *dim[6];             /* q's columns after the days; NULL-ended */
};
/* subj's flags after the rank, their dimensions (value '1') */
static const char *const SUBJ_DIM[3] = { "top", "lead", "key" };
static const struct dims DIMS[] = {
	{ &Q_CLUE_ONE, &Q_CLUE_CATEGORY, &Q_CLUE_SUBJ, &Q_CLUE_DISP, { "clue_received", "clue_disposed", NULL }, 1,
	  { "", "unit", "campaign", "source", NULL } },
	{ &Q_CASE_ONE, &Q_CASE_CATEGORY, &Q_CASE_SUBJ, NULL, { "case_filed", "case_closed", "case_transferred" }, 0,
	  { "", "unit", "campaign", "source", "organ", NULL } },
};
/* metric_days from the records, set-wise (store_rollup_fill_days):
 * metric_recompute on SQLite (`stats rebuild`; an import sums in C, below);
 * on PostgreSQL the same sums with each dims view read once, its row
 * unpivoted into the statistics of DIMS by a LATERAL VALUES (pgref16k:
 * metric_contrib's arms read metric_clue_dims twice and metric_case_dims
 * three times, each read building the disposed EXISTS's hashed subplan
 * again), its rows in the primary key's order (a hash aggregate's are not:
 * the key's B-tree then takes each row at a random leaf).  A clue's
 * received day is strict: NULL reaches metric_days' NOT NULL, as
 * metric_contrib's arm does. */
#define PIVOT(D, VALUES, KEEP) "UNION ALL SELECT v.stat, d.dim, d.val, v.day, 1, 0, 0, 0, 0, 0 " \
	"FROM " D " d CROSS JOIN LATERAL (VALUES " VALUES ") v(stat, day) WHERE " KEEP " "
static const struct store_sql Q_FILL_DAYS = {
	"INSERT INTO metric_days (" CONTRIB_COLS ") SELECT " CONTRIB_COLS " FROM metric_recompute",
	"INSERT INTO metric_days (" CONTRIB_COLS ") SELECT stat, dim, val, day, sum(n), sum(f1), sum(f2), "
	"sum(f3), sum(f4), sum(sanc) FROM (" CONTRIB_OTHERS " "
	PIVOT("metric_clue_dims", "('clue_received', d.received), ('clue_disposed', d.disposed)",
	      "(v.day IS NOT NULL OR v.stat = 'clue_received')")
	PIVOT("metric_case_dims", "('case_filed', d.filed), ('case_closed', d.closed), "
	      "('case_transferred', d.transferred)", "v.day IS NOT NULL")
	") c GROUP BY stat, dim, val, day ORDER BY stat, dim, val, day" };
#define PUT_ROWS 64
#define ROW1 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define ROW4 ROW1 ", " ROW1 ", " ROW1 ", " ROW1
#define ROW16 ROW4 ", " ROW4 ", " ROW4 ", " ROW4
#define ROW64 ROW16 ", " ROW16 ", " ROW16 ", " ROW16
#define PUT(T, PER) "INSERT INTO " T " (stat, dim, val, " PER ", n, f1, f2, f3, f4, sanc) VALUES "
/* per table: one row, PUT_ROWS rows */
static const struct store_sql Q_PUT_DAY[2] = { { PUT("metric_days", "day") ROW1, NULL },
	{ PUT("metric_days", "day") ROW64, NULL } };
static const struct store_sql Q_PUT_MONTH[2] = { { PUT("metric_months", "month") ROW1, NULL },
	{ PUT("metric_months", "month") ROW64, NULL } };
static const struct store_sql Q_PUT_YEAR[2] = { { PUT("metric_years", "year") ROW1, NULL },
	{ PUT("metric_years", "year") ROW64, NULL } };

/* A sum of the rollup: its key, the ids of its four texts (struct sums'
 * text[]; after sorted_sums their ranks, ranked[]), and its sums. */
struct sum {
	uint32_t key[4];        /* stat, dim, val, day */
	int64_t v[6];           /* n, f1, f2, f3, f4, sanc */
};

/* a slot of the sums' hash: the key's hash and the sum's index + 1 (0:
 * empty), so that a probe reads the sum only when the hashes agree */
struct slot {
	uint32_t hash, i;
};

/* a contribution waiting in struct sums' batch: its key, the key's hash
 * and its sums */
struct pending {
	uint32_t key[4], hash;
	int64_t v[6];
};

/* contributions added a batch at a time (sqend18), their slots and then
 * their sums fetched from memory ahead of the adding */
#define PENDING 32

/* The sums by key (sqsum17): each distinct text of the keys is interned
 * once and named by its id, so a contribution row's key is four integers,
 * hashed and compared as such; the sums lie in one array (no allocation a
 * sum), the hash's slots beside it. */
struct sums {
	struct arena *a;        /* the texts */
	struct sum *sum;        /* n sums, room for sum_cap */
	size_t n, sum_cap;
	struct slot *slot;      /* cap slots */
	size_t cap;
	const char **text;      /* the text of each id, text_n of them */
	size_t text_n;
	uint32_t *str;          /* str_cap slots: a text's id + 1, 0 empty */
	size_t str_cap;
	struct pending pend[PENDING];   /* pend_n contributions not yet added */
	size_t pend_n;
};

/* no text: a NULL day */
#define NO_TEXT UINT32_MAX

static unsigned hash_text(const char *s)
{
	unsigned h = 2166136261u;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

/* Sets *id to the id of s, a copy of it made on its first sight.  0 or
 * STORE_ERR (out of memory). */
static int intern(struct sums *t, const char *s, uint32_t *id)
{
	size_t j;

	if ((t->text_n + 1) * 2 > t->str_cap) {
		size_t cap = t->str_cap ? t->str_cap * 2 : 1024;
		uint32_t *str = calloc(cap, sizeof(*str));
		const char **text = str ? realloc(t->text, cap / 2 * sizeof(*text)) : NULL;

		if (!text) {
			free(str);
			return STORE_ERR;
		}
		t->text = text;
		for (size_t i = 0; i < t->text_n; i++) {
			for (j = hash_text(text[i]) & (cap - 1); str[j]; j = (j + 1) & (cap - 1))
				;
			str[j] = (uint32_t)i + 1;
		}
		free(t->str);
		t->str = str;
		t->str_cap = cap;
	}
	for (j = hash_text(s) & (t->str_cap - 1); t->str[j] && strcmp(t->text[t->str[j] - 1], s);
	     j = (j + 1) & (t->str_cap - 1))
		;
	if (!t->str[j]) {
		if (t->text_n >= NO_TEXT - 1)
			return STORE_ERR;
		t->text[t->text_n] = arena_strdup(t->a, s);
		t->str[j] = (uint32_t)++t->text_n;
	}
	*id = t->str[j] - 1;
	return 0;
}

static uint32_t hash_key(const uint32_t *k)
{
	uint64_t h = ((uint64_t)k[0] << 32 | k[1]) * 0x9e3779b97f4a7c15u;

	h = (h ^ ((uint64_t)k[2] << 32 | k[3])) * 0xc2b2ae3d27d4eb4fu;
	return (uint32_t)(h >> 32);
}

static int same_key(const uint32_t *a, const uint32_t *b)
{
	return a[0] == b[0] && a[1] == b[1] && a[2] == b[2] && a[3] == b[3];
}

static int grow(struct sums *t)
{
	size_t cap = t->cap ? t->cap * 2 : 4096;
	struct slot *slot = calloc(cap, sizeof(*slot));

	if (!slot)
		return -1;
	for (size_t i = 0; i < t->cap; i++) {
		size_t j;
		if (!t->slot[i].i)
			continue;
		for (j = t->slot[i].hash & (cap - 1); slot[j].i; j = (j + 1) & (cap - 1))
			;
		slot[j] = t->slot[i];
	}
	free(t->slot);
	t->slot = slot;
	t->cap = cap;
	return 0;
}

/* Adds the sums v to key's (the ids of stat, dim, val, day), h its hash. */
static int add_now(struct sums *t, const uint32_t *key, uint32_t h, const int64_t *v)
{
	struct sum *e;
	size_t j, m;

	if ((t->n + 1) * 2 > t->cap && grow(t) < 0)
		return STORE_ERR;
	m = t->cap - 1;
	for (j = h & m; t->slot[j].i && !(t->slot[j].hash == h && same_key(t->sum[t->slot[j].i - 1].key, key));
	     j = (j + 1) & m)
		;
	if (!t->slot[j].i) {
		if (t->n == t->sum_cap) {
			size_t cap = t->sum_cap ? t->sum_cap * 2 : 4096;
			struct sum *sum = cap < UINT32_MAX ? realloc(t->sum, cap * sizeof(*sum)) : NULL;

			if (!sum)
				return STORE_ERR;
			t->sum = sum;
			t->sum_cap = cap;
		}
		e = &t->sum[t->n];
		memcpy(e->key, key, sizeof(e->key));
		memset(e->v, 0, sizeof(e->v));
		t->slot[j] = (struct slot){ h, (uint32_t)++t->n };
	}
	e = &t->sum[t->slot[j].i - 1];
	for (int i = 0; i < 6; i++)
		e->v[i] += v[i];
	return 0;
}

/* Adds t's waiting contributions, in the order they came (sqend18).  At
 * the 1M scale file millions of contributions go to 1.8 M sums whose slots
 * (32 MB) and sums (115 MB) are far beyond the caches: each add read a
 * slot and then a sum from memory, one miss after the other.  Here the
 * batch's slots were asked for when each came (add_row), their sums are
 * asked for first, and the adds then find both in the cache: the same
 * adds in the same order, so the same sums. */
static int pend_flush(struct sums *t)
{
	size_t m = t->cap - 1;
	int rc = 0;

	for (size_t k = 0; t->cap && k < t->pend_n; k++) {
		const struct slot *sl = &t->slot[t->pend[k].hash & m];
		if (sl->i)
			__builtin_prefetch(&t->sum[sl->i - 1]);
	}
	for (size_t k = 0; rc == 0 && k < t->pend_n; k++)
		rc = add_now(t, t->pend[k].key, t->pend[k].hash, t->pend[k].v);
	t->pend_n = 0;
	return rc;
}

/* Adds the sums v to key's (the ids of stat, dim, val, day): put in the
 * batch, added with it (pend_flush; every reader of the sums flushes
 * first). */
static int add_row(struct sums *t, const uint32_t *key, const int64_t *v)
{
	struct pending *w = &t->pend[t->pend_n++];

	memcpy(w->key, key, sizeof(w->key));
	w->hash = hash_key(key);
	memcpy(w->v, v, sizeof(w->v));
	if (t->cap)
		__builtin_prefetch(&t->slot[w->hash & (t->cap - 1)]);
	return t->pend_n == PENDING ? pend_flush(t) : 0;
}

/* Adds one contribution row of st (CONTRIB_COLS). */
static int add(struct sums *t, struct store_stmt *st)
{
	uint32_t key[4];
	int64_t v[6];

	for (int i = 0; i < 4; i++)
		if (store_col_isnull(st, i))
			return STORE_CONSTRAINT;        /* what the NOT NULL columns refuse */
		else if (intern(t, store_col_text(st, i), &key[i]) < 0)
			return STORE_ERR;
	for (int i = 0; i < 6; i++)
		v[i] = store_col_int(st, 4 + i);
	return add_row(t, key, v);
}

/* The ids of a dims view's constant texts (struct dims). */
struct dims_ids {
	uint32_t stat[3], dim[6];
	uint32_t category, rank, subj[3], one;
};

/* Adds one row of d's view: (dim, val) with the record's days day[]
 * (NO_TEXT: NULL), a contribution a statistic with a day. */
static int add_dims(struct sums *t, const struct dims *d, const struct dims_ids *c, const uint32_t *day,
		    uint32_t dim, uint32_t val)
{
	static const int64_t one[6] = { 1, 0, 0, 0, 0, 0 };
	int rc = 0;

	for (int i = 0; rc == 0 && i < 3 && d->stat[i]; i++)
		if (day[i] == NO_TEXT)
			rc = i == 0 && d->strict ? STORE_CONSTRAINT : 0;
		else
			rc = add_row(t, (const uint32_t[4]){ c->stat[i], dim, val, day[i] }, one);
	return rc;
}

/* A merged statement of (record id, ...) rows in id order: its statement,
 * at a row when at is STORE_ROW. */
struct merged {
	struct store_stmt *st;
	int at;
};

/* Whether m is at a row of the record id, after stepping it past those
 * of smaller ids (no such record: the view's JOIN drops them); 0 past
 * them, < 0 an error. */
static int merged_at(struct merged *m, int64_t id)
{
	while (m->at == STORE_ROW && (store_col_isnull(m->st, 0) || store_col_int(m->st, 0) < id))
		m->at = store_step(m->st);
	return m->at < 0 ? m->at : m->at == STORE_ROW && store_col_int(m->st, 0) == id;
}

/* The ranks a record's subjects have had (interned: equal texts are equal
 * ids), each counted once. */
struct ranks {
	uint32_t *v;
	size_t n, cap;
};

/* Adds the record id's rows of cat and subj (struct dims).  0 or < 0. */
static int add_merged(struct sums *t, const struct dims *d, const struct dims_ids *c, struct merged *cat,
		      struct merged *subj, struct ranks *seen, int64_t id, const uint32_t *day)
{
	int rc, flag[3] = { 0, 0, 0 };
	uint32_t x;

	while ((rc = merged_at(cat, id)) == 1) {
		if (store_col_isnull(cat->st, 1))
			return STORE_CONSTRAINT;        /* what metric_days' NOT NULL refuses */
		if (intern(t, store_col_text(cat->st, 1), &x) < 0)
			return STORE_ERR;
		if ((rc = add_dims(t, d, c, day, c->category, x)) < 0)
			return rc;
		cat->at = store_step(cat->st);
	}
	for (seen->n = 0; rc == 0 && (rc = merged_at(subj, id)) == 1; rc = 0) {
		int r = !store_col_isnull(subj->st, 1);
		size_t i;

		if (r && intern(t, store_col_text(subj->st, 1), &x) < 0)
			return STORE_ERR;
		for (int k = 0; k < 3; k++)
			flag[k] |= store_col_int(subj->st, 2 + k) == 1;
		for (i = 0; r && i < seen->n && seen->v[i] != x; i++)
			;
		if (r && i == seen->n) {
			if (seen->n == seen->cap) {
				size_t cap = seen->cap ? seen->cap * 2 : 8;
				uint32_t *v = realloc(seen->v, cap * sizeof(*v));
				if (!v)
					return STORE_ERR;
				seen->v = v;
				seen->cap = cap;
			}
			seen->v[seen->n++] = x;
			if ((rc = add_dims(t, d, c, day, c->rank, x)) < 0)
				return rc;
		}
		subj->at = store_step(subj->st);
	}
	for (int k = 0; rc == 0 && k < 3; k++)
		if (flag[k])
			rc = add_dims(t, d, c, day, c->subj[k], c->one);
	return rc;
}

/* Adds one record's row of d->q (stepped: STORE_ROW) and its merged
 * rows (m: cat, subj and, for the clues, disp): its days and values
 * interned once for all its contributions.  A clue's second day (its
 * first_disposed) counts only when disp has a row of the clue
 * (metric_clue_base's disposed). */
static int add_record(struct sums *t, const struct dims *d, const struct dims_ids *c, struct store_stmt *st,
		      struct merged *m, struct ranks *seen)
{
	uint32_t day[3] = { NO_TEXT, NO_TEXT, NO_TEXT }, val;
	int nday = d->stat[2] ? 3 : 2, rc = 0, disposed = 1;

	if (d->disp && (disposed = merged_at(&m[2], store_col_int(st, 0))) < 0)
		return disposed;
	for (int i = 0; rc == 0 && i < nday; i++)
		if (!store_col_isnull(st, 1 + i) && (i != 1 || disposed) &&
		    intern(t, store_col_text(st, 1 + i), &day[i]) < 0)
			rc = STORE_ERR;
	for (int i = 0; rc == 0 && d->dim[i]; i++)
		if (!store_col_isnull(st, 1 + nday + i))
			rc = intern(t, store_col_text(st, 1 + nday + i), &val) < 0 ? STORE_ERR
			     : add_dims(t, d, c, day, c->dim[i], val);
	return rc ? rc : add_merged(t, d, c, &m[0], &m[1], seen, store_col_int(st, 0), day);
}

/* Reads q's contribution rows into t.  0 or < 0. */
static int add_all(struct store *s, struct sums *t, const struct store_sql *q)
{
	struct store_stmt *st = store_prepare(s, q);
	int rc = st ? 0 : STORE_ERR;

	while (rc == 0 && (rc = store_step(st)) == STORE_ROW)
		rc = add(t, st);
	if (st)
		store_reset(st);
	return rc;
}

/* The ids of d's constant texts.  0 or STORE_ERR. */
static int dims_ids(struct sums *t, const struct dims *d, struct dims_ids *c)
{
	int rc = 0;

	for (int i = 0; rc == 0 && i < 3 && d->stat[i]; i++)
		rc = intern(t, d->stat[i], &c->stat[i]);
	for (int i = 0; rc == 0 && d->dim[i]; i++)
		rc = intern(t, d->dim[i], &c->dim[i]);
	for (int i = 0; rc == 0 && i < 3; i++)
		rc = intern(t, SUBJ_DIM[i], &c->subj[i]);
	if (rc == 0)
		rc = intern(t, "category", &c->category);
	if (rc == 0)
		rc = intern(t, "rank", &c->rank);
	if (rc == 0)
		rc = intern(t, "1", &c->one);
	return rc;
}

/* Reads d's view into t: its three or four statements stepped side by
 * side.  0 or < 0. */
static int add_view(struct store *s, struct sums *t, const struct dims *d)
{
	struct store_stmt *st = store_prepare(s, d->q);
	struct merged m[3] = { { store_prepare(s, d->cat), STORE_ERR }, { store_prepare(s, d->subj), STORE_ERR },
			       { d->disp ? store_prepare(s, d->disp) : NULL, STORE_ERR } };
	int nm = d->disp ? 3 : 2;
	struct ranks seen = { NULL, 0, 0 };
	struct dims_ids c;
	int rc = st ? dims_ids(t, d, &c) : STORE_ERR;

	for (int i = 0; rc == 0 && i < nm; i++)
		if (!m[i].st || (m[i].at = store_step(m[i].st)) < 0)
			rc = STORE_ERR;
	while (rc == 0 && (rc = store_step(st)) == STORE_ROW)
		rc = add_record(t, d, &c, st, m, &seen);
	for (int i = 0; i < nm; i++)
		if (m[i].st)
			store_reset(m[i].st);
	if (st)
		store_reset(st);
	free(seen.v);
	return rc;
}

/* a text's id and the text, sorted by the text */
struct id_text {
	const char *s;
	uint32_t id;
};

static int by_text(const void *pa, const void *pb)
{
	return strcmp(((const struct id_text *)pa)->s, ((const struct id_text *)pb)->s);
}

/* a sum's key as ranks, and the sum's index */
struct ord {
	uint32_t r[4], i;
};

/* The sums of t sorted by key, field by field in strcmp's order (SQLite's
 * BINARY, the order of the tables' keys), each key's ids replaced by the
 * texts' ranks (*ranked: the texts in rank order, so that equal texts are
 * equal ranks and the ranks compare as the texts); NULL out of memory, or
 * when t has no sum.  The distinct texts are sorted with strcmp (a few
 * thousand: the days, the values, the names), the sums by an LSD radix
 * sort of their ranks, a byte a pass from the day's lowest byte to the
 * stat's highest, the passes of a byte no rank has left out (sqsum17:
 * qsort's by_key of interned texts was about 1 s of the 1M import).  Frees
 * t's slots and sums. */
static struct sum *sorted_sums(struct sums *t, const char ***ranked)
{
	size_t n = t->n, cnt[256];
	struct id_text *x;
	uint32_t *rank;
	const char **rt;
	struct ord *a, *b;
	struct sum *v;
	int ok;

	free(t->slot);          /* no longer read: its memory for the sort's */
	t->slot = NULL;
	x = malloc((t->text_n ? t->text_n : 1) * sizeof(*x));
	rank = malloc((t->text_n ? t->text_n : 1) * sizeof(*rank));
	rt = malloc((t->text_n ? t->text_n : 1) * sizeof(*rt));
	a = n ? malloc(n * sizeof(*a)) : NULL;
	b = n ? malloc(n * sizeof(*b)) : NULL;
	v = n ? malloc(n * sizeof(*v)) : NULL;
	ok = x && rank && rt && a && b && v;
	for (size_t i = 0; ok && i < t->text_n; i++)
		x[i] = (struct id_text){ t->text[i], (uint32_t)i };
	if (ok)
		qsort(x, t->text_n, sizeof(*x), by_text);
	for (size_t i = 0; ok && i < t->text_n; i++) {
		rank[x[i].id] = (uint32_t)i;
		rt[i] = x[i].s;
	}
	for (size_t k = 0; ok && k < n; k++) {
		for (int f = 0; f < 4; f++)
			a[k].r[f] = rank[t->sum[k].key[f]];
		a[k].i = (uint32_t)k;
	}
	for (int f = 3; ok && f >= 0; f--)
		for (int sh = 0; sh < 32 && (t->text_n - 1) >> sh; sh += 8) {
			size_t at = 0;
			struct ord *w;

			memset(cnt, 0, sizeof(cnt));
			for (size_t k = 0; k < n; k++)
				cnt[(a[k].r[f] >> sh) & 255]++;
			if (cnt[(a[0].r[f] >> sh) & 255] == n)
				continue;
			for (int d = 0; d < 256; d++) {
				size_t c = cnt[d];
				cnt[d] = at;
				at += c;
			}
			for (size_t k = 0; k < n; k++)
				b[cnt[(a[k].r[f] >> sh) & 255]++] = a[k];
			w = a;
			a = b;
			b = w;
		}
	for (size_t k = 0; ok && k < n; k++) {
		v[k] = t->sum[a[k].i];
		memcpy(v[k].key, a[k].r, sizeof(v[k].key));
	}
	free(t->sum);
	t->sum = NULL;
	free(x);
	free(rank);
	free(a);
	free(b);
	if (!ok) {
		free(rt);
		free(v);
		return NULL;
	}
	*ranked = rt;
	return v;
}

/* The rows waiting for their statement: each a sum and its period. */
struct put {
	const struct store_sql *q;      /* the table's two statements */
	const char *const *text;        /* the texts by rank */
	int n;
	struct sum row[PUT_ROWS];
	const char *per[PUT_ROWS];      /* the day, or period[i] */
	char period[PUT_ROWS][16];
};

/* Binds row i of p as the statement's row at (k = 0, 1, ...): its texts
 * not copied, the keys in the sums' arena and the periods in p, both
 * unchanged until put_flush's store_exec resets the statement */
static void bind_row(struct store_stmt *st, const struct put *p, int i, int k)
{
	for (int c = 0; c < 3; c++)
		store_bind_text_kept(st, k * 10 + c + 1, p->text[p->row[i].key[c]]);
	store_bind_text_kept(st, k * 10 + 4, p->per[i]);
	for (int c = 0; c < 6; c++)
		store_bind_int(st, k * 10 + 5 + c, p->row[i].v[c]);
}

/* Inserts p's waiting rows: PUT_ROWS in one statement, fewer one a
 * statement, in their order. */
static int put_flush(struct store *s, struct put *p)
{
	struct store_stmt *st;
	int rc = 0;

	if (p->n == PUT_ROWS) {
		if (!(st = store_prepare(s, &p->q[1])))
			return STORE_ERR;
		for (int i = 0; i < p->n; i++)
			bind_row(st, p, i, i);
		rc = store_exec(st) < 0 ? STORE_ERR : 0;
	} else {
		for (int i = 0; rc == 0 && i < p->n; i++) {
			if (!(st = store_prepare(s, &p->q[0])))
				return STORE_ERR;
			bind_row(st, p, i, 0);
			rc = store_exec(st) < 0 ? STORE_ERR : 0;
		}
	}
	p->n = 0;
	return rc;
}

/* One row: e's sums, its period the first w characters of its day (0: the
 * day itself). */
static int put(struct store *s, struct put *p, const struct sum *e, size_t w)
{
	const char *day = p->text[e->key[3]];

	p->row[p->n] = *e;
	p->per[p->n] = day;
	if (w) {
		size_t len = strlen(day);
		if (w < len)
			len = w;
		if (len >= sizeof(p->period[0]))
			len = sizeof(p->period[0]) - 1;
		memcpy(p->period[p->n], day, len);
		p->period[p->n][len] = '\0';
		p->per[p->n] = p->period[p->n];
	}
	return ++p->n == PUT_ROWS ? put_flush(s, p) : 0;
}

/* interned days a and b (ranks of p->text) alike in their first w
 * characters (0: all) */
static int same_period(const char *const *text, uint32_t a, uint32_t b, size_t w)
{
	return a == b || (w && !strncmp(text[a], text[b], w));
}

/* The rows of p's table at the grain of w characters of the day (0: v's
 * rows themselves), each the sum of a run of v's consecutive rows, all
 * inserted when it returns 0. */
static int put_grain(struct store *s, struct put *p, const struct sum *v, size_t n, size_t w)
{
	for (size_t i = 0, j; i < n; i = j) {
		struct sum run = v[i];
		for (j = i + 1; w && j < n && v[j].key[0] == run.key[0] && v[j].key[1] == run.key[1] &&
				v[j].key[2] == run.key[2] && same_period(p->text, v[j].key[3], run.key[3], w); j++)
			for (int k = 0; k < 6; k++)
				run.v[k] += v[j].v[k];
		if (put(s, p, &run, w) < 0)
			return STORE_ERR;
	}
	return put_flush(s, p);
}

/* The refill's planner statistics (sqref16m): the sqlite_stat1 rows that
 * ANALYZE of the three tables writes, computed from the sorted rows
 * instead of a scan of each table's two B-trees afterwards (the import's
 * ANALYZE of them was 161 M of an 8,810-record import's 1,671 M
 * instructions).  SQLite 3.40's analyze.c (stat_get) writes for an index
 * "nRow a1 a2 ..." over its key columns, each a = ceil(nRow / d) for the
 * d distinct values of the key's first columns, a 2 with nRow * 10 <= d *
 * 11 written 1; a WITHOUT ROWID table's key under the table's own name;
 * nothing for an empty table.  Each key here ends in a unique prefix
 * (stat, dim, val, period), whose a and those of the columns after it are
 * 1.  t226 compares the rows with ANALYZE's own. */
static const struct store_sql Q_STAT1_CLEAR = {
	"DELETE FROM sqlite_stat1 WHERE tbl IN ('metric_days', 'metric_months', 'metric_years')", NULL };
static const struct store_sql Q_STAT1_PUT = {
	"INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", NULL };
static const struct store_sql Q_STAT1_THERE = {
	"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'", NULL };

/* ANALYZE's average rows a distinct prefix */
static uint64_t stat_avg(uint64_t rows, uint64_t d)
{
	uint64_t v = (rows + d - 1) / d;

	return v == 2 && rows * 10 <= d * 11 ? 1 : v;
}

/* the distinct prefixes of one grain (w characters of the day, 0 all) */
struct grain_count {
	const char *table, *all;        /* the table, its *_all index */
	size_t w;
	const char *tail;               /* the *_all key's columns after (stat, dim, period) */
	uint64_t rows;                  /* (stat, dim, val, period) */
	uint64_t sdp;                   /* (stat, dim, period) */
};

/* one sqlite_stat1 row: tbl, idx, stat */
static int put_stat1(struct store *s, const char *const row[3])
{
	struct store_stmt *st = store_prepare(s, &Q_STAT1_PUT);

	for (int i = 0; st && i < 3; i++)
		store_bind_text(st, i + 1, row[i]);
	return st && store_exec(st) >= 0 ? 0 : STORE_ERR;
}

/* Writes the three tables' sqlite_stat1 rows from v (n rows sorted by
 * key, their texts' ranks among the text_n of text), when the database
 * has sqlite_stat1 (else the import's ANALYZE makes it and them), and
 * marks them written for store_analyze.  A (stat, dim)'s distinct days
 * are its ranks marked in one pass, read in rank order (the days'
 * order). */
static int put_stats(struct store *s, const struct sum *v, size_t n, const char *const *text, size_t text_n)
{
	struct grain_count g[3] = { { "metric_days", "metric_days_all", 0, " 1 1", 0, 0 },
		{ "metric_months", "metric_months_all", 7, " 1 1", 0, 0 },
		{ "metric_years", "metric_years_all", 4, " 1 1 1", 0, 0 } };    /* val, n (f1) */
	uint64_t d_stat = 0, d_sd = 0, d_sdv = 0;
	uint32_t *mark = NULL;  /* the (stat, dim)'s number where a day of it */
	int rc = 0;

	if (q_scalar(store_prepare(s, &Q_STAT1_THERE)) != 1)
		return 0;
	if (n && !(mark = calloc(text_n, sizeof(*mark))))
		return STORE_ERR;
	for (size_t i = 0, j; i < n; i = j) {       /* each (stat, dim) a run */
		uint32_t last = NO_TEXT;
		d_stat += !i || v[i].key[0] != v[i - 1].key[0];
		d_sd++;
		for (j = i; j < n && v[j].key[0] == v[i].key[0] && v[j].key[1] == v[i].key[1]; j++) {
			int new_val = j == i || v[j].key[2] != v[j - 1].key[2];
			d_sdv += new_val;
			for (int k = 0; k < 3; k++)
				g[k].rows += new_val || !same_period(text, v[j].key[3], v[j - 1].key[3], g[k].w);
			mark[v[j].key[3]] = (uint32_t)d_sd;
		}
		for (uint32_t r = 0; r < text_n; r++) {
			if (mark[r] != d_sd)
				continue;
			for (int x = 0; x < 3; x++)
				g[x].sdp += last == NO_TEXT || !same_period(text, r, last, g[x].w);
			last = r;
		}
	}
	free(mark);
	if (store_exec(store_prepare(s, &Q_STAT1_CLEAR)) < 0)
		return STORE_ERR;
	for (int k = 0; rc == 0 && n && k < 3; k++) {
		char key[128], all[128];
		uint64_t r = g[k].rows;

		snprintf(key, sizeof(key), "%" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " 1", r,
			 stat_avg(r, d_stat), stat_avg(r, d_sd), stat_avg(r, d_sdv));
		snprintf(all, sizeof(all), "%" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 "%s", r,
			 stat_avg(r, d_stat), stat_avg(r, d_sd), stat_avg(r, g[k].sdp), g[k].tail);
		rc = put_stat1(s, (const char *const[3]){ g[k].table, g[k].table, key });
		if (rc == 0)
			rc = put_stat1(s, (const char *const[3]){ g[k].table, g[k].all, all });
	}
	if (rc == 0)
		s->rollup_stats = 1;
	return rc;
}

int store_rollup_fill_days(struct store *s)
{
	return store_exec(store_prepare(s, &Q_FILL_DAYS)) < 0 ? STORE_ERR : 0;
}

/* The refill's tables: their secondary indexes (the *_all of 0046, in
 * (stat, dim, period, val) order, not the rows' key order) are dropped
 * before the rows go in and created again after them (sqsum17: at the 1M
 * scale file metric_days' index took 3.9 s of CPU row by row, its
 * build 1.8 s) */
static const char *const TABLES[] = { "metric_days", "metric_months", "metric_years" };

int store_rollup_sum_fill(struct store *s)
{
	struct store_ix_deferred ix = { 0 };
	struct sums t = { .a = arena_new(1 << 16) };
	struct sum *v = NULL;
	const char **text = NULL;
	struct put *p = NULL;
	size_t n = 0;
	int rc = t.a ? add_all(s, &t, &Q_CONTRIB) : STORE_ERR;

	for (size_t i = 0; rc == 0 && i < sizeof(DIMS) / sizeof(DIMS[0]); i++)
		rc = add_view(s, &t, &DIMS[i]);
	if (rc == 0)
		rc = pend_flush(&t);    /* the last batch */
	free(t.str);            /* the texts' hash, no longer read */
	t.str = NULL;
	n = rc == 0 ? t.n : 0;
	if (n && !(v = sorted_sums(&t, &text)))  /* no contribution (an import of units and persons): NULL */
		rc = STORE_ERR;
	for (size_t i = 0; rc == 0 && i < sizeof(TABLES) / sizeof(TABLES[0]); i++)
		rc = store_ix_defer_table(s, &ix, TABLES[i]);
	if (rc == 0 && !(p = malloc(sizeof(*p))))
		rc = STORE_ERR;
	if (rc == 0) {
		*p = (struct put){ .q = Q_PUT_DAY, .text = text };
		rc = put_grain(s, p, v, n, 0);
	}
	if (rc == 0) {
		p->q = Q_PUT_MONTH;
		rc = put_grain(s, p, v, n, 7);
	}
	if (rc == 0) {
		p->q = Q_PUT_YEAR;
		rc = put_grain(s, p, v, n, 4);
	}
	/* the indexes' sorts in one growing buffer, as the import's own
	 * deferred indexes (sqidx17, q_ixdefer.c) */
	if (rc == 0)
		rc = store_ix_restore_indexes(s, &ix);
	if (rc == 0)
		rc = put_stats(s, v, n, text, t.text_n);
	store_ix_deferred_free(&ix);
	free(p);
	free(v);
	free(text);
	free(t.sum);
	free(t.slot);
	free(t.text);
	arena_free(t.a);
	return rc;
}
