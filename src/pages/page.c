/*
 * page.c: the staff page frame and the shared HTML builders.
 *
 * The navigation shows only what the user's role may use (the same PERM_*
 * the routes check).  The document works without JavaScript; app.js only
 * adds confirmations.  The CSP forbids inline script and style, so there
 * are none.
 */
#include "pages/page.h"

#include <inttypes.h>
#include <string.h>

#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/campaign.h"
#include "domain/clocks.h"
#include "domain/labels.h"
#include "domain/role.h"
#include "http/http.h"

static const struct {
	const char *href;
	const char *label;
	enum perm perm;
} nav[] = {
	{ "/", "工作台", PERM_LOGIN },
	{ "/reports", "信访举报", PERM_REPORT_READ },
	{ "/clues", "问题线索", PERM_CLUE_READ },
	{ "/clues/new", "登记线索", PERM_CLUE_REGISTER },
	{ "/cases", "案件", PERM_CASE_READ },
	{ "/executions", "处分执行", PERM_EXECUTION },
	{ "/accountability", "问责与追缴", PERM_ACCOUNTABILITY },
	{ "/units", "单位管理", PERM_UNIT_READ },
	{ "/persons", "监督对象", PERM_PERSON_READ },
	{ "/admin/users", "用户管理", PERM_USER_VIEW },
	{ "/audit", "审计日志", PERM_AUDIT_READ },
	{ "/calendar", "工作日历", PERM_LOGIN },
	{ "/account", "账户安全", PERM_LOGIN },
};

static void head(struct strbuf *sb, const char *title)
{
	strbuf_addstr(sb, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
	html_txt(sb, title);
	strbuf_addstr(sb, " - 清风</title><link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/assets/style.css\">"
		      "<script src=\"/assets/app.js\" defer></script></head>");
}

void page_begin_bare(struct strbuf *sb, const char *title)
{
	head(sb, title);
	strbuf_addstr(sb, "<body class=\"bare\"><main class=\"bare-main\">");
}

int page_finish_bare(struct req *r, struct strbuf *sb, unsigned status)
{
	strbuf_addstr(sb, "</main></body></html>\n");
	return reply_html(r, status, sb);
}

static int nav_active(const char *url, const char *href)
{
	size_t n = strlen(href);

	if (n == 1)
		return !strcmp(url, "/");
	return !strncmp(url, href, n) && (url[n] == '\0' || url[n] == '/');
}

void page_begin(struct req *r, struct strbuf *sb, const char *title, const char *const *crumbs)
{
	int active = -1;

	head(sb, title);
	strbuf_addstr(sb, "<body><a class=\"skip\" href=\"#main\">跳到正文</a>"
		      "<header class=\"topbar\"><a class=\"brand\" href=\"/\">");
	html_txt(sb, r->app->cfg.commission);
	strbuf_addstr(sb, " · 清风</a><div class=\"who\"><span class=\"user\">");
	html_txt(sb, *r->user.display_name ? r->user.display_name : r->user.name);
	strbuf_addstr(sb, "</span><span class=\"role\">");
	html_txt(sb, role_label(r->user.role));
	strbuf_addstr(sb, "</span><form method=\"post\" action=\"/logout\" class=\"inline\">");
	page_csrf(r, sb);
	strbuf_addstr(sb, "<button type=\"submit\" class=\"link\">退出</button></form></div></header>"
		      "<div class=\"frame\"><nav class=\"sidenav\" aria-label=\"主导航\"><ul>");
	/* the current section: the longest entry the path is under */
	for (size_t i = 0; i < QF_ARRAY_SIZE(nav); i++)
		if (authz_has(&r->c.who, nav[i].perm) && nav_active(r->url, nav[i].href) &&
		    (active < 0 || strlen(nav[i].href) > strlen(nav[active].href)))
			active = (int)i;
	for (size_t i = 0; i < QF_ARRAY_SIZE(nav); i++) {
		if (!authz_has(&r->c.who, nav[i].perm))
			continue;
		strbuf_addstr(sb, "<li><a href=\"");
		html_attr(sb, nav[i].href);
		strbuf_addstr(sb, (int)i == active ? "\" aria-current=\"page\">" : "\">");
		html_txt(sb, nav[i].label);
		strbuf_addstr(sb, "</a></li>");
	}
	strbuf_addstr(sb, "</ul></nav><main id=\"main\" class=\"content\">");
	if (crumbs && crumbs[0]) {
		strbuf_addstr(sb, "<nav class=\"crumbs\" aria-label=\"位置\"><ol>");
		for (int i = 0; crumbs[i]; i += 2) {
			strbuf_addstr(sb, "<li>");
			if (crumbs[i + 1]) {
				strbuf_addstr(sb, "<a href=\"");
				html_attr(sb, crumbs[i + 1]);
				strbuf_addstr(sb, "\">");
				html_txt(sb, crumbs[i]);
				strbuf_addstr(sb, "</a>");
			} else {
				html_txt(sb, crumbs[i]);
			}
			strbuf_addstr(sb, "</li>");
			if (!crumbs[i + 1])
				break;
		}
		strbuf_addstr(sb, "</ol></nav>");
	}
	strbuf_addstr(sb, "<h1>");
	html_txt(sb, title);
	strbuf_addstr(sb, "</h1>");
	page_notice(r, sb);
}

int page_finish(struct req *r, struct strbuf *sb, unsigned status)
{
	strbuf_addstr(sb, "</main></div></body></html>\n");
	return reply_html(r, status, sb);
}

void page_csrf(struct req *r, struct strbuf *sb)
{
	if (!r->sess.csrf)
		return;
	strbuf_addstr(sb, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html_attr(sb, r->sess.csrf);
	strbuf_addstr(sb, "\">");
}

void page_notice(struct req *r, struct strbuf *sb)
{
	static const struct label notices[] = {
		{ "saved", "已保存。" },
		{ "created", "已新增。" },
		{ "password", "密码已修改。" },
		{ "done", "操作已完成。" },
		{ "requested", "密码重置已提交，经安全管理员审批后生效。" },
		{ NULL, NULL }
	};
	const char *msg = label_of(notices, req_arg(r, "ok"));

	if (msg) {
		strbuf_addstr(sb, "<p class=\"notice ok\" role=\"status\">");
		html_txt(sb, msg);
		strbuf_addstr(sb, "</p>");
	}
	/* someone else set this user's password: say who and when, until
	 * the user chooses their own */
	if (r->signed_in && r->user.pw_reset_at && r->user.pw_reset_by) {
		strbuf_addstr(sb, "<p class=\"notice warn\" role=\"alert\" id=\"pw-reset-notice\">您的密码已于");
		html_time(sb, r->user.pw_reset_at);
		strbuf_addstr(sb, "由“");
		html_txt(sb, r->user.pw_reset_by);
		strbuf_addstr(sb, "”重置");
		if (r->user.pw_reset_approver) {
			strbuf_addstr(sb, "（安全管理员“");
			html_txt(sb, r->user.pw_reset_approver);
			strbuf_addstr(sb, "”批准）");
		}
		strbuf_addstr(sb, "。如非您本人申请，请立即联系安全管理员；修改密码后本提示不再显示。</p>");
	}
}

void field_open(struct strbuf *sb, const char *name, const char *label, int required,
		       const char *err)
{
	strbuf_addstr(sb, err ? "<div class=\"field has-error\">" : "<div class=\"field\">");
	strbuf_addstr(sb, "<label for=\"f-");
	html_attr(sb, name);
	strbuf_addstr(sb, "\">");
	html_txt(sb, label);
	if (required)
		strbuf_addstr(sb, "<span class=\"req\" aria-hidden=\"true\">*</span>");
	strbuf_addstr(sb, "</label>");
}

void field_close(struct strbuf *sb, const char *name, const char *err)
{
	if (err) {
		strbuf_addstr(sb, "<p class=\"field-error\" id=\"e-");
		html_attr(sb, name);
		strbuf_addstr(sb, "\">");
		html_txt(sb, err);
		strbuf_addstr(sb, "</p>");
	}
	strbuf_addstr(sb, "</div>");
}

void field_attrs(struct strbuf *sb, const char *name, int required, const char *err)
{
	strbuf_addstr(sb, " id=\"f-");
	html_attr(sb, name);
	strbuf_addstr(sb, "\" name=\"");
	html_attr(sb, name);
	strbuf_addstr(sb, "\"");
	if (required)
		strbuf_addstr(sb, " required");
	if (err) {
		strbuf_addstr(sb, " aria-invalid=\"true\" aria-describedby=\"e-");
		html_attr(sb, name);
		strbuf_addstr(sb, "\"");
	}
}

void field_text(struct strbuf *sb, const char *name, const char *label, const char *value,
		int required, const char *err, const char *extra_attrs)
{
	field_open(sb, name, label, required, err);
	strbuf_addstr(sb, "<input");
	field_attrs(sb, name, required, err);
	strbuf_addstr(sb, " value=\"");
	html_attr(sb, value);
	strbuf_addstr(sb, "\"");
	if (extra_attrs) {
		strbuf_addch(sb, ' ');
		strbuf_addstr(sb, extra_attrs);   /* literals from the page code only */
	}
	strbuf_addstr(sb, ">");
	field_close(sb, name, err);
}

void field_select_open(struct strbuf *sb, const char *name, const char *label, int required,
		       const char *err, const char *none_label)
{
	field_open(sb, name, label, required, err);
	strbuf_addstr(sb, "<select");
	field_attrs(sb, name, required, err);
	strbuf_addstr(sb, "><option value=\"\">");
	html_txt(sb, none_label);
	strbuf_addstr(sb, "</option>");
}

void field_select_close(struct strbuf *sb, const char *name, const char *err)
{
	strbuf_addstr(sb, "</select>");
	field_close(sb, name, err);
}

void field_select(struct strbuf *sb, const char *name, const char *label,
		  const struct label *options, const char *value, int required, const char *err,
		  const char *none_label)
{
	field_select_open(sb, name, label, required, err, none_label);
	for (const struct label *o = options; o->code; o++) {
		strbuf_addstr(sb, "<option value=\"");
		html_attr(sb, o->code);
		strbuf_addstr(sb, value && !strcmp(value, o->code) ? "\" selected>" : "\">");
		html_txt(sb, o->label);
		strbuf_addstr(sb, "</option>");
	}
	field_select_close(sb, name, err);
}

/* The campaigns as a <select> named campaign_id. */
void campaign_select(struct req *r, struct strbuf *sb, int64_t selected, const char *err,
			    const char *none_label)
{
	struct campaign *v;
	int n = campaign_list(&r->c, &v);

	field_select_open(sb, "campaign_id", "专项整治", 0, err, none_label);
	for (int i = 0; i < n; i++) {
		strbuf_addf(sb, "<option value=\"%" PRId64 "\"%s>", v[i].id, v[i].id == selected ? " selected" : "");
		html_txt(sb, v[i].name);
		strbuf_addstr(sb, "</option>");
	}
	field_select_close(sb, "campaign_id", err);
}

void html_clock(struct strbuf *sb, enum clock_state st)
{
	const char *cls = st == CLOCK_OVERDUE ? "clock overdue" : st == CLOCK_DUE_SOON ? "clock due" : NULL;

	if (cls)
		strbuf_addf(sb, "<span class=\"%s\">", cls);
	html_txt(sb, clock_state_label(st));
	if (cls)
		strbuf_addstr(sb, "</span>");
}

void field_checkbox(struct strbuf *sb, const char *name, const char *label, int checked)
{
	strbuf_addstr(sb, "<div class=\"field check\"><label><input type=\"checkbox\" value=\"1\" name=\"");
	html_attr(sb, name);
	strbuf_addstr(sb, checked ? "\" checked> " : "\"> ");
	html_txt(sb, label);
	strbuf_addstr(sb, "</label></div>");
}

void field_errors_summary(struct strbuf *sb, const struct fielderr *fe)
{
	if (!fe->n)
		return;
	strbuf_addf(sb, "<div class=\"notice error\" role=\"alert\"><p>有 %d 处填写需要修改：</p><ul>",
		    fe->n);
	for (int i = 0; i < fe->n; i++) {
		strbuf_addstr(sb, "<li><a href=\"#f-");
		html_attr(sb, fe->field[i]);
		strbuf_addstr(sb, "\">");
		html_txt(sb, fe->msg[i]);
		strbuf_addstr(sb, "</a></li>");
	}
	strbuf_addstr(sb, "</ul></div>");
}

void url_param(struct strbuf *sb, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	url_arg(sb, key);
	strbuf_addch(sb, '=');
	url_arg(sb, value);
	strbuf_addch(sb, '&');
}

void page_pager(struct strbuf *sb, const char *base, int page, int64_t total, int per_page)
{
	int64_t pages = (total + per_page - 1) / per_page;

	strbuf_addf(sb, "<nav class=\"pager\" aria-label=\"分页\"><span class=\"count\">共 %" PRId64
		    " 条", total);
	if (pages > 1)
		strbuf_addf(sb, "，第 %d / %" PRId64 " 页", page, pages);
	strbuf_addstr(sb, "</span>");
	if (page > 1) {
		strbuf_addstr(sb, "<a rel=\"prev\" href=\"");
		html_attr(sb, base);
		strbuf_addf(sb, "page=%d\">上一页</a>", page - 1);
	}
	if (page < pages) {
		strbuf_addstr(sb, "<a rel=\"next\" href=\"");
		html_attr(sb, base);
		strbuf_addf(sb, "page=%d\">下一页</a>", page + 1);
	}
	strbuf_addstr(sb, "</nav>");
}

void html_time(struct strbuf *sb, int64_t t)
{
	char buf[32];

	time_format_cst(t, buf);
	buf[16] = '\0';      /* YYYY-MM-DDTHH:MM */
	buf[10] = ' ';
	html_txt(sb, buf);
}
