/*
 * common.c: what the subcommands share: option parsing from tables, the
 * database and key-file locations, opening a database with its keys and
 * settings, reading a password from standard input.
 */
#include "cmd/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <pwd.h>
#include <sys/stat.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/log.h"
#include "domain/audit.h"
#include "domain/document.h"
#include "domain/find.h"
#include "domain/holidays.h"
#include "domain/interchange.h"
#include "domain/outcome.h"
#include "domain/report.h"
#include "store/q_audit.h"
#include "store/q_settings.h"
#include "store/store.h"

void config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	snprintf(cfg->region, sizeof(cfg->region), "000000");
	snprintf(cfg->commission, sizeof(cfg->commission), "%s", CMD_DEFAULT_COMMISSION);
	cfg->session_idle = 30 * 60;
	cfg->session_absolute = 12 * 3600;
	cfg->lock_failures = 5;
	cfg->lock_seconds = 15 * 60;
	cfg->pw_min_len = 10;
	cfg->pw_classes = 3;
	cfg->login_addr_burst = 30;
	cfg->login_addr_seconds = 10;
	cfg->pow_bits = 16;
	cfg->public_file_max = 4 * 1024 * 1024;
	cfg->public_key_days = 7;
	cfg->public_status_days = 180;
}

static void usage_print(FILE *f, const char *usage, const struct option_spec *specs)
{
	if (man_active()) {
		man_usage(usage, specs);
		return;
	}
	fprintf(f, "usage: %s\n", usage);
	for (const struct option_spec *s = specs; s && s->name; s++)
		fprintf(f, "    %-22s %s\n", s->name, s->help);
	fprintf(f, "    %-22s %s\n", "--help", "show this help");
}

void cmd_help_item(const char *name, const char *help)
{
	if (man_active())
		man_item(name, help);
	else
		printf("    %-18s %s\n", name, help);
}

int cmd_parse(int argc, char **argv, const struct option_spec *specs, const char **pos,
	      int maxpos, const char *usage)
{
	int npos = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct option_spec *s;
		const char *eq;
		size_t nlen;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage_print(stdout, usage, specs);
			return -2;
		}
		if (strncmp(a, "--", 2) || !a[2]) {
			if (npos >= maxpos) {
				error("unexpected argument '%s'", a);
				usage_print(stderr, usage, specs);
				return -1;
			}
			pos[npos++] = a;
			continue;
		}
		eq = strchr(a, '=');
		nlen = eq ? (size_t)(eq - a) : strlen(a);
		for (s = specs; s && s->name; s++)
			if (strlen(s->name) == nlen && !strncmp(s->name, a, nlen))
				break;
		if (!s || !s->name) {
			error("unknown option '%.*s'", (int)nlen, a);
			usage_print(stderr, usage, specs);
			return -1;
		}
		if (s->flag) {
			if (eq) {
				error("option '%s' takes no value", s->name);
				return -1;
			}
			*s->flag = 1;
		} else if (eq) {
			*s->value = eq + 1;
		} else if (i + 1 < argc) {
			*s->value = argv[++i];
		} else {
			error("option '%s' needs a value", s->name);
			return -1;
		}
	}
	return npos;
}

const char *cmd_db_path(const char *opt)
{
	const char *env = getenv("QINGFENG_DB");

	if (opt && *opt)
		return opt;
	if (env && *env)
		return env;
	return "var/qingfeng.db";
}

const char *cmd_db_shown(const char *db)
{
	static char buf[1024];
	const char *scheme = strstr(db, "://"), *at, *colon;

	if (!cmd_db_is_pg(db) || !scheme)
		return db;
	at = strchr(scheme + 3, '@');
	colon = at ? memchr(scheme + 3, ':', (size_t)(at - scheme - 3)) : NULL;
	if (!colon)
		return db;
	snprintf(buf, sizeof(buf), "%.*s:***%s", (int)(colon - db), db, at);
	return buf;
}

int cmd_db_is_pg(const char *db)
{
	return !strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11);
}

const char *cmd_key_path(const char *opt, const char *db)
{
	const char *env = getenv("QINGFENG_KEY");
	static char buf[4096];

	if (opt && *opt)
		return opt;
	if (env && *env)
		return env;
	if (cmd_db_is_pg(db))
		return NULL;    /* no file to put it beside: it must be named */
	snprintf(buf, sizeof(buf), "%s.key", db);
	return buf;
}

const char *cmd_ckpt_path(const char *opt, const char *keypath)
{
	const char *env = getenv("QINGFENG_AUDIT_CHECKPOINT");
	static char buf[4200];

	if (opt && *opt)
		return opt;
	if (env && *env)
		return env;
	snprintf(buf, sizeof(buf), "%s.audit", keypath);
	return buf;
}

char *cmd_attach_dir(const char *opt, const char *db, const char *key)
{
	const char *env = getenv("QINGFENG_ATTACHMENTS"), *kp, *slash;
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	char *dir;

	if (opt && *opt)
		strbuf_addstr(&sb, opt);
	else if (env && *env)
		strbuf_addstr(&sb, env);
	else if (!cmd_db_is_pg(db))
		strbuf_addf(&sb, "%s.attachments", db);
	else {
		kp = cmd_key_path(key, db);
		slash = kp ? strrchr(kp, '/') : NULL;
		if (slash)
			strbuf_addf(&sb, "%.*s/attachments", (int)(slash - kp), kp);
		else
			strbuf_addstr(&sb, "attachments");
	}
	dir = strbuf_detach(&sb, NULL);
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		error("cannot create the attachments folder '%s': %s", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode) || access(dir, W_OK | X_OK) < 0) {
		error("the attachments folder '%s' is not a writable folder", dir);
		free(dir);
		return NULL;
	}
	return dir;
}

int config_load(struct config *cfg, struct store *s)
{
	struct arena *a = arena_new(1024);
	const char *v;
	struct { const char *key; int *dst; } ints[] = {
		{ "session_idle", &cfg->session_idle },
		{ "session_absolute", &cfg->session_absolute },
		{ "lock_failures", &cfg->lock_failures },
		{ "lock_seconds", &cfg->lock_seconds },
		{ "pw_min_len", &cfg->pw_min_len },
		{ "pw_classes", &cfg->pw_classes },
		{ "totp_required_all", &cfg->totp_required_all },
		{ "login_addr_burst", &cfg->login_addr_burst },
		{ "login_addr_seconds", &cfg->login_addr_seconds },
		{ "pow_bits", &cfg->pow_bits },
		{ "public_file_max", &cfg->public_file_max },
		{ "public_key_days", &cfg->public_key_days },
		{ "public_status_days", &cfg->public_status_days },
	};

	int rc = a ? 0 : -1, got;

	/* a setting that cannot be read fails the command: a default kept in
	 * its place (a login policy, the region written into every row) would
	 * be silently wrong (review18) */
	if (rc == 0 && (got = store_setting_get(s, a, "region", &v)) == STORE_ROW)
		snprintf(cfg->region, sizeof(cfg->region), "%s", v);
	else if (rc == 0 && got < 0)
		rc = -1;
	if (rc == 0 && (got = store_setting_get(s, a, "commission", &v)) == STORE_ROW)
		snprintf(cfg->commission, sizeof(cfg->commission), "%s", v);
	else if (rc == 0 && got < 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < QF_ARRAY_SIZE(ints); i++)
		if ((got = store_setting_get(s, a, ints[i].key, &v)) == STORE_ROW && atoi(v) > 0)
			*ints[i].dst = atoi(v);
		else if (got < 0)
			rc = -1;
	arena_free(a);
	return rc;
}

static const char *cli_actor(struct arena *a)
{
	struct passwd *pw = getpwuid(getuid());
	return arena_printf(a, "cli:%s", pw ? pw->pw_name : "?");
}

int cmd_open(struct cmd_env *env, const char *db, const char *key)
{
	char err[256];
	struct strbuf msg = STRBUF_INIT;

	memset(env, 0, sizeof(*env));
	if (crypto_setup() < 0)
		return error("crypto library initialisation failed");
	/* the key first: nothing touches the database without it */
	if (!cmd_key_path(key, db))
		return error("with a PostgreSQL database, name the key file with --key or QINGFENG_KEY");
	if (keyfile_load(cmd_key_path(key, db), &env->keys, &msg) < 0) {
		error("%s", msg.buf);
		strbuf_release(&msg);
		return -1;
	}
	strbuf_release(&msg);
	env->db = store_open(db, 0, err, sizeof(err));
	if (!env->db) {
		keys_wipe(&env->keys);
		return error("cannot open database '%s': %s", cmd_db_shown(db), err);
	}
	/* only `init` creates the schema; an empty database is refused here,
	 * not silently initialised by whatever command came first */
	if (store_schema_version(env->db) <= 0 || store_migrate(env->db) < 0) {
		if (store_schema_version(env->db) == 0)
			error("database '%s' is not initialised: run 'qingfeng init'", cmd_db_shown(db));
		else
			error("database '%s': migration failed: %s", cmd_db_shown(db),
			      store_errmsg(env->db));
		store_close(env->db);
		keys_wipe(&env->keys);
		return -1;
	}
	config_defaults(&env->cfg);
	if (config_load(&env->cfg, env->db) < 0) {
		error("database '%s': cannot read its settings: %s", cmd_db_shown(db), store_errmsg(env->db));
		store_close(env->db);
		keys_wipe(&env->keys);
		return -1;
	}
	env->a = arena_new(8192);
	env->c.db = env->db;
	env->c.a = env->a;
	env->c.cfg = &env->cfg;
	env->c.keys = &env->keys;
	env->c.now = time_now();
	env->c.who.name = cli_actor(env->a);
	env->c.who.role = "cli";
	env->c.who.ip = "local";
	env->c.who.perms = perms_all();
	env->ckpt = arena_strdup(env->a, cmd_ckpt_path(NULL, cmd_key_path(key, db)));
	/* before the fills: an entry one of them appends (document_seal)
	 * moves the checkpoint at cmd_close */
	{
		const char *mac;
		if (store_audit_last(env->db, env->a, &env->audit_head, &mac) < 0)
			env->audit_head = -1;
	}
	/* the due days SQL cannot compute (working days), once after 0017 */
	env->cal = holidays_load(env->db);
	env->c.cal = env->cal;
	if (!env->cal || report_dues_fill(&env->c) < 0 || outcome_periods_fill(&env->c) < 0 ||
	    find_tails_fill(&env->c) < 0 || doc_seal_fill(&env->c) < 0) {
		error("database '%s': the report due days, influence periods, ID tails or document "
		      "encryption cannot be filled: %s", cmd_db_shown(db),
		      store_errmsg(env->db));
		calendar_free(env->cal);
		arena_free(env->a);
		store_close(env->db);
		keys_wipe(&env->keys);
		return -1;
	}
	return 0;
}

int cmd_analyze(struct cmd_env *env)
{
	int64_t t0 = time_mono_us();
	int n = store_analyze(env->db);

	if (n < 0)
		return error("analyze: %s", store_errmsg(env->db));
	printf("qingfeng: planner statistics refreshed (ANALYZE: %d %s) in %.1f s\n", n,
	       store_backend(env->db) == STORE_PG ? "database" : "indexes and tables",
	       (double)(time_mono_us() - t0) / 1e6);
	return 0;
}

void cmd_analyze_after(struct cmd_env *env, const struct ix_counts *counts)
{
	if (counts->bulk && cmd_analyze(env) < 0)
		warning("the records are imported; the planner's statistics were not refreshed: "
			"run `qingfeng stats analyze`");
}

void cmd_close(struct cmd_env *env)
{
	struct strbuf msg = STRBUF_INIT;
	const char *mac;
	int64_t head;

	/* the command appended audit entries: the checkpoint follows */
	if (env->ckpt && (env->ckpt_force ||
			  (store_audit_last(env->db, env->a, &head, &mac) >= 0 && head != env->audit_head)) &&
	    audit_checkpoint(env->db, &env->keys, env->ckpt, env->ckpt_force, NULL, &msg) < 0)
		warning("audit checkpoint not moved: %s", msg.buf);
	strbuf_release(&msg);
	keys_wipe(&env->keys);
	calendar_free(env->cal);
	arena_free(env->a);
	store_close(env->db);
}

int cmd_read_password(char *buf, size_t len)
{
	size_t n;

	if (!fgets(buf, (int)len, stdin))
		return error("no password on standard input");
	n = strlen(buf);
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (n && buf[n - 1] == '\r')
		buf[--n] = '\0';
	if (!n)
		return error("empty password on standard input");
	return 0;
}

void cmd_random_password(char out[24])
{
	char t[QF_TOKEN_CHARS + 1];

	token_new(t);
	memcpy(out, t, 16);
	memcpy(out + 16, "-Qf7", 4);
	out[20] = '\0';
}
