/*
 * q_rollup_sum.c: the rollup's refill on SQLite, summed in C (issue 16,
 * imp16b).  metric_recompute is a GROUP BY over every record's
 * contribution rows, which SQLite answers with a sort of all of them (a
 * record comparison per step: about half the refill's instructions), and
 * the grains are then summed from metric_days with two more sorts.  Here
 * the contribution rows (the FROM of metric_recompute, migrations 0028,
 * 0039 and 0069: keep the two in step; t226 compares the result with the rows the
 * triggers give) are read once, summed in a hash table by (stat, dim, val,
 * day), sorted with strcmp (SQLite's BINARY order, the order of the
 * tables' keys: since 0106 they are WITHOUT ROWID tables keyed by it, so
 * each row goes at the end of its B-tree), and inserted in that order: the
 * day rows, then the months and the years, which in that order are runs
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
static const struct store_sql Q_CLUE_ONE = {
	"SELECT b.id, b.received, b.disposed, " DIMS_ONE " FROM metric_clue_base b ORDER BY b.id", NULL };
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
	const char *stat[3];
	int strict;
	const char *dim[6];             /* q's columns after the days; NULL-ended */
};
/* subj's flags after the rank, their dimensions (value '1') */
static const char *const SUBJ_DIM[3] = { "top", "lead", "key" };
static const struct dims DIMS[] = {
	{ &Q_CLUE_ONE, &Q_CLUE_CATEGORY, &Q_CLUE_SUBJ, { "clue_received", "clue_disposed", NULL }, 1,
	  { "", "unit", "campaign", "source", NULL } },
	{ &Q_CASE_ONE, &Q_CASE_CATEGORY, &Q_CASE_SUBJ, { "case_filed", "case_closed", "case_transferred" }, 0,
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

struct sum {
	const char *key[4];     /* stat, dim, val, day */
	int64_t v[6];           /* n, f1, f2, f3, f4, sanc */
	unsigned hash;
};

struct sums {
	struct arena *a;
	struct sum **slot;      /* cap slots */
	size_t cap, n;
	/* each distinct text of the sums' keys once (sqref16m): two sums'
	 * texts are equal exactly when their pointers are, so the sort and the
	 * runs compare pointers and call strcmp only on a difference */
	const char **str;       /* str_cap slots */
	size_t str_cap, str_n;
};

static unsigned hash_text(const char *s)
{
	unsigned h = 2166136261u;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

/* the table's copy of s, made on its first sight; NULL out of memory */
static const char *intern(struct sums *t, const char *s)
{
	size_t j;

	if ((t->str_n + 1) * 2 > t->str_cap) {
		size_t cap = t->str_cap ? t->str_cap * 2 : 1024;
		const char **str = calloc(cap, sizeof(*str));

		if (!str)
			return NULL;
		for (size_t i = 0; i < t->str_cap; i++) {
			if (!t->str[i])
				continue;
			for (j = hash_text(t->str[i]) & (cap - 1); str[j]; j = (j + 1) & (cap - 1))
				;
			str[j] = t->str[i];
		}
		free(t->str);
		t->str = str;
		t->str_cap = cap;
	}
	for (j = hash_text(s) & (t->str_cap - 1); t->str[j] && strcmp(t->str[j], s); j = (j + 1) & (t->str_cap - 1))
		;
	if (!t->str[j]) {
		t->str[j] = arena_strdup(t->a, s);
		t->str_n++;
	}
	return t->str[j];
}

static unsigned hash_of(const char *const *key)
{
	unsigned h = 2166136261u;

	for (int i = 0; i < 4; i++) {
		for (const unsigned char *p = (const unsigned char *)key[i]; *p; p++)
			h = (h ^ *p) * 16777619u;
		h = (h ^ 0xff) * 16777619u;     /* the separator */
	}
	return h;
}

static int same(const struct sum *e, unsigned h, const char *const *key)
{
	return e->hash == h && !strcmp(e->key[0], key[0]) && !strcmp(e->key[1], key[1]) &&
	       !strcmp(e->key[2], key[2]) && !strcmp(e->key[3], key[3]);
}

static int grow(struct sums *t)
{
	size_t cap = t->cap ? t->cap * 2 : 4096;
	struct sum **slot = calloc(cap, sizeof(*slot));

	if (!slot)
		return -1;
	for (size_t i = 0; i < t->cap; i++) {
		size_t j;
		if (!t->slot[i])
			continue;
		for (j = t->slot[i]->hash & (cap - 1); slot[j]; j = (j + 1) & (cap - 1))
			;
		slot[j] = t->slot[i];
	}
	free(t->slot);
	t->slot = slot;
	t->cap = cap;
	return 0;
}

/* Adds the sums v to key's (stat, dim, val, day; none NULL): found by
 * its texts (a contribution row's, not interned: interning each of them
 * cost more than the sort saved at 290,300 records), a new sum's keys
 * interned. */
static int add_row(struct sums *t, const char *const *key, const int64_t *v)
{
	unsigned h;
	size_t j;

	if ((t->n + 1) * 2 > t->cap && grow(t) < 0)
		return STORE_ERR;
	h = hash_of(key);
	for (j = h & (t->cap - 1); t->slot[j] && !same(t->slot[j], h, key); j = (j + 1) & (t->cap - 1))
		;
	if (!t->slot[j]) {
		struct sum *e = arena_zalloc(t->a, sizeof(*e));
		for (int i = 0; i < 4; i++)
			if (!(e->key[i] = intern(t, key[i])))
				return STORE_ERR;
		e->hash = h;
		t->slot[j] = e;
		t->n++;
	}
	for (int i = 0; i < 6; i++)
		t->slot[j]->v[i] += v[i];
	return 0;
}

/* Adds one contribution row of st (CONTRIB_COLS). */
static int add(struct sums *t, struct store_stmt *st)
{
	const char *key[4];
	int64_t v[6];

	for (int i = 0; i < 4; i++)
		if (store_col_isnull(st, i))
			return STORE_CONSTRAINT;        /* what the NOT NULL columns refuse */
		else
			key[i] = store_col_text(st, i);
	for (int i = 0; i < 6; i++)
		v[i] = store_col_int(st, 4 + i);
	return add_row(t, key, v);
}

/* Adds one row of d's view: (dim, val) with the record's days day[], a
 * contribution a statistic with a day. */
static int add_dims(struct sums *t, const struct dims *d, const char *const *day, const char *dim,
		    const char *val)
{
	static const int64_t one[6] = { 1, 0, 0, 0, 0, 0 };
	int rc = 0;

	for (int i = 0; rc == 0 && i < 3 && d->stat[i]; i++)
		if (!day[i])
			rc = i == 0 && d->strict ? STORE_CONSTRAINT : 0;
		else
			rc = add_row(t, (const char *const[4]){ d->stat[i], dim, val, day[i] }, one);
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
 * pointers), each counted once. */
struct ranks {
	const char **v;
	size_t n, cap;
};

/* Adds the record id's rows of cat and subj (struct dims).  0 or < 0. */
static int add_merged(struct sums *t, const struct dims *d, struct merged *cat, struct merged *subj,
		      struct ranks *seen, int64_t id, const char *const *day)
{
	int rc, flag[3] = { 0, 0, 0 };

	while ((rc = merged_at(cat, id)) == 1) {
		if (store_col_isnull(cat->st, 1))
			return STORE_CONSTRAINT;        /* what metric_days' NOT NULL refuses */
		if ((rc = add_dims(t, d, day, "category", store_col_text(cat->st, 1))) < 0)
			return rc;
		cat->at = store_step(cat->st);
	}
	for (seen->n = 0; rc == 0 && (rc = merged_at(subj, id)) == 1; rc = 0) {
		const char *r = store_col_isnull(subj->st, 1) ? NULL : intern(t, store_col_text(subj->st, 1));
		size_t i;

		if (!r && !store_col_isnull(subj->st, 1))
			return STORE_ERR;
		for (int k = 0; k < 3; k++)
			flag[k] |= store_col_int(subj->st, 2 + k) == 1;
		for (i = 0; r && i < seen->n && seen->v[i] != r; i++)
			;
		if (r && i == seen->n) {
			if (seen->n == seen->cap) {
				size_t cap = seen->cap ? seen->cap * 2 : 8;
				const char **v = realloc(seen->v, cap * sizeof(*v));
				if (!v)
					return STORE_ERR;
				seen->v = v;
				seen->cap = cap;
			}
			seen->v[seen->n++] = r;
			if ((rc = add_dims(t, d, day, "rank", r)) < 0)
				return rc;
		}
		subj->at = store_step(subj->st);
	}
	for (int k = 0; rc == 0 && k < 3; k++)
		if (flag[k])
			rc = add_dims(t, d, day, SUBJ_DIM[k], "1");
	return rc;
}

/* Adds one record's row of d->q (stepped: STORE_ROW) and its merged
 * rows. */
static int add_record(struct sums *t, const struct dims *d, struct store_stmt *st, struct merged *m,
		      struct ranks *seen)
{
	const char *day[3] = { NULL, NULL, NULL };
	int nday = d->stat[2] ? 3 : 2, rc = 0;

	for (int i = 0; i < nday; i++)
		if (!store_col_isnull(st, 1 + i))
			day[i] = store_col_text(st, 1 + i);
	for (int i = 0; rc == 0 && d->dim[i]; i++)
		if (!store_col_isnull(st, 1 + nday + i))
			rc = add_dims(t, d, day, d->dim[i], store_col_text(st, 1 + nday + i));
	return rc ? rc : add_merged(t, d, &m[0], &m[1], seen, store_col_int(st, 0), day);
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

/* Reads d's view into t: its three statements stepped side by side.  0 or
 * < 0. */
static int add_view(struct store *s, struct sums *t, const struct dims *d)
{
	struct store_stmt *st = store_prepare(s, d->q);
	struct merged m[2] = { { store_prepare(s, d->cat), STORE_ERR }, { store_prepare(s, d->subj), STORE_ERR } };
	struct ranks seen = { NULL, 0, 0 };
	int rc = st ? 0 : STORE_ERR;

	for (int i = 0; rc == 0 && i < 2; i++)
		if (!m[i].st || (m[i].at = store_step(m[i].st)) < 0)
			rc = STORE_ERR;
	while (rc == 0 && (rc = store_step(st)) == STORE_ROW)
		rc = add_record(t, d, st, m, &seen);
	for (int i = 0; i < 2; i++)
		if (m[i].st)
			store_reset(m[i].st);
	if (st)
		store_reset(st);
	free(seen.v);
	return rc;
}

static int by_key(const void *pa, const void *pb)
{
	const struct sum *a = *(struct sum *const *)pa, *b = *(struct sum *const *)pb;
	int c = 0;

	for (int i = 0; i < 4 && !c; i++)
		c = a->key[i] == b->key[i] ? 0 : strcmp(a->key[i], b->key[i]);
	return c;
}

/* The rows waiting for their statement: each a sum and its period. */
struct put {
	const struct store_sql *q;      /* the table's two statements */
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
		store_bind_text_kept(st, k * 10 + c + 1, p->row[i].key[c]);
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
	p->row[p->n] = *e;
	p->per[p->n] = e->key[3];
	if (w) {
		size_t len = strlen(e->key[3]);
		if (w < len)
			len = w;
		if (len >= sizeof(p->period[0]))
			len = sizeof(p->period[0]) - 1;
		memcpy(p->period[p->n], e->key[3], len);
		p->period[p->n][len] = '\0';
		p->per[p->n] = p->period[p->n];
	}
	return ++p->n == PUT_ROWS ? put_flush(s, p) : 0;
}

/* The rows of p's table at the grain of w characters of the day (0: v's
 * rows themselves), each the sum of a run of v's consecutive rows, all
 * inserted when it returns 0. */
static int put_grain(struct store *s, struct put *p, struct sum **v, size_t n, size_t w)
{
	for (size_t i = 0, j; i < n; i = j) {
		struct sum run = *v[i];
		for (j = i + 1; w && j < n && v[j]->key[0] == run.key[0] && v[j]->key[1] == run.key[1] &&
				v[j]->key[2] == run.key[2] && !strncmp(v[j]->key[3], run.key[3], w); j++)
			for (int k = 0; k < 6; k++)
				run.v[k] += v[j]->v[k];
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

static int by_day(const void *pa, const void *pb)
{
	const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;

	return a == b ? 0 : strcmp(a, b);
}

/* interned days a and b (struct sums) alike in their first w characters
 * (0: all) */
static int same_period(const char *a, const char *b, size_t w)
{
	return w ? !strncmp(a, b, w) : a == b;
}

/* one sqlite_stat1 row: tbl, idx, stat */
static int put_stat1(struct store *s, const char *const row[3])
{
	struct store_stmt *st = store_prepare(s, &Q_STAT1_PUT);

	for (int i = 0; st && i < 3; i++)
		store_bind_text(st, i + 1, row[i]);
	return st && store_exec(st) >= 0 ? 0 : STORE_ERR;
}

/* Writes the three tables' sqlite_stat1 rows from v (n rows sorted by
 * key), when the database has sqlite_stat1 (else the import's ANALYZE
 * makes it and them), and marks them written for store_analyze. */
static int put_stats(struct store *s, struct sum **v, size_t n)
{
	struct grain_count g[3] = { { "metric_days", "metric_days_all", 0, " 1 1", 0, 0 },
		{ "metric_months", "metric_months_all", 7, " 1 1", 0, 0 },
		{ "metric_years", "metric_years_all", 4, " 1 1 1", 0, 0 } };    /* val, n (f1) */
	uint64_t d_stat = 0, d_sd = 0, d_sdv = 0;
	const char **days = NULL;
	int rc = 0;

	if (q_scalar(store_prepare(s, &Q_STAT1_THERE)) != 1)
		return 0;
	if (n && !(days = malloc(n * sizeof(*days))))
		return STORE_ERR;
	for (size_t i = 0, j; i < n; i = j) {       /* each (stat, dim) a run */
		size_t m = 0;
		d_stat += !i || v[i]->key[0] != v[i - 1]->key[0];
		d_sd++;
		for (j = i; j < n && v[j]->key[0] == v[i]->key[0] && v[j]->key[1] == v[i]->key[1]; j++) {
			int new_val = j == i || v[j]->key[2] != v[j - 1]->key[2];
			d_sdv += new_val;
			for (int k = 0; k < 3; k++)
				g[k].rows += new_val || !same_period(v[j]->key[3], v[j - 1]->key[3], g[k].w);
			days[m++] = v[j]->key[3];
		}
		qsort(days, m, sizeof(*days), by_day);
		for (size_t k = 0; k < m; k++)
			for (int x = 0; x < 3; x++)
				g[x].sdp += !k || !same_period(days[k], days[k - 1], g[x].w);
	}
	free(days);
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

int store_rollup_sum_fill(struct store *s)
{
	struct sums t = { arena_new(1 << 16), NULL, 0, 0, NULL, 0, 0 };
	struct sum **v = NULL;
	struct put *p = NULL;
	size_t n = 0;
	int rc = t.a ? add_all(s, &t, &Q_CONTRIB) : STORE_ERR;

	for (size_t i = 0; rc == 0 && i < sizeof(DIMS) / sizeof(DIMS[0]); i++)
		rc = add_view(s, &t, &DIMS[i]);
	if (rc == 0 && t.n && !(v = malloc(t.n * sizeof(*v))))
		rc = STORE_ERR;
	for (size_t i = 0; rc == 0 && i < t.cap; i++)
		if (t.slot[i])
			v[n++] = t.slot[i];
	if (rc == 0 && !(p = malloc(sizeof(*p))))
		rc = STORE_ERR;
	if (rc == 0) {
		if (n)          /* no contribution (an import of units and persons): v is NULL */
			qsort(v, n, sizeof(*v), by_key);
		*p = (struct put){ .q = Q_PUT_DAY };
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
	if (rc == 0)
		rc = put_stats(s, v, n);
	free(p);
	free(v);
	free(t.slot);
	free(t.str);
	arena_free(t.a);
	return rc;
}
