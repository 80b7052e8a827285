/*
 * q_ixdefer.c: a bulk import (domain/interchange.c) loads the big tables
 * without two things it builds at its end, in the same transaction.  DDL
 * is transactional in SQLite, so a refused import rolls the drops back
 * with the rows: all or nothing holds, and readers (WAL) see the schema
 * unchanged until the commit.
 *
 * Secondary indexes: one sort per index after the load instead of a
 * B-tree insert per row and index (clues have twelve).  The list holds
 * only indexes no statement of the import reads (checked with EXPLAIN
 * QUERY PLAN over the statements a demo year's import runs): a hook that
 * looked rows up through one of them would scan the table per record
 * instead.  Kept: unique indexes (they refuse a record at its line), the
 * ext_id indexes of the types that had rows with an external id before
 * the import (references to rows already in the database are looked up
 * through them: the caller names the others, `also`, which the import
 * then never reads: ext17, 1M clues' random text keys), and those
 * the hooks read (cases_clue, dispositions_clue_method, approvals_object,
 * outcomes_person, case_categories_category).  An index the list names
 * that the schema lacks is skipped.
 *
 * The catalog's case count on insert (0082, case_categories_cases_ai):
 * the import recounts every category at its end (interchange.c), so the
 * per-row update of the catalog it made was overwritten; without it the
 * link rows' inserts write their row only, no statement journal.
 *
 * The statistics rollup's triggers (docs/statistics.md): every one is
 * guarded by `WHEN (SELECT live FROM metric_state) = 1`, and a bulk
 * import runs with the rollup off, so they do nothing; but a table with a
 * trigger makes each insert or update a statement that may write twice,
 * which SQLite guards with a statement journal (each changed page copied
 * first), and the guard is evaluated per row.  Without them a record's
 * statements write their rows only.
 */
#include "store/q_ixdefer.h"
#include "store/q_interchange.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static const char *const deferred[] = {
	"clues_received", "clues_first_disposed", "clues_clock",
	"clues_unit_received", "clues_unit_clock", "clues_assigned_office", "clues_forward_due",
	"clues_verification", "clues_inspection",
	"cases_filed", "cases_closed", "cases_state", "cases_unit", "cases_transferred",
	"cases_trial_due", "cases_trial_office", "cases_campaign",
	"persons_unit", "persons_region_name",
	"dispositions_state", "dispositions_returned",
	"clue_subjects_person", "case_subjects_person", "person_posts_person",
	"clues_source_received",
	NULL
};

/* SQLite only (sqlite_master): the definition of a non-unique index by
 * name; the rollup's triggers, by their guard, and the catalog's case
 * count (0082), which the import recounts at its end on both backends
 * (store_category_cases_recount): per row it updated a catalog row the
 * recount overwrites, and its table's inserts needed a statement journal */
static const struct store_sql Q_INDEX_SQL = {
	"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name = ? AND sql IS NOT NULL "
	"AND sql NOT LIKE 'CREATE UNIQUE%'", NULL };
static const struct store_sql Q_TRIGGERS = {
	"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
	"AND (instr(sql, 'WHEN (SELECT live FROM metric_state) = 1') > 0 "
	"OR name = 'case_categories_cases_ai') ORDER BY name", NULL };

void store_ix_deferred_free(struct store_ix_deferred *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->sql[i]);
	d->n = d->nindex = d->made = 0;
}

/* Reads the rows of st (name, sql) into names and d; 0 or < 0. */
static int collect(struct store_stmt *st, char **names, int *nnames, struct store_ix_deferred *d)
{
	int rc;

	while ((rc = store_step(st)) == STORE_ROW && d->n < STORE_IX_DEFER_MAX) {
		names[(*nnames)++] = xstrdup(store_col_text(st, 0));
		d->sql[d->n++] = xstrdup(store_col_text(st, 1));
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* DROP kind name: a name of the schema the migrations made (matched
 * against the list above or read from sqlite_master), checked to be a
 * plain identifier all the same. */
static int drop(struct store *s, const char *kind, const char *name)
{
	char text[128];

	if (strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(name) || strlen(name) > 100)
		return STORE_ERR;
	snprintf(text, sizeof(text), "DROP %s %s", kind, name);
	return store_exec(store_prepare(s, store_ix_sql(text))) < 0 ? STORE_ERR : 0;
}

/* Collects the definition of the non-unique index name into d. */
static int collect_index(struct store *s, const char *name, char **names, int *n, struct store_ix_deferred *d)
{
	struct store_stmt *st = store_prepare(s, &Q_INDEX_SQL);
	int rc = st ? store_bind_text(st, 1, name) : STORE_ERR;

	return rc == 0 ? collect(st, names, n, d) : rc;
}

int store_ix_defer(struct store *s, struct store_ix_deferred *d, const char *const *also)
{
	char *names[STORE_IX_DEFER_MAX];
	int n = 0, nindex, rc = 0;

	store_ix_deferred_free(d);
	if (store_backend(s) != STORE_SQLITE)
		return 0;
	for (int i = 0; deferred[i] && rc == 0; i++)
		rc = collect_index(s, deferred[i], names, &n, d);
	for (int i = 0; also && also[i] && rc == 0; i++)
		rc = collect_index(s, also[i], names, &n, d);
	nindex = d->nindex = n;
	if (rc == 0)
		rc = collect(store_prepare(s, &Q_TRIGGERS), names, &n, d);
	if (rc == 0 && d->n == STORE_IX_DEFER_MAX)
		rc = STORE_ERR;         /* more than the array holds: raise the maximum */
	for (int i = 0; i < n; i++) {
		if (rc == 0)
			rc = drop(s, i < nindex ? "INDEX" : "TRIGGER", names[i]);
		free(names[i]);
	}
	return rc;
}

/* SQLite: the non-unique indexes of one table, for
 * store_ix_defer_table */
static const struct store_sql Q_TABLE_INDEXES = {
	"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
	"AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name", NULL };

int store_ix_defer_table(struct store *s, struct store_ix_deferred *d, const char *table)
{
	char *names[STORE_IX_DEFER_MAX];
	struct store_stmt *st;
	int n = 0, rc;

	if (store_backend(s) != STORE_SQLITE)
		return 0;
	if (d->n != d->nindex)
		return STORE_ERR;       /* triggers kept: the indexes come first */
	st = store_prepare(s, &Q_TABLE_INDEXES);
	rc = st ? store_bind_text(st, 1, table) : STORE_ERR;
	if (rc == 0)
		rc = collect(st, names, &n, d);
	if (rc == 0 && d->n == STORE_IX_DEFER_MAX)
		rc = STORE_ERR;         /* more than the array holds: raise the maximum */
	d->nindex = d->n;
	for (int i = 0; i < n; i++) {
		if (rc == 0)
			rc = drop(s, "INDEX", names[i]);
		free(names[i]);
	}
	return rc;
}

/* Creates sql[made..upto). */
static int make(struct store *s, struct store_ix_deferred *d, int upto)
{
	for (; d->made < upto; d->made++)
		if (store_exec(store_prepare(s, store_ix_sql(d->sql[d->made]))) < 0)
			return STORE_ERR;
	return 0;
}

/* SQLite's sorter, which each CREATE INDEX fills with its table's keys,
 * allocates every key with its own malloc(3) when temporary storage is
 * in memory (the import's temp_store = MEMORY, store_ix_bulk), and frees
 * each again after the build; with temporary files allowed it keeps the
 * keys in one buffer it grows by doubling, up to the page cache's size
 * (512 MiB at most: the 1M scale file's largest index is 25 MiB), and
 * writes a file only past that.  The builds run with FILE (sqidx17,
 * bench/README.md) and MEMORY is set again after them.  Allowed inside the transaction
 * while the connection has no temporary database open (the import makes
 * no temporary table); if SQLite refuses it, the builds run as before. */
static const struct store_sql Q_SORT_FILES = { "PRAGMA temp_store = FILE", "SELECT 1" };
static const struct store_sql Q_SORT_MEMORY = { "PRAGMA temp_store = MEMORY", "SELECT 1" };

/* The sorter's runs (sqidx18, bench/README.md): one buffer of a whole
 * table's keys is sorted as a linked list (SQLite's vdbeSorterSort), a
 * merge whose every step reads a key at a random place of tens of MiB:
 * at 1M clues a cache miss a comparison, a third of a build's time.  The
 * sorter cuts its keys into runs of the page cache's size (PMAs, each
 * sorted then written to a temporary file and merged at the end), so the
 * builds run with the page cache at SORT_RUN_KIB: each run is sorted
 * within the processor's caches, and the merge reads the runs in order.
 * The page cache keeps every page it holds: the transaction's pages are
 * dirty (a smaller cache drops only clean pages, which a bulk load has
 * few of), and the spill threshold is set to the cache's own size first
 * (PRAGMA cache_spill, in the same units), so no page is written out
 * before it would have been.  Both are set back after the builds: the
 * cache's size as it was, the spill threshold to SQLite's default (1:
 * spill when the cache is full), which the connection never changes.
 * Done only for a cache set in KiB (as the connection and the import set
 * it) larger than the runs, not if spilling is off, and not if SQLite
 * refuses one of the settings. */
#define SORT_RUN_KIB 2048        /* Q_SORT_RUNS's */
static const struct store_sql Q_CACHE_SIZE = { "PRAGMA cache_size", "SELECT 0" };
static const struct store_sql Q_CACHE_SPILL = { "PRAGMA cache_spill", "SELECT 0" };
static const struct store_sql Q_SORT_RUNS = { "PRAGMA cache_size = -2048", "SELECT 1" };
static const struct store_sql Q_SPILL_DEFAULT = { "PRAGMA cache_spill = 1", "SELECT 1" };

/* The integer q's first row gives, or 0 (none, or an error). */
static int64_t pragma_int(struct store *s, const struct store_sql *q)
{
	struct store_stmt *st = store_prepare(s, q);
	int64_t v = st && store_step(st) == STORE_ROW ? store_col_int(st, 0) : 0;

	if (st)
		store_reset(st);
	return v;
}

/* Runs "PRAGMA name = v"; 0 or < 0. */
static int pragma_set(struct store *s, const char *name, int64_t v)
{
	char text[64];

	snprintf(text, sizeof(text), "PRAGMA %s = %lld", name, (long long)v);
	return store_exec(store_prepare(s, store_ix_sql(text))) < 0 ? STORE_ERR : 0;
}

/* Small runs for the sorter (above): *cache the cache's size before, to
 * set back (sort_runs_end), 0 when nothing was changed.  0, or < 0 when
 * the small cache was refused and the spill threshold could not be set
 * back either. */
static int sort_runs(struct store *s, int64_t *cache)
{
	int64_t was = pragma_int(s, &Q_CACHE_SIZE);

	*cache = 0;
	if (was >= -SORT_RUN_KIB || pragma_int(s, &Q_CACHE_SPILL) == 0)
		return 0;
	if (pragma_set(s, "cache_spill", was) < 0)
		return 0;
	if (store_exec(store_prepare(s, &Q_SORT_RUNS)) < 0)
		return store_exec(store_prepare(s, &Q_SPILL_DEFAULT)) < 0 ? STORE_ERR : 0;
	*cache = was;
	return 0;
}

/* The cache's size and the spill threshold set back, each tried even
 * when the other fails: 0 or < 0. */
static int sort_runs_end(struct store *s, int64_t cache)
{
	int rc = 0;

	if (cache == 0)
		return 0;
	if (pragma_set(s, "cache_size", cache) < 0)
		rc = STORE_ERR;
	if (store_exec(store_prepare(s, &Q_SPILL_DEFAULT)) < 0)
		rc = STORE_ERR;
	return rc;
}

int store_ix_restore_indexes(struct store *s, struct store_ix_deferred *d)
{
	int files = d->made < d->nindex && store_exec(store_prepare(s, &Q_SORT_FILES)) >= 0;
	int64_t cache = 0;
	int rc = files && sort_runs(s, &cache) < 0 ? STORE_ERR : make(s, d, d->nindex);

	if (sort_runs_end(s, cache) < 0)
		rc = STORE_ERR;
	if (files && store_exec(store_prepare(s, &Q_SORT_MEMORY)) < 0)
		rc = STORE_ERR;
	return rc;
}

int store_ix_restore(struct store *s, struct store_ix_deferred *d)
{
	int rc = make(s, d, d->n);

	store_ix_deferred_free(d);
	return rc;
}
