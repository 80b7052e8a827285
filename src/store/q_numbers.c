/*
 * q_numbers.c: number patterns and counters (q_numbers.h).  The counter
 * is one upsert (INSERT ... ON CONFLICT DO UPDATE ... RETURNING): on
 * PostgreSQL the row lock orders concurrent writers, on SQLite the write
 * transaction does; either way no number is handed out twice.
 */
#include "store/q_numbers.h"

#include "core/arena.h"
#include "store/q_util.h"

static const struct store_sql Q_PATTERN = {
	"SELECT pattern FROM number_patterns WHERE kind = ? AND effective_from <= ? "
	"ORDER BY effective_from DESC LIMIT 1", NULL };
static const struct store_sql Q_PATTERNS = {
	"SELECT np.kind, np.effective_from, np.pattern, np.source, "
	"COALESCE(NULLIF(u.display_name, ''), u.name, NULLIF(np.author, ''), '系统（默认）'), np.created_at "
	"FROM number_patterns np LEFT JOIN users u ON u.id = np.created_by "
	"WHERE np.kind = ? ORDER BY np.effective_from DESC", NULL };
static const struct store_sql Q_PATTERN_PUT = {
	"INSERT INTO number_patterns(kind, effective_from, pattern, source, created_by, created_at, author) "
	"VALUES (?, ?, ?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_COUNTER = {
	"INSERT INTO number_counters(kind, year, last) VALUES (?, ?, 1) "
	"ON CONFLICT (kind, year) DO UPDATE SET last = number_counters.last + 1 RETURNING last", NULL };
/* the counter at least n (a number given by an import) */
static const struct store_sql Q_RAISE = {
	"INSERT INTO number_counters(kind, year, last) VALUES (?, ?, ?) "
	"ON CONFLICT (kind, year) DO UPDATE SET last = max(number_counters.last, excluded.last)",
	"INSERT INTO number_counters(kind, year, last) VALUES (?, ?, ?) "
	"ON CONFLICT (kind, year) DO UPDATE SET last = GREATEST(number_counters.last, excluded.last)" };
static const struct store_sql Q_LAST = {
	"SELECT COALESCE(MAX(last), 0) FROM number_counters WHERE kind = ? AND year = ?", NULL };

int store_number_pattern(struct store *s, struct arena *a, const char *kind, const char *day,
			 const char **pattern)
{
	struct store_stmt *st = store_prepare(s, &Q_PATTERN);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, kind);
	store_bind_text(st, 2, day);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*pattern = q_text(a, st, 0);
	store_reset(st);
	return rc == STORE_ROW ? 1 : rc < 0 ? rc : 0;
}

static void fill_pattern(struct arena *a, struct store_stmt *st, void *row)
{
	*(struct number_pattern *)row = (struct number_pattern){ q_text(a, st, 0), q_text(a, st, 1),
								 q_text(a, st, 2), q_text(a, st, 3),
								 q_text(a, st, 4), store_col_int(st, 5) };
}

int store_number_patterns(struct store *s, struct arena *a, const char *kind, struct number_pattern **out)
{
	struct store_stmt *st = store_prepare(s, &Q_PATTERNS);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, kind);
	return q_collect(st, a, fill_pattern, sizeof(**out), out);
}

int store_number_pattern_put(struct store *s, const struct number_pattern *p, int64_t author_id)
{
	struct store_stmt *st = store_prepare(s, &Q_PATTERN_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, p->kind);
	store_bind_text(st, 2, p->effective_from);
	store_bind_text(st, 3, p->pattern);
	store_bind_text(st, 4, p->source);
	if (author_id > 0)
		store_bind_int(st, 5, author_id);
	else
		store_bind_null(st, 5);
	store_bind_int(st, 6, p->created_at);
	store_bind_text(st, 7, p->author ? p->author : "");
	return store_exec(st);
}

static int64_t kind_year(struct store *s, const struct store_sql *q, const char *kind, int year)
{
	struct store_stmt *st = store_prepare(s, q);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, kind);
	store_bind_int(st, 2, year);
	return q_scalar(st);
}

int64_t store_number_next(struct store *s, const char *kind, int year)
{
	return kind_year(s, &Q_COUNTER, kind, year);
}

int64_t store_number_last(struct store *s, const char *kind, int year)
{
	return kind_year(s, &Q_LAST, kind, year);
}

int store_number_raise(struct store *s, const char *kind, int year, int64_t n)
{
	struct store_stmt *st = store_prepare(s, &Q_RAISE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, kind);
	store_bind_int(st, 2, year);
	store_bind_int(st, 3, n);
	return store_exec(st);
}
