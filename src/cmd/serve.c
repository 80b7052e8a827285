/*
 * serve.c: `qingfeng serve` applies pending migrations, loads the keys,
 * runs the known-answer self-tests of the algorithms in use (refusing to
 * start on a failure), and serves HTTP until SIGINT or SIGTERM.  The main
 * thread moves the audit checkpoint forward every --checkpoint-seconds and
 * at the stop (domain/audit.h).
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "core/calendar.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/version.h"
#include "domain/holidays.h"
#include "http/http.h"
#include "store/store.h"



int cmd_serve(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *listen = "127.0.0.1:8080", *threads = NULL;
	const char *max_body = NULL, *cert = NULL, *tlskey = NULL, *ckpt = NULL, *ckpt_seconds = NULL;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database (default var/qingfeng.db or $QINGFENG_DB)" },
		{ "--key", &key, NULL, "key file (default: beside the database)" },
		{ "--listen", &listen, NULL, "HOST:PORT to listen on (default 127.0.0.1:8080)" },
		{ "--threads", &threads, NULL, "worker threads (default: the number of cores; four per core on PostgreSQL)" },
		{ "--max-body", &max_body, NULL, "largest request body in bytes (default 1048576)" },
		{ "--tls-cert", &cert, NULL, "PEM certificate: serve HTTPS (Secure, __Host- cookies)" },
		{ "--tls-key", &tlskey, NULL, "PEM private key for --tls-cert" },
		{ "--audit-checkpoint", &ckpt, NULL, "audit checkpoint file (default: <key file>.audit)" },
		{ "--checkpoint-seconds", &ckpt_seconds, NULL,
		  "most seconds between moves of the audit checkpoint (default 10)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct strbuf err = STRBUF_INIT;
	struct cmd_env env;
	struct app app;
	long n;
	int rc;

	rc = cmd_parse(argc, argv, specs, NULL, 0, "qingfeng serve [--db PATH] [--listen HOST:PORT] [--threads N]");
	if (rc == -2)
		return 0;
	if (rc < 0)
		return EXIT_USAGE;
	db = cmd_db_path(db);
	if (cmd_open(&env, db, key) < 0)
		return 1;
	if (crypto_selftest(env.keys.national, &err) < 0) {
		error("refusing to start: %s", err.buf);
		strbuf_release(&err);
		cmd_close(&env);
		return 1;
	}
	strbuf_release(&err);
	memset(&app, 0, sizeof(app));
	app.cfg = env.cfg;
	app.keys = env.keys;
	app.db_uri = db;
	app.version = QF_VERSION;
	atomic_store(&app.cal, holidays_load(env.db));
	n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n <= 0)
		n = 2;
	/* on PostgreSQL a worker spends most of a request waiting for the
	 * server (round trips, the write lock, the commit's flush): more
	 * workers than cores keep the cores busy (bench/README.md, "At scale") */
	if (store_backend(env.db) == STORE_PG)
		n = n * 4 > 256 ? 256 : n * 4;
	app.threads = threads ? (unsigned)atoi(threads) : (unsigned)n;
	if (app.threads < 1 || app.threads > 256) {
		error("--threads must be 1 to 256");
		cmd_close(&env);
		return EXIT_USAGE;
	}
	app.ckpt_seconds = ckpt_seconds ? (unsigned)atoi(ckpt_seconds) : 10;
	if (app.ckpt_seconds < 1 || app.ckpt_seconds > 3600) {
		error("--checkpoint-seconds must be 1 to 3600");
		cmd_close(&env);
		return EXIT_USAGE;
	}
	app.max_body = max_body ? (size_t)strtoull(max_body, NULL, 10) : 1024 * 1024;
	if (app.max_body < 1024)
		app.max_body = 1024;
	cmd_close(&env);
	if (!atomic_load(&app.cal)) {
		error("cannot load the calendar");
		return 1;
	}
	app.audit_ckpt = strdup(cmd_ckpt_path(ckpt, cmd_key_path(key, db)));
	rc = http_serve(&app, listen, cert, tlskey);
	app_calendar_free(&app);
	keys_wipe(&app.keys);
	free((char *)app.audit_ckpt);
	return rc < 0 ? 1 : 0;
}
