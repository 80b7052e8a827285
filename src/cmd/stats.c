/*
 * stats.c: `qingfeng stats rebuild` recomputes the statistics rollup
 * metric_days and its grains (metric_months, metric_years) from the
 * records, turns it on and analyzes it for the
 * planner (after a bulk load made with it off: UPDATE metric_state SET
 * live = 0); `qingfeng stats check`
 * recomputes it into a temporary table and prints every row where the
 * two differ, exiting 1 on any difference (docs/operations.md
 * "Statistics rollup", docs/statistics.md "Speed"); `qingfeng stats
 * analyze` refreshes the query planner's statistics (store_analyze; run
 * by rebuild, by a bulk import (ix_counts' bulk), and
 * nightly by the operator's timer: docs/operations.md "Planner
 * statistics").
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/log.h"
#include "store/q_rollup.h"
#include "store/store.h"

#define STATS_USAGE "qingfeng stats rebuild | qingfeng stats check | qingfeng stats analyze"
/* differing rows printed by check; the count is always printed */
#define CHECK_SHOWN 50

static void show_diff(const struct rollup_diff *d, void *arg)
{
	(void)arg;
	printf("%-7s %-16s %-8s %-14s %s n=%" PRId64 " f1=%" PRId64 " f2=%" PRId64 " f3=%" PRId64
	       " f4=%" PRId64 " sanc=%" PRId64 "\n", d->in, d->stat, *d->dim ? d->dim : "-",
	       *d->val ? d->val : "-", d->day, d->n, d->f1, d->f2, d->f3, d->f4, d->sanc);
}

static int run_check(struct store *db)
{
	int live = store_rollup_live(db), n;

	if (live < 0)
		return error("stats check: %s", store_errmsg(db));
	if (!live) {
		error("stats check: the rollup is off (metric_state.live = 0, a bulk load?): "
		      "the statistics use the live statements; run `qingfeng stats rebuild`");
		return -1;
	}
	if ((n = store_rollup_check(db, CHECK_SHOWN, show_diff, NULL)) < 0)
		return error("stats check: %s", store_errmsg(db));
	if (n) {
		printf("qingfeng: the rollup differs from the records in %d row%s%s\n", n, n == 1 ? "" : "s",
		       n > CHECK_SHOWN ? " (the first shown)" : "");
		return -1;
	}
	printf("qingfeng: the rollup (metric_days, metric_months, metric_years) agrees with the records\n");
	return 0;
}

int cmd_stats(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *pos[1];
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (default <db>.key; required with PostgreSQL)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct cmd_env env;
	int n = cmd_parse(argc, argv, specs, pos, 1, STATS_USAGE);
	int rc;

	if (n == -2)
		return 0;
	if (n != 1 || (strcmp(pos[0], "rebuild") && strcmp(pos[0], "check") && strcmp(pos[0], "analyze"))) {
		if (n >= 0)
			error("usage: " STATS_USAGE);
		return EXIT_USAGE;
	}
	if (cmd_open(&env, cmd_db_path(db), key) < 0)
		return 1;
	if (!strcmp(pos[0], "rebuild")) {
		rc = store_rollup_rebuild(env.db);
		if (rc < 0)
			error("stats rebuild: %s", store_errmsg(env.db));
		else
			printf("qingfeng: metric_days and its grains rebuilt from the records; the rollup is on\n");
		if (rc >= 0)    /* after a bulk load: the loaded tables' statistics too */
			rc = cmd_analyze(&env);
	} else if (!strcmp(pos[0], "analyze")) {
		rc = cmd_analyze(&env);
	} else {
		rc = run_check(env.db);
	}
	cmd_close(&env);
	return rc < 0 ? 1 : 0;
}
