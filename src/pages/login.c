/*
 * login.c: signing in, the second factor, signing out.
 *
 * The login form is protected against login CSRF by a double-submit
 * token: the same value in a short-lived cookie and in the form, a value
 * only this server makes (a MAC under a key from the key file over a time
 * and a nonce, core/pretoken.c), good for an hour; under TLS the cookie is
 * __Host-qf_pre, which a sibling host cannot set.  Success sets a fresh
 * session cookie; nothing in the answer tells a wrong name from a wrong
 * password.
 */
#include <pthread.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/escape.h"
#include "domain/auth.h"
#include "domain/role.h"
#include "http/http.h"
#include "pages/login.h"
#include "pages/page.h"

#define PRE_MAX_AGE 3600

static const char *pre_cookie(const struct req *r)
{
	return r->app->cfg.secure_cookies ? "__Host-qf_pre" : "qf_pre";
}

/* The login page's HTML with this token (and name, message) */
static void login_html(struct req *r, struct strbuf *sb, const char *token, const char *name,
		       const char *msg)
{
	page_begin_bare(sb, "登录");
	strbuf_addstr(sb, "<div class=\"login-box\"><p class=\"login-brand\">");
	html_txt(sb, r->app->cfg.commission);
	strbuf_addstr(sb, "</p><h1>清风 · 纪检监察工作平台</h1>");
	html_notice(sb, "error", msg);
	form_open_token(sb, "/login", "stack", token);
	field_text(sb, "username", "用户名", name, 1, NULL,
		   "autocomplete=\"username\" autocapitalize=\"off\" spellcheck=\"false\" maxlength=\"64\"");
	field_text(sb, "password", "密码", "", 1, NULL,
		   "type=\"password\" autocomplete=\"current-password\" maxlength=\"1024\"");
	form_button(sb, "登录", NULL, NULL, "primary");
	form_end(sb);
	strbuf_addstr(sb, "<p class=\"hint\">连续5次输入错误，账户将被锁定15分钟。忘记密码请联系系统管理员。</p>"
		      "</div>");
}

/* The blank form (GET /login: no name, no message) is the same page for
 * everyone but its token: written once with a placeholder token, then
 * copied with each request's token in its place (issue 16: the page cost
 * a third of GET /login's instructions).  Written again if the
 * commission's name is another (a second app in the process). */
static struct {
	pthread_mutex_t lock;
	struct strbuf html;
	const char *commission;
	size_t at;                  /* where the token goes */
} blank = { PTHREAD_MUTEX_INITIALIZER, STRBUF_INIT, NULL, 0 };

static int blank_form(struct req *r, struct strbuf *sb, const char *token)
{
	char mark[QF_PRETOKEN_CHARS + 1];
	const char *p;
	int rc = 0;

	pthread_mutex_lock(&blank.lock);
	if (blank.commission != r->app->cfg.commission || !blank.html.len) {
		memset(mark, '~', QF_PRETOKEN_CHARS);   /* no token holds '~' (base64url) */
		mark[QF_PRETOKEN_CHARS] = '\0';
		strbuf_setlen(&blank.html, 0);
		login_html(r, &blank.html, mark, "", NULL);
		p = strstr(blank.html.buf, mark);
		if (!p || strstr(p + 1, mark)) {
			strbuf_setlen(&blank.html, 0);
			rc = -1;
		} else {
			blank.at = (size_t)(p - blank.html.buf);
			blank.commission = r->app->cfg.commission;
		}
	}
	if (!rc) {
		strbuf_add(sb, blank.html.buf, blank.html.len);
		memcpy(sb->buf + blank.at, token, QF_PRETOKEN_CHARS);
	}
	pthread_mutex_unlock(&blank.lock);
	return rc;
}

static int login_page(struct req *r, unsigned status, const char *name, const char *msg)
{
	struct strbuf sb = STRBUF_INIT;
	char token[QF_PRETOKEN_CHARS + 1];

	pretoken_new(&r->app->keys, r->c.now, token);
	req_set_cookie(r, pre_cookie(r), token, PRE_MAX_AGE);
	if (*name || msg || blank_form(r, &sb, token) < 0)
		login_html(r, &sb, token, name, msg);
	return page_finish_bare(r, &sb, status);
}

int page_login_form(struct req *r)
{
	if (r->signed_in)
		return reply_redirect(r, r->sess.stage == SESSION_OK ? "/" : "/login/totp");
	return login_page(r, 200, "", NULL);
}

int page_login(struct req *r)
{
	const char *pre = req_cookie(r, pre_cookie(r));
	const char *sent = form_get(&r->form, "csrf");
	const char *name = req_field(r, "username");
	struct login_result res;

	if (!pre || !sent || strlen(pre) != strlen(sent) || ct_streq(pre, sent) != 0 ||
	    pretoken_check(&r->app->keys, sent, r->c.now, PRE_MAX_AGE) < 0)
		return reply_error(r, E_CSRF, "login form token missing or wrong");
	switch (auth_login(&r->c, name, form_get(&r->form, "password"), &res)) {
	case AUTH_OK:
		break;
	case AUTH_STORE:        /* the database failed: the id the operator finds in the log */
		r->err_detail = "login";
		return login_page(r, req_store_status(r), name,
				  arena_printf(r->arena, "%s（错误编号：%s）", res.msg, r->rid));
	default:
		return login_page(r, 200, name, res.msg);
	}
	req_set_cookie(r, pre_cookie(r), "", 0);
	req_set_cookie(r, req_session_cookie(r), res.token, -1);
	return reply_redirect(r, res.se.stage == SESSION_OK ? "/" : "/login/totp");
}

static int totp_page(struct req *r, const char *msg)
{
	struct strbuf sb = STRBUF_INIT;
	char secret[33];
	int enrol = r->sess.stage == SESSION_NEED_ENROL;

	if (r->sess.stage == SESSION_OK)
		return reply_redirect(r, "/");
	if (enrol) {
		int rc = auth_totp_secret(&r->c, &r->sess, &r->user, secret);
		if (rc < 0)
			return reply_error(r, E_STORE, "totp secret");
		enrol = rc == 0;
	}
	page_begin_bare(&sb, "动态口令");
	strbuf_addstr(&sb, "<div class=\"login-box\"><h1>动态口令验证</h1>");
	html_notice(&sb, "error", msg);
	if (enrol) {
		struct strbuf uri = STRBUF_INIT;
		const struct role *role = role_find(r->user.role);
		if (role && role->admin) {
			strbuf_addstr(&sb, "<p>您的角色（");
			html_txt(&sb, role_label(r->user.role));
			strbuf_addstr(&sb, "）须使用动态口令。");
		} else {
			strbuf_addstr(&sb, auth_totp_required(&r->c, &r->user)
				      ? "<p>本系统要求所有用户使用动态口令。"
				      : "<p>绑定后，每次登录除密码外还须输入动态口令；管理员重置密码不会解除绑定。");
		}
		strbuf_addstr(&sb, "请用手机上的身份验证器扫描二维码，"
			      "或手工输入密钥，然后填写显示的6位数字。</p><div class=\"qr\">");
		if (totp_uri("清风", r->user.name, secret, &uri) == 0)
			if (qr_svg(uri.buf, &sb) < 0)   /* our own SVG markup, no user text */
				strbuf_addstr(&sb, "<p>二维码生成失败，请手工输入密钥。</p>");
		strbuf_addstr(&sb, "</div><p class=\"secret\">密钥：<code>");
		html_txt(&sb, secret);
		strbuf_addstr(&sb, "</code></p>");
		strbuf_release(&uri);
	} else {
		strbuf_addstr(&sb, "<p>请输入身份验证器显示的6位数字。</p>");
	}
	form_open(r, &sb, "/login/totp", "stack");
	field_text(&sb, "code", "6位动态口令", "", 1, NULL,
		   "inputmode=\"numeric\" autocomplete=\"one-time-code\" pattern=\"[0-9]{6}\" maxlength=\"6\"");
	form_button(&sb, "验证", NULL, NULL, "primary");
	form_end(&sb);
	form_open(r, &sb, "/logout", NULL);
	form_button(&sb, "返回登录", NULL, NULL, "link");
	form_end(&sb);
	strbuf_addstr(&sb, "</div>");
	return page_finish_bare(r, &sb, 200);
}

int page_totp_form(struct req *r)
{
	return totp_page(r, NULL);
}

int page_totp(struct req *r)
{
	if (r->sess.stage == SESSION_OK)
		return reply_redirect(r, "/");
	switch (auth_totp_confirm(&r->c, &r->sess, &r->user, req_field(r, "code"))) {
	case AUTH_OK:
		return reply_redirect(r, "/");
	case AUTH_STORE:
		return reply_error(r, E_STORE, "second factor");
	case AUTH_LOCKED:
		/* locked: every session of the account is gone, this one too */
		req_set_cookie(r, req_session_cookie(r), "", 0);
		return login_page(r, 200, r->user.name, "动态口令错误次数过多，账户已暂时锁定，请稍后再试");
	default:
		return totp_page(r, "动态口令不正确或已使用过，请等待下一个口令后重新输入");
	}
}

int page_logout(struct req *r)
{
	if (r->signed_in)
		auth_logout(&r->c, &r->sess);
	req_set_cookie(r, req_session_cookie(r), "", 0);
	return reply_redirect(r, "/login");
}
