/*
 * account.c: the signed-in user's own account: change the password
 * (which ends every other session of the user), bind a second factor
 * (the enrolment of the login pages, reused).
 */
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/escape.h"
#include "domain/auth.h"
#include "domain/authz.h"
#include "domain/role.h"
#include "domain/user.h"
#include "http/http.h"
#include "pages/account.h"
#include "pages/page.h"

static int account_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "账户安全", NULL, NULL };

	page_begin(r, &sb, "账户安全", crumbs);
	if (r->user.must_change_pw)
		html_notice(&sb, "warn", "您的密码由管理员设置，请先修改密码后再使用其他功能。");
	record_open(&sb);
	record_item(&sb, "用户名", r->user.name);
	record_item(&sb, "角色", role_label(r->user.role));
	record_item(&sb, "动态口令", r->user.totp_enabled ? "已启用" : "未启用");
	record_close(&sb);
	if (!r->user.totp_enabled) {
		form_open(r, &sb, "/account/totp", "inline");
		form_button(&sb, "绑定动态口令", NULL, NULL, NULL);
		form_end(&sb);
		strbuf_addstr(&sb, "<p class=\"hint\">绑定后，每次登录除密码外还须输入手机身份验证器显示的动态口令；"
			      "管理员重置密码不会解除绑定，只有安全管理员可以重置动态口令。</p>");
	}
	if (authz_has(&r->c.who, PERM_CASE_READ))   /* the route's permission */
		strbuf_addstr(&sb, "<p><a href=\"/account/conflicts\">回避申报</a>：申报与您存在利害关系的人员或单位。</p>");
	strbuf_addstr(&sb, "<h2>修改密码</h2>");
	field_errors_summary(&sb, fe);
	form_open(r, &sb, "/account/password", "record-form");
	field_text(&sb, "old", "当前密码", "", 1, fielderr_get(fe, "old"),
		   "type=\"password\" autocomplete=\"current-password\"");
	field_text(&sb, "new", "新密码", "", 1, fielderr_get(fe, "new"),
		   "type=\"password\" autocomplete=\"new-password\"");
	field_text(&sb, "new2", "再次输入新密码", "", 1, fielderr_get(fe, "new2"),
		   "type=\"password\" autocomplete=\"new-password\"");
	strbuf_addf(&sb, "<p class=\"hint\">至少%d个字符，包含大写字母、小写字母、数字、符号中的至少%d类。"
		    "修改后需重新登录。</p>", r->app->cfg.pw_min_len, r->app->cfg.pw_classes);
	form_close(&sb, "修改密码", NULL);
	return page_finish(r, &sb, status);
}

int page_account(struct req *r)
{
	struct fielderr fe = { 0 };
	return account_page(r, &fe, 200);
}

int page_account_totp(struct req *r)
{
	if (r->user.totp_enabled)
		return reply_redirect(r, "/account");
	if (auth_totp_begin(&r->c, &r->sess, &r->user) < 0)
		return reply_error(r, E_STORE, "totp begin");
	return reply_redirect(r, "/login/totp");
}

int page_account_password(struct req *r)
{
	struct fielderr fe = { 0 };
	struct strbuf err = STRBUF_INIT;
	const char *old = form_get(&r->form, "old");
	const char *nw = form_get(&r->form, "new");
	const char *nw2 = form_get(&r->form, "new2");

	switch (auth_check_password(&r->c, &r->user, old)) {
	case AUTH_OK:
		break;
	case AUTH_STORE:
		return reply_error(r, E_STORE, "password check");
	case AUTH_LOCKED:
		req_set_cookie(r, req_session_cookie(r), "", 0);
		return reply_redirect(r, "/login");
	default:
		fielderr_add(&fe, "old", "当前密码不正确");
	}
	if (!nw || !nw2 || strcmp(nw, nw2))
		fielderr_add(&fe, "new2", "两次输入的新密码不一致");
	if (!fe.n && user_set_password(&r->c, r->user.name, nw, 0, &err) < 0) {
		fielderr_add(&fe, "new", arena_strdup(r->arena, err.buf));
	}
	strbuf_release(&err);
	if (fe.n)
		return account_page(r, &fe, 422);
	req_set_cookie(r, req_session_cookie(r), "", 0);
	return reply_redirect(r, "/login");
}
