#ifndef QF_HTTP_H
#define QF_HTTP_H
/*
 * http: the request context every page and API handler receives, and the
 * reply helpers that are the only way to answer.
 *
 * Lifetime: a struct req is created on libmicrohttpd's first call for a
 * request and freed in the completion callback (also on client aborts);
 * everything a handler allocates comes from r->arena and dies with it.
 * A handler answers exactly once through a reply_* function and returns
 * its result.  No request state is global.
 */
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include <microhttpd.h>

#include "core/registry.h"
#include "core/strbuf.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "model/user.h"
#include "http/connguard.h"
#include "http/form.h"
#include "core/netaddr.h"

struct app;
struct ratelimit;
struct pow_seen;
struct metrics;
struct route;
struct groupw;
struct rating_group;

enum http_method {
	HM_GET = 1 << 0,
	HM_POST = 1 << 1,
	HM_PUT = 1 << 2,
	HM_DELETE = 1 << 3,
	HM_HEAD = 1 << 4,
	HM_OTHER = 1 << 5,
};

enum body_kind { BODY_NONE, BODY_URLENCODED, BODY_MULTIPART, BODY_JSON, BODY_OTHER };

struct req {
	struct app *app;
	struct MHD_Connection *conn;
	struct guard_conn *gc;      /* the connection's deadlines (connguard.h) */
	struct arena *arena;
	int method;
	const char *url;
	const struct route *route;
	int route_state;            /* 0 matched, 404 or 405 */
	int allowed;                /* methods the path accepts (405: Allow) */
	int64_t id;                 /* the {id} of the path, 0 when none */
	int64_t t0_us;

	/* body */
	enum body_kind body_kind;
	struct strbuf body;         /* raw body (urlencoded, JSON) with a max */
	size_t received;            /* body bytes so far, whatever the kind */
	size_t max_body;            /* this request's limit (R_UPLOAD: larger) */
	struct MHD_PostProcessor *pp;
	struct form form;           /* POST fields */
	struct form query;          /* GET arguments */
	int too_large;
	int discard;                /* the body is not wanted: not buffered */
	int answered;

	/* who and what */
	struct ctx c;               /* db, arena, config, keys, actor, now */
	struct session sess;
	struct user user;
	int signed_in;              /* a session was found (any stage) */
	int is_api;

	const char *set_cookie[4];  /* Set-Cookie values for the reply */
	int n_set_cookie;

	int status;                 /* for the access log */
	char rid[16];               /* request id (log.h), on every log line,
				     * X-Request-Id and the error answers */
	const char *err_detail;     /* what failed, logged with a 5xx */

	/* parked (req_park): the handler's second half, run when resumed */
	int (*parked)(struct req *r);
	void *park_arg;             /* the handler's, in the arena */
};

/* Room an upload's body has beyond its file: the other fields and the
 * multipart framing. */
#define UPLOAD_FORM_SLACK (64 * 1024)

/* Route flags. */
enum {
	R_PUBLIC = 1 << 0,       /* no session needed */
	R_PARTIAL = 1 << 1,      /* allowed before the second factor is done */
	R_API = 1 << 2,          /* errors as JSON */
	R_NOCSRF = 1 << 3,       /* the handler checks its own token (login) */
	R_STATIC = 1 << 4,       /* no database, no session (assets, health) */
	R_ACCOUNT = 1 << 5,      /* reachable while a password change is due */
	R_UPLOAD = 1 << 6,       /* takes files: body up to max_upload (plus the form
				  * around it), multipart files kept binary; with
				  * R_CITIZEN the handler answers its own 413
				  * (req_too_large: the citizen's page names the limits) */
	R_CITIZEN = 1 << 7,      /* the public channel: served by serve --public */
};

struct route {
	int methods;
	const char *pattern;        /* "/persons/{id}/edit" */
	int (*handler)(struct req *r);
	enum perm perm;             /* needed; PERM_NONE for none */
	int flags;
};

/* The route table (routes.c) and matching. */
extern const struct route route_table[];
/* *allowed gets the methods of the routes whose pattern matched (for the
 * Allow header of a 405). */
const struct route *route_match(const char *url, int method, int64_t *id, int *state,
				int *allowed);
/* The same over the rows a public instance serves (`serve --public`):
 * R_CITIZEN and R_STATIC only; any other path is a plain 404 there. */
const struct route *route_match_public(const char *url, int method, int64_t *id, int *state,
				       int *allowed);
/* 1 when rt is served by a public instance. */
int route_is_public_face(const struct route *rt);

/* Error codes: each maps to an HTTP status and a Chinese hint (reply.c). */
enum err_code {
	E_BAD_REQUEST = 1000,
	E_LOGIN_REQUIRED,
	E_FORBIDDEN,
	E_CSRF,
	E_NOT_FOUND,
	E_METHOD,
	E_TOO_LARGE,
	E_VALIDATION,
	E_BUSY,
	E_INTERNAL,
	E_STORE,        /* a store call failed: E_BUSY when the database was
			 * busy or unreachable (store_failure), else E_INTERNAL */
};

/* Replies.  Each adds the security headers, queues, and returns the MHD
 * result.  `body` is consumed (released) by reply_html/reply_text. */
int reply_html(struct req *r, unsigned status, struct strbuf *body);
int reply_text(struct req *r, unsigned status, const char *type, struct strbuf *body);
int reply_static(struct req *r, const char *type, const char *data, size_t len, const char *etag);
int reply_json(struct req *r, unsigned status, void *json /* json_t*, consumed */);
/* A file to save (200, Content-Disposition: attachment, no-store, and a
 * second CSP "sandbox; default-src 'none'"): the
 * filename as ascii_name (bytes outside RFC 5987's attr-char become "_")
 * and, for browsers that read it, name in UTF-8 as filename* (RFC 5987,
 * percent-encoded).  body is consumed. */
int reply_download(struct req *r, const char *type, const char *ascii_name, const char *name,
		   struct strbuf *body);
int reply_redirect(struct req *r, const char *location);
/* An error page (HTML) or {"code","hint","detail"} (API).  detail may be
 * NULL; for HTML it is shown only when it is meant for people. */
int reply_error(struct req *r, enum err_code code, const char *detail);
/* The 413 of a body (or, on an R_UPLOAD route, a file) past its limit; on
 * an upload route the hint names the file limit in MB, the API's detail
 * the limits in bytes.  An R_CITIZEN | R_UPLOAD route's own handler
 * answers instead (the citizen's page, in its style): it must test
 * req_too_large first. */
int reply_too_large(struct req *r);
/* 1 when the request's body, or a file in it, was past its limit (the
 * form is then incomplete and must not be used). */
int req_too_large(const struct req *r);
/* A 400 for text the input rule refused (core/text.h; forms and JSON
 * alike): the page shows, and the API's "hint" holds, the fault's Chinese
 * sentence; the API adds "field" and "reason" (text_reason_code).
 * reply_form_fault comes here when the form's error was such a fault. */
int reply_text_fault(struct req *r, const char *detail, const struct text_fault *tf);
/* The 400 of a form or query string the server refused while reading it
 * (f->err); a text fault (f->fault) is answered as reply_text_fault. */
int reply_form_fault(struct req *r, const struct form *f);
/* A 422 with the field messages: JSON {"code","hint","fields":{...}}. */
struct fielderr;
int reply_fields(struct req *r, const struct fielderr *fe);

/*
 * The one mapping from a domain result (domain/result.h) to a reply
 * (result.c).  res_error answers a result that is not a success and not
 * RES_INVALID: RES_NOT_FOUND 404 ("no such WHAT"), RES_STORE 503 when the
 * database was busy or unreachable and 500 otherwise (logged with the
 * store's message and the request id), anything else 500; `what` names
 * the record in the API's detail and the log.
 *
 * page_result: success redirects to ok_url (arena or static text); the
 * rest as res_error.  A page answers RES_INVALID itself before, with its
 * form again and the messages (422), and RES_CONFIRM with its question.
 *
 * api_result: success answers 201 {"id": rc} when created, else 200
 * {"ok": true}; RES_INVALID 422 with fe's fields; the rest as res_error
 * (a handler answers RES_CONFIRM itself, with what is to be confirmed).
 */
int res_error(struct req *r, long long rc, const char *what);
/* The status of a failed store call in this request: 503 when the
 * database was busy or unreachable, else 500 (for a page that answers
 * a store failure with its own form, as the login page does). */
unsigned req_store_status(const struct req *r);
int page_result(struct req *r, long long rc, const char *what, const char *ok_url);
int api_result(struct req *r, long long rc, const struct fielderr *fe, const char *what,
	       int created);

/* Adds a Set-Cookie to the reply the handler is about to send. */
void req_set_cookie(struct req *r, const char *name, const char *value, long max_age);
/* The name of the session cookie ("__Host-qf_session" under TLS). */
const char *req_session_cookie(const struct req *r);
/* Cookie value from the request, or NULL (arena copy). */
const char *req_cookie(struct req *r, const char *name);
/* The client's address (after trusted proxies), for an in-memory rate
 * limit only: a public (R_CITIZEN) route never stores or logs it, and its
 * ctx's who.ip is "-". */
const char *req_client_ip(struct req *r);
/* Parks the request (MHD-PATTERNS.md 8): the connection is suspended and
 * the handler returns this call's result without answering; the work it
 * handed over (the group writer's job) calls req_unpark when done, from
 * any thread, and libmicrohttpd then calls finish(r) on the connection's
 * own thread to answer.  The request (its arena) stays valid meanwhile:
 * a suspended connection is not read, so it is not completed.  Park
 * before handing the work over, so that req_unpark finds it parked. */
int req_park(struct req *r, int (*finish)(struct req *r));
/* Resumes a parked request (arg: the struct req); any thread; the
 * request must not be touched after it. */
void req_unpark(void *arg);
/* A GET argument (validated UTF-8) or "" */
const char *req_arg(struct req *r, const char *key);
/* The request's form field or "" (trimmed). */
const char *req_field(struct req *r, const char *key);
/* The page number (1-based) and page size from ?page= (size fixed). */
int req_page(struct req *r);

/* Global, read-only after start: config, keys, limits; the calendar is
 * replaced whole (atomically) when holidays are imported. */
struct app {
	struct config cfg;
	struct qf_keys keys;
	struct calendar *_Atomic cal;
	struct login_limits *login_limits; /* auth.h: in-memory login limits */
	struct retired_cal *retired;    /* replaced calendars, freed at exit */
	const char *db_uri;
	size_t max_body;
	size_t max_upload;              /* largest file on an R_UPLOAD route */
	unsigned threads;
	struct conn_limits limits;      /* connections and deadlines (connguard.h) */
	struct netaddr_list trusted;    /* proxies whose X-Forwarded-For is believed */
	int tls;
	const char *version;
	struct metrics *metrics;        /* request counters (metrics.h) */
	const char *metrics_listen;     /* HOST:PORT of /metrics, NULL: off */
	const char *metrics_token;      /* bearer token it requires, or NULL */
	const char *audit_ckpt;         /* checkpoint file, moved forward by the main thread */
	int public_only;                /* serve --public: only R_CITIZEN and R_STATIC routes */
	struct ratelimit *query_limits; /* wrong query codes per address, in memory only */
	struct ratelimit *post_limits;  /* public-channel posts per address, in memory only */
	struct pow_seen *pow_seen;      /* used proof-of-work challenges (core/pow.h), in memory */
	struct pow_seen *pull_seen;     /* the ferry pull's used nonces (core/pullauth.h), in memory */
	unsigned ckpt_seconds;          /* at most this long between moves */
	/* the group writer (store/groupw.h) and the ratings on it
	 * (domain/rating_group.h): stopped, drained, before the daemon */
	struct groupw *writer;
	struct rating_group *ratings;
	atomic_int parked;              /* requests parked now (req_park) */
};

/* The staff frame an error page stands in (issue 12: a signed-in user's
 * 403, 404 and 500 keep the navigation): the pages layer registers one
 * (pages/page.c), since http may not include it.  begin opens the
 * document, the top bar and the navigation (no database reads when
 * quiet: a 5xx may come from a store that fails) and the content; finish
 * closes them.  Without one, or for a request not fully signed in, the
 * error page is bare. */
struct error_frame {
	void (*begin)(struct req *r, struct strbuf *sb, const char *title, int quiet);
	void (*finish)(struct strbuf *sb);
};
QF_SET(error_frames, const struct error_frame);

/* Publishes a new calendar for the requests that start after this call;
 * the old one stays valid for requests still using it and is freed when
 * the server stops.  Takes ownership of cal. */
void app_calendar_replace(struct app *app, struct calendar *cal);
/* Frees the current and the replaced calendars (at exit). */
void app_calendar_free(struct app *app);

/* Runs the server until SIGINT/SIGTERM.  0 on a clean stop. */
int http_serve(struct app *app, const char *listen, const char *tls_cert, const char *tls_key);

#endif
