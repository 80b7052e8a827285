/*
 * calendar.c: `qingfeng calendar import FILE` loads holiday arrangements
 * in the format of data/cn-holidays.csv into the database, all or nothing;
 * `qingfeng calendar show YEAR` prints a year's exceptions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/log.h"
#include "domain/audit.h"
#include "store/queries.h"
#include "store/store.h"

struct put_arg {
	struct store *s;
	int failed;
	int n;
};

static void put_one(void *arg, qf_day day, int off_day, const char *name)
{
	struct put_arg *pa = arg;
	char buf[11];

	if (!pa->failed && store_holiday_put(pa->s, date_format(day, buf), off_day, name) < 0)
		pa->failed = 1;
	pa->n++;
}

struct import_arg {
	struct cmd_env *env;
	struct calendar *cal;
	const char *what;
	int n;
};

static int import_tx(struct store *s, void *arg)
{
	struct import_arg *ia = arg;
	struct put_arg pa = { s, 0, 0 };
	char detail[160];

	calendar_each(ia->cal, put_one, &pa);
	if (pa.failed)
		return -1;
	ia->n = pa.n;
	snprintf(detail, sizeof(detail), "%s: %d days", ia->what, pa.n);
	return audit_append(&ia->env->c, "calendar_import", "calendar", 1, detail);
}

int calendar_store_csv(struct cmd_env *env, const char *text, size_t len, const char *what)
{
	struct strbuf err = STRBUF_INIT;
	struct import_arg ia = { env, calendar_new(), what, 0 };
	int rc = -1;

	if (calendar_parse_csv(ia.cal, text, len, &err) < 0) {
		error("%s: %s", what, err.buf);
		goto out;
	}
	if (store_tx(env->db, import_tx, &ia) < 0) {
		error("%s: cannot store the calendar: %s", what, store_errmsg(env->db));
		goto out;
	}
	printf("qingfeng: imported %d calendar days from %s (%d-%d)\n", ia.n, what,
	       calendar_first_year(ia.cal), calendar_last_year(ia.cal));
	rc = 0;
out:
	strbuf_release(&err);
	calendar_free(ia.cal);
	return rc;
}

static int read_all(const char *path, struct strbuf *out)
{
	FILE *f = fopen(path, "rb");
	char buf[8192];
	size_t n;

	if (!f)
		return error("cannot open '%s'", path);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, n);
	fclose(f);
	return 0;
}

static void show_one(void *arg, qf_day day, int off_day, const char *name)
{
	int y, m, d;
	char buf[11];

	date_to_ymd(day, &y, &m, &d);
	if (y == *(int *)arg)
		printf("%s %s %s\n", date_format(day, buf), off_day ? "休" : "班", name);
}

int cmd_calendar(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *pos[2];
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file" },
		{ NULL, NULL, NULL, NULL }
	};
	struct cmd_env env;
	int n = cmd_parse(argc, argv, specs, pos, 2,
			  "qingfeng calendar import FILE | qingfeng calendar show YEAR");
	int rc = 1;

	if (n == -2)
		return 0;
	if (n != 2 || (strcmp(pos[0], "import") && strcmp(pos[0], "show"))) {
		if (n >= 0)
			error("usage: qingfeng calendar import FILE | qingfeng calendar show YEAR");
		return EXIT_USAGE;
	}
	db = cmd_db_path(db);
	if (cmd_open(&env, db, key) < 0)
		return 1;
	if (!strcmp(pos[0], "import")) {
		struct strbuf text = STRBUF_INIT;
		if (read_all(pos[1], &text) == 0 &&
		    calendar_store_csv(&env, text.buf, text.len, pos[1]) == 0)
			rc = 0;
		strbuf_release(&text);
	} else {
		struct calendar *cal = calendar_from_store(env.db);
		int year = atoi(pos[1]);
		if (cal) {
			calendar_each(cal, show_one, &year);
			calendar_free(cal);
			rc = 0;
		}
	}
	cmd_close(&env);
	return rc;
}
