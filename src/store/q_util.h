#ifndef QF_Q_UTIL_H
#define QF_Q_UTIL_H
/* Private helpers of the q_*.c query files. */
#include "core/arena.h"
#include "model/filter.h"
#include "model/metrics.h"
#include "store/store.h"

/* A list's count of the rows of FROM_WHERE ("FROM t WHERE ..."), stopped
 * after LIST_COUNT_STOP rows (model/filter.h): bounded however broad the
 * filter and however large the table.  A WITH clause goes before it. */
#define Q_CAPPED_COUNT(FROM_WHERE) \
	"SELECT count(*) FROM (SELECT 1 " FROM_WHERE " LIMIT " LIST_COUNT_STOP ") capped"

/*
 * An optional filter `(? = ZERO OR COND)` (COND with one `?`) in a text of
 * PostgreSQL's own, for a statement chosen by whether the filter is set
 * (pgplan16j).  PostgreSQL's generic plan cannot fold `$1 = 0 OR ...`, so a
 * statement of optional filters costs more generic than custom and is
 * planned anew on every execution (0.2-1 ms each at 10M).  Q_OPT_SET is
 * the filter set (its guard a one-time test, COND an index condition),
 * Q_OPT_UNSET the filter unset (both guards one-time tests, COND gone):
 * the same rows as the OR whenever the variant matches the values bound,
 * the same parameters in the same order, so the statement's SQLite text
 * keeps the OR and one binding serves both.
 */
#define Q_OPT_SET(ZERO, COND) "(? <> " ZERO " AND " COND ")"
#define Q_OPT_UNSET(ZERO) "(? = " ZERO " AND ? = " ZERO ")"
/* a search `(? = '' OR COL LIKE ? ...)` unset: its text empty, its pattern
 * (q_like_pattern's "%%", not '') anything */
#define Q_OPT_UNSET_LIKE "(? = '' AND CAST(? AS TEXT) IS NOT NULL)"

/* Binds a list's filters (f: the family's struct X_filter) from parameter
 * 1 on; returns the index of the next parameter. */
typedef int (*q_bind_fn)(struct store_stmt *st, struct arena *a, const void *f);

/*
 * The whole table's statement beside a list's filtered one (issue 16,
 * first16h).  A list's capped count walks up to LIST_COUNT_STOP rows
 * through its filter's WHERE and joins: 40-100 ms at 10M records, paid by
 * the first view after every write (the kept renderings are dropped).
 * When the filter selects every row (filter_unset, no need-to-know, no
 * jurisdiction) the same count is that of the table alone: each inner
 * join of a list's FROM is to a parent its NOT NULL foreign key always
 * finds, each left join on a unique key, so neither adds nor drops a
 * row, and every term of the WHERE is `? = 0 OR ...`, true.  Q_WHOLE's
 * statement reads an index only (1-2 ms for 10,001 rows).  The count is
 * as exact as before (the same rows; t249 compares it with SQL).
 */
#define Q_WHOLE_COUNT(TABLE) { Q_CAPPED_COUNT("FROM " TABLE), NULL }
/* The statement `all` (no parameters) when whole, else `filtered` bound
 * by bind (with a, f); NULL when it cannot be prepared. */
struct store_stmt *q_whole_or(struct store *s, int whole, const struct store_sql *all,
			      const struct store_sql *filtered, struct arena *a, q_bind_fn bind, const void *f);
/* q_count of q_whole_or's statement. */
int64_t q_count_whole(struct store *s, int whole, const struct store_sql *all, const struct store_sql *filtered,
		      q_bind_fn bind, const void *f);
/* 1 when the figure scope sc sets nothing (every member 0 or empty). */
int q_scope_unset(const struct metric_scope *sc);

/* A text column copied into the arena ("" for NULL). */
static inline const char *q_text(struct arena *a, struct store_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

/* A text column copied into the arena, NULL for NULL. */
static inline const char *q_text_or_null(struct arena *a, struct store_stmt *st, int i)
{
	return store_col_isnull(st, i) ? NULL : arena_strdup(a, store_col_text(st, i));
}

/* Binds v, or NULL when v is 0 (optional foreign keys). */
static inline int q_bind_id(struct store_stmt *st, int idx, int64_t v)
{
	return v ? store_bind_int(st, idx, v) : store_bind_null(st, idx);
}

/* Binds v, or NULL when v is NULL or "" (optional text: a day, an interchange id). */
static inline int q_bind_opt_text(struct store_stmt *st, int idx, const char *v)
{
	return v && *v ? store_bind_text(st, idx, v) : store_bind_null(st, idx);
}

/* Runs an UPDATE (or DELETE): the rows it changed, or < 0. */
static inline int q_changed(struct store *s, struct store_stmt *st)
{
	if (store_exec(st) < 0)
		return STORE_ERR;
	return (int)store_changes(s);
}

/* "%text%" with LIKE's wildcards escaped by '\', in the arena. */
const char *q_like_pattern(struct arena *a, const char *text);

/* Runs a statement expected to return one integer (count(*) and the like).
 * Returns it, or < 0 on error; resets the statement. */
int64_t q_scalar(struct store_stmt *st);
/* Runs st, an INSERT of one row, and answers the row's id or < 0: on
 * PostgreSQL from its RETURNING id, on SQLite from the connection
 * (store_last_id; the statement's SQLite text has no RETURNING, which
 * SQLite runs as a trigger into a temporary table, with a statement
 * journal: bench/README.md, sqrec16m). */
int64_t q_insert_id(struct store *s, struct store_stmt *st);
/* The same into *out for a statistic (store/q_metrics.h): 0, or the
 * negative store code. */
static inline int q_scalar_out(struct store_stmt *st, int64_t *out)
{
	int64_t v = q_scalar(st);

	if (v < 0)
		return (int)v;
	*out = v;
	return 0;
}

/* count(*) of a list statement whose filters `bind` binds. */
int64_t q_count(struct store_stmt *st, q_bind_fn bind, const void *f);

/* Fills one row of a list from the current statement row. */
typedef void (*q_fill_fn)(struct arena *a, struct store_stmt *st, void *row);
/* Runs a bound statement and collects its rows (each `size` bytes, filled
 * by `fill`) into an arena array stored in *(void **)out: the row count
 * or < 0.  q_list_by_id binds its one parameter, an id, first. */
int q_collect(struct store_stmt *st, struct arena *a, q_fill_fn fill, size_t size, void *out);
int q_list_by_id(struct store_stmt *st, struct arena *a, int64_t id, q_fill_fn fill, size_t size,
		 void *out);
/* A `const char *` row from the first column (a list of codes). */
void q_fill_text(struct arena *a, struct store_stmt *st, void *row);
/* A struct store_due_count (q_todo.h) from "office, overdue, count(*)":
 * the rows of a to-do count statement, collected by q_collect. */
void q_fill_due_count(struct arena *a, struct store_stmt *st, void *row);
/* A struct person from "p.id, p.name, p.rank, p.position, p.unit_id, u.name"
 * (the subjects of a clue, case or report). */
void q_fill_subject(struct arena *a, struct store_stmt *st, void *row);
/* Runs a statement whose one parameter is an id and fills row from its
 * first row: 1 found, 0 not, < 0 error. */
int q_get_by_id(struct store_stmt *st, struct arena *a, int64_t id, q_fill_fn fill, void *row);
/* The same for a scoped lookup "Q_SCOPE_WITH ... WHERE x.id = ? AND
 * Q_IN_SCOPE(...)": parameters scope user, id, scope user. */
int q_get_scoped(struct store_stmt *st, struct arena *a, int64_t id, int64_t scope_user, q_fill_fn fill,
		 void *row);
/* The same for a statement whose one parameter is a text key (a code). */
int q_get_by_text(struct store_stmt *st, struct arena *a, const char *key, q_fill_fn fill, void *row);
/* Runs a list statement: binds the filters, then LIMIT and OFFSET, and
 * collects the rows (each `size` bytes, filled by `fill`) into an arena
 * array stored in *(void **)out.  The row count or < 0. */
struct page_req;
int q_list(struct store_stmt *st, struct arena *a, const struct page_req *pg, const void *f,
	   q_bind_fn bind, q_fill_fn fill, size_t size, void *out);

#endif
