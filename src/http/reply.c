/*
 * reply.c: every answer leaves through here, so every answer carries the
 * security headers: a strict Content-Security-Policy (no inline script or
 * style), nosniff, no referrer, no framing; dynamic pages are not cached.
 * Errors have one shape: a Chinese page for people, and for the API
 * {"code": N, "hint": "...", "detail": "...", "request_id": "..."} with
 * the status of the code.  Every answer carries X-Request-Id; every 5xx
 * writes an ERROR line with what failed and the store's message (under the
 * request id, log.h), and its page shows the id as 错误编号 so that a user
 * can quote it to the operator.  Text refused by the input rule (core/text.h) is answered alike from a
 * form and from the API: 400, the same Chinese sentence as the page's
 * message and the API's hint, the API adding "field" and "reason".
 */
#include "http/http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/escape.h"
#include "core/log.h"
#include "domain/fielderr.h"
#include "http/cookie.h"
#include "store/store.h"

/* connect-src 'self': the pickers' suggestions (assets/pick.js) fetch
 * /api/pick/... from the same origin, nothing else */
#define CSP "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

static const struct {
	enum err_code code;
	unsigned status;
	const char *title;
	const char *hint;
} errors[] = {
	{ E_BAD_REQUEST, 400, "请求有误", "提交的内容格式不正确，请检查后重试。" },
	{ E_LOGIN_REQUIRED, 401, "请先登录", "登录已过期或尚未登录，请重新登录。" },
	{ E_FORBIDDEN, 403, "没有权限", "您的角色无权使用此功能。如需使用，请联系系统管理员。" },
	{ E_CSRF, 403, "页面已过期", "为保护您的账户，此次提交未被接受。请返回上一页，刷新后重新提交。" },
	{ E_NOT_FOUND, 404, "页面不存在", "您访问的内容不存在，或您无权查看。" },
	{ E_METHOD, 405, "请求方式不支持", "此地址不支持该请求方式。" },
	{ E_TOO_LARGE, 413, "提交内容过大", "提交的内容超过了允许的大小，请精简后重试。" },
	{ E_VALIDATION, 422, "填写有误", "填写的内容有误，请按提示修改。" },
	{ E_BUSY, 503, "系统繁忙", "系统暂时繁忙，请稍后再试。" },
	{ E_INTERNAL, 500, "系统错误", "系统发生错误，已记录。请稍后再试或联系系统管理员。" },
};

/* E_STORE: which of the two a failed store call is (store.h). */
static enum err_code store_code(const struct req *r)
{
	return !r->c.db || store_failure(r->c.db) == STORE_BUSY ? E_BUSY : E_INTERNAL;
}


static size_t err_index(enum err_code code)
{
	for (size_t i = 0; i < QF_ARRAY_SIZE(errors); i++)
		if (errors[i].code == code)
			return i;
	return QF_ARRAY_SIZE(errors) - 1;   /* 500 */
}

unsigned req_store_status(const struct req *r)
{
	return errors[err_index(store_code(r))].status;
}

static void add_headers(struct req *r, struct MHD_Response *resp, const char *type, int cacheable)
{
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(resp, "Content-Security-Policy", CSP);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(resp, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
				cacheable ? "public, max-age=86400" : "no-store");
	MHD_add_response_header(resp, "X-Request-Id", r->rid);
	if (r->route_state == 405) {
		static const struct { int bit; const char *name; } m[] = {
			{ HM_GET, "GET" }, { HM_HEAD, "HEAD" }, { HM_POST, "POST" },
			{ HM_PUT, "PUT" }, { HM_DELETE, "DELETE" },
		};
		char allow[64] = "";
		for (size_t i = 0; i < QF_ARRAY_SIZE(m); i++)
			if (r->allowed & m[i].bit) {
				if (*allow)
					strcat(allow, ", ");
				strcat(allow, m[i].name);
			}
		MHD_add_response_header(resp, "Allow", allow);
	}
	if (r->app->tls)
		MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
	for (int i = 0; i < r->n_set_cookie; i++)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, r->set_cookie[i]);
}

/*
 * The ERROR line of a 5xx: what failed (reply_error's detail) and the
 * store's message, if a store call failed during this request.  A
 * PostgreSQL message is cut before its DETAIL, which may quote values
 * (names in a key, for instance), since the log holds none.
 */
static void log_server_error(struct req *r, unsigned status)
{
	const char *dberr = r->c.db ? store_last_error(r->c.db) : NULL;
	const char *cut = dberr ? strstr(dberr, "DETAIL:") : NULL;

	log_error("%u %s%s%.*s", status, r->err_detail ? r->err_detail : "-",
		  dberr ? ": database: " : "", dberr ? (int)(cut ? cut - dberr : 400) : 0,
		  dberr ? dberr : "");
}

static int queue(struct req *r, unsigned status, struct MHD_Response *resp, const char *type,
		 int cacheable)
{
	enum MHD_Result ret;

	if (!resp)
		return MHD_NO;
	add_headers(r, resp, type, cacheable);
	if (status >= 500)
		log_server_error(r, status);
	ret = MHD_queue_response(r->conn, status, resp);
	MHD_destroy_response(resp);
	r->status = (int)status;
	r->answered = 1;
	return ret;
}

int reply_text(struct req *r, unsigned status, const char *type, struct strbuf *body)
{
	size_t len;
	char *data = strbuf_detach(body, &len);

	return queue(r, status, MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE),
		     type, 0);
}

/* attr-char of RFC 5987 section 3.2.1: what a filename* keeps unescaped */
static int attr_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("!#$&+-.^_`|~", c));
}

int reply_download(struct req *r, const char *type, const char *ascii_name, const char *name,
		   struct strbuf *body)
{
	struct strbuf cd = STRBUF_INIT;
	struct MHD_Response *resp;
	size_t len;
	char *data = strbuf_detach(body, &len);

	strbuf_addstr(&cd, "attachment; filename=\"");
	for (const char *p = ascii_name; *p; p++)
		strbuf_addch(&cd, attr_char((unsigned char)*p) ? *p : '_');
	strbuf_addstr(&cd, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (attr_char(*p))
			strbuf_addch(&cd, (char)*p);
		else
			strbuf_addf(&cd, "%%%02X", *p);
	resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (resp) {
		MHD_add_response_header(resp, "Content-Disposition", cd.buf);
		/* a second policy, enforced with the first: should a browser
		 * ever render a download, it runs in a sandbox with nothing */
		MHD_add_response_header(resp, "Content-Security-Policy", "sandbox; default-src 'none'");
	}
	strbuf_release(&cd);
	return queue(r, 200, resp, type, 0);
}

int reply_html(struct req *r, unsigned status, struct strbuf *body)
{
	return reply_text(r, status, "text/html; charset=utf-8", body);
}

int reply_static(struct req *r, const char *type, const char *data, size_t len, const char *etag)
{
	struct MHD_Response *resp;
	const char *inm = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
						      MHD_HTTP_HEADER_IF_NONE_MATCH);

	if (etag && inm && !strcmp(inm, etag)) {
		resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
		if (resp)
			MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
		return queue(r, 304, resp, type, 1);
	}
	resp = MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_PERSISTENT);
	if (resp && etag)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
	return queue(r, 200, resp, type, 1);
}

/* A value that could not be built or encoded (json NULL, or json_dumps
 * failing) is answered 500 with a fixed body, never through reply_error:
 * that builds JSON too, and calling it from here recursed without end
 * when json_pack kept failing (found by the fault sweep, tests/fault/). */
int reply_json(struct req *r, unsigned status, void *json)
{
	static const char failed[] = "{\"code\":1009,\"hint\":\"系统发生错误，已记录。请稍后再试或联系系统管理员。\","
				     "\"detail\":\"json encoding failed\"}";
	char *s = json ? json_dumps(json, JSON_COMPACT) : NULL;

	_Static_assert(E_INTERNAL == 1009, "the fixed body names E_INTERNAL");
	json_decref(json);
	if (!s)
		return queue(r, 500, MHD_create_response_from_buffer(sizeof(failed) - 1, (void *)failed,
								     MHD_RESPMEM_PERSISTENT),
			     "application/json; charset=utf-8", 0);
	return queue(r, status, MHD_create_response_from_buffer(strlen(s), s, MHD_RESPMEM_MUST_FREE),
		     "application/json; charset=utf-8", 0);
}

int reply_redirect(struct req *r, const char *location)
{
	struct MHD_Response *resp =
		MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);

	if (resp)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, location);
	return queue(r, 303, resp, "text/html; charset=utf-8", 0);
}

/* The error's box: its status, title, hint, the request id of a 5xx and
 * the way home. */
static void error_box(struct strbuf *sb, unsigned status, const char *title, const char *hint,
		      const char *rid)
{
	strbuf_addf(sb, "<div class=\"error-box\"><p class=\"error-code\">%u</p><h1>", status);
	html_txt(sb, title);
	strbuf_addstr(sb, "</h1><p>");
	html_txt(sb, hint);
	strbuf_addstr(sb, "</p>");
	if (status >= 500) {
		strbuf_addstr(sb, "<p class=\"error-id\">错误编号：<code>");
		html_txt(sb, rid);
		strbuf_addstr(sb, "</code>（联系系统管理员时请提供此编号）</p>");
	}
	strbuf_addstr(sb, "<p><a class=\"button\" href=\"/\">返回首页</a></p></div>");
}

/* The registered staff frame, for a user fully signed in (not before the
 * second factor or a due password change); NULL: a bare page. */
static const struct error_frame *staff_frame(const struct req *r)
{
	if (!r->signed_in || r->sess.stage != SESSION_OK || r->user.must_change_pw)
		return NULL;
	QF_FOREACH(error_frames, const struct error_frame, f)
		return *f;
	return NULL;
}

static void error_page(struct req *r, struct strbuf *sb, unsigned status, const char *title,
		       const char *hint)
{
	const struct error_frame *f = staff_frame(r);

	if (f) {
		f->begin(r, sb, title, status >= 500);
		error_box(sb, status, title, hint, r->rid);
		f->finish(sb);
		return;
	}
	strbuf_addstr(sb, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		      "<title>");
	html_txt(sb, title);
	strbuf_addstr(sb, " - 清风</title><link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/assets/style.css\">"
		      "</head><body class=\"error-page\"><main class=\"error-main\">");
	error_box(sb, status, title, hint, r->rid);
	strbuf_addstr(sb, "</main></body></html>\n");
}

/* The error reply: the code's hint, or the text fault's sentence. */
/* hint_zh, when not NULL, replaces the code's Chinese hint. */
static int error_reply(struct req *r, enum err_code code, const char *detail,
		       const struct text_fault *tf, const char *hint_zh)
{
	size_t i = err_index(code == E_STORE ? store_code(r) : code);
	unsigned status = errors[i].status;
	char zh[512];
	const char *hint = tf ? text_fault_zh(tf, zh, sizeof(zh)) : hint_zh ? hint_zh : errors[i].hint;

	if (r->answered)
		return MHD_YES;
	r->err_detail = detail;
	if (r->is_api) {
		json_t *j = json_pack("{s:i, s:s, s:s, s:s}", "code", (int)errors[i].code,
				      "hint", hint, "detail", detail ? detail : errors[i].title,
				      "request_id", r->rid);
		if (j && tf) {
			json_object_set_new(j, "field", json_string(tf->field));
			json_object_set_new(j, "reason", json_string(text_reason_code(tf->reason)));
		}
		return reply_json(r, status, j);
	} else {
		struct strbuf sb = STRBUF_INIT;
		error_page(r, &sb, status, errors[i].title, hint);
		return reply_html(r, status, &sb);
	}
}

int reply_error(struct req *r, enum err_code code, const char *detail)
{
	return error_reply(r, code, detail, NULL, NULL);
}

int req_too_large(const struct req *r)
{
	return r->too_large || r->form.too_large;
}

int reply_too_large(struct req *r)
{
	const char *hint = NULL, *detail = "request body too large";

	if (r->route && (r->route->flags & (R_UPLOAD | R_CITIZEN)) == (R_UPLOAD | R_CITIZEN))
		return r->route->handler(r);    /* the citizen's page says it in its style */
	if (r->route && (r->route->flags & R_UPLOAD)) {
		hint = arena_printf(r->arena, "文件超过允许的大小（每个文件最大 %.1f MB），未保存任何内容。",
				    (double)r->app->max_upload / (1024 * 1024));
		detail = arena_printf(r->arena, "request body too large: at most %zu bytes per file "
				      "(serve --max-upload) and %zu bytes for the whole body; nothing stored",
				      r->app->max_upload, r->max_body);
	} else {
		detail = arena_printf(r->arena, "request body too large: at most %zu bytes; nothing stored",
				      r->max_body);
	}
	return error_reply(r, E_TOO_LARGE, detail, NULL, hint);
}

/* the server answers a refused form with its err: say why, in Chinese */
int reply_form_fault(struct req *r, const struct form *f)
{
	/* a text past the form layer's own limit, far beyond any field's
	   (the fields' limits are answered beside them, issue 12) */
	const char *hint = f->value_too_long
		? arena_printf(r->arena, "所填的一项内容过长（每项不能超过 %d KB），未保存。请缩短后重新提交。",
			       FORM_MAX_VALUE / 1024) : NULL;

	return error_reply(r, E_BAD_REQUEST, f->err, f->fault.reason ? &f->fault : NULL, hint);
}

int reply_text_fault(struct req *r, const char *detail, const struct text_fault *tf)
{
	return error_reply(r, E_BAD_REQUEST, detail, tf && tf->reason ? tf : NULL, NULL);
}

int reply_fields(struct req *r, const struct fielderr *fe)
{
	json_t *fields = json_object();
	size_t i = err_index(E_VALIDATION);

	for (int k = 0; k < fe->n; k++)
		json_object_set_new(fields, fe->field[k], json_string(fe->msg[k]));
	return reply_json(r, errors[i].status, json_pack("{s:i, s:s, s:o}", "code", (int)E_VALIDATION,
							  "hint", errors[i].hint, "fields", fields));
}

const char *req_session_cookie(const struct req *r)
{
	return r->app->cfg.secure_cookies ? "__Host-qf_session" : "qf_session";
}

void req_set_cookie(struct req *r, const char *name, const char *value, long max_age)
{
	struct strbuf sb = STRBUF_INIT;

	if (r->n_set_cookie >= (int)QF_ARRAY_SIZE(r->set_cookie))
		return;
	if (cookie_format(&sb, name, value, r->app->cfg.secure_cookies, max_age) == 0)
		r->set_cookie[r->n_set_cookie++] = arena_strdup(r->arena, sb.buf);
	strbuf_release(&sb);
}

const char *req_cookie(struct req *r, const char *name)
{
	const char *h = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE);
	char buf[256];

	if (!h || cookie_get(h, name, buf, sizeof(buf)) < 0)
		return NULL;
	return arena_strdup(r->arena, buf);
}

const char *req_arg(struct req *r, const char *key)
{
	return form_get_trim(&r->query, key);
}

const char *req_field(struct req *r, const char *key)
{
	return form_get_trim(&r->form, key);
}

int req_page(struct req *r)
{
	long long p;

	if (form_get_int(&r->query, "page", &p) < 0 || p < 1 || p > 1000000)
		return 1;
	return (int)p;
}
