/*
 * q_rollup_sum.c: the rollup's refill on SQLite, summed in C (issue 16,
 * imp16b).  metric_recompute is a GROUP BY over every record's
 * contribution rows, which SQLite answers with a sort of all of them (a
 * record comparison per step: about half the refill's instructions), and
 * the grains are then summed from metric_days with two more sorts.  Here
 * the contribution rows (the FROM of metric_recompute, migrations 0028,
 * 0039 and 0069: keep the two in step; t226 compares the result with the rows the
 * triggers give) are read once, summed in a hash table by (stat, dim, val,
 * day), sorted with strcmp (SQLite's BINARY order, so the rows get the
 * rowids the INSERT ... SELECT gave), and inserted in that order: the day
 * rows, then the months and the years, which in that order are runs of
 * consecutive rows.  PostgreSQL keeps the statements (a hash aggregate).
 */
#include "store/q_rollup.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "store/q_util.h"
#include "store/store.h"

#define CONTRIB_COLS "stat, dim, val, day, n, f1, f2, f3, f4, sanc"
static const struct store_sql Q_CONTRIB = {
	"SELECT " CONTRIB_COLS " FROM metric_contrib UNION ALL SELECT " CONTRIB_COLS " FROM metric_acct_contrib "
	"UNION ALL SELECT " CONTRIB_COLS " FROM metric_family_contrib", NULL };
static const struct store_sql Q_PUT_DAY = {
	"INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_PUT_MONTH = {
	"INSERT INTO metric_months (stat, dim, val, month, n, f1, f2, f3, f4, sanc) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_PUT_YEAR = {
	"INSERT INTO metric_years (stat, dim, val, year, n, f1, f2, f3, f4, sanc) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL };

struct sum {
	const char *key[4];     /* stat, dim, val, day */
	int64_t v[6];           /* n, f1, f2, f3, f4, sanc */
	unsigned hash;
};

struct sums {
	struct arena *a;
	struct sum **slot;      /* cap slots */
	size_t cap, n;
};

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

/* Adds one contribution row of st. */
static int add(struct sums *t, struct store_stmt *st)
{
	const char *key[4];
	unsigned h;
	size_t j;

	for (int i = 0; i < 4; i++)
		if (store_col_isnull(st, i))
			return STORE_CONSTRAINT;        /* what the NOT NULL columns refuse */
		else
			key[i] = store_col_text(st, i);
	if ((t->n + 1) * 2 > t->cap && grow(t) < 0)
		return STORE_ERR;
	h = hash_of(key);
	for (j = h & (t->cap - 1); t->slot[j] && !same(t->slot[j], h, key); j = (j + 1) & (t->cap - 1))
		;
	if (!t->slot[j]) {
		struct sum *e = arena_zalloc(t->a, sizeof(*e));
		for (int i = 0; i < 4; i++)
			e->key[i] = arena_strdup(t->a, key[i]);
		e->hash = h;
		t->slot[j] = e;
		t->n++;
	}
	for (int i = 0; i < 6; i++)
		t->slot[j]->v[i] += store_col_int(st, 4 + i);
	return 0;
}

static int by_key(const void *pa, const void *pb)
{
	const struct sum *a = *(struct sum *const *)pa, *b = *(struct sum *const *)pb;
	int c = 0;

	for (int i = 0; i < 4 && !c; i++)
		c = strcmp(a->key[i], b->key[i]);
	return c;
}

/* One row of table q: e's sums, its period the first w characters of its
 * day (0: the day itself). */
static int put(struct store *s, const struct store_sql *q, const struct sum *e, size_t w)
{
	struct store_stmt *st = store_prepare(s, q);
	char period[16];
	int day = !w;

	if (!st)
		return STORE_ERR;
	if (!w || w >= sizeof(period))
		w = sizeof(period) - 1;
	strncpy(period, e->key[3], w);
	period[w] = '\0';
	for (int i = 0; i < 3; i++)
		store_bind_text(st, i + 1, e->key[i]);
	store_bind_text(st, 4, day ? e->key[3] : period);
	for (int i = 0; i < 6; i++)
		store_bind_int(st, 5 + i, e->v[i]);
	return store_exec(st) < 0 ? STORE_ERR : 0;
}

/* The rows of table q at the grain of w characters of the day (0: v's
 * rows themselves), each the sum of a run of v's consecutive rows. */
static int put_grain(struct store *s, const struct store_sql *q, struct sum **v, size_t n, size_t w)
{
	for (size_t i = 0, j; i < n; i = j) {
		struct sum run = *v[i];
		for (j = i + 1; w && j < n && !strcmp(v[j]->key[0], run.key[0]) && !strcmp(v[j]->key[1], run.key[1]) &&
				!strcmp(v[j]->key[2], run.key[2]) && !strncmp(v[j]->key[3], run.key[3], w); j++)
			for (int k = 0; k < 6; k++)
				run.v[k] += v[j]->v[k];
		if (put(s, q, &run, w) < 0)
			return STORE_ERR;
	}
	return 0;
}

int store_rollup_sum_fill(struct store *s)
{
	struct sums t = { arena_new(1 << 16), NULL, 0, 0 };
	struct store_stmt *st = store_prepare(s, &Q_CONTRIB);
	struct sum **v = NULL;
	size_t n = 0;
	int rc = t.a && st ? 0 : STORE_ERR;

	while (rc == 0 && (rc = store_step(st)) == STORE_ROW)
		rc = add(&t, st);
	if (st)
		store_reset(st);
	if (rc == 0 && t.n && !(v = malloc(t.n * sizeof(*v))))
		rc = STORE_ERR;
	for (size_t i = 0; rc == 0 && i < t.cap; i++)
		if (t.slot[i])
			v[n++] = t.slot[i];
	if (rc == 0) {
		if (n)          /* no contribution (an import of units and persons): v is NULL */
			qsort(v, n, sizeof(*v), by_key);
		rc = put_grain(s, &Q_PUT_DAY, v, n, 0);
	}
	if (rc == 0)
		rc = put_grain(s, &Q_PUT_MONTH, v, n, 7);
	if (rc == 0)
		rc = put_grain(s, &Q_PUT_YEAR, v, n, 4);
	free(v);
	free(t.slot);
	arena_free(t.a);
	return rc;
}
