/*
 * notices.c: 待办通知 (issue 12): what waits for the user, grouped: the
 * approvals asked of them, their proposals sent back, the clues assigned
 * to their office, the clocks overdue and due within 3 working days;
 * each links to its record.  The items are the home page's to-dos
 * (domain/todo.h, one provider per family); the navigation shows their
 * count (page.c, todo_count).  The page holds NOTICES_PER_PAGE items in the
 * order of the groups, each group's heading its exact count, the pager
 * the rest; 只看逾期 and the office filter them (todo_query).  The page
 * below the frame is kept as the home page's is (pages/list_kept.h, for
 * KEPT_SECS at most: a detention's notice clock moves by the hour without
 * a write, and the to-do counts follow domain/kept.h).
 *
 * An approver selects several approvals and approves them all at once:
 * POST /notices/approve first answers a confirmation page listing them
 * (with the approval date and an optional note), and only the
 * confirmation (confirm=1) decides them, in one transaction, all or
 * nothing (disposition_decide_many).  The same for clues in the clue
 * list (clues.c, POST /clues/assign).
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/clue.h"
#include "domain/disposition.h"
#include "domain/kept.h"
#include "domain/todo.h"
#include "http/http.h"
#include "pages/clues.h"
#include "pages/kit.h"
#include "pages/list_kept.h"
#include "pages/notices.h"
#include "pages/page.h"

static const char *const crumbs[] = { "工作台", "/", "待办通知", NULL, NULL };

/* The groups of the page, in order (todo.h's buckets). */
static const struct {
	const char *id, *heading;
	enum todo_bucket bucket;
} groups[] = {
	{ "approvals", "待我审批", TODO_B_APPROVAL },
	{ "returned", "退回给我", TODO_B_RETURN },
	{ "assigned", "分配给本室（组）", TODO_B_ASSIGNED },
	{ "overdue", "已逾期", TODO_B_OVERDUE },
	{ "due", "三个工作日内到期", TODO_B_DUE_SOON },
};

/* The items of a page, in the order of the groups. */
#define NOTICES_PER_PAGE 50

/* One group's table: the items of group g on this page; `total` the
 * group's count on every page; approvals get a checkbox each when
 * `pick`. */
static void group_table(struct req *r, struct strbuf *sb, const struct todo *v, int n, size_t g, int total,
			int pick)
{
	char buf[11];
	static const struct column cols[] = { { "事项", NULL }, { "对象", NULL }, { "日期", NULL },
					      { "期限", NULL } };
	static const struct column pick_cols[] = { { "选择", "pick" }, { "事项", NULL }, { "对象", NULL },
						   { "日期", NULL }, { "期限", NULL } };

	strbuf_addf(sb, "<section class=\"notice-group\" id=\"%s\"><h2>", groups[g].id);
	html_txt(sb, groups[g].heading);
	strbuf_addf(sb, "（%d）</h2>", total);
	if (pick)
		table_open(sb, NULL, NULL, pick_cols, QF_ARRAY_SIZE(pick_cols));
	else
		table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < n; i++) {
		if (todo_bucket_of(&v[i]) != groups[g].bucket)
			continue;
		strbuf_addstr(sb, "<tr>");
		if (pick) {
			strbuf_addstr(sb, "<td class=\"pick\">");
			if (v[i].approval_id)
				strbuf_addf(sb, "<input type=\"checkbox\" name=\"ids\" value=\"%" PRId64 "\" "
					    "aria-label=\"选择处置意见 %" PRId64 "\">", v[i].approval_id, v[i].approval_id);
			strbuf_addstr(sb, "</td>");
		}
		strbuf_addstr(sb, "<td>");
		html_txt(sb, v[i].what);
		if (v[i].note && *v[i].note) {
			strbuf_addstr(sb, "<br><span class=\"hint\">理由：");
			html_txt(sb, v[i].note);
			strbuf_addstr(sb, "</span>");
		}
		strbuf_addstr(sb, "</td>");
		html_td_link(sb, page_href(r, v[i].href), v[i].object);
		html_td(sb, date_format(v[i].start, buf));
		strbuf_addstr(sb, "<td>");
		if (v[i].due != QF_DAY_NONE) {
			html_txt(sb, date_format(v[i].due, buf));
			strbuf_addch(sb, ' ');
			html_clock(sb, v[i].state);
		}
		strbuf_addstr(sb, "</td></tr>");
	}
	table_close(sb, 0, 0, NULL);
	strbuf_addstr(sb, "</section>");
}

/* The filters of the page (只看逾期, the office) and its pager's base. */
static void notices_filter(struct req *r, struct strbuf *sb, const struct todo_query *q, struct strbuf *base)
{
	filter_open(sb, "/notices");
	office_select(r, sb, "科室", q->office ? q->office : "", 0, NULL, "全部");
	filter_overdue(sb, q->overdue_only);
	filter_close(sb, NULL, "/notices");
	strbuf_addstr(base, "/notices?");
	if (q->overdue_only)
		strbuf_addstr(base, "overdue=1&");
	if (q->office) {
		strbuf_addstr(base, "office=");
		url_arg(base, q->office);
		strbuf_addch(base, '&');
	}
}

int page_notices(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	const char *office = form_get_trim(&r->query, "office"), *ov = form_get_trim(&r->query, "overdue");
	int page = req_page(r);
	struct todo_query q = { .offset = (page - 1) * NOTICES_PER_PAGE, .limit = NOTICES_PER_PAGE,
				.overdue_only = *ov && strcmp(ov, "0"), .office = *office ? office : NULL,
				.order = TODO_BY_GROUP };
	struct todo_page pg;
	struct list_kept k;
	int approver = authz_has(&r->c.who, PERM_CLUE_APPROVE);

	if (list_kept_serve(r, &k, "待办通知", crumbs))
		return k.rc;
	if (todo_list(&r->c, &q, &pg) < 0)
		return reply_error(r, E_STORE, "notices");
	list_kept_begin(r, &k, &sb, "待办通知", crumbs);
	strbuf_addf(&sb, "<p class=\"lead\" id=\"notice-count\">共有%d项待办。</p>", pg.total);
	notices_filter(r, &sb, &q, &base);
	if (!pg.total)
		strbuf_addstr(&sb, !todo_shown(&r->c) ? "<p class=\"empty\">您的角色没有待办事项。</p>"
				   : q.overdue_only || q.office ? "<p class=\"empty\">没有符合条件的待办事项。</p>"
				   : "<p class=\"empty\">没有等待您处理的事项。</p>");
	/* the groups that hold something on this page, with their counts */
	for (size_t g = 0; g < QF_ARRAY_SIZE(groups); g++) {
		int pick = approver && groups[g].bucket == TODO_B_APPROVAL, rows = 0;
		for (int i = 0; i < pg.n; i++)
			rows += todo_bucket_of(&pg.v[i]) == groups[g].bucket;
		if (!rows)
			continue;
		if (pick)
			form_open(r, &sb, "/notices/approve", NULL);
		group_table(r, &sb, pg.v, pg.n, g, pg.n_by[groups[g].bucket], pick);
		if (pick) {
			strbuf_addstr(&sb, "<div class=\"bulk-bar\">");
			form_button(&sb, "批量批准所选…", NULL, NULL, NULL);
			strbuf_addstr(&sb, "<span class=\"hint\">先列出所选事项，确认后一并批准；"
				      "其中任何一项不能批准时，全部不予批准。立案须逐件审批。</span></div>");
			form_end(&sb);
		}
	}
	if (pg.total > NOTICES_PER_PAGE)
		page_pager(&sb, base.buf, page, pg.total, NOTICES_PER_PAGE);
	strbuf_release(&base);
	k.until = r->c.now + KEPT_SECS;   /* the clocks and kept counts, as the home page's */
	return list_kept_finish(r, &k, &sb);
}

#define APPROVALS_READ 5000

/* The confirmation of a bulk approval: the selected items, the date and
 * note, the button that decides them; msg (may be NULL) says what was
 * refused. */
static int approve_confirm(struct req *r, const int64_t *ids, int n, const struct fielderr *fe,
			   unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs_c[] = { "工作台", "/", "待办通知", "/notices", "确认批量审批", NULL,
						NULL };
	struct todo_query q = { .order = TODO_BY_GROUP };
	struct todo_page pg = { 0 };
	const char *day = req_field(r, "day");
	char buf[11];

	page_begin(r, &sb, "确认批量审批", crumbs_c);
	field_errors_summary(&sb, fe);
	strbuf_addf(&sb, "<p>将批准以下%d项处置意见。请逐项核对；其中任何一项不能批准时，全部不予批准。</p>", n);
	form_open(r, &sb, "/notices/approve", "record-form");
	{
		static const struct column cols[] = { { "处置意见", "num" }, { "事项", NULL }, { "对象", NULL } };
		table_open(&sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	/* the approvals come first in the groups' order: their count, then
	 * them (a few by nature; at most APPROVALS_READ) */
	if (todo_list(&r->c, &q, &pg) == 0) {
		q.limit = pg.n_by[TODO_B_APPROVAL] < APPROVALS_READ ? pg.n_by[TODO_B_APPROVAL] : APPROVALS_READ;
		if (!q.limit || todo_list(&r->c, &q, &pg) < 0)
			pg.n = 0;
	}
	for (int i = 0; i < n; i++) {
		const struct todo *t = NULL;
		for (int j = 0; j < pg.n && !t; j++)
			if (pg.v[j].approval_id == ids[i])
				t = &pg.v[j];
		strbuf_addf(&sb, "<tr><td class=\"num\">%" PRId64 "</td>", ids[i]);
		form_hidden_id(&sb, "ids", ids[i]);
		html_td(&sb, t ? t->what : "（不在您的待审批事项中）");
		if (t)
			html_td_link(&sb, page_href(r, t->href), t->object);
		else
			html_td(&sb, "");
		strbuf_addstr(&sb, "</tr>");
	}
	table_close(&sb, 0, 0, NULL);
	form_hidden(&sb, "confirm", "1");
	field_text(&sb, "day", "审批日期", *day ? day : date_format(date_today(), buf), 1,
		   fielderr_get(fe, "day"), "type=\"date\"");
	field_textarea(&sb, "note", "审批意见（可不填）", req_field(r, "note"), 0, fielderr_get(fe, "note"), 3, 500,
		       NULL);
	form_close(&sb, arena_printf(r->arena, "确认批准%d项", n), "/notices");
	return page_finish(r, &sb, status);
}

int page_notices_approve(struct req *r)
{
	int64_t ids[DISPOSITION_BULK_MAX];
	struct disposition_decision dd = { .approve = 1 };
	struct fielderr fe = { 0 };
	int n = form_ids(r, "ids", ids, DISPOSITION_BULK_MAX), failed, rc;

	if (n < 0)
		return reply_error(r, E_BAD_REQUEST, "ids");
	if (n == 0) {
		fielderr_add(&fe, "ids", "请至少选择一项处置意见");
		return approve_confirm(r, ids, 0, &fe, 422);
	}
	if (!form_get_bool(&r->form, "confirm"))
		return approve_confirm(r, ids, n, &fe, 200);
	dd.day = req_field(r, "day");
	dd.note = req_field(r, "note");
	rc = disposition_decide_many(&r->c, ids, n, &dd, &fe, &failed);
	if (rc == RES_INVALID) {
		if (failed >= 0)
			fielderr_add(&fe, "ids", arena_printf(r->arena, "未批准任何一项：第%d项（处置意见 %" PRId64
							      "）不能批准。", failed + 1, ids[failed]));
		return approve_confirm(r, ids, n, &fe, 422);
	}
	return page_result(r, rc, "disposition", "/notices?ok=done");
}
