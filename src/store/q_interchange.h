#ifndef QF_STORE_Q_INTERCHANGE_H
#define QF_STORE_Q_INTERCHANGE_H
/*
 * q_interchange.h: the typed store calls of q_interchange.c: import and export (the interchange
 * type table).
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "store/store.h"

struct arena;

/* Statements built at run time from the interchange type table (names
 * from the program, never from input), interned for the life of the
 * process so the connection's statement cache can key on them. */
const struct store_sql *store_ix_sql(const char *text);
/* A value to bind: kind 0 NULL, 1 integer, 2 text. */
struct store_ix_value {
	int kind;
	int64_t i;
	const char *s;
};
/* Runs q with the values bound in order: the integer of its first row
 * (RETURNING id, count(*)), 0 without a row, or < 0. */
int64_t store_ix_run(struct store *s, const struct store_sql *q, const struct store_ix_value *v,
		     int n);
/* An INSERT of `cols` (space-separated) into `table` for store_ix_insert,
 * which runs it with the values bound in order and gives the new row's
 * id, or < 0.  On PostgreSQL the statement returns the id (RETURNING id);
 * on SQLite it has no RETURNING clause, which SQLite implements as a
 * trigger: each insert then kept a statement journal and a temporary
 * table for its one row; the id is the connection's last rowid. */
const struct store_sql *store_ix_insert_sql(const char *table, const char *cols);
int64_t store_ix_insert(struct store *s, const struct store_sql *q, const struct store_ix_value *v,
			int n);
/* Runs q with the values bound and calls fn for each row with its ncols
 * columns as text (NULL for SQL NULL); fn returns < 0 to stop.  0 or < 0. */
typedef int (*store_ix_row_fn)(void *arg, int ncols, const char *const *cols);
int store_ix_rows(struct store *s, const struct store_sql *q, const struct store_ix_value *v, int n,
		  int ncols, store_ix_row_fn fn, void *arg);
/* SQL texts (malloc'd, for store_ix_sql): the id of the record of `table`
 * imported with an ext_id; INSERT of `cols` (space-separated) RETURNING id
 * (returning = 0: no id); UPDATE of one column by id; an export id:
 * ext_id, else `prefix` and the id, of the row of `table` whose id is
 * `idexpr`. */
char *store_ix_find_text(const char *table);
/* a row of the table with an external id, if any */
char *store_ix_probe_text(const char *table);
char *store_ix_insert_text(const char *table, const char *cols, int returning);
char *store_ix_update_text(const char *table, const char *column);
/* INSERT of n rows (owner, member) into a list's link table, bound as
 * owner, member pairs in the list's order; snapshot: the member is a
 * person whose rank, top_leader, leadership and unit_id the row takes as
 * the person row has them now (one statement where a row and its snapshot
 * UPDATE were two).  aligned (NULL none): a column of the row set from a
 * list aligned with the members (a case's filing_nos): bound as owner,
 * aligned value, member triples. */
char *store_ix_link_text(const char *table, const char *owner, const char *member, int n, int snapshot,
			 const char *aligned);
char *store_ix_export_id(const char *table, const char *prefix, const char *idexpr);
/* 1 when a snapshot link row (store_ix_link_text's snapshot) is better
 * written one member a statement with the person's columns bound
 * (store_ix_link_row_text, values from store_ix_person_snap): SQLite,
 * where an INSERT ... SELECT may write several rows and so keeps a
 * statement journal (each page it changes copied first) and reads the
 * person's row each time; 0 on PostgreSQL, whose bulk mode batches the
 * INSERT ... SELECT (store_pg_batch.c). */
int store_ix_link_rows(struct store *s);
/* INSERT of one snapshot link row with values, bound as owner, [aligned
 * value,] member, then the four values of store_ix_person_snap. */
char *store_ix_link_row_text(const char *table, const char *owner, const char *member, const char *aligned);
/* A person's rank, top_leader, leadership and unit_id as its row holds
 * them (NULL, integer or text; a text copied into `a`): 1 found, 0 no
 * such person, or < 0. */
int store_ix_person_snap(struct store *s, struct arena *a, int64_t person_id, struct store_ix_value v[4]);
/* The unit of a person, 0 when there is no such person, or < 0. */
int64_t store_ix_person_unit(struct store *s, int64_t person_id);
/* The connection imports: SQLite a large page cache (by file_bytes, the
 * file's size, 0 when not known: q_interchange.c) and, for a load that
 * will be bulk (whole), the rollback journal when the connection has the
 * file to itself (WAL again at store_ix_bulk_end); PostgreSQL the
 * driver's bulk mode (store_pg_bulk.c), where a write's failure may be
 * known only at a later statement.  store_ix_line names the file's line
 * the statements from now on are for; store_ix_flush waits for every
 * statement sent (and gives back unused reserved ids): STORE_OK, or the
 * first failure's code with *line its line (0 when not known; -1 when it
 * was a batch of rows of several lines: store_ix_exact).  After a failed
 * import transaction store_ix_exact is 1 when that line was -1, and the
 * bulk mode then sends one statement a row, so that the import run again
 * names the failing record's line; 0 otherwise (SQLite always). */
int store_ix_bulk(struct store *s, int64_t file_bytes, int whole);
/* The import is over: PostgreSQL's bulk mode off, SQLite's page cache
 * back to the connection's own (the connection may go on serving other
 * work, `qingfeng demo`). */
void store_ix_bulk_end(struct store *s);
void store_ix_line(struct store *s, int64_t line);
int store_ix_flush(struct store *s, int64_t *line);
int store_ix_exact(struct store *s);
/* The same-level party committee principal's approval (name, day) of the
 * clue's approved file_case decision, in a; NULL when none is recorded
 * (a filing made before 0019).  0 or < 0. */
int store_ix_filing_committee(struct store *s, struct arena *a, int64_t clue_id, const char **by,
			      const char **day);

#endif
