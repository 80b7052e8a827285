/*
 * main.c: the qingfeng command line, a table of subcommands (after git's
 * git.c).  Exit codes: 0 ok, 1 failure, 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "cmd/cmd.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "core/version.h"



static const struct cmd_entry commands[] = {
	{ "init", cmd_init, "create the database, the key file and the first administrator" },
	{ "serve", cmd_serve, "serve the web pages and the JSON API" },
	{ "user", cmd_user, "add, list, disable, enable, unlock users; passwords, jurisdictions" },
	{ "backup", cmd_backup, "copy the database while serving (SQLite file, or pg_dump)" },
	{ "restore", cmd_restore, "make a database from a backup, after verifying its audit chain" },
	{ "audit", cmd_audit, "verify the audit log's MAC chain against its checkpoint; move or reset the checkpoint" },
	{ "calendar", cmd_calendar, "import or show the working-day calendar" },
	{ "config", cmd_config, "show or change the deployment's settings" },
	{ "import", cmd_import, "load records from a JSON Lines file, all or nothing" },
	{ "export", cmd_export, "write every record as JSON Lines" },
	{ "ferry", cmd_ferry, "the public channel: export and import signed batches, pull them over HTTPS, purge old rows, exchange the ferry keys" },
	{ "demo", cmd_demo, "generate the demo year (a fictional city's 2022) and import it, or write it" },
	{ "report", cmd_report, "compute the statistics (DOMAIN.md section 6) for a period and a scope" },
	{ "stats", cmd_stats, "rebuild or check the statistics rollup (after a bulk load); refresh the planner's statistics (analyze)" },
	{ "routes", cmd_routes, NULL },   /* hidden: the route table for the tests */
};

static void usage(FILE *f)
{
	fprintf(f, "usage: qingfeng <command> [options]   (qingfeng <command> --help)\n\n");
	for (size_t i = 0; i < QF_ARRAY_SIZE(commands); i++)
		if (commands[i].help)
			fprintf(f, "   %-10s %s\n", commands[i].name, commands[i].help);
	fprintf(f, "\nEvery command takes --db PATH (default var/qingfeng.db, or $QINGFENG_DB); a\n"
		   "postgresql:// URI selects PostgreSQL, which also needs --key FILE (or $QINGFENG_KEY).\n");
}

int main(int argc, char **argv)
{
	/* the database, its backups and the key file hold personal data */
	umask(077);
	xalloc_tune();
	/* jansson's allocations stop the process as ours do (xalloc.h):
	 * jansson 2.14 writes out of bounds when an allocation fails while it
	 * reads a string with \u escapes (found by tests/fault/) */
	json_set_alloc_funcs(xmalloc, free);
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("qingfeng %s\n", QF_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	/* hidden: the manual page, generated from the tables above and each
	 * command's options (the build writes build/man/qingfeng.1) */
	if (!strcmp(argv[1], "man"))
		return cmd_man(commands, QF_ARRAY_SIZE(commands));
	for (size_t i = 0; i < QF_ARRAY_SIZE(commands); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	error("'%s' is not a qingfeng command (see 'qingfeng --help')", argv[1]);
	return EXIT_USAGE;
}
