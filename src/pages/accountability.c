/*
 * accountability.c: /accountability, one page with two ledgers: the
 * accountability procedures (问责) with their measure types, and the money
 * of the four kinds (收缴, 追缴, 责令退赔, 挽回经济损失; 0056) with its
 * total, each with its form.
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
#include "pages/list.h"
#include "pages/find.h"

#include "pages/page.h"

/* the figures' arguments (issue 11: accountabilities, recovered) */
static const char *const acc_args[] = { "from", "to", "within", "campaign_id", "measure", NULL };
static const char *const rec_args[] = { "recovered_from", "recovered_to", "recovery_kind", "campaign_id",
	NULL };

static const struct list_col acc_cols[] = { { "启动日期", NULL, 0, 0 }, { "单位", NULL, 0, 0 },
	{ "人员", NULL, 0, 0 }, { "专项整治", NULL, 0, 0 }, { "问责方式", NULL, 0, 0 }, { "事由", NULL, 0, 0 } };
static const struct list_def acc_list_def = LIST_DEF("问责", "accountability", NULL, acc_cols);
static const struct list_col rec_cols[] = { { "日期", NULL, 0, 0 }, { "类别", NULL, 0, 0 },
	{ "金额（元）", "num", 0, 0 }, { "专项整治", NULL, 0, 0 } };
static const struct list_def rec_list_def = LIST_DEF("追缴挽损", "recoveries", NULL, rec_cols);

/* "check,notice" -> "检查、通报" (accountability_measure_kinds) */
static const char *measures_text(struct req *r, const char *codes)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	for (const char *p = codes ? codes : ""; *p;) {
		size_t n = strcspn(p, ",");
		const char *zh = label_of(accountability_measure_kinds, arena_strndup(r->arena, p, n));

		if (sb.len)
			strbuf_addstr(&sb, "、");
		strbuf_addstr(&sb, zh ? zh : "");
		p += n + (p[n] == ',');
	}
	out = arena_strdup(r->arena, sb.len ? sb.buf : "");
	strbuf_release(&sb);
	return out;
}

/* the posted measures (checkboxes named measures) joined by ',' */
static const char *posted_measures(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	for (int j = 0; j < r->form.n; j++)
		if (!strcmp(r->form.fields[j].key, "measures") && *r->form.fields[j].value) {
			if (sb.len)
				strbuf_addch(&sb, ',');
			strbuf_addstr(&sb, r->form.fields[j].value);
		}
	out = arena_strdup(r->arena, sb.len ? sb.buf : "");
	strbuf_release(&sb);
	return out;
}

static void measure_boxes(struct req *r, struct strbuf *sb, const char *err)
{
	const char *posted = posted_measures(r);

	field_group_open(sb, "measures", "问责方式（可多选）", 0, err);
	for (const struct label *x = accountability_measure_kinds; x->code; x++) {
		int on = 0;
		for (const char *p = posted; *p;) {
			size_t n = strcspn(p, ",");
			on |= n == strlen(x->code) && !strncmp(p, x->code, n);
			p += n + (p[n] == ',');
		}
		check_option(sb, "measures", x->code, x->label, on);
	}
	field_group_close(sb, "measures", err);
}

/* The ledger; when exporting (format=xlsx), *answered is the reply of
 * the export and nothing else is written. */
static void accountability_ledger(struct req *r, struct strbuf *sb, const struct fielderr *fe,
				  int *answered)
{
	struct accountability_filter f;
	struct accountability *v;
	struct strbuf base = STRBUF_INIT;
	struct listw w;
	int64_t total;
	long long camp = 0;
	int n, per = list_per_page(r);

	list_filter(r, &accountability_filter_spec, &f, per);
	n = accountability_list(&r->c, &f, &v, &total);
	strbuf_addstr(sb, "<h2>问责</h2>");
	figlist_note(sb, &accountability_filter_spec, &f, acc_args, "/accountability");
	list_open(&w, r, sb, &acc_list_def);
	for (int i = 0; i < n; i++) {
		list_day(&w, v[i].started);
		list_text(&w, v[i].unit_name);
		list_text(&w, v[i].person_name);
		list_text(&w, v[i].campaign_name);
		list_text(&w, measures_text(r, v[i].measures));
		list_text(&w, v[i].summary);
		list_row_end(&w);
	}
	if (w.xlsx) {
		*answered = list_export(&w, &accountability_filter_spec, &f, total);
		return;
	}
	list_close(&w, "尚无问责记录");
	strbuf_addstr(&base, "/accountability?");
	figlist_url(&base, &accountability_filter_spec, &f, acc_args);
	strbuf_addf(sb, "<p class=\"count\">共 %s 件 ", list_count_text(r->arena, n < 0 ? 0 : total));
	list_export_link(sb, base.buf);
	strbuf_addstr(sb, "</p>");
	if (per != PAGE_SIZE)
		strbuf_addf(&base, "per=%d&", per);
	if (total > per)                /* the list behind a figure shows all its rows */
		page_pager_rows(sb, base.buf, req_page(r), total, per, n);
	strbuf_release(&base);
	strbuf_addstr(sb, "<h3>启动问责</h3>");
	form_open(r, sb, "/accountabilities", "record-form");
	field_text(sb, "started", "启动日期", req_field(r, "started"), 1, fielderr_get(fe, "started"), "type=\"date\"");
	field_pick(r, sb, FIND_UNIT, "unit_id", "被问责单位", 0, fielderr_get(fe, "unit_id"));
	field_pick(r, sb, FIND_PERSON, "person_id", "被问责人员", 0, fielderr_get(fe, "person_id"));
	form_get_int(&r->form, "campaign_id", &camp);
	campaign_select(r, sb, camp, fielderr_get(fe, "campaign_id"), "（无）");
	measure_boxes(r, sb, fielderr_get(fe, "measures"));
	field_text(sb, "summary", "问责事由", req_field(r, "summary"), 0, fielderr_get(fe, "summary"),
		   "maxlength=\"2000\"");
	form_close(sb, "保存", NULL);
}

static void recovery_ledger(struct req *r, struct strbuf *sb, const struct fielderr *fe, int *answered)
{
	struct recovery_filter f;
	struct recovery *v;
	struct strbuf base = STRBUF_INIT;
	struct listw w;
	int64_t total, sum = 0;
	long long camp = 0;
	int n;

	list_filter(r, &recovery_filter_spec, &f, PAGE_SIZE);
	f.page.offset = 0;      /* ?page= pages the accountability ledger above; the sum is of all */
	n = recovery_list(&r->c, &f, &v, &total, &sum);
	strbuf_addstr(sb, "<h2>追缴挽损（收缴、追缴、责令退赔、挽回经济损失）</h2>");
	figlist_note(sb, &recovery_filter_spec, &f, rec_args, "/accountability");
	list_open(&w, r, sb, &rec_list_def);
	for (int i = 0; i < n; i++) {
		list_day(&w, v[i].day);
		list_text(&w, label_of(recovery_kinds, v[i].kind));
		list_fen(&w, v[i].amount_fen);
		list_text(&w, v[i].campaign_name);
		list_row_end(&w);
	}
	if (w.xlsx) {
		*answered = list_export(&w, &recovery_filter_spec, &f, total);
		return;
	}
	list_rows_end(&w, "尚无记录");
	strbuf_addstr(sb, "<tfoot><tr><th scope=\"row\" colspan=\"2\">合计</th><td class=\"num\">");
	money_format(sb, n < 0 ? 0 : sum, 1);
	/* the sum exact (the rollup); the count stops at 10,001 (「1万余笔」) */
	strbuf_addstr(sb, "</td><td>");
	html_txt(sb, list_count_text(r->arena, n < 0 ? 0 : total));
	strbuf_addstr(sb, " 笔</td></tr></tfoot>");
	table_end(sb);
	strbuf_addstr(&base, "/accountability?");
	figlist_url(&base, &recovery_filter_spec, &f, rec_args);
	strbuf_addstr(&base, "ledger=recoveries&");
	strbuf_addstr(sb, "<p class=\"count\">");
	list_export_link(sb, base.buf);
	strbuf_addstr(sb, "</p>");
	strbuf_release(&base);
	strbuf_addstr(sb, "<h3>登记款项</h3>");
	form_open(r, sb, "/recoveries", "record-form");
	field_text(sb, "day", "日期", req_field(r, "day"), 1, fielderr_get(fe, "day"), "type=\"date\"");
	field_text(sb, "amount", "金额（元，最多两位小数）", req_field(r, "amount"), 1,
		   fielderr_get(fe, "amount"), "inputmode=\"decimal\" maxlength=\"20\"");
	field_select(sb, "kind", "类别", recovery_kinds, req_field(r, "kind"), 1, fielderr_get(fe, "kind"), "请选择");
	field_pick(r, sb, FIND_CASE, "case_id", "案件（可不填）", 0, fielderr_get(fe, "case_id"));
	/* named rec_campaign_id: the accountability form above has a campaign_id */
	form_get_int(&r->form, "rec_campaign_id", &camp);
	campaign_select_named(r, sb, "rec_campaign_id", camp, fielderr_get(fe, "rec_campaign_id"), "（无）");
	form_close(sb, "保存", NULL);
}

static int ledger_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "问责与追缴", NULL, NULL };

	page_begin(r, &sb, "问责与追缴", crumbs);
	field_errors_summary(&sb, fe);
	accountability_ledger(r, &sb, fe, NULL);
	recovery_ledger(r, &sb, fe, NULL);
	return page_finish(r, &sb, status);
}

int page_accountability(struct req *r)
{
	struct fielderr fe = { 0 };
	struct strbuf sb = STRBUF_INIT;
	int answered = 0;

	if (!list_wants_xlsx(r))
		return ledger_page(r, &fe, 200);
	/* one ledger as a workbook: ledger=recoveries, else the accountabilities */
	if (!strcmp(req_arg(r, "ledger"), "recoveries"))
		recovery_ledger(r, &sb, &fe, &answered);
	else
		accountability_ledger(r, &sb, &fe, &answered);
	return answered;
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
	struct accountability q = { .started = req_field(r, "started"), .summary = req_field(r, "summary"),
		.measures = posted_measures(r) };

	q.unit_id = pick_resolve(r, FIND_UNIT, "unit_id", &fe);
	q.person_id = pick_resolve(r, FIND_PERSON, "person_id", &fe);
	q.campaign_id = form_opt_id(&r->form, "campaign_id", &fe, "所选专项整治不存在");
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

	m.campaign_id = form_opt_id(&r->form, "rec_campaign_id", &fe, "所选专项整治不存在");
	m.case_id = pick_resolve(r, FIND_CASE, "case_id", &fe);
	if (m.case_id < 0)
		return res_error(r, RES_STORE, "pick");
	if (fe.n)
		return ledger_page(r, &fe, 422);
	return saved(r, recovery_create(&r->c, &m, req_field(r, "amount"), &fe), &fe);
}
