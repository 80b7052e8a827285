/* q_settings.c: key/value settings and the calendar's exceptions. */
#include "store/q_settings.h"

#include <string.h>

#include "store/q_util.h"

static const struct store_sql Q_GET = { "SELECT value FROM settings WHERE key = ?", NULL };
static const struct store_sql Q_SET = {
	"INSERT INTO settings(key, value) VALUES (?, ?) "
	"ON CONFLICT(key) DO UPDATE SET value = excluded.value", NULL };
static const struct store_sql Q_HOL_PUT = {
	"INSERT INTO holidays(day, off_day, name) VALUES (?, ?, ?) "
	"ON CONFLICT(day) DO UPDATE SET off_day = excluded.off_day, name = excluded.name", NULL };
static const struct store_sql Q_HOL_ALL = { "SELECT day, off_day, name FROM holidays ORDER BY day", NULL };

int store_setting_get(struct store *s, struct arena *a, const char *key, const char **value)
{
	struct store_stmt *st = store_prepare(s, &Q_GET);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, key);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*value = q_text(a, st, 0);
	store_reset(st);
	return rc;
}

int store_setting_set(struct store *s, const char *key, const char *value)
{
	struct store_stmt *st = store_prepare(s, &Q_SET);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, key);
	store_bind_text(st, 2, value);
	return store_exec(st);
}

int store_holiday_put(struct store *s, const char *day, int off_day, const char *name)
{
	struct store_stmt *st = store_prepare(s, &Q_HOL_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, day);
	store_bind_int(st, 2, off_day);
	store_bind_text(st, 3, name);
	return store_exec(st);
}

int store_holiday_each(struct store *s, void (*fn)(void *arg, const char *day, int off_day,
						   const char *name), void *arg)
{
	struct store_stmt *st = store_prepare(s, &Q_HOL_ALL);
	int rc, n = 0;

	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW) {
		fn(arg, store_col_text(st, 0), (int)store_col_int(st, 1), store_col_text(st, 2));
		n++;
	}
	store_reset(st);
	return rc < 0 ? rc : n;
}

int store_setting_is(struct store *s, struct arena *a, const char *key, const char *value)
{
	const char *v = "";
	int rc = store_setting_get(s, a, key, &v);

	if (rc < 0)
		return rc;
	return rc == STORE_ROW && !strcmp(v, value);
}
