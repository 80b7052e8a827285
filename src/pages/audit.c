/*
 * audit.c: the audit admin's view of the audit log: filters by event,
 * user, result, date range and text; paging; and a check of the whole
 * MAC chain on request.  Only PERM_AUDIT_READ reaches this page (the
 * route says so).
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/labels.h"
#include "domain/role.h"
#include "http/http.h"
#include "pages/page.h"
#include "pages/pages.h"

static const struct label results[] = {
	{ "1", "成功" },
	{ "0", "失败或拒绝" },
	{ NULL, NULL }
};

/* Unix time of 00:00 CST of a YYYY-MM-DD date, 0 when empty or invalid. */
static int64_t day_start(const char *s)
{
	qf_day d = date_parse(s);
	return d == QF_DAY_NONE ? 0 : (int64_t)d * 86400 - 8 * 3600;
}

/* "信访举报（report/12）": the type's name, and the object as stored (what
 * the text filter matches). */
static void object_cell(struct strbuf *sb, const char *label, const char *object)
{
	if (label) {
		html_txt(sb, label);
		strbuf_addstr(sb, "（");
	}
	html_txt(sb, object);
	if (label)
		strbuf_addstr(sb, "）");
}

static void verify_box(struct req *r, struct strbuf *sb)
{
	struct strbuf msg = STRBUF_INIT;
	struct audit_ckpt ck;
	int64_t bad = 0, count = 0;
	int have = r->app->audit_ckpt ? audit_ckpt_read(r->app->audit_ckpt, &ck, &msg) : 0;
	int rc = have < 0 ? -1 : audit_verify(r->c.db, r->c.keys, have ? &ck : NULL, &bad, &count, &msg);

	if (rc == 0)
		strbuf_addf(sb, "<p class=\"notice ok\" role=\"status\">审计链校验通过：共 %" PRId64
			    " 条记录，均未被篡改。</p>", count);
	else if (rc == 1) {
		strbuf_addf(sb, "<p class=\"notice error\" role=\"alert\">审计链校验失败：第 %" PRId64
			    " 条记录起被篡改或删除（", bad);
		html_txt(sb, msg.buf);
		strbuf_addstr(sb, "）。</p>");
	} else if (have < 0)
		strbuf_addstr(sb, "<p class=\"notice error\" role=\"alert\">无法读取审计检查点文件。</p>");
	else
		strbuf_addstr(sb, "<p class=\"notice error\">校验时读取数据库失败。</p>");
	strbuf_release(&msg);
}

int page_audit(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "审计日志", NULL, NULL };
	struct list_query lq = { 0 };
	struct audit_entry *v = NULL;
	const char *res = req_arg(r, "success");
	const char *from = req_arg(r, "from"), *to = req_arg(r, "to");
	int page = req_page(r), n;
	int64_t total;

	lq.q = req_arg(r, "q");
	lq.event = req_arg(r, "event");
	lq.user = req_arg(r, "user");
	lq.success = !strcmp(res, "1") ? 1 : !strcmp(res, "0") ? 0 : -1;
	lq.from = day_start(from);
	lq.to = day_start(to) ? day_start(to) + 86400 : 0;
	lq.limit = PAGE_SIZE;
	lq.offset = (page - 1) * PAGE_SIZE;
	n = audit_list(&r->c, &lq, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "audit list");

	page_begin(r, &sb, "审计日志", crumbs);
	if (*req_arg(r, "verify"))
		verify_box(r, &sb);
	strbuf_addstr(&sb, "<form class=\"filters\" method=\"get\" action=\"/audit\" role=\"search\">");
	field_text(&sb, "user", "用户名", lq.user, 0, NULL, "maxlength=\"64\"");
	field_text(&sb, "event", "事件代码", lq.event, 0, NULL, "maxlength=\"32\" list=\"events\"");
	field_select(&sb, "success", "结果", results, res, 0, NULL, "全部");
	field_text(&sb, "from", "起始日期", from, 0, NULL, "type=\"date\"");
	field_text(&sb, "to", "截止日期", to, 0, NULL, "type=\"date\"");
	field_text(&sb, "q", "对象或说明", lq.q, 0, NULL, "type=\"search\" maxlength=\"100\"");
	strbuf_addstr(&sb, "<div class=\"field actions\"><button type=\"submit\">查询</button>"
		      "<a href=\"/audit\">重置</a></div></form><datalist id=\"events\">");
	for (const struct label *e = audit_event_labels; e->code; e++) {
		strbuf_addstr(&sb, "<option value=\"");
		html_attr(&sb, e->code);
		strbuf_addstr(&sb, "\" label=\"");
		html_attr(&sb, e->label);
		strbuf_addstr(&sb, "\">");
	}
	strbuf_addstr(&sb, "</datalist><p class=\"toolbar\"><a class=\"button\" href=\"/audit?verify=1\">校验审计链</a></p>");
	strbuf_addstr(&sb, "<div class=\"table-wrap\"><table class=\"list audit\"><thead><tr><th scope=\"col\" class=\"num\">序号</th>"
		      "<th scope=\"col\">时间</th><th scope=\"col\">用户</th><th scope=\"col\">角色</th>"
		      "<th scope=\"col\">事件</th><th scope=\"col\">对象</th><th scope=\"col\">结果</th>"
		      "<th scope=\"col\">说明</th><th scope=\"col\">IP</th></tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		strbuf_addf(&sb, "<tr%s><td class=\"num\">%" PRId64 "</td><td>",
			    v[i].success ? "" : " class=\"failed\"", v[i].id);
		html_time(&sb, v[i].at);
		strbuf_addstr(&sb, "</td><td>");
		html_txt(&sb, v[i].user_name);
		strbuf_addstr(&sb, "</td><td>");
		html_txt(&sb, *v[i].role ? role_label(v[i].role) : "");
		strbuf_addstr(&sb, "</td><td>");
		html_txt(&sb, audit_event_label(v[i].event));
		strbuf_addstr(&sb, "</td><td>");
		object_cell(&sb, audit_object_label(r->arena, v[i].object), v[i].object);
		strbuf_addstr(&sb, v[i].success ? "</td><td>成功</td><td>" : "</td><td class=\"bad\">失败</td><td>");
		html_txt(&sb, v[i].detail);
		strbuf_addstr(&sb, "</td><td>");
		html_txt(&sb, v[i].ip);
		strbuf_addstr(&sb, "</td></tr>");
	}
	if (!n)
		strbuf_addstr(&sb, "<tr><td colspan=\"9\" class=\"empty\">没有符合条件的记录</td></tr>");
	strbuf_addstr(&sb, "</tbody></table></div>");
	strbuf_addstr(&base, "/audit?");
	url_param(&base, "user", lq.user);
	url_param(&base, "event", lq.event);
	url_param(&base, "success", res);
	url_param(&base, "from", from);
	url_param(&base, "to", to);
	url_param(&base, "q", lq.q);
	page_pager(&sb, base.buf, page, total, PAGE_SIZE);
	strbuf_release(&base);
	return page_finish(r, &sb, 200);
}
