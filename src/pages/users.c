/*
 * users.c: account administration (三员分立).  The system admin creates
 * accounts, disables them and asks for password resets; the security
 * admin approves new accounts and password resets, unlocks accounts and
 * resets the second factor.  Neither can alone sign in as someone else.
 * Each action checks its own permission, whatever the page showed.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/labels.h"
#include "domain/role.h"
#include "domain/user.h"
#include "http/http.h"
#include "pages/find.h"
#include "pages/list.h"
#include "pages/page.h"
#include "pages/users.h"

static void action_button(struct req *r, struct strbuf *sb, int64_t id, const char *action,
			  const char *label, const char *confirm)
{
	form_open_ex(r, sb, arena_printf(r->arena, "/admin/users/%" PRId64 "/action", id), "inline", confirm, 0);
	form_hidden(sb, "action", action);
	form_button(sb, label, NULL, NULL, "small");
	form_end(sb);
	strbuf_addch(sb, ' ');
}

/* The system admin's setting of a user's office (所属室（组）) in the row. */
static void office_form(struct req *r, struct strbuf *sb, int64_t id, const char *office)
{
	struct strbuf attrs = STRBUF_INIT;

	strbuf_addstr(&attrs, "maxlength=\"50\" size=\"8\" value=\"");
	html_attr(&attrs, office);
	strbuf_addch(&attrs, '"');
	form_open(r, sb, arena_printf(r->arena, "/admin/users/%" PRId64 "/action", id), "inline");
	form_hidden(sb, "action", "office");
	field_inline(sb, "office", "所属室（组）", 0, 1, attrs.buf);
	form_button(sb, "设置科室", NULL, NULL, "small");
	form_end(sb);
	strbuf_addch(sb, ' ');
	strbuf_release(&attrs);
}

/* What the create form keeps after an error. */
struct new_user {
	const char *name, *display, *role;
	int64_t unit;
	const char *unit_err;       /* the unit typed names none or several */
};

static const struct list_col user_cols[] = { { "用户名", NULL, 0, 0 }, { "姓名", NULL, 0, 0 },
	{ "角色", NULL, 0, 0 }, { "所属单位", NULL, 0, 0 }, { "所属室（组）", NULL, 0, 0 }, { "状态", NULL, 0, 0 }, { "动态口令", NULL, 0, 0 },
	{ "操作", NULL, 0, 1 } };
static const struct list_def user_list_def = LIST_DEF("用户管理", "users", NULL, user_cols);

static int users_page(struct req *r, const char *msg, const struct new_user *nu, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct listw w;
	static const char *const crumbs[] = { "工作台", "/", "用户管理", NULL, NULL };
	struct user *v;
	int n = user_list(&r->c, &v);
	int admin = authz_has(&r->c.who, PERM_USER_ADMIN);
	int sec = authz_has(&r->c.who, PERM_USER_SECURITY);

	if (n < 0)
		return reply_error(r, E_STORE, "user list");
	page_begin(r, &sb, "用户管理", crumbs);
	html_notice(&sb, "error", msg);
	if (sec) {
		int pending = 0;
		for (int i = 0; i < n; i++)
			pending += v[i].pw_pending_by && v[i].id != r->user.id;
		if (pending)
			strbuf_addf(&sb, "<p class=\"notice warn\" id=\"pw-pending\">有%d项密码重置待您审批："
				    "请先与用户本人核实，再在下表中批准或拒绝。</p>", pending);
	}
	list_open(&w, r, &sb, &user_list_def);
	for (int i = 0; i < n; i++) {
		int64_t until = 0;
		int locked = user_locked(&r->c, v[i].name, &until) == 1;
		const char *state = v[i].disabled ? "已停用" : locked ? "已锁定" : "正常";
		const char *office = user_office(&r->c, v[i].id);
		const char *pending = NULL;
		struct strbuf *td;
		list_text(&w, v[i].name);
		list_text(&w, v[i].display_name);
		list_text(&w, v[i].principal ? arena_printf(r->arena, "%s（主要负责人）", role_label(v[i].role))
					     : role_label(v[i].role));
		list_text(&w, v[i].unit_name);
		list_text(&w, office);
		if (v[i].must_change_pw)
			state = arena_printf(r->arena, "%s 首次登录须修改密码", state);
		if (v[i].pw_pending_by) {
			struct strbuf at = STRBUF_INIT;
			html_time(&at, v[i].pw_pending_at);
			pending = arena_printf(r->arena, "密码重置待审批（%s，%s）", v[i].pw_pending_by, at.buf);
			strbuf_release(&at);
		}
		td = list_cell(&w, NULL, office_text(pending ? arena_printf(r->arena, "%s %s", state, pending) : state));
		if (td) {
			html_state(td, v[i].disabled ? "bad" : locked ? "warn" : "ok",
				   v[i].disabled ? "已停用" : locked ? "已锁定" : "正常");
			if (v[i].must_change_pw) {
				strbuf_addch(td, ' ');
				html_state(td, "warn must-change", "首次登录须修改密码");
			}
			if (pending) {
				strbuf_addch(td, ' ');
				html_state(td, "warn pw-pending", pending);
			}
		}
		list_cell_end(&w);
		list_text(&w, v[i].totp_enabled ? "已启用" : "未启用");
		if (!list_cell(&w, NULL, office_text(NULL))) {
			list_row_end(&w);
			continue;
		}
		if (!v[i].disabled && (admin || sec) && v[i].id != r->user.id)
			action_button(r, &sb, v[i].id, "disable", "停用",
				      "确定停用该用户？其登录会话将立即失效。");
		if (v[i].disabled && sec)
			action_button(r, &sb, v[i].id, "enable", "审核启用",
				      "确定启用？启用即批准该账户以其角色使用系统。");
		if (admin) {
			form_open(r, &sb, arena_printf(r->arena, "/admin/users/%" PRId64 "/action", v[i].id), "inline");
			form_hidden(&sb, "action", "passwd");
			field_inline(&sb, "password", "新密码", 1, 1,
				     "type=\"password\" placeholder=\"新密码\" autocomplete=\"new-password\" size=\"10\"");
			form_button(&sb, "申请重置密码", NULL, NULL, "small");
			form_end(&sb);
			strbuf_addch(&sb, ' ');
		}
		if (admin)
			office_form(r, &sb, v[i].id, office);
		if (admin && !strcmp(v[i].role, "leader"))
			action_button(r, &sb, v[i].id, v[i].principal ? "unprincipal" : "principal",
				      v[i].principal ? "取消主要负责人" : "设为主要负责人",
				      v[i].principal ? NULL : "确定设为主要负责人？主要负责人审批涉及县处级干部的处置意见。");
		if (sec && v[i].pw_pending_by && v[i].id != r->user.id) {
			action_button(r, &sb, v[i].id, "approve_passwd", "批准重置密码",
				      "确定批准？请先与该用户本人核实。批准后新密码即生效，该用户登录后须修改密码。");
			action_button(r, &sb, v[i].id, "refuse_passwd", "拒绝重置密码", NULL);
		}
		if (sec && locked)
			action_button(r, &sb, v[i].id, "unlock", "解除锁定", NULL);
		if (sec && v[i].totp_enabled)
			action_button(r, &sb, v[i].id, "totp_reset", "重置动态口令",
				      "确定重置？该用户下次登录须重新绑定动态口令。");
		list_cell_end(&w);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, NULL, NULL, n);
	list_close(&w, "尚无用户");
	strbuf_addstr(&sb, "<p class=\"count\">");
	list_export_link(&sb, "/admin/users?");
	strbuf_addstr(&sb, "</p>");
	if (admin) {
		strbuf_addstr(&sb, "<h2>新增用户</h2><p class=\"hint\">新增的账户（网页或命令行 qingfeng user add）处于停用状态，"
			      "经安全管理员审核启用后方可登录（三员分立）；首次登录须修改初始密码。</p>");
		form_open(r, &sb, "/admin/users", "record-form");
		field_text(&sb, "name", "用户名", nu->name, 1, NULL,
			   "maxlength=\"32\" autocapitalize=\"off\" spellcheck=\"false\"");
		field_text(&sb, "display_name", "姓名", nu->display, 0, NULL, "maxlength=\"50\"");
		field_select(&sb, "role", "角色", role_labels(), nu->role, 1, NULL, "请选择");
		unit_select_post(r, &sb, "unit_id", "所属单位（乡镇纪委、派驻组、整改联络员为其管辖范围）", nu->unit, 0, nu->unit_err,
				 "（无）");
		field_text(&sb, "password", "初始密码", "", 1, NULL,
			   "type=\"password\" autocomplete=\"new-password\"");
		strbuf_addf(&sb, "<p class=\"hint\">至少%d个字符，包含大写字母、小写字母、数字、符号中的至少%d类。</p>",
			    r->app->cfg.pw_min_len, r->app->cfg.pw_classes);
		form_close(&sb, "新增", NULL);
	}
	return page_finish(r, &sb, status);
}

static const struct new_user no_user = { "", "", "", 0, NULL };

int page_users(struct req *r)
{
	return users_page(r, NULL, &no_user, 200);
}

int page_user_create(struct req *r)
{
	struct strbuf err = STRBUF_INIT;
	struct new_user nu = { req_field(r, "name"), req_field(r, "display_name"), req_field(r, "role"), 0, NULL };
	struct fielderr fe = { 0 };
	int64_t id;
	int rc;

	/* the <select>'s id, or the picker's (typed text resolved as in other forms) */
	nu.unit = pick_resolve(r, FIND_UNIT, "unit_id", &fe);
	if (nu.unit < 0)
		return res_error(r, (int)nu.unit, "unit");
	if ((nu.unit_err = fielderr_get(&fe, "unit_id")))
		return users_page(r, nu.unit_err, &nu, 422);
	/* 三员分立: an account the system admin creates stays disabled until
	 * the security admin approves (enables) it */
	id = user_create(&r->c, nu.name, nu.role, nu.display, nu.unit, form_get(&r->form, "password"),
			 USER_DISABLED | USER_MUST_CHANGE_PW, &err);
	if (id < 0) {
		rc = users_page(r, arena_strdup(r->arena, err.buf), &nu, 422);
		strbuf_release(&err);
		return rc;
	}
	strbuf_release(&err);
	return reply_redirect(r, "/admin/users?ok=created");
}

int page_user_action(struct req *r)
{
	struct strbuf err = STRBUF_INIT;
	const char *action = req_field(r, "action");
	struct user u;
	enum perm need, need_or = PERM_NONE;   /* either one suffices */
	int rc, ok;

	rc = user_get(&r->c, r->id, &u);
	if (rc <= 0)
		return res_error(r, rc, "user");
	/* who may do what: the system admin manages accounts, the security
	 * admin approves them and guards their credentials */
	if (!strcmp(action, "disable")) {
		need = PERM_USER_ADMIN;
		need_or = PERM_USER_SECURITY;
	} else if (!strcmp(action, "passwd") || !strcmp(action, "office") || !strcmp(action, "principal") ||
		   !strcmp(action, "unprincipal")) {
		need = PERM_USER_ADMIN;
	} else if (!strcmp(action, "enable") || !strcmp(action, "unlock") || !strcmp(action, "totp_reset") ||
		   !strcmp(action, "approve_passwd") || !strcmp(action, "refuse_passwd")) {
		need = PERM_USER_SECURITY;
	} else {
		return reply_error(r, E_BAD_REQUEST, "unknown action");
	}
	if (!perm_has(r->c.who.perms, need) && !perm_has(r->c.who.perms, need_or)) {
		audit_record(&r->c, AEV_ACCESS_DENIED, arena_printf(r->arena, "user/%" PRId64, r->id), 0,
			     action);
		return reply_error(r, E_FORBIDDEN, NULL);
	}
	if (!strcmp(action, "passwd"))
		ok = user_request_password(&r->c, u.name, form_get(&r->form, "password"), &err);
	else if (!strcmp(action, "approve_passwd") || !strcmp(action, "refuse_passwd"))
		ok = user_decide_password(&r->c, u.name, !strcmp(action, "approve_passwd"), &err);
	else if (!strcmp(action, "disable") || !strcmp(action, "enable"))
		ok = user_set_disabled(&r->c, u.name, !strcmp(action, "disable"), &err);
	else if (!strcmp(action, "office"))
		ok = user_office_set(&r->c, u.name, req_field(r, "office"), &err);
	else if (!strcmp(action, "principal") || !strcmp(action, "unprincipal"))
		ok = user_set_principal(&r->c, u.name, !strcmp(action, "principal"), &err);
	else if (!strcmp(action, "unlock"))
		ok = user_unlock(&r->c, u.name, &err);
	else
		ok = user_totp_reset(&r->c, u.name, &err);
	if (ok < 0) {
		rc = users_page(r, arena_strdup(r->arena, err.buf), &no_user, 422);
		strbuf_release(&err);
		return rc;
	}
	strbuf_release(&err);
	return reply_redirect(r, !strcmp(action, "passwd") ? "/admin/users?ok=requested"
							    : "/admin/users?ok=done");
}
