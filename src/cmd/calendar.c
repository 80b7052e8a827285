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
#include "domain/holidays.h"
#include "store/store.h"

int calendar_store_csv(struct cmd_env *env, const char *text, size_t len, const char *what)
{
	struct strbuf err = STRBUF_INIT;
	struct holidays_result res;
	int rc = holidays_import(&env->c, text, len, what, &res, &err);

	if (rc < 0)
		error("%s: %s", what, err.buf);
	else
		printf("qingfeng: imported %d calendar days from %s (%d-%d)\n", res.days, what,
		       res.first_year, res.last_year);
	strbuf_release(&err);
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
		{ "--key", &key, NULL, "key file (default <db>.key; required with PostgreSQL)" },
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
		struct calendar *cal = holidays_load(env.db);
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
