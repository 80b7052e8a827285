/*
 * metrics.c: what the operator's monitoring reads, in the Prometheus text
 * exposition format (version 0.0.4), on a listener of its own
 * (`serve --metrics-listen`), never on the public one: the public route
 * table has no /metrics, so the public gets a 404 there.
 *
 * Guarantees: the number of series is bounded by the code (route table
 * rows x a fixed list of status codes, fixed histogram buckets), whatever
 * URLs clients send; recording a request is a handful of relaxed atomic
 * additions, no lock; the listener binds a loopback address unless a
 * bearer token is required (metrics_start refuses otherwise), and a wrong
 * or missing token gets a 401 compared in constant time; a scrape reads
 * the database once (the newest audit entry's id, by its primary key) on
 * the listener's own connection, and answers even when the database does
 * not (qingfeng_db_up 0).
 */
#include "http/metrics.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <microhttpd.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/log.h"
#include "http/http.h"
#include "store/q_audit.h"
#include "store/store.h"

/* Latency buckets: upper bounds in µs, and as Prometheus writes them. */
static const int64_t bucket_us[] = {
	1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 500000,
	1000000, 2500000, 5000000, 10000000,
};
static const char *const bucket_le[] = {
	"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5",
	"1", "2.5", "5", "10",
};
#define M_BUCKETS QF_ARRAY_SIZE(bucket_us)

/* The status codes counted one by one; any other lands in "other". */
static const int codes[] = {
	200, 201, 204, 301, 302, 303, 304, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429,
	500, 502, 503, 504,
};
#define M_CODES (QF_ARRAY_SIZE(codes) + 1)

struct route_counters {
	atomic_uint_fast64_t code[M_CODES];
	atomic_uint_fast64_t bucket[M_BUCKETS + 1];     /* not cumulative; last: +Inf */
	atomic_uint_fast64_t sum_us;
};

struct metrics {
	size_t n_routes;                /* route_table rows; row n_routes: no match */
	struct route_counters *rc;
	atomic_uint_fast64_t aborted;
	atomic_int_fast64_t in_flight;
	int64_t started;                /* Unix time */
	/* the listener (metrics_start) */
	struct MHD_Daemon *daemon;
	struct MHD_Daemon *public_daemon;
	struct store *db;               /* used by the listener's one thread only */
	const char *db_uri;
	const char *token;
	const char *version;
};

struct metrics *metrics_new(void)
{
	struct metrics *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	while (route_table[m->n_routes].pattern)
		m->n_routes++;
	m->rc = calloc(m->n_routes + 1, sizeof(*m->rc));
	if (!m->rc) {
		free(m);
		return NULL;
	}
	m->started = time_now();
	return m;
}

void metrics_free(struct metrics *m)
{
	if (!m)
		return;
	free(m->rc);
	free(m);
}

void metrics_begin(struct metrics *m)
{
	if (m)
		atomic_fetch_add_explicit(&m->in_flight, 1, memory_order_relaxed);
}

static size_t code_slot(int status)
{
	for (size_t i = 0; i < QF_ARRAY_SIZE(codes); i++)
		if (codes[i] == status)
			return i;
	return M_CODES - 1;
}

void metrics_observe(struct metrics *m, const struct route *rt, int status, int64_t us,
		     int aborted)
{
	struct route_counters *c;
	size_t b = 0;

	if (!m)
		return;
	atomic_fetch_sub_explicit(&m->in_flight, 1, memory_order_relaxed);
	if (aborted || !status)
		atomic_fetch_add_explicit(&m->aborted, 1, memory_order_relaxed);
	if (!status)
		return;
	c = &m->rc[rt ? (size_t)(rt - route_table) : m->n_routes];
	if (us < 0)
		us = 0;
	while (b < M_BUCKETS && us > bucket_us[b])
		b++;
	atomic_fetch_add_explicit(&c->code[code_slot(status)], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&c->bucket[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&c->sum_us, (uint_fast64_t)us, memory_order_relaxed);
}

/* ---- rendering ------------------------------------------------------ */

/* A label value with \, " and newline escaped, as the format wants. */
static void label_value(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '"')
			strbuf_addf(out, "\\%c", *s);
		else if (*s == '\n')
			strbuf_addstr(out, "\\n");
		else
			strbuf_add(out, s, 1);
	}
}

static const char *method_name(int methods)
{
	return methods & HM_GET ? "GET" : methods & HM_POST ? "POST" : methods & HM_PUT ? "PUT"
		: methods & HM_DELETE ? "DELETE" : "OTHER";
}

/* route="/persons/{id}",method="GET" of row i (the last: no route). */
static void route_labels(const struct metrics *m, size_t i, struct strbuf *out)
{
	strbuf_addstr(out, "route=\"");
	label_value(out, i < m->n_routes ? route_table[i].pattern : "(none)");
	strbuf_addf(out, "\",method=\"%s\"", i < m->n_routes ? method_name(route_table[i].methods)
		    : "any");
}

static void head(struct strbuf *out, const char *name, const char *type, const char *help)
{
	strbuf_addf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static uint64_t load(atomic_uint_fast64_t *v)
{
	return (uint64_t)atomic_load_explicit(v, memory_order_relaxed);
}

static void render_requests(struct metrics *m, struct strbuf *out)
{
	size_t i, k;

	head(out, "qingfeng_http_requests_total", "counter",
	     "Requests answered, by route pattern, method and status code.");
	for (i = 0; i <= m->n_routes; i++)
		for (k = 0; k < M_CODES; k++) {
			uint64_t v = load(&m->rc[i].code[k]);
			if (!v)
				continue;
			strbuf_addstr(out, "qingfeng_http_requests_total{");
			route_labels(m, i, out);
			if (k < QF_ARRAY_SIZE(codes))
				strbuf_addf(out, ",code=\"%d\"} %llu\n", codes[k], (unsigned long long)v);
			else
				strbuf_addf(out, ",code=\"other\"} %llu\n", (unsigned long long)v);
		}
	head(out, "qingfeng_http_request_duration_seconds", "histogram",
	     "Time from the request's first call to its completion, by route pattern and method.");
	for (i = 0; i <= m->n_routes; i++) {
		uint64_t cum = 0, sum = load(&m->rc[i].sum_us);
		for (k = 0; k <= M_BUCKETS; k++)
			cum += load(&m->rc[i].bucket[k]);
		if (!cum)
			continue;
		cum = 0;
		for (k = 0; k <= M_BUCKETS; k++) {
			cum += load(&m->rc[i].bucket[k]);
			strbuf_addstr(out, "qingfeng_http_request_duration_seconds_bucket{");
			route_labels(m, i, out);
			strbuf_addf(out, ",le=\"%s\"} %llu\n", k < M_BUCKETS ? bucket_le[k] : "+Inf",
				    (unsigned long long)cum);
		}
		strbuf_addstr(out, "qingfeng_http_request_duration_seconds_sum{");
		route_labels(m, i, out);
		strbuf_addf(out, "} %llu.%06llu\n", (unsigned long long)(sum / 1000000),
			    (unsigned long long)(sum % 1000000));
		strbuf_addstr(out, "qingfeng_http_request_duration_seconds_count{");
		route_labels(m, i, out);
		strbuf_addf(out, "} %llu\n", (unsigned long long)cum);
	}
}

void metrics_render(struct metrics *m, const struct metrics_env *env, struct strbuf *out)
{
	uint64_t retried, gave_up;
	int64_t audit_id = 0, now = time_now();
	int db_up = 0;

	head(out, "qingfeng_build_info", "gauge", "The running version (always 1).");
	strbuf_addstr(out, "qingfeng_build_info{version=\"");
	label_value(out, env->version ? env->version : "");
	strbuf_addstr(out, "\"} 1\n");
	head(out, "qingfeng_start_time_seconds", "gauge", "When the server started, Unix time.");
	strbuf_addf(out, "qingfeng_start_time_seconds %lld\n", (long long)m->started);
	head(out, "qingfeng_uptime_seconds", "gauge", "Seconds since the server started.");
	strbuf_addf(out, "qingfeng_uptime_seconds %lld\n", (long long)(now - m->started));

	render_requests(m, out);
	head(out, "qingfeng_http_requests_aborted_total", "counter",
	     "Requests whose connection ended before the answer was sent.");
	strbuf_addf(out, "qingfeng_http_requests_aborted_total %llu\n",
		    (unsigned long long)load(&m->aborted));
	head(out, "qingfeng_http_requests_in_flight", "gauge", "Requests being handled now.");
	strbuf_addf(out, "qingfeng_http_requests_in_flight %lld\n",
		    (long long)atomic_load_explicit(&m->in_flight, memory_order_relaxed));
	if (env->daemon) {
		/* with a thread pool, libmicrohttpd sums its workers' counts
		 * (word-sized reads) into the master daemon; the metrics thread
		 * is the only caller */
		const union MHD_DaemonInfo *di =
			MHD_get_daemon_info(env->daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
		head(out, "qingfeng_http_connections", "gauge",
		     "Open client connections of the public listener.");
		strbuf_addf(out, "qingfeng_http_connections %u\n", di ? di->num_connections : 0);
	}

	store_busy_counts(&retried, &gave_up);
	head(out, "qingfeng_db_busy_total", "counter",
	     "Write transactions the database refused as busy (SQLite locked, PostgreSQL "
	     "serialization failure or lock timeout): retried, or given up after the retries (503).");
	strbuf_addf(out, "qingfeng_db_busy_total{outcome=\"retried\"} %llu\n",
		    (unsigned long long)retried);
	strbuf_addf(out, "qingfeng_db_busy_total{outcome=\"gave_up\"} %llu\n",
		    (unsigned long long)gave_up);
	if (env->db) {
		struct arena *a = arena_new(256);
		const char *mac;
		db_up = store_audit_last(env->db, a, &audit_id, &mac) >= 0;
		arena_free(a);
		if (!db_up)
			log_warn("metrics: audit length: %s", store_errmsg(env->db));
	}
	head(out, "qingfeng_db_up", "gauge", "1 when the scrape could read the database.");
	strbuf_addf(out, "qingfeng_db_up %d\n", db_up);
	if (db_up) {
		head(out, "qingfeng_audit_log_entries", "gauge",
		     "Entries in the audit log (the newest entry's id; ids are consecutive).");
		strbuf_addf(out, "qingfeng_audit_log_entries %lld\n", (long long)audit_id);
	}
}

/* ---- the listener --------------------------------------------------- */

static enum MHD_Result answer(struct MHD_Connection *conn, unsigned status, struct strbuf *body,
			     const char *type)
{
	size_t len;
	char *data = strbuf_detach(body, &len);
	struct MHD_Response *resp =
		MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	enum MHD_Result ret;

	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (status == 401)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
	ret = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result answer_text(struct MHD_Connection *conn, unsigned status, const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, text);
	return answer(conn, status, &sb, "text/plain; charset=utf-8");
}

/* "Authorization: Bearer TOKEN" with the configured token. */
static int token_ok(struct MHD_Connection *conn, const char *token)
{
	const char *h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						    MHD_HTTP_HEADER_AUTHORIZATION);

	if (!h || strncmp(h, "Bearer ", 7))
		return 0;
	h += 7;
	return strlen(h) == strlen(token) && ct_streq(h, token) == 0;
}

static enum MHD_Result on_scrape(void *cls, struct MHD_Connection *conn, const char *url,
				 const char *method, const char *version,
				 const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	static int seen;
	struct metrics *m = cls;
	struct metrics_env env;
	struct strbuf sb = STRBUF_INIT;
	char err[256];

	if (!*con_cls) {                /* never answer on the first call */
		*con_cls = &seen;
		return MHD_YES;
	}
	if (*upload_data_size) {        /* a body is not wanted: dropped */
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (strcmp(url, "/metrics"))
		return answer_text(conn, 404, "not found\n");
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return answer_text(conn, 405, "method not allowed\n");
	if (m->token && !token_ok(conn, m->token))
		return answer_text(conn, 401, "unauthorized\n");
	if (!m->db) {
		m->db = store_open(m->db_uri, 0, err, sizeof(err));
		if (!m->db)
			log_warn("metrics: database: %s", err);
	}
	env.version = m->version;
	env.daemon = m->public_daemon;
	env.db = m->db;
	metrics_render(m, &env, &sb);
	return answer(conn, 200, &sb, "text/plain; version=0.0.4; charset=utf-8");
}

static void metrics_logger(void *cls, const char *fmt, va_list ap)
{
	log_library("metrics listener", fmt, ap);
}

/* 127.0.0.0/8, ::1 or ::ffff:127.x.y.z */
static int is_loopback(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	}
	if (sa->sa_family == AF_INET6) {
		const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
		return IN6_IS_ADDR_LOOPBACK(a) || (IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127);
	}
	return 0;
}

int metrics_start(struct app *app, const struct sockaddr *sa, struct MHD_Daemon *public_daemon)
{
	struct metrics *m = app->metrics;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	uint16_t port;

	if (!m)
		return error("metrics: no counters");
	if (!is_loopback(sa) && !app->metrics_token)
		return error("--metrics-listen on a non-loopback address needs --metrics-token-file");
	if (sa->sa_family == AF_INET6) {
		flags |= MHD_USE_IPv6;
		port = ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
	} else {
		port = ntohs(((const struct sockaddr_in *)sa)->sin_port);
	}
	m->public_daemon = public_daemon;
	m->db_uri = app->db_uri;
	m->token = app->metrics_token;
	m->version = app->version;
	m->daemon = MHD_start_daemon(flags, port, NULL, NULL, &on_scrape, m,
				     MHD_OPTION_EXTERNAL_LOGGER, &metrics_logger, m,
				     MHD_OPTION_SOCK_ADDR, sa,
				     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)10,
				     MHD_OPTION_CONNECTION_LIMIT, (unsigned int)16,
				     MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)4,
				     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
				     MHD_OPTION_END);
	if (!m->daemon)
		return error("cannot listen for metrics on %s", app->metrics_listen);
	log_info("metrics on http://%s/metrics%s", app->metrics_listen,
		 m->token ? " (bearer token required)" : "");
	return 0;
}

void metrics_stop(struct app *app)
{
	struct metrics *m = app->metrics;

	if (!m || !m->daemon)
		return;
	MHD_stop_daemon(m->daemon);
	m->daemon = NULL;
	store_close(m->db);      /* the listener's thread has ended */
	m->db = NULL;
}
