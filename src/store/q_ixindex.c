/*
 * q_ixindex.c: a bulk import (domain/interchange.c) loads the big tables
 * without their secondary indexes and builds them at its end, in the same
 * transaction: one sort per index instead of a B-tree insert per row and
 * index (clues have twelve).  DDL is transactional in SQLite, so a
 * refused import rolls the drops back with the rows: all or nothing
 * holds, and readers (WAL) keep seeing the indexes until the commit.
 *
 * The list holds only indexes no statement of the import reads (checked
 * with EXPLAIN QUERY PLAN over the statements a demo year's import runs):
 * a hook that looked up rows through one of them would scan the table per
 * record instead.  Kept: unique indexes (they refuse a record at its
 * line), the ext_id indexes (references to rows already in the
 * database), and those the hooks read (cases_clue,
 * dispositions_clue_method, approvals_object, outcomes_person,
 * case_categories_category).  An index the list names that the schema
 * lacks is skipped.
 */
#include "store/q_ixindex.h"
#include "store/q_interchange.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static const char *const deferred[] = {
	"clues_state", "clues_received", "clues_first_disposed", "clues_clock",
	"clues_unit_received", "clues_unit_clock", "clues_assigned_office", "clues_forward_due",
	"clues_verification", "clues_inspection",
	"cases_filed", "cases_closed", "cases_state", "cases_unit", "cases_transferred",
	"cases_trial_due", "cases_campaign",
	"persons_unit", "persons_region_name", "persons_id_tail4", "persons_id_tail6",
	"dispositions_clue", "dispositions_state",
	"clue_subjects_person", "case_subjects_person", "person_posts_person",
	NULL
};

/* SQLite only: the definition of a non-unique index by name */
static const struct store_sql Q_INDEX_SQL = {
	"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ? AND sql IS NOT NULL "
	"AND sql NOT LIKE 'CREATE UNIQUE%'", NULL };

void store_ix_deferred_free(struct store_ix_deferred *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->sql[i]);
	d->n = 0;
}

int store_ix_indexes_off(struct store *s, struct store_ix_deferred *d)
{
	store_ix_deferred_free(d);
	if (store_backend(s) != STORE_SQLITE)
		return 0;
	for (int i = 0; deferred[i] && d->n < STORE_IX_DEFER_MAX; i++) {
		struct store_stmt *st = store_prepare(s, &Q_INDEX_SQL);
		char drop[96];
		int rc;

		if (!st)
			return STORE_ERR;
		store_bind_text(st, 1, deferred[i]);
		rc = store_step(st);
		if (rc == STORE_ROW)
			d->sql[d->n] = xstrdup(store_col_text(st, 0));
		store_reset(st);
		if (rc < 0)
			return rc;
		if (rc != STORE_ROW)
			continue;
		d->n++;
		/* the name is the program's own (the list above), never input */
		snprintf(drop, sizeof(drop), "DROP INDEX %s", deferred[i]);
		if (store_exec(store_prepare(s, store_ix_sql(drop))) < 0)
			return STORE_ERR;
	}
	return 0;
}

int store_ix_indexes_on(struct store *s, struct store_ix_deferred *d)
{
	int rc = 0;

	for (int i = 0; i < d->n && rc == 0; i++)
		if (store_exec(store_prepare(s, store_ix_sql(d->sql[i]))) < 0)
			rc = STORE_ERR;
	store_ix_deferred_free(d);
	return rc;
}
