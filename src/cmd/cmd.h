#ifndef QF_CMD_H
#define QF_CMD_H

/* the commission's name until init --name or config set names it */
#define CMD_DEFAULT_COMMISSION "纪委监委"
/*
 * cmd: the subcommands (one file each, git's builtin/ style) and what they
 * share: option tables, opening the database with its keys and settings.
 * Exit codes: 0 ok, 1 failure, 2 usage.
 */
#include "domain/ctx.h"

struct store;
struct calendar;

#define EXIT_USAGE 2

struct option_spec {
	const char *name;        /* "--db" */
	const char **value;      /* for options with a value */
	int *flag;               /* for flags */
	const char *help;
};

/* A row of the subcommand table (main.c): `qingfeng --help` lists them,
 * `qingfeng man` writes the manual page from them. */
struct cmd_entry {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

/* Parses argv[1..] against specs (plus --help); positional arguments are
 * collected into pos (at most maxpos).  Returns the count of positionals,
 * -1 on a usage error (message printed), -2 when --help was given (help
 * printed). */
int cmd_parse(int argc, char **argv, const struct option_spec *specs, const char **pos,
	      int maxpos, const char *usage);

/* One more line of a command's --help after the options (config's
 * settings): "    NAME  HELP", or a roff item for the manual page. */
void cmd_help_item(const char *name, const char *help);

/* man.c: `qingfeng man` writes the manual page (roff) to stdout from the
 * command table and each command's option table: every command is run
 * with --help while cmd_parse prints help as roff (man_active()). */
int cmd_man(const struct cmd_entry *cmds, size_t n);
int man_active(void);
void man_usage(const char *usage, const struct option_spec *specs);
void man_item(const char *name, const char *help);

/* What a command that works on a database holds. */
struct cmd_env {
	struct store *db;
	struct arena *a;
	struct config cfg;
	struct qf_keys keys;
	struct ctx c;
	const char *ckpt;        /* the audit checkpoint file (cmd_ckpt_path) */
	int64_t audit_head;      /* the newest audit entry's id at cmd_open */
	int ckpt_force;          /* cmd_close: reset the checkpoint (init) */
	struct calendar *cal;    /* the working-day calendar (c.cal), owned */
};

/* The database path: --db, else $QINGFENG_DB, else var/qingfeng.db. */
const char *cmd_db_path(const char *opt);
/* The database as it may be shown: a password in a connection URI is
 * replaced by "***" (static buffer: use it before calling again). */
const char *cmd_db_shown(const char *db);
/* 1 when db names a PostgreSQL database (a connection URI). */
int cmd_db_is_pg(const char *db);
/* The key file: --key, else $QINGFENG_KEY, else "<db>.key" for a SQLite
 * file; NULL for PostgreSQL without --key or $QINGFENG_KEY. */
const char *cmd_key_path(const char *opt, const char *db);
/* The audit checkpoint file: opt, else $QINGFENG_AUDIT_CHECKPOINT, else
 * "<key file>.audit" (static buffer). */
const char *cmd_ckpt_path(const char *opt, const char *keypath);
/* The attachments folder (domain/attach.h): opt, else $QINGFENG_ATTACHMENTS,
 * else "<db>.attachments" beside a SQLite database, or "attachments" in
 * the key file's folder for PostgreSQL; created (0700) when missing.  A
 * malloc'd path, or NULL after an error message. */
char *cmd_attach_dir(const char *opt, const char *db, const char *key);
/* Copies the attachment files of folder `from` that folder `to` (created
 * 0700) lacks, as they are (attach_copy.c); their number in *copied.  A
 * missing `from` copies nothing.  0, or -1 after an error message. */
int cmd_attach_copy(const char *from, const char *to, int *copied);
/* Opens an existing database, applies migrations (and the fills in C
 * they leave: report_dues_fill, find_tails_fill, doc_seal_fill), loads
 * keys, settings and the calendar,
 * and fills env->c with the CLI as the actor.  0 or -1. */
int cmd_open(struct cmd_env *env, const char *db, const char *key);
/* Closes it; when the command appended audit entries, first moves the
 * audit checkpoint forward (a warning when it cannot). */
void cmd_close(struct cmd_env *env);
/* After an import or the demo year: when it was a bulk load (ix_counts'
 * bulk: at least 1,000 lines and more than the database held, a new
 * database or a move), the planner's statistics refreshed (store_analyze),
 * said on stdout; a failure is a warning (the records are committed)
 * naming `qingfeng stats analyze`.  A daily import into a large database
 * moves no estimate that matters, and an analysis at 10M takes 16 s of
 * per-index transactions that writers wait on: the nightly timer
 * (docs/operations.md) keeps those current. */
struct ix_counts;
void cmd_analyze_after(struct cmd_env *env, const struct ix_counts *counts);
/* store_analyze with its report: "qingfeng: planner statistics refreshed
 * (N indexes and tables) in S s" or an error; 0 or -1. */
int cmd_analyze(struct cmd_env *env);
/* Reads a password from stdin (one line, without its newline). */
int cmd_read_password(char *buf, size_t len);
/* A random password that meets any policy of up to 4 classes (the
 * system's random source), NUL-terminated in out. */
void cmd_random_password(char out[24]);
/* Loads the settings table over the defaults: 0, or -1 when a setting
 * cannot be read (the command then refuses to run). */
int config_load(struct config *cfg, struct store *s);

/* Parses holiday CSV text and stores it, all or nothing (calendar.c). */
int calendar_store_csv(struct cmd_env *env, const char *text, size_t len, const char *what);

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_config(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_ferry(int argc, char **argv);
int cmd_demo(int argc, char **argv);
/* hidden: the route and role tables as JSON lines (routes.c) */
int cmd_routes(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_report(int argc, char **argv);
/* the statistics rollup: rebuild, check (stats.c) */
int cmd_stats(int argc, char **argv);
/* `report --annual` (report_annual.c) */
int cmd_report_annual(const char *db, const char *key, const char *year, const char *format,
		      const char *out, const char *tmpl, const char *rendering);
struct metric_period;
struct metric_scope;
struct strbuf;
/* `report --year Y --format docx` for the whole commission: the annual
 * report rendered and kept, the statistics table as its appendix, into
 * out (report_year.c).  0, or -1 with the message printed. */
int cmd_report_year_docx(struct cmd_env *env, int year, const struct metric_period *p,
			 const struct metric_scope *s, struct strbuf *out);

#endif
