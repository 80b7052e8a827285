/*
 * page.c: the staff page frame (head, top bar, navigation, breadcrumb,
 * notices); the builders are in kit.c.
 *
 * The navigation shows only what the user's role may use (the same PERM_*
 * the routes check): a left list on a desktop, folded into a <details>
 * menu on a phone (style.css shows one of the two).  The document works
 * without JavaScript; app.js only adds confirmations.  The CSP forbids
 * inline script and style, so there are none.  The same frame holds a
 * signed-in user's error pages (registered in http's error_frames).
 */
#include "pages/page.h"

#include <string.h>

#include "core/escape.h"
#include "domain/authz.h"
#include "domain/find.h"
#include "domain/labels.h"
#include "domain/role.h"
#include "domain/todo.h"
#include "http/http.h"

#define NOTICES_HREF "/notices"

/* The sections, grouped by the work they serve (UI.md: a left navigation
 * holding only what the role may use); a group whose entries the user
 * may not use is left out with its heading.  The first group has none. */
enum nav_group { NG_DAY, NG_INTAKE, NG_CASE, NG_SUPERVISION, NG_FIGURES, NG_BASE, NG_SYSTEM, NG_COUNT };

static const char *const nav_group_label[NG_COUNT] = {
	[NG_DAY] = NULL,
	[NG_INTAKE] = "信访与线索",
	[NG_CASE] = "审查调查",
	[NG_SUPERVISION] = "日常监督",
	[NG_FIGURES] = "统计报告",
	[NG_BASE] = "基础数据",
	[NG_SYSTEM] = "系统",
};

static const struct {
	const char *href;
	const char *label;
	enum perm perm;
	enum nav_group group;
} nav[] = {
	{ "/", "工作台", PERM_LOGIN, NG_DAY },
	{ NOTICES_HREF, "待办通知", PERM_LOGIN, NG_DAY },
	{ "/reports", "信访举报", PERM_REPORT_READ, NG_INTAKE },
	{ "/clues", "问题线索", PERM_CLUE_READ, NG_INTAKE },
	{ "/clues/new", "登记线索", PERM_CLUE_REGISTER, NG_INTAKE },
	{ "/cases", "案件", PERM_CASE_READ, NG_CASE },
	{ "/detentions", "留置", PERM_CASE_READ, NG_CASE },
	{ "/outcomes", "处理结果", PERM_PERSON_READ, NG_CASE },
	{ "/executions", "处分执行", PERM_EXECUTION, NG_CASE },
	{ "/accountability", "问责与追缴", PERM_ACCOUNTABILITY, NG_CASE },
	{ "/inspections", "巡察", PERM_INSPECTION_READ, NG_SUPERVISION },
	{ "/campaigns", "专项整治", PERM_CLUE_READ, NG_SUPERVISION },
	{ "/problems", "问题整改台账", PERM_PROBLEM_READ, NG_SUPERVISION },
	{ "/targets", "目标任务", PERM_TARGET_READ, NG_SUPERVISION },
	{ "/talks", "谈话记录", PERM_SUPERVISION_READ, NG_SUPERVISION },
	{ "/matter-reports", "重大事项报告", PERM_SUPERVISION_READ, NG_SUPERVISION },
	{ "/opinions", "意见回复", PERM_OPINION_READ, NG_SUPERVISION },
	{ "/worklog", "工作台账", PERM_WORKLOG, NG_SUPERVISION },
	{ "/ratings", "群众评价", PERM_RATING_READ, NG_SUPERVISION },
	{ "/statistics", "统计数据", PERM_STATS, NG_FIGURES },
	{ "/annual", "年度报告", PERM_ANNUAL_REPORT, NG_FIGURES },
	{ "/persons", "监督对象", PERM_PERSON_READ, NG_BASE },
	{ "/units", "单位管理", PERM_UNIT_READ, NG_BASE },
	{ "/categories", "违纪违法类别", PERM_CATALOG, NG_BASE },
	{ "/rules", "规则表", PERM_RULES_EDIT, NG_BASE },
	{ "/documents/templates", "文书模板", PERM_DOC_TEMPLATES, NG_BASE },
	{ "/numbers", "编号规则", PERM_DOC_TEMPLATES, NG_BASE },
	{ "/calendar", "工作日历", PERM_LOGIN, NG_BASE },
	{ "/admin/users", "用户管理", PERM_USER_VIEW, NG_SYSTEM },
	{ "/audit", "审计日志", PERM_AUDIT_READ, NG_SYSTEM },
	{ "/account", "账户安全", PERM_LOGIN, NG_SYSTEM },
};

static void head(struct strbuf *sb, const char *title)
{
	strbuf_addstr(sb, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
	html_txt(sb, title);
	strbuf_addstr(sb, " - 清风</title><link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/assets/style.css\">"
		      "<script src=\"/assets/app.js\" defer></script><script src=\"/assets/pick.js\" defer></script></head>");
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

/* 1 when the user may use nav entry i: its permission, and for the
 * notices some to-do provider serving the user (not the admin roles). */
static int nav_shown(struct req *r, size_t i)
{
	if (!authz_has(&r->c.who, nav[i].perm))
		return 0;
	return strcmp(nav[i].href, NOTICES_HREF) || todo_shown(&r->c);
}

/* The count of what waits for the user as a badge; nothing for none. */
static void notice_badge(struct strbuf *sb, int count)
{
	/* read aloud as "待办通知（3项）" */
	if (count > 99)
		strbuf_addf(sb, "<span class=\"badge\" title=\"%d项待办\"><span class=\"sr-only\">（</span>99+"
			    "<span class=\"sr-only\">项）</span></span>", count);
	else if (count > 0)
		strbuf_addf(sb, "<span class=\"badge\" title=\"%d项待办\"><span class=\"sr-only\">（</span>%d"
			    "<span class=\"sr-only\">项）</span></span>", count, count);
}

/* The sections the user may use, `active` marked current, the notices
 * with their count: a list of groups, each its heading and its list (the
 * table keeps a group's entries together). */
static void nav_list(struct req *r, struct strbuf *sb, int active, int count)
{
	size_t i = 0;

	strbuf_addstr(sb, "<ul>");
	while (i < QF_ARRAY_SIZE(nav)) {
		enum nav_group g = nav[i].group;
		int open = 0;

		for (; i < QF_ARRAY_SIZE(nav) && nav[i].group == g; i++) {
			if (!nav_shown(r, i))
				continue;
			if (!open) {
				strbuf_addstr(sb, "<li class=\"navgrp\">");
				if (nav_group_label[g]) {
					strbuf_addstr(sb, "<span class=\"navhead\">");
					html_txt(sb, nav_group_label[g]);
					strbuf_addstr(sb, "</span>");
				}
				strbuf_addstr(sb, "<ul>");
				open = 1;
			}
			strbuf_addstr(sb, "<li><a href=\"");
			html_attr(sb, nav[i].href);
			strbuf_addstr(sb, (int)i == active ? "\" aria-current=\"page\">" : "\">");
			html_txt(sb, nav[i].label);
			if (!strcmp(nav[i].href, NOTICES_HREF))
				notice_badge(sb, count);
			strbuf_addstr(sb, "</a></li>");
		}
		if (open)
			strbuf_addstr(sb, "</ul></li>");
	}
	strbuf_addstr(sb, "</ul>");
}

/* The search box (GET /search, pages/find.c), for a role that may read
 * any of the kinds it finds. */
static void top_search(struct req *r, struct strbuf *sb)
{
	static const enum find_kind kinds[] = { FIND_CASE, FIND_CLUE, FIND_REPORT, FIND_PERSON };
	int any = 0;

	for (size_t i = 0; i < QF_ARRAY_SIZE(kinds); i++)
		any |= find_allowed(&r->c, kinds[i]);
	if (!any)
		return;
	strbuf_addstr(sb, "<form class=\"topsearch\" role=\"search\" method=\"get\" action=\"/search\">"
		      "<label class=\"sr-only\" for=\"top-q\">搜索</label><input type=\"search\" id=\"top-q\" "
		      "name=\"q\" maxlength=\"50\" placeholder=\"搜索编号、姓名\"><button type=\"submit\">搜索</button>"
		      "</form>");
}

/* The document up to the content: the head, the top bar, the navigation
 * (count: the notices' badge), <main>. */
static void frame_open(struct req *r, struct strbuf *sb, const char *title, int count)
{
	int active = -1;

	head(sb, title);
	strbuf_addstr(sb, "<body><a class=\"skip\" href=\"#main\">跳到正文</a>"
		      "<header class=\"topbar\"><a class=\"brand\" href=\"/\">");
	html_txt(sb, r->app->cfg.commission);
	strbuf_addstr(sb, " · 清风</a>");
	top_search(r, sb);
	strbuf_addstr(sb, "<div class=\"who\"><span class=\"user\">");
	html_txt(sb, *r->user.display_name ? r->user.display_name : r->user.name);
	strbuf_addstr(sb, "</span><span class=\"role\">");
	html_txt(sb, role_label(r->user.role));
	strbuf_addstr(sb, "</span>");
	form_open(r, sb, "/logout", "inline");
	form_button(sb, "退出", NULL, NULL, "link");
	form_end(sb);
	strbuf_addstr(sb, "</div></header>"
		      "<div class=\"frame\"><nav class=\"sidenav\" aria-label=\"主导航\">");
	/* the current section: the longest entry the path is under */
	for (size_t i = 0; i < QF_ARRAY_SIZE(nav); i++)
		if (nav_shown(r, i) && nav_active(r->url, nav[i].href) &&
		    (active < 0 || strlen(nav[i].href) > strlen(nav[active].href)))
			active = (int)i;
	/* a phone gets the list folded in a menu, a desktop the list; the
	   style sheet shows one of the two (display: none keeps the other out
	   of the accessibility tree), no script needed */
	strbuf_addstr(sb, "<details class=\"navmenu\"><summary>菜单");
	if (active >= 0) {
		strbuf_addstr(sb, "<span class=\"navcur\">");
		html_txt(sb, nav[active].label);
		strbuf_addstr(sb, "</span>");
	}
	notice_badge(sb, count);
	strbuf_addstr(sb, "</summary>");
	nav_list(r, sb, active, count);
	strbuf_addstr(sb, "</details>");
	nav_list(r, sb, active, count);
	strbuf_addstr(sb, "</nav><main id=\"main\" class=\"content\">");
}

/* A notice from ?ok= after a redirect (a fixed set of codes, never text
 * from the URL), shown by page_begin under the heading: a page does not
 * add its own (it showed twice). */
static void page_notice(struct req *r, struct strbuf *sb);

void page_begin(struct req *r, struct strbuf *sb, const char *title, const char *const *crumbs)
{
	/* what waits for the user (todo_count: cached, docs/architecture.md
	 * "Notices"); an error shows no badge rather than no page */
	frame_open(r, sb, title, todo_count(&r->c));
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

static void frame_close(struct strbuf *sb)
{
	strbuf_addstr(sb, "</main></div></body></html>\n");
}

int page_finish(struct req *r, struct strbuf *sb, unsigned status)
{
	frame_close(sb);
	return reply_html(r, status, sb);
}

/* The frame of a signed-in user's error page (http/reply.c): the
 * navigation as on every page; a 5xx reads nothing more from the store
 * (no notices' count), which may be what failed. */
static void error_frame_begin(struct req *r, struct strbuf *sb, const char *title, int quiet)
{
	frame_open(r, sb, title, quiet ? 0 : todo_count(&r->c));
}

static const struct error_frame staff_error_frame = { error_frame_begin, frame_close };
QF_REGISTER(error_frames, &staff_error_frame);

static void page_notice(struct req *r, struct strbuf *sb)
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
