/*
 * init.c: `qingfeng init` creates the database, the key file (mode 0600,
 * beside the database unless --key says where), loads the shipped holiday
 * calendar and creates the first system administrator, whose password is
 * printed once and never stored in clear.  The key file gets the public
 * channel's ferry keys too (core/ferrykey.c); `init --public` makes the
 * internet-facing instance: no sealing secret and no administrator.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/calendar.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/embed.h"
#include "core/log.h"
#include "domain/audit.h"
#include "domain/user.h"
#include "store/q_settings.h"
#include "store/store.h"

/* Undoes a failed init, so that it can simply be run again: the SQLite
 * file with its WAL and shared-memory files, and the key file. */
static void remove_created(const char *db, const char *keypath)
{
	char path[4200];

	if (!cmd_db_is_pg(db)) {
		unlink(db);
		snprintf(path, sizeof(path), "%s-wal", db);
		unlink(path);
		snprintf(path, sizeof(path), "%s-shm", db);
		unlink(path);
	}
	if (keypath)
		unlink(keypath);
}

static int settings_tx(struct store *s, void *arg)
{
	struct cmd_env *env = arg;

	if (store_setting_set(s, "region", env->cfg.region) < 0 ||
	    store_setting_set(s, "commission", env->cfg.commission) < 0)
		return -1;
	return audit_append(&env->c, AEV_INIT, "database", 1, env->cfg.region);
}

int cmd_init(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *region = NULL, *name = NULL, *admin = "admin";
	int national = 0, public = 0;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database (default var/qingfeng.db or $QINGFENG_DB)" },
		{ "--key", &key, NULL, "key file to create (default: beside the database)" },
		{ "--region", &region, NULL, "administrative region code of the commission" },
		{ "--name", &name, NULL, "the commission's name, shown in the pages" },
		{ "--admin", &admin, NULL, "login name of the first system administrator" },
		{ "--national-crypto", NULL, &national, "use SM3/SM4 (国密) instead of the default suite" },
		{ "--public", NULL, &public, "the internet-facing instance of the public channel: no sealing secret, no administrator (then 'ferry key import' the intranet's keys)" },
		{ NULL, NULL, NULL, NULL }
	};
	const struct embedded_file *hol;
	struct strbuf err = STRBUF_INIT;
	struct cmd_env env;
	char password[24], msg[256];
	const char *keypath;
	struct store *s;
	int rc;

	rc = cmd_parse(argc, argv, specs, NULL, 0, "qingfeng init [--db PATH] [--key PATH] [--region CODE] [--name NAME] [--admin NAME] [--national-crypto] [--public]");
	if (rc == -2)
		return 0;
	if (rc < 0)
		return EXIT_USAGE;
	db = cmd_db_path(db);
	keypath = cmd_key_path(key, db);
	if (crypto_setup() < 0) {
		error("crypto library initialisation failed");
		return 1;
	}
	if (!keypath) {
		error("with a PostgreSQL database, name the key file to create with --key or QINGFENG_KEY");
		return EXIT_USAGE;
	}
	if (!cmd_db_is_pg(db) && access(db, F_OK) == 0) {
		error("database '%s' already exists", cmd_db_shown(db));
		return 1;
	}
	if (access(keypath, F_OK) == 0) {
		error("key file '%s' already exists", keypath);
		return 1;
	}
	/* the key file first: if it cannot be written, the database is not
	 * touched (on PostgreSQL there is no file to remove afterwards); with
	 * the ferry keys (issue 13): the intranet's sealing pair and each
	 * side's signing key */
	if (keyfile_create(keypath, national, &err) < 0) {
		error("%s", err.buf);
		strbuf_release(&err);
		return 1;
	}
	if (ferrykey_ensure(keypath, public, &err) < 0) {
		error("%s", err.buf);
		strbuf_release(&err);
		unlink(keypath);
		return 1;
	}
	strbuf_release(&err);
	s = store_open(db, 1, msg, sizeof(msg));
	if (!s) {
		error("cannot create database '%s': %s", cmd_db_shown(db), msg);
		remove_created(db, keypath);
		return 1;
	}
	if (store_schema_version(s) != 0) {
		/* PostgreSQL: the database exists (init does not create it) and
		 * must be empty of qingfeng's schema */
		if (store_schema_version(s) < 0)
			error("cannot read database '%s': %s", cmd_db_shown(db), store_errmsg(s));
		else
			error("database '%s' is already initialised", cmd_db_shown(db));
		store_close(s);
		unlink(keypath);
		return 1;
	}
	if (store_migrate(s) < 0) {
		error("cannot create the schema: %s", store_errmsg(s));
		store_close(s);
		remove_created(db, keypath);
		return 1;
	}
	store_close(s);
	if (cmd_open(&env, db, keypath) < 0) {
		remove_created(db, keypath);
		return 1;
	}
	if (region)
		snprintf(env.cfg.region, sizeof(env.cfg.region), "%s", region);
	if (name)
		snprintf(env.cfg.commission, sizeof(env.cfg.commission), "%s", name);
	rc = 1;
	if (store_tx(env.db, settings_tx, &env) < 0) {
		error("cannot store settings: %s", store_errmsg(env.db));
		goto out;
	}
	hol = embed_find(qf_data, "cn-holidays.csv");
	if (!hol || calendar_store_csv(&env, hol->data, hol->len, "cn-holidays.csv") < 0)
		goto out;
	if (public) {
		/* a public instance has no staff: nobody signs in there */
		printf("qingfeng: %s public-channel database %s\n",
		       cmd_db_is_pg(db) ? "initialised" : "created", cmd_db_shown(db));
		printf("qingfeng: created key file %s without the sealing secret; next: "
		       "'qingfeng ferry key import' the intranet's keys (docs/operations.md)\n", keypath);
		rc = 0;
		env.ckpt_force = 1;
		goto out;
	}
	cmd_random_password(password);
	strbuf_init(&err, 0);
	if (user_create(&env.c, admin, "sysadmin", "系统管理员", 0, password,
			USER_MUST_CHANGE_PW, &err) < 0) {
		error("cannot create the administrator: %s", err.buf);
		strbuf_release(&err);
		goto out;
	}
	strbuf_release(&err);
	printf("qingfeng: %s database %s\n", cmd_db_is_pg(db) ? "initialised" : "created",
	       cmd_db_shown(db));
	printf("qingfeng: created key file %s (keep it safe and apart from backups of the database)\n",
	       keypath);
	printf("qingfeng: system administrator '%s', password (shown once): %s\n", admin, password);
	printf("qingfeng: the administrator binds a TOTP authenticator and chooses a new password at first login\n");
	rc = 0;
	env.ckpt_force = 1;     /* a new key: any checkpoint beside it is stale */
out:
	cmd_close(&env);
	if (rc)
		remove_created(db, keypath);
	return rc;
}
