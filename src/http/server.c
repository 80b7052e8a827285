/*
 * server.c: the libmicrohttpd daemon and the life of a request.
 *
 * Follows MHD-PATTERNS.md: the request context is made on the first call
 * and freed only in the completion callback (which also rolls back a
 * transaction a handler left open); the handler never answers on the
 * first call, so keep-alive holds; the body is read into a capped buffer
 * (413 past it) or through the post processor for multipart; each pool
 * thread has its own database connection; one log line per request.
 *
 * Each request gets an id (log.h) when it starts.  The calling thread's
 * "current request" is set to it on every entry into the request's
 * handling (each libmicrohttpd call and the completion callback) and
 * cleared on the way out, so every log line written meanwhile, from
 * however deep, carries it; the access line, X-Request-Id and the error
 * answers carry the same id.  The completion callback also adds the
 * request to the metrics (metrics.h).
 */
#include "http/http.h"

#include <errno.h>
#include <stdatomic.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/log.h"
#include "core/sdnotify.h"
#include "core/xalloc.h"
#include "domain/auth.h"
#include "domain/authz.h"
#include "domain/audit.h"
#include "domain/public_purge.h"
#include "domain/role.h"
#include "http/cookie.h"
#include "http/metrics.h"
#include "store/q_sessions.h"
#include "store/groupw.h"
#include "store/q_users.h"
#include "store/store.h"

struct retired_cal {
	struct retired_cal *next;
	struct calendar *cal;
};

static pthread_mutex_t cal_lock = PTHREAD_MUTEX_INITIALIZER;

void app_calendar_replace(struct app *app, struct calendar *cal)
{
	struct retired_cal *rc = xmalloc(sizeof(*rc));

	pthread_mutex_lock(&cal_lock);
	rc->cal = atomic_exchange(&app->cal, cal);
	rc->next = app->retired;
	app->retired = rc;
	pthread_mutex_unlock(&cal_lock);
}

void app_calendar_free(struct app *app)
{
	while (app->retired) {
		struct retired_cal *next = app->retired->next;
		calendar_free(app->retired->cal);
		free(app->retired);
		app->retired = next;
	}
	calendar_free(atomic_exchange(&app->cal, NULL));
}

static pthread_key_t db_key;
static pthread_once_t db_once = PTHREAD_ONCE_INIT;

static void db_close(void *p)
{
	store_close(p);
}

static void db_key_make(void)
{
	if (pthread_key_create(&db_key, db_close) != 0)
		abort();
}

/* The calling pool thread's connection, opened on first use. */
static struct store *thread_db(struct app *app)
{
	struct store *s;
	char err[256];

	pthread_once(&db_once, db_key_make);
	s = pthread_getspecific(db_key);
	if (s)
		return s;
	s = store_open(app->db_uri, 0, err, sizeof(err));
	if (!s) {
		log_error("database: %s", err);
		return NULL;
	}
	/* the public instance: a row or two per request beside the group
	 * writer's commits (store.h) */
	if (app->public_only && store_mmap_off(s) < 0)
		log_warn("database: the memory map stays on: %s", store_errmsg(s));
	pthread_setspecific(db_key, s);
	return s;
}

static int method_bit(const char *m)
{
	if (!strcmp(m, "GET"))
		return HM_GET;
	if (!strcmp(m, "POST"))
		return HM_POST;
	if (!strcmp(m, "HEAD"))
		return HM_HEAD;
	if (!strcmp(m, "PUT"))
		return HM_PUT;
	if (!strcmp(m, "DELETE"))
		return HM_DELETE;
	return HM_OTHER;
}

static enum MHD_Result xff_iter(void *cls, enum MHD_ValueKind kind, const char *key,
				const char *value)
{
	struct strbuf *sb = cls;

	if (value && !strcasecmp(key, "X-Forwarded-For")) {
		if (sb->len)
			(void)strbuf_addch(sb, ',');
		(void)strbuf_addstr(sb, value);
	}
	return MHD_YES;
}

/* The client's address: the socket's peer, or, when the peer is a trusted
 * proxy, the right-most untrusted address of X-Forwarded-For (repeated
 * headers read as one list; a list past 8 KiB is not read).  IPv4 is
 * written a.b.c.d also when it came through a dual-stack socket. */
static const char *client_ip(struct req *r)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	struct netaddr peer, client;
	char buf[NETADDR_STRLEN] = "";

	if (ci && netaddr_from_sockaddr(ci->client_addr, &peer) == 0) {
		client = peer;
		if (r->app->trusted.n && netaddr_list_has(&r->app->trusted, &peer)) {
			struct strbuf xff = STRBUF_INIT;
			strbuf_setmax(&xff, 8192);
			MHD_get_connection_values(r->conn, MHD_HEADER_KIND, xff_iter, &xff);
			if (xff.len && !xff.overflow)
				netaddr_forwarded(&r->app->trusted, &peer, xff.buf, &client);
			strbuf_release(&xff);
		}
		netaddr_format(&client, buf);
	}
	return arena_strdup(r->arena, buf);
}

const char *req_client_ip(struct req *r)
{
	return client_ip(r);
}

static struct req *req_new(struct app *app, struct MHD_Connection *conn, const char *url,
			   const char *method)
{
	struct arena *a = arena_new(16384);
	struct req *r = arena_zalloc(a, sizeof(*r));

	r->app = app;
	r->conn = conn;
	r->gc = connguard_of(conn);
	r->arena = a;
	r->t0_us = time_mono_us();
	r->method = method_bit(method);
	r->url = arena_strdup(a, url);
	r->route = (app->public_only ? route_match_public : route_match)(url, r->method, &r->id,
									   &r->route_state, &r->allowed);
	r->is_api = !strncmp(url, "/api/", 5);
	strbuf_init(&r->body, 0);
	strbuf_setmax(&r->body, app->max_body);
	r->max_body = app->max_body;
	form_init(&r->form, a);
	form_init(&r->query, a);
	r->c.a = a;
	r->c.cfg = &app->cfg;
	r->c.keys = &app->keys;
	r->c.cal = atomic_load(&app->cal);
	r->c.limits = app->login_limits;
	r->c.who.name = "-";
	r->c.who.role = "";
	/* the public channel keeps no address (issue 13): only the in-memory
	 * rate limits read it, through req_client_ip */
	r->c.who.ip = r->route && (r->route->flags & R_CITIZEN) ? "-" : client_ip(r);
	r->status = 0;
	log_new_request_id(r->rid);
	log_set_request(r->rid);
	metrics_begin(app->metrics);
	return r;
}

static void req_free(struct req *r)
{
	if (r->pp)
		MHD_destroy_post_processor(r->pp);
	strbuf_release(&r->body);
	arena_free(r->arena);
}

static enum MHD_Result pp_iter(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *filename, const char *content_type,
			       const char *transfer_encoding, const char *data, uint64_t off,
			       size_t size)
{
	struct req *r = cls;

	if (form_append(&r->form, key, filename, data, size, (size_t)off) < 0)
		return MHD_NO;
	return MHD_YES;
}

/* GET arguments with their decoded length, so that "%00" reaches the input
 * rule (core/text.h) instead of cutting the value short. */
static enum MHD_Result query_iter(void *cls, enum MHD_ValueKind kind, const char *key,
				  size_t key_size, const char *value, size_t value_size)
{
	struct req *r = cls;

	if (form_add(&r->query, key, value ? value : "", value ? value_size : 0) < 0)
		return MHD_NO;
	return MHD_YES;
}

static void setup_body(struct req *r)
{
	const char *ct = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_TYPE);
	if (!ct)
		r->body_kind = BODY_NONE;
	else if (!strncasecmp(ct, "application/x-www-form-urlencoded", 33))
		r->body_kind = BODY_URLENCODED;
	else if (!strncasecmp(ct, "multipart/form-data", 19)) {
		r->body_kind = BODY_MULTIPART;
		r->pp = MHD_create_post_processor(r->conn, 32 * 1024, pp_iter, r);
		if (!r->pp)
			r->form.err = "multipart body without a boundary";
		if (r->route && (r->route->flags & R_UPLOAD))
			form_binary_files(&r->form, r->app->max_upload);
	} else if (!strncasecmp(ct, "application/json", 16))
		r->body_kind = BODY_JSON;
	else {
		r->body_kind = BODY_OTHER;
		/* a raw body on an upload route (the ferry pull's reply batch,
		 * api/ferry.c) is kept whole up to the upload limit */
		if (r->route && (r->route->flags & R_UPLOAD))
			strbuf_setmax(&r->body, r->max_body);
	}
}

/* Fills the actor from the session cookie, if any. */
static int load_session(struct req *r)
{
	const char *token = req_cookie(r, req_session_cookie(r));
	const struct role *role;
	int rc;

	if (!token)
		return 0;
	rc = auth_resume(&r->c, token, &r->sess, &r->user);
	if (rc <= 0)
		return rc;
	role = role_find(r->user.role);
	r->signed_in = 1;
	r->c.who.id = r->user.id;
	r->c.who.name = r->user.name;
	r->c.who.role = r->user.role;
	if (r->sess.stage == SESSION_OK && role) {
		r->c.who.perms = role_perms(role);
		r->c.who.scoped = role->scoped;
		r->c.who.principal = r->user.principal;
	}
	return 1;
}

static int csrf_ok(struct req *r)
{
	const char *t = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "X-CSRF-Token");

	if (!t || !*t)
		t = form_get(&r->form, "csrf");
	return t && strlen(t) == strlen(r->sess.csrf) && ct_streq(t, r->sess.csrf) == 0;
}

/* 1 when the body will not be used, so it is not even buffered: no route,
 * a static or a GET/HEAD route, or a signed-in route without any session
 * cookie (answered 401 or redirected without reading it). */
static int body_unwanted(struct req *r)
{
	const struct route *rt = r->route;

	if (!rt || (rt->flags & R_STATIC) || (r->method & (HM_GET | HM_HEAD)))
		return 1;
	return !(rt->flags & R_PUBLIC) && !req_cookie(r, req_session_cookie(r));
}

static int dispatch(struct req *r)
{
	const struct route *rt = r->route;

	r->c.now = time_now();
	if (!rt) {
		/* a signed-in user's 404 keeps the navigation (reply.c), so
		 * the session is looked up; a failed lookup leaves it bare */
		if (!r->is_api && !r->app->public_only && (r->c.db = thread_db(r->app))) {
			store_clear_error(r->c.db);
			if (load_session(r) < 0)
				r->signed_in = 0;
		}
		return reply_error(r, r->route_state == 405 ? E_METHOD : E_NOT_FOUND, NULL);
	}
	if (r->too_large || r->form.too_large)
		return reply_too_large(r);
	if (r->body_kind == BODY_URLENCODED && r->body.overflow)
		return reply_error(r, E_TOO_LARGE, "request body too large");
	if (r->body_kind == BODY_URLENCODED)
		form_parse_urlencoded(&r->form, r->body.buf, r->body.len);
	if (!r->form.err)
		form_finish(&r->form);
	if (r->form.err)
		return reply_form_fault(r, &r->form);
	MHD_get_connection_values_n(r->conn, MHD_GET_ARGUMENT_KIND, query_iter, r);
	if (r->query.err)
		return reply_form_fault(r, &r->query);
	if (rt->flags & R_STATIC)
		return rt->handler(r);
	r->c.db = thread_db(r->app);
	if (!r->c.db)
		return reply_error(r, E_BUSY, "database unavailable");
	store_clear_error(r->c.db);
	if (rt->flags & R_CITIZEN) {
		/* no session, no staff data: the handler checks its own token;
		 * the audit log names the public as the actor, without address */
		r->c.who.name = "public";
		return rt->handler(r);
	}
	if (load_session(r) < 0)
		return reply_error(r, E_STORE, "session lookup failed");

	if (!(rt->flags & R_PUBLIC)) {
		if (!r->signed_in) {
			if (r->is_api || r->method != HM_GET)
				return reply_error(r, E_LOGIN_REQUIRED, NULL);
			return reply_redirect(r, "/login");
		}
		if (r->sess.stage != SESSION_OK && !(rt->flags & R_PARTIAL)) {
			if (r->is_api)
				return reply_error(r, E_LOGIN_REQUIRED, "second factor required");
			return reply_redirect(r, "/login/totp");
		}
	}
	if (r->signed_in && r->sess.stage == SESSION_OK && r->user.must_change_pw &&
	    !(rt->flags & (R_PUBLIC | R_PARTIAL | R_ACCOUNT))) {
		if (r->is_api)
			return reply_error(r, E_FORBIDDEN, "password change required");
		return reply_redirect(r, "/account");
	}
	log_debug("route %s user %" PRId64, rt->pattern, r->c.who.id);
	if (!authz_has(&r->c.who, rt->perm)) {
		audit_record(&r->c, AEV_ACCESS_DENIED, r->url, 0, "role lacks permission");
		return reply_error(r, E_FORBIDDEN, NULL);
	}
	if (!(r->method & (HM_GET | HM_HEAD)) && !(rt->flags & R_NOCSRF) && r->signed_in &&
	    !csrf_ok(r)) {
		audit_record(&r->c, AEV_CSRF_REJECTED, r->url, 0, "");
		return reply_error(r, E_CSRF, "missing or wrong CSRF token");
	}
	return rt->handler(r);
}

static enum MHD_Result handle_request(void *cls, struct MHD_Connection *conn, const char *url,
				      const char *method, const char *version,
				      const char *upload_data, size_t *upload_data_size,
				      void **con_cls)
{
	struct app *app = cls;
	struct req *r = *con_cls;

	if (!r) {
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_LENGTH);
		r = req_new(app, conn, url, method);
		*con_cls = r;
		connguard_headers_done(r->gc);
		if (r->route && (r->route->flags & R_UPLOAD))
			r->max_body = app->max_upload + UPLOAD_FORM_SLACK;
		if (cl && strtoull(cl, NULL, 10) > r->max_body) {
			/* answered before the body: the connection closes, as an
			 * oversize body deserves */
			r->too_large = 1;
			connguard_request_read(r->gc);
			if (!r->route)
				return (enum MHD_Result)reply_error(r, r->route_state == 405 ? E_METHOD
									 : E_NOT_FOUND, NULL);
			return (enum MHD_Result)reply_too_large(r);
		}
		r->discard = body_unwanted(r);
		if (!r->discard)
			setup_body(r);
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		r->received += n;
		connguard_body_progress(r->gc, r->received);
		if (r->too_large || r->answered || r->discard)
			return MHD_YES;
		if (r->received > r->max_body) {
			r->too_large = 1;
		} else if (r->pp) {
			if (MHD_post_process(r->pp, upload_data, n) != MHD_YES && !r->form.err)
				r->form.err = "malformed multipart body";
		} else if (strbuf_add(&r->body, upload_data, n) < 0) {
			r->too_large = 1;
		}
		return MHD_YES;
	}
	if (r->parked) {
		/* resumed (req_unpark): the handler's second half answers */
		int (*finish)(struct req *) = r->parked;
		r->parked = NULL;
		return (enum MHD_Result)finish(r);
	}
	connguard_request_read(r->gc);
	if (r->answered)
		return MHD_YES;
	return (enum MHD_Result)dispatch(r);
}

int req_park(struct req *r, int (*finish)(struct req *r))
{
	r->parked = finish;
	atomic_fetch_add(&r->app->parked, 1);
	MHD_suspend_connection(r->conn);
	return MHD_YES;
}

void req_unpark(void *arg)
{
	struct req *r = arg;
	struct app *app = r->app;
	struct MHD_Connection *conn = r->conn;

	/* the pool thread may answer and free r as soon as it is resumed */
	MHD_resume_connection(conn);
	atomic_fetch_sub(&app->parked, 1);
}

/* Stops the group writer: what it holds is committed or failed and each
 * of its parked requests resumed, before the daemon stops (MHD-PATTERNS.md
 * 8: a connection still suspended at MHD_stop_daemon is never closed). */
static void writer_drain(struct app *app)
{
	struct timespec ts = { 0, 1000000L };

	groupw_stop(app->writer);
	/* a handler between req_park and its submit: its job is refused and
	 * resumed at once */
	for (int i = 0; i < 5000 && atomic_load(&app->parked) > 0; i++)
		nanosleep(&ts, NULL);
	if (atomic_load(&app->parked) > 0)
		log_warn("stopping with %d requests still parked", atomic_load(&app->parked));
}

/* handle_request with the thread's current request id set for its
 * duration (req_new sets it for a new request). */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	enum MHD_Result ret;

	if (*con_cls)
		log_set_request(((struct req *)*con_cls)->rid);
	ret = handle_request(cls, conn, url, method, version, upload_data, upload_data_size,
			     con_cls);
	log_set_request(NULL);
	return ret;
}

/* The path as the access line shows it: a space (a decoded %20) written
 * as %20 again, so that the line's fields stay where they are and a path
 * cannot pass for a status and a latency. */
static const char *logged_path(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;
	char *out;

	if (!strchr(r->url, ' '))
		return r->url;
	for (p = r->url; *p; p++)
		if (*p == ' ')
			strbuf_addstr(&sb, "%20");
		else
			strbuf_add(&sb, p, 1);
	out = arena_strdup(r->arena, sb.buf);
	strbuf_release(&sb);
	return out;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct req *r = *con_cls;
	int64_t us;

	if (!r)
		return;
	log_set_request(r->rid);
	connguard_request_done(r->gc);
	if (r->c.db && store_in_tx(r->c.db))
		store_rollback(r->c.db);
	us = time_mono_us() - r->t0_us;
	log_info("%s %s %d %" PRId64 ".%03" PRId64 "ms%s", r->method == HM_GET ? "GET"
		 : r->method == HM_POST ? "POST" : r->method == HM_HEAD ? "HEAD"
		 : r->method == HM_PUT ? "PUT" : r->method == HM_DELETE ? "DELETE" : "OTHER",
		 logged_path(r), r->status, us / 1000, us % 1000,
		 toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted");
	metrics_observe(r->app->metrics, r->route, r->status, us,
			toe != MHD_REQUEST_TERMINATED_COMPLETED_OK);
	log_set_request(NULL);
	req_free(r);
	*con_cls = NULL;
}

/* libmicrohttpd's messages, at most MHD_LOG_BURST a minute: each client
 * that goes away mid-request, or that connguard cuts, gives one, and a
 * flood of them must not fill the disk (the rest are counted). */
#define MHD_LOG_BURST 20

static void mhd_logger(void *cls, const char *fmt, va_list ap)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	static int64_t window;
	static unsigned shown, dropped;
	int64_t minute = time_mono_us() / 60000000;
	unsigned was_dropped = 0;
	int show;

	pthread_mutex_lock(&lock);
	if (minute != window) {
		was_dropped = dropped;
		window = minute;
		shown = dropped = 0;
	}
	show = shown < MHD_LOG_BURST;
	if (show)
		shown++;
	else
		dropped++;
	pthread_mutex_unlock(&lock);
	if (was_dropped)
		log_warn("libmicrohttpd: %u more messages were not logged (at most %d a minute)",
			 was_dropped, MHD_LOG_BURST);
	if (!show)
		return;
	log_library("libmicrohttpd", fmt, ap);
}

/* HOST:PORT (IPv4; an empty HOST is every address), or [IPv6]:PORT into
 * ss; *flags gets MHD_USE_IPv6 for IPv6, and MHD_USE_DUAL_STACK for [::]
 * (every address, IPv4 clients too).  Numeric addresses only.  0 or -1. */
static int parse_listen(const char *listen, struct sockaddr_storage *ss, unsigned *flags)
{
	char host[NETADDR_STRLEN];
	const char *h = listen, *colon;
	int v6 = listen[0] == '[';
	size_t hlen;
	long port;
	char *end;

	memset(ss, 0, sizeof(*ss));
	if (v6) {
		const char *close = strchr(listen, ']');
		if (!close || close[1] != ':')
			return -1;
		h = listen + 1;
		colon = close + 1;
		hlen = (size_t)(close - h);
	} else {
		colon = strrchr(listen, ':');
		if (!colon)
			return -1;
		hlen = (size_t)(colon - listen);
	}
	if (hlen >= sizeof(host))
		return -1;
	memcpy(host, h, hlen);
	host[hlen] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (!colon[1] || *end || port < 0 || port > 65535)
		return -1;
	if (v6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &s6->sin6_addr) != 1)
			return -1;
		*flags |= IN6_IS_ADDR_UNSPECIFIED(&s6->sin6_addr) ? MHD_USE_DUAL_STACK : MHD_USE_IPv6;
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		if (*host && inet_pton(AF_INET, host, &s4->sin_addr) != 1)
			return -1;
	}
	return 0;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	return strbuf_detach(&sb, NULL);
}

/* Deletes expired sessions once a minute from the main thread. */
static void purge_sessions(struct app *app, struct store *s)
{
	int64_t now = time_now();

	if (store_session_purge(s, now - app->cfg.session_idle, now - app->cfg.session_absolute) < 0)
		log_warn("session purge: %s", store_errmsg(s));
	/* failure counts of names not tried for a day, unless locked */
	if (store_throttle_purge(s, now, now - 86400) < 0)
		log_warn("throttle purge: %s", store_errmsg(s));
}

/* The public side's retention (domain/public_purge.h): at the start and
 * then hourly from the main thread, as the system (no actor, no address). */
#define PUBLIC_PURGE_SECONDS 3600
static void purge_public(struct app *app, struct store *s)
{
	struct arena *a = arena_new(0);
	struct ctx c = { .db = s, .a = a, .cfg = &app->cfg, .keys = &app->keys,
			 .cal = atomic_load(&app->cal), .now = time_now(),
			 .who = { .name = "-", .role = "", .ip = "-" } };
	struct public_purge_counts n;

	if (public_purge(&c, 0, &n) < 0)
		log_warn("public purge: %s", store_errmsg(s));
	else if (n.keys || n.statuses || n.recent)
		log_info("public purge: %" PRId64 " idempotency keys, %" PRId64 " concluded statuses, %" PRId64
			 " recent rating keys", n.keys, n.statuses, n.recent);
	arena_free(a);
}

/* Moves the audit checkpoint forward (domain/audit.h); why it cannot is
 * logged when it changes (last: the reason last logged, "" when none). */
static void checkpoint_tick(struct app *app, struct store *s, struct strbuf *last)
{
	struct strbuf msg = STRBUF_INIT;
	struct audit_ckpt ck;
	int rc;

	if (!app->audit_ckpt)
		return;
	rc = audit_checkpoint(s, &app->keys, app->audit_ckpt, 0, &ck, &msg);
	if (rc > 0)
		log_info("audit checkpoint: %" PRId64 " entries, head %s", ck.count, ck.mac);
	else if (rc < 0 && strcmp(msg.buf, last->buf))
		log_error("audit checkpoint not moved: %s", msg.buf);
	strbuf_reset(last);
	if (rc < 0)
		strbuf_addstr(last, msg.buf);
	strbuf_release(&msg);
}

int http_serve(struct app *app, const char *listen, const char *tls_cert, const char *tls_key)
{
	struct sockaddr_storage sa, msa;
	unsigned mflags = 0;
	struct MHD_Daemon *d;
	struct connguard *guard;
	unsigned max_conns;
	uint16_t port;
	sigset_t set;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			 MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
	char *cert = NULL, *key = NULL;
	struct store *s;
	char err[256];
	struct strbuf ckpt_err = STRBUF_INIT;
	int sig, rc = 0;
	int64_t purged = time_now(), public_purged = 0;

	if (parse_listen(listen, &sa, &flags) < 0)
		return error("bad listen address '%s' (want HOST:PORT or [IPv6]:PORT)", listen);
	/* every connection is a descriptor: the limit follows what the
	 * process may open, less the database connections and the rest */
	max_conns = connguard_fd_budget(64 + 8 * app->threads);
	if (max_conns < app->threads)
		return error("the descriptor limit (ulimit -n) leaves no room for connections");
	if (app->limits.max_conns && app->limits.max_conns <= max_conns)
		max_conns = app->limits.max_conns < app->threads ? app->threads : app->limits.max_conns;
	else if (app->limits.max_conns)
		log_warn("--max-connections %u: the descriptor limit allows %u", app->limits.max_conns,
			 max_conns);
	if (app->metrics_listen && parse_listen(app->metrics_listen, &msa, &mflags) < 0)
		return error("bad metrics address '%s' (want HOST:PORT or [IPv6]:PORT)", app->metrics_listen);
	if (tls_cert || tls_key) {
		cert = tls_cert ? read_file(tls_cert) : NULL;
		key = tls_key ? read_file(tls_key) : NULL;
		if (!cert || !key) {
			free(cert);
			free(key);
			return error("cannot read TLS certificate or key");
		}
		flags |= MHD_USE_TLS;
		app->tls = 1;
		app->cfg.secure_cookies = 1;
	}
	s = store_open(app->db_uri, 0, err, sizeof(err));
	if (!s) {
		free(cert);
		free(key);
		return error("cannot open database: %s", err);
	}
	app->login_limits = auth_limits_new(&app->cfg);
	guard = app->login_limits ? connguard_new(&app->limits, &app->trusted) : NULL;
	if (!guard) {
		auth_limits_free(app->login_limits);
		app->login_limits = NULL;
		store_close(s);
		free(cert);
		free(key);
		return error("out of memory");
	}

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	port = ntohs(sa.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&sa)->sin6_port
					      : ((struct sockaddr_in *)&sa)->sin_port);
	d = MHD_start_daemon(flags, port, &connguard_accept, guard, &on_request, app,
			     MHD_OPTION_EXTERNAL_LOGGER, &mhd_logger, app,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
			     MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)app->threads,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
			     MHD_OPTION_CONNECTION_LIMIT, max_conns,
			     MHD_OPTION_NOTIFY_COMPLETED, &on_completed, app,
			     MHD_OPTION_NOTIFY_CONNECTION, &connguard_notify, guard,
			     cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, cert,
			     MHD_OPTION_HTTPS_MEM_KEY, key,
			     MHD_OPTION_END);
	if (!d || connguard_start(guard) < 0) {
		int e = errno;
		if (d)
			MHD_stop_daemon(d);
		connguard_free(guard);
		auth_limits_free(app->login_limits);
		app->login_limits = NULL;
		store_close(s);
		free(cert);
		free(key);
		return error("cannot listen on %s: %s", listen, strerror(e));
	}
	log_info("qingfeng %s serving on %s://%s/ with %u threads", app->version,
		 app->tls ? "https" : "http", listen, app->threads);
	log_info("connections: at most %u, %u per address (0: no limit), headers within %u s, "
		 "bodies at least %u bytes/s, %u trusted proxies", max_conns,
		 app->limits.max_per_addr, app->limits.header_timeout, app->limits.body_min_rate,
		 app->trusted.n);
	/* the operator's listener (metrics.c); failing to start it stops
	 * the server, as a wrong --listen does */
	if (app->metrics_listen && metrics_start(app, (struct sockaddr *)&msa, d) < 0)
		rc = -1;
	if (rc == 0) {
		checkpoint_tick(app, s, &ckpt_err);
		purge_public(app, s);
		public_purged = time_now();
		/* systemd Type=notify: the listener is up and the database answered */
		if (sdnotify("READY=1\nSTATUS=serving") < 0)
			log_warn("cannot notify $NOTIFY_SOCKET: %s", strerror(errno));
	}
	while (rc == 0) {
		struct timespec ts = { app->ckpt_seconds ? app->ckpt_seconds : 60, 0 };
		sig = sigtimedwait(&set, NULL, &ts);
		if (sig == SIGINT || sig == SIGTERM) {
			log_info("stopping (signal %d)", sig);
			break;
		}
		checkpoint_tick(app, s, &ckpt_err);
		if (time_now() - purged >= 60) {
			purge_sessions(app, s);
			purged = time_now();
		}
		if (time_now() - public_purged >= PUBLIC_PURGE_SECONDS) {
			purge_public(app, s);
			public_purged = time_now();
		}
	}
	sdnotify("STOPPING=1");
	metrics_stop(app);
	writer_drain(app);
	connguard_stop(guard);
	MHD_stop_daemon(d);
	connguard_free(guard);
	checkpoint_tick(app, s, &ckpt_err);     /* every request has ended */
	strbuf_release(&ckpt_err);
	auth_limits_free(app->login_limits);
	app->login_limits = NULL;
	store_close(s);
	free(cert);
	free(key);
	return rc;
}
