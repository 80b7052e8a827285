/*
 * serve.c: `qingfeng serve` applies pending migrations, loads the keys,
 * runs the known-answer self-tests of the algorithms in use (refusing to
 * start on a failure), and serves HTTP until SIGINT or SIGTERM.  The log
 * level and the operator's metrics listener (metrics.h) are set here.  The
 * main thread moves the audit checkpoint forward every --checkpoint-seconds
 * and at the stop (domain/audit.h).
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/pull_loop.h"
#include "core/calendar.h"
#include "core/crypto.h"
#include "core/httpc.h"
#include "core/log.h"
#include "core/pow.h"
#include "core/ratelimit.h"
#include "core/version.h"
#include "domain/holidays.h"
#include "domain/rating_group.h"
#include "http/http.h"
#include "http/metrics.h"
#include "store/groupw.h"
#include "store/q_settings.h"
#include "store/store.h"

#define QUERY_BURST 5
#define QUERY_REFILL_SECONDS 600
/* every post to the public channel (each may cost an Argon2id): 60 at
 * once (--post-burst), then one every 10 seconds per address */
#define POST_BURST 60
#define POST_REFILL_SECONDS 10

/* The first line of FILE, without its line end, into a malloc'd string:
 * the metrics bearer token (at least 16 characters).  NULL with a message. */
static char *read_token(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[256];
	size_t n;

	if (!f) {
		error("cannot read '%s'", path);
		return NULL;
	}
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	if (n < 16) {
		error("the token in '%s' is shorter than 16 characters", path);
		return NULL;
	}
	return strdup(buf);
}

/* A whole number option from min to max into *out (unchanged when the
 * option was not given).  0, or -1 with the message printed. */
static int uint_option(const char *name, const char *v, unsigned min, unsigned max, unsigned *out)
{
	char *end;
	unsigned long n;

	if (!v)
		return 0;
	n = strtoul(v, &end, 10);
	if (!*v || *end || *v == '-' || n < min || n > max)
		return error("%s must be a whole number from %u to %u", name, min, max);
	*out = (unsigned)n;
	return 0;
}

/* The trusted proxies: --trusted-proxy, else the trusted_proxy setting. */
static int trusted_proxies(struct cmd_env *env, const char *opt, struct netaddr_list *l)
{
	const char *v = opt;
	char err[160];

	if (!v && store_setting_get(env->db, env->a, "trusted_proxy", &v) != STORE_ROW)
		v = "";
	if (netaddr_list_parse(l, v, err, sizeof(err)) < 0)
		return error("%s: %s", opt ? "--trusted-proxy" : "the trusted_proxy setting", err);
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *listen = "127.0.0.1:8080", *threads = NULL;
	const char *max_body = NULL, *cert = NULL, *tlskey = NULL, *ckpt = NULL, *ckpt_seconds = NULL;
	const char *log_level = "info", *metrics_listen = NULL, *metrics_token = NULL;
	const char *max_conns = NULL, *per_addr = NULL, *hdr_timeout = NULL, *body_rate = NULL;
	const char *proxies = NULL, *max_upload = NULL, *attach_dir = NULL, *post_burst = NULL;
	const char *pull = NULL, *pull_every = NULL, *pull_ca = NULL;
	int public_only = 0, pull_http = 0;
	unsigned every = 300, burst = POST_BURST;
	struct pull_loop *loop = NULL;
	char werr[256];
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database (default var/qingfeng.db or $QINGFENG_DB)" },
		{ "--key", &key, NULL, "key file (default: beside the database)" },
		{ "--listen", &listen, NULL, "HOST:PORT or [IPv6]:PORT to listen on (default 127.0.0.1:8080; [::]:PORT: IPv6 and IPv4)" },
		{ "--threads", &threads, NULL, "worker threads (default: the number of cores; four per core on PostgreSQL)" },
		{ "--max-body", &max_body, NULL, "largest request body in bytes (default 1048576)" },
		{ "--max-upload", &max_upload, NULL, "largest attachment in bytes (default 20971520: 20 MB)" },
		{ "--attachments", &attach_dir, NULL, "attachments folder (default: beside the database, or $QINGFENG_ATTACHMENTS)" },
		{ "--tls-cert", &cert, NULL, "PEM certificate: serve HTTPS (Secure, __Host- cookies)" },
		{ "--tls-key", &tlskey, NULL, "PEM private key for --tls-cert" },
		{ "--log-level", &log_level, NULL, "debug, info (default), warn or error" },
		{ "--metrics-listen", &metrics_listen, NULL, "HOST:PORT of the operator's /metrics (default: off; loopback unless a token is set)" },
		{ "--metrics-token-file", &metrics_token, NULL, "file whose first line /metrics requires as 'Authorization: Bearer'" },
		{ "--audit-checkpoint", &ckpt, NULL, "audit checkpoint file (default: <key file>.audit)" },
		{ "--checkpoint-seconds", &ckpt_seconds, NULL,
		  "most seconds between moves of the audit checkpoint (default 10)" },
		{ "--max-connections", &max_conns, NULL, "most connections at once (default: what the descriptor limit allows, at most 65536)" },
		{ "--max-per-address", &per_addr, NULL, "most connections from one client address (default 128; 0: no limit; trusted proxies are exempt)" },
		{ "--header-timeout", &hdr_timeout, NULL, "seconds a connection has to send a request's headers, also the keep-alive idle time (default 10)" },
		{ "--body-min-rate", &body_rate, NULL, "bytes/s a request body must average once --header-timeout has passed (default 1024; 0: off)" },
		{ "--post-burst", &post_burst, NULL, "posts to the public channel one client address may make at once, then one every 10 s (default 60; in memory only)" },
		{ "--public", NULL, &public_only, "the internet-facing instance: only the public channel's pages (/p/...), no staff route; the key file must not hold the sealing secret" },
		{ "--pull", &pull, NULL, "intranet: pull the ferry from the public instance at this https:// URL in the background (issue 13; the key file's pull_secret, docs/operations.md)" },
		{ "--pull-every", &pull_every, NULL, "seconds between pulls (default 300; after a failure the wait doubles, up to an hour)" },
		{ "--pull-ca", &pull_ca, NULL, "PEM CA file that verifies the public instance's certificate (default: the system's)" },
		{ "--pull-allow-http", NULL, &pull_http, "let --pull use a plain http:// URL (tests only: the batches are signed but the pull key's MACs and the items' metadata travel in clear)" },
		{ "--trusted-proxy", &proxies, NULL, "proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For names the client (default: the trusted_proxy setting; none)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct strbuf err = STRBUF_INIT;
	struct cmd_env env;
	struct app app;
	enum log_level lvl;
	char *token = NULL;
	long n;
	int rc;

	rc = cmd_parse(argc, argv, specs, NULL, 0, "qingfeng serve [--db PATH] [--listen HOST:PORT] [--threads N] [--trusted-proxy LIST] [--public] [--pull URL]");
	if (rc == -2)
		return 0;
	if (rc < 0)
		return EXIT_USAGE;
	if (log_parse_level(log_level, &lvl) < 0) {
		error("--log-level must be debug, info, warn or error");
		return EXIT_USAGE;
	}
	log_set_level(lvl);
	if (metrics_token && !metrics_listen) {
		error("--metrics-token-file needs --metrics-listen");
		return EXIT_USAGE;
	}
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
	if (public_only && env.keys.has_seal_sk) {
		/* the private half never leaves the intranet (issue 13) */
		error("refusing to serve --public: key file '%s' holds the sealing secret; a public "
		      "instance gets its own key file (init --public, docs/operations.md)",
		      cmd_key_path(key, db));
		cmd_close(&env);
		return 1;
	}
	if (pull && (!env.keys.has_seal_sk || !env.keys.has_pull ||
		     uint_option("--pull-every", pull_every, 1, 86400, &every) < 0)) {
		if (!env.keys.has_seal_sk || !env.keys.has_pull)
			error("--pull: key file '%s' %s", cmd_key_path(key, db),
			      !env.keys.has_seal_sk ? "is a public instance's (the intranet pulls)"
						    : "has no pull_secret ('qingfeng ferry key pull-secret')");
		cmd_close(&env);
		return EXIT_USAGE;
	}
	if (!env.keys.has_seal_pk)
		log_warn("the public channel (/p/) is closed: key file '%s' has no seal_public "
			 "(intranet: 'qingfeng ferry key export' adds it; public side: 'ferry key import')",
			 cmd_key_path(key, db));
	memset(&app, 0, sizeof(app));
	app.public_only = public_only;
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
	app.max_upload = max_upload ? (size_t)strtoull(max_upload, NULL, 10) : 20u * 1024 * 1024;
	if (app.max_upload < 1024)
		app.max_upload = 1024;
	app.limits.max_per_addr = 128;
	app.limits.header_timeout = 10;
	app.limits.body_min_rate = 1024;
	if (uint_option("--max-connections", max_conns, 1, 1000000, &app.limits.max_conns) < 0 ||
	    uint_option("--max-per-address", per_addr, 0, 1000000, &app.limits.max_per_addr) < 0 ||
	    uint_option("--header-timeout", hdr_timeout, 1, 3600, &app.limits.header_timeout) < 0 ||
	    uint_option("--body-min-rate", body_rate, 0, 1u << 30, &app.limits.body_min_rate) < 0 ||
	    uint_option("--post-burst", post_burst, 1, 100000000, &burst) < 0 ||
	    trusted_proxies(&env, proxies, &app.trusted) < 0) {
		cmd_close(&env);
		app_calendar_free(&app);
		keys_wipe(&app.keys);
		return EXIT_USAGE;
	}
	/* after the options are checked: a refused option leaves nothing made */
	app.cfg.attach_dir = cmd_attach_dir(attach_dir, db, key);
	if (!app.cfg.attach_dir) {
		cmd_close(&env);
		app_calendar_free(&app);
		keys_wipe(&app.keys);
		return 1;
	}
	cmd_close(&env);
	if (!atomic_load(&app.cal)) {
		error("cannot load the calendar");
		return 1;
	}
	app.audit_ckpt = strdup(cmd_ckpt_path(ckpt, cmd_key_path(key, db)));
	app.metrics_listen = metrics_listen;
	if (metrics_token && !(token = read_token(metrics_token)))
		rc = -1;
	else if (!(app.metrics = metrics_new()))
		rc = error("out of memory");
	/* wrong query codes: QUERY_BURST at once, then one every
	 * QUERY_REFILL_SECONDS per address (docs/security.md "Query codes");
	 * in memory, never stored */
	else if (!(app.query_limits = ratelimit_new(65536, QUERY_BURST, QUERY_REFILL_SECONDS, 0)) ||
		 !(app.post_limits = ratelimit_new(65536, (int)burst, POST_REFILL_SECONDS, 0)) ||
		 !(app.pow_seen = pow_seen_new(1u << 17)) ||
		 !(app.pull_seen = pow_seen_new(1u << 12)))
		rc = error("out of memory");
	else if (pull && httpc_setup() < 0)
		rc = error("cannot set up the HTTP client for --pull");
	/* the group writer: plain ratings acknowledged once their group
	 * committed (domain/rating_group.h) */
	else if (!(app.writer = groupw_new(db, werr, sizeof(werr))))
		rc = error("cannot open the group writer's database connection: %s", werr);
	else if (!(app.ratings = rating_group_new(app.writer, &app.cfg, &app.keys, &app.cal)) ||
		 groupw_start(app.writer) < 0)
		rc = error("cannot start the group writer");
	else {
		struct ferry_pull_opts po = { pull, pull_ca, pull_http, NULL };
		app.metrics_token = token;
		if (pull && !(loop = pull_loop_start(&app, &po, every)))
			rc = -1;
		else
			rc = http_serve(&app, listen, cert, tlskey);
		pull_loop_stop(loop);
	}
	groupw_free(app.writer);        /* stopped by http_serve, or never started */
	rating_group_free(app.ratings);
	metrics_free(app.metrics);
	if (token) {
		explicit_bzero(token, strlen(token));
		free(token);
	}
	app_calendar_free(&app);
	keys_wipe(&app.keys);
	free((char *)app.audit_ckpt);
	free((char *)app.cfg.attach_dir);
	ratelimit_free(app.query_limits);
	ratelimit_free(app.post_limits);
	pow_seen_free(app.pow_seen);
	pow_seen_free(app.pull_seen);
	return rc < 0 ? 1 : 0;
}
