/*
 * accountability.c: /accountability, one page with two ledgers: the
 * accountability procedures (问责) and the money recovered or ordered
 * returned (挽回经济损失 / 责令退回) with its total, each with its form.
 * The forms choose the unit, the person and the case with the picker
 * (pages/find.h): by name as one types, or by the typed name resolved
 * when the form is sent without JavaScript.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "core/money.h"
#include "domain/accountability.h"
#include "domain/campaign.h"
#include "http/filter.h"
#include "http/http.h"
#include "pages/accountability.h"
#include "pages/figlist.h"
#include "pages/find.h"
#include "pages/page.h"

/* the figures' arguments (issue 11: accountabilities, recovered) */
static const char *const acc_args[] = { "from", "to", "within", "campaign_id", NULL };
static const char *const rec_args[] = { "recovered_from", "recovered_to", "recovery_kind", "campaign_id",
	NULL };

static void accountability_ledger(struct req *r, struct strbuf *sb, const struct fielderr *fe)
{
	struct accountability_filter f;
	struct accountability *v;
	int64_t total;
	long long camp = 0;
	int n;

	req_filter(r, &accountability_filter_spec, &f, PAGE_SIZE);
	n = accountability_list(&r->c, &f, &v, &total);
	strbuf_addstr(sb, "<h2>问责</h2>");
	figlist_note(sb, &accountability_filter_spec, &f, acc_args, "/accountability");
	{
		static const struct column cols[] = { { "启动日期", NULL }, { "单位", NULL },
				{ "人员", NULL }, { "专项整治", NULL }, { "事由", NULL } };
		table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (int i = 0; i < n; i++) {
		const char *cells[] = { v[i].started, v[i].unit_name, v[i].person_name, v[i].campaign_name,
					v[i].summary };
		strbuf_addstr(sb, "<tr>");
		html_cells(sb, cells, QF_ARRAY_SIZE(cells));
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, n, 5, "尚无问责记录");
	strbuf_addf(sb, "<p class=\"count\">共 %" PRId64 " 件</p>", n < 0 ? 0 : total);
	if (total > PAGE_SIZE) {        /* the list behind a figure shows all its rows */
		struct strbuf base = STRBUF_INIT;
		strbuf_addstr(&base, "/accountability?");
		figlist_url(&base, &accountability_filter_spec, &f, acc_args);
		page_pager(sb, base.buf, req_page(r), total, PAGE_SIZE);
		strbuf_release(&base);
	}
	strbuf_addstr(sb, "<h3>启动问责</h3>");
	form_open(r, sb, "/accountabilities", "record-form");
	field_text(sb, "started", "启动日期", req_field(r, "started"), 1, fielderr_get(fe, "started"), "type=\"date\"");
	field_pick(r, sb, FIND_UNIT, "unit_id", "被问责单位", 0, fielderr_get(fe, "unit_id"));
	field_pick(r, sb, FIND_PERSON, "person_id", "被问责人员", 0, fielderr_get(fe, "person_id"));
	form_get_int(&r->form, "campaign_id", &camp);
	campaign_select(r, sb, camp, fielderr_get(fe, "campaign_id"), "（无）");
	field_text(sb, "summary", "问责事由", req_field(r, "summary"), 0, fielderr_get(fe, "summary"),
		   "maxlength=\"2000\"");
	form_close(sb, "保存", NULL);
}

static void recovery_ledger(struct req *r, struct strbuf *sb, const struct fielderr *fe)
{
	struct recovery_filter f;
	struct recovery *v;
	int64_t total, sum = 0;
	int n;

	req_filter(r, &recovery_filter_spec, &f, PAGE_SIZE);
	f.page.offset = 0;      /* ?page= pages the accountability ledger above; the sum is of all */
	n = recovery_list(&r->c, &f, &v, &total, &sum);
	strbuf_addstr(sb, "<h2>挽回经济损失与责令退回</h2>");
	figlist_note(sb, &recovery_filter_spec, &f, rec_args, "/accountability");
	{
		static const struct column cols[] = { { "日期", NULL }, { "类别", NULL },
				{ "金额（元）", "num" }, { "专项整治", NULL } };
		table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (int i = 0; i < n; i++) {
		const char *cells[] = { v[i].day, label_of(recovery_kinds, v[i].kind) };
		strbuf_addstr(sb, "<tr>");
		html_cells(sb, cells, QF_ARRAY_SIZE(cells));
		strbuf_addstr(sb, "<td class=\"num\">");
		money_format(sb, v[i].amount_fen, 1);
		strbuf_addstr(sb, "</td>");
		html_td(sb, v[i].campaign_name);
		strbuf_addstr(sb, "</tr>");
	}
	table_rows_end(sb, n, 4, "尚无记录");
	strbuf_addstr(sb, "<tfoot><tr><th scope=\"row\" colspan=\"2\">合计</th><td class=\"num\">");
	money_format(sb, n < 0 ? 0 : sum, 1);
	strbuf_addf(sb, "</td><td>%" PRId64 " 笔</td></tr></tfoot>", n < 0 ? 0 : total);
	table_end(sb);
	strbuf_addstr(sb, "<h3>登记款项</h3>");
	form_open(r, sb, "/recoveries", "record-form");
	field_text(sb, "day", "日期", req_field(r, "day"), 1, fielderr_get(fe, "day"), "type=\"date\"");
	field_text(sb, "amount", "金额（元，最多两位小数）", req_field(r, "amount"), 1,
		   fielderr_get(fe, "amount"), "inputmode=\"decimal\" maxlength=\"20\"");
	field_select(sb, "kind", "类别", recovery_kinds, req_field(r, "kind"), 1, fielderr_get(fe, "kind"), "请选择");
	field_pick(r, sb, FIND_CASE, "case_id", "案件（可不填）", 0, fielderr_get(fe, "case_id"));
	form_close(sb, "保存", NULL);
}

static int ledger_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "问责与追缴", NULL, NULL };

	page_begin(r, &sb, "问责与追缴", crumbs);
	field_errors_summary(&sb, fe);
	accountability_ledger(r, &sb, fe);
	recovery_ledger(r, &sb, fe);
	return page_finish(r, &sb, status);
}

int page_accountability(struct req *r)
{
	struct fielderr fe = { 0 };
	return ledger_page(r, &fe, 200);
}

/* An optional id field: 0 when empty; a message when it is not an id. */
static int64_t form_id(struct req *r, const char *key, struct fielderr *fe, const char *msg)
{
	long long v = 0;

	if (!*req_field(r, key))
		return 0;
	if (form_get_int(&r->form, key, &v) < 0 || v <= 0)
		fielderr_add(fe, key, msg);
	return v > 0 ? v : 0;
}

static int saved(struct req *r, int64_t id, struct fielderr *fe)
{
	if (id == RES_INVALID)
		return ledger_page(r, fe, 422);
	return page_result(r, id, "accountability", "/accountability?ok=created");
}

int page_accountability_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct accountability q = { .started = req_field(r, "started"), .summary = req_field(r, "summary") };

	q.unit_id = pick_resolve(r, FIND_UNIT, "unit_id", &fe);
	q.person_id = pick_resolve(r, FIND_PERSON, "person_id", &fe);
	q.campaign_id = form_id(r, "campaign_id", &fe, "所选专项整治不存在");
	if (q.unit_id < 0 || q.person_id < 0)
		return res_error(r, RES_STORE, "pick");
	if (fe.n)
		return ledger_page(r, &fe, 422);
	return saved(r, accountability_create(&r->c, &q, &fe), &fe);
}

int page_recovery_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct recovery m = { .day = req_field(r, "day"), .kind = req_field(r, "kind") };

	m.campaign_id = form_id(r, "campaign_id", &fe, "所选专项整治不存在");
	m.case_id = pick_resolve(r, FIND_CASE, "case_id", &fe);
	if (m.case_id < 0)
		return res_error(r, RES_STORE, "pick");
	if (fe.n)
		return ledger_page(r, &fe, 422);
	return saved(r, recovery_create(&r->c, &m, req_field(r, "amount"), &fe), &fe);
}
