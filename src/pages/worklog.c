/*
 * worklog.c: the work log's pages (pages/worklog.h).  The list and its
 * workbook read one filter (model/worklog.c) through the domain; the
 * quick entry grid posts rows kind_N, day_N, count_N, participants_N,
 * title_N (N from 1), an all-empty row skipped, and shows the refused
 * grid again with the row-numbered messages.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/labels.h"
#include "domain/problem.h"
#include "domain/result.h"
#include "domain/worklog.h"
#include "http/filter.h"
#include "http/form.h"
#include "http/http.h"
#include "pages/attach.h"
#include "pages/figlist.h"
#include "pages/find.h"
#include "pages/kit.h"
#include "pages/list.h"
#include "pages/page.h"
#include "pages/worklog.h"
#include "pages/list_kept.h"

#define QUICK_ROWS 8

static const char *const list_args[] = { "kind", "from", "to", "within", "campaign_id", "category", "q", NULL };

static const struct list_col cols[] = { { "编号", "num", 0, 0 }, { "日期", NULL, 0, 0 }, { "类别", NULL, 0, 0 },
	{ "标题", NULL, 40, 0 }, { "数量", "num", 0, 0 }, { "单位", NULL, 0, 0 }, { "参加人次", "num", 0, 0 },
	{ "涉及单位", NULL, 0, 0 }, { "专项工作", NULL, 0, 0 }, { "登记部门", NULL, 0, 0 } };
static const struct list_def list_def = LIST_DEF("工作台账", "worklog", "activity", cols);

const struct label *activity_kind_options(struct req *r, int all)
{
	struct activity_kind *k;
	int n = activity_kinds(&r->c, &k), j = 0;
	struct label *l;

	if (n < 0)
		n = 0;
	l = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*l));
	for (int i = 0; i < n; i++)
		if (all || k[i].active)
			l[j++] = (struct label){ k[i].code, k[i].active ? arena_printf(r->arena, "%s（%s）", k[i].name, k[i].unit)
							    : arena_printf(r->arena, "%s（已停用）", k[i].name) };
	l[j] = (struct label){ NULL, NULL };
	return l;
}

static const char *list_base(struct req *r, const struct activity_filter *f)
{
	struct strbuf b = STRBUF_INIT;
	const char *out;

	strbuf_addstr(&b, "/worklog?");
	figlist_url(&b, &activity_filter_spec, f, list_args);
	out = arena_strdup(r->arena, b.buf);
	strbuf_release(&b);
	return out;
}

static void filter_bar(struct req *r, struct strbuf *sb, const struct activity_filter *f)
{
	filter_open(sb, "/worklog");
	field_select(sb, "kind", "类别", activity_kind_options(r, 1), req_arg(r, "kind"), 0, NULL, "全部");
	field_text(sb, "from", "日期自", req_arg(r, "from"), 0, NULL, "type=\"date\"");
	field_text(sb, "to", "至", req_arg(r, "to"), 0, NULL, "type=\"date\"");
	unit_select(r, sb, "within", "涉及单位（含下级）", f->within, 0, NULL, "全部");
	campaign_select(r, sb, f->campaign_id, NULL, "全部");
	field_select(sb, "category", "违纪违法类别", category_options(r), req_arg(r, "category"), 0, NULL, "全部");
	field_text(sb, "q", "标题含", req_arg(r, "q"), 0, NULL, NULL);
	filter_close(sb, NULL, "/worklog");
}

int page_worklog(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "工作台账", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	struct activity_filter f;
	struct activity *v;
	struct listw w;
	int64_t total, sum = 0, people = 0;
	int n;
	struct list_kept k;

	if (list_kept_serve(r, &k, "工作台账", crumbs))
		return k.rc;
	list_filter(r, &activity_filter_spec, &f, list_per_page(r));
	n = activity_list(&r->c, &f, &v, &total);
	if (n < 0 || activity_sums(&r->c, &f, &sum, &people) != RES_DONE)
		return res_error(r, RES_STORE, "activities");
	if (!list_wants_xlsx(r)) {
		list_kept_begin(r, &k, &sb, "工作台账", crumbs);
		toolbar_open(&sb);
		button_link(&sb, "/worklog/quick", "快速登记", 1);
		button_link(&sb, "/worklog/new", "登记一项", 0);
		button_link(&sb, "/regdocs", "收发文登记", 0);
		if (authz_has(&r->c.who, PERM_WORKLOG_KINDS))
			button_link(&sb, "/worklog/kinds", "类别目录", 0);
		toolbar_close(&sb);
		filter_bar(r, &sb, &f);
		strbuf_addf(&sb, "<p class=\"toolbar\">共 %s 条，数量合计 %" PRId64 "，参加人次合计 %" PRId64 "</p>",
			    list_count_text(r->arena, total), sum, people);
	}
	list_open(&w, r, &sb, &list_def);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/worklog", v[i].id);
		list_day(&w, v[i].day);
		list_text(&w, v[i].kind_name);
		list_text(&w, v[i].title);
		list_int(&w, v[i].count);
		list_text(&w, v[i].kind_unit);
		list_int(&w, v[i].participants);
		list_text(&w, v[i].unit_id ? v[i].unit_name : "本委");
		list_text(&w, v[i].campaign_name);
		list_text(&w, v[i].office);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &activity_filter_spec, &f, total);
	list_close(&w, "没有符合条件的记录");
	list_pager(&w, list_base(r, &f), req_page(r), total, list_per_page(r));
	return list_kept_finish(r, &k, &sb);
}

/* ---- one entry ---------------------------------------------------------------- */

static const struct list_col found_cols[] = {
	{ "编号", "num", 8, 0 }, { "整改单位", NULL, 16, 0 }, { "问题描述", NULL, 40, 0 },
	{ "整改时限", "day", 12, 0 }, { "整改状态", NULL, 14, 0 },
};
static const struct list_def found_list = LIST_DEF("发现的问题", "activity_problems", NULL, found_cols);

/* the problems the entry found (problems.activity_id, 0061), within the
 * reader's jurisdiction over the ledger: the counts found and rectified,
 * the first FOUND_ROWS, and the ledger filtered to them */
#define FOUND_ROWS 50
static void found_problems(struct req *r, struct strbuf *sb, int64_t id)
{
	struct problem_filter f = { .page = { 0, FOUND_ROWS }, .activity_id = id };
	struct problem_filter done = { .page = { 0, 1 }, .activity_id = id, .state = 3 };
	struct problem *v, *dv;
	struct listw w;
	int64_t total = 0, rectified = 0;
	int n;

	if (!authz_has(&r->c.who, PERM_PROBLEM_READ))
		return;
	n = problem_list(&r->c, &f, &v, &total);
	if (n < 0 || problem_list(&r->c, &done, &dv, &rectified) < 0) {
		strbuf_addstr(sb, "<h2>发现的问题</h2><p class=\"error\">问题整改台账暂时无法读取</p>");
		return;
	}
	strbuf_addf(sb, "<h2>发现的问题</h2><p>发现问题 %" PRId64 " 个，已整改 %" PRId64 " 个。"
		    "<a href=\"/problems?activity_id=%" PRId64 "\">在问题整改台账中查看</a></p>", total, rectified, id);
	list_open(&w, r, sb, &found_list);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/problems", v[i].id);
		list_text(&w, v[i].unit_name);
		list_text(&w, v[i].summary);
		list_day(&w, v[i].deadline);
		list_text(&w, problem_state_text(&v[i]));
		list_row_end(&w);
	}
	list_close(&w, "尚未登记该项工作发现的问题");
}

int page_activity(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	struct activity v;
	const char *title;
	int rc = activity_get(&r->c, r->id, &v);

	if (rc != RES_DONE)
		return res_error(r, rc, "activity");
	title = arena_printf(r->arena, "工作台账 %" PRId64, v.id);
	{
		const char *crumbs[] = { "工作台", "/", "工作台账", "/worklog", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	record_open(&sb);
	record_item(&sb, "类别", v.kind_name);
	record_item(&sb, "日期", v.day);
	record_item(&sb, "标题", v.title);
	record_item(&sb, "数量", arena_printf(r->arena, "%" PRId64 "%s", v.count, v.kind_unit));
	record_item(&sb, "参加人次", v.participants ? arena_printf(r->arena, "%" PRId64, v.participants) : NULL);
	record_item(&sb, "涉及单位", v.unit_id ? v.unit_name : "本委");
	record_item(&sb, "专项工作", v.campaign_id ? v.campaign_name : NULL);
	record_item(&sb, "违纪违法类别", v.category);
	record_item(&sb, "登记部门", v.office);
	record_item(&sb, "备注", v.note);
	record_close(&sb);
	found_problems(r, &sb, v.id);
	attach_section(r, &sb, "activity", v.id);
	return page_finish(r, &sb, 200);
}

static int64_t num_field(struct req *r, const char *name, int64_t dflt)
{
	const char *s = req_field(r, name);
	char *end;
	long long v;

	if (!*s)
		return dflt;
	v = strtoll(s, &end, 10);
	return *end || v < 0 ? -1 : (int64_t)v;
}

static int entry_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "工作台账", "/worklog", "登记一项", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	long long unit = 0, camp = 0;

	form_get_int(&r->form, "unit_id", &unit);
	form_get_int(&r->form, "campaign_id", &camp);
	page_begin(r, &sb, "登记工作台账", crumbs);
	field_errors_summary(&sb, fe);
	form_open(r, &sb, "/worklog", "record-form");
	field_select(&sb, "kind", "类别", activity_kind_options(r, 0), req_field(r, "kind"), 1, fielderr_get(fe, "kind"), "请选择");
	field_text(&sb, "day", "日期", req_field(r, "day"), 1, fielderr_get(fe, "day"), "type=\"date\"");
	field_text(&sb, "title", "标题", req_field(r, "title"), 1, fielderr_get(fe, "title"), "maxlength=\"200\"");
	field_text(&sb, "count", "数量", req_field(r, "count"), 0, fielderr_get(fe, "count"),
		   "inputmode=\"numeric\" placeholder=\"1\"");
	field_text(&sb, "participants", "参加人次（该类别记录时填写）", req_field(r, "participants"), 0,
		   fielderr_get(fe, "participants"), "inputmode=\"numeric\"");
	unit_select_post(r, &sb, "unit_id", "涉及单位（不选为本委）", unit, 0, fielderr_get(fe, "unit_id"), "本委");
	campaign_select(r, &sb, camp, fielderr_get(fe, "campaign_id"), "（无）");
	field_select(&sb, "category", "违纪违法类别（如“四风”）", category_options(r), req_field(r, "category"), 0,
		     fielderr_get(fe, "category"), "（无）");
	field_textarea(&sb, "note", "备注", req_field(r, "note"), 0, fielderr_get(fe, "note"), 3, ACTIVITY_NOTE_MAX,
		       NULL);
	form_close(&sb, "保存", "/worklog");
	return page_finish(r, &sb, status);
}

int page_worklog_new(struct req *r)
{
	struct fielderr fe = { 0 };

	return entry_page(r, &fe, 200);
}

int page_worklog_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct activity v = { 0 };
	int64_t id;

	v.kind = req_field(r, "kind");
	v.day = req_field(r, "day");
	v.title = req_field(r, "title");
	v.note = req_field(r, "note");
	v.category = req_field(r, "category");
	v.count = num_field(r, "count", 1);
	v.participants = num_field(r, "participants", 0);
	v.unit_id = pick_resolve(r, FIND_UNIT, "unit_id", &fe);
	v.campaign_id = form_opt_id(&r->form, "campaign_id", &fe, "所选专项工作不存在");
	if (v.unit_id < 0)
		return res_error(r, RES_STORE, "pick");
	if (fe.n)
		return entry_page(r, &fe, 422);
	id = activity_add(&r->c, &v, &fe);
	if (id == RES_INVALID)
		return entry_page(r, &fe, 422);
	if (id < 0)
		return res_error(r, RES_STORE, "activity");
	return page_result(r, RES_DONE, "activity", arena_printf(r->arena, "/worklog/%" PRId64 "?ok=created", id));
}

/* ---- quick entry ------------------------------------------------------------------ */

static const char *cell_name(struct req *r, const char *field, int row)
{
	return arena_printf(r->arena, "%s_%d", field, row);
}

static void cell_input(struct req *r, struct strbuf *sb, const char *field, int row, const char *label,
		       const char *attrs)
{
	const char *name = cell_name(r, field, row);

	strbuf_addf(sb, "<td data-label=\"%s\"><label><span class=\"sr-only\">第%d行", label, row);
	html_txt(sb, label);
	strbuf_addstr(sb, "</span><input name=\"");
	html_attr(sb, name);
	strbuf_addstr(sb, "\" value=\"");
	html_attr(sb, req_field(r, name));
	strbuf_addf(sb, "\" %s></label></td>", attrs);
}

static void quick_grid(struct req *r, struct strbuf *sb, int rows)
{
	const struct label *kinds = activity_kind_options(r, 0);

	form_open(r, sb, "/worklog/quick", "record-form quick-grid");
	strbuf_addstr(sb, "<table class=\"quick-grid\"><thead><tr><th>行</th><th>类别</th><th>日期</th><th>数量</th>"
			  "<th>参加人次</th><th>标题</th></tr></thead><tbody>");
	for (int i = 1; i <= rows; i++) {
		const char *sel = req_field(r, cell_name(r, "kind", i));
		strbuf_addf(sb, "<tr><th scope=\"row\">%d</th><td data-label=\"类别\"><label><span class=\"sr-only\">"
			    "第%d行类别</span><select name=\"kind_%d\"><option value=\"\">请选择</option>", i, i, i);
		for (int k = 0; kinds[k].code; k++) {
			strbuf_addstr(sb, "<option value=\"");
			html_attr(sb, kinds[k].code);
			strbuf_addstr(sb, !strcmp(sel, kinds[k].code) ? "\" selected>" : "\">");
			html_txt(sb, kinds[k].label);
			strbuf_addstr(sb, "</option>");
		}
		strbuf_addstr(sb, "</select></label></td>");
		cell_input(r, sb, "day", i, "日期", "type=\"date\"");
		cell_input(r, sb, "count", i, "数量", "inputmode=\"numeric\" size=\"4\" placeholder=\"1\"");
		cell_input(r, sb, "participants", i, "参加人次", "inputmode=\"numeric\" size=\"5\"");
		cell_input(r, sb, "title", i, "标题", "maxlength=\"200\"");
		strbuf_addstr(sb, "</tr>");
	}
	strbuf_addstr(sb, "</tbody></table>");
	form_hidden_id(sb, "rows", rows);
	form_close(sb, "全部保存", "/worklog");
}

static int quick_page(struct req *r, const struct fielderr *fe, unsigned status, int rows)
{
	static const char *const crumbs[] = { "工作台", "/", "工作台账", "/worklog", "快速登记", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;

	page_begin(r, &sb, "快速登记工作台账", crumbs);
	strbuf_addstr(&sb, "<p class=\"hint\">每行一项，空行不登记；全部通过检查才保存，有一行有误则都不保存。</p>");
	if (fe->n) {
		strbuf_addstr(&sb, "<div class=\"notice error\" role=\"alert\"><p>未保存，请改正：</p><ul>");
		for (int i = 0; i < fe->n; i++) {
			strbuf_addstr(&sb, "<li>");
			html_txt(&sb, fe->msg[i]);
			strbuf_addstr(&sb, "</li>");
		}
		strbuf_addstr(&sb, "</ul></div>");
	}
	quick_grid(r, &sb, rows);
	return page_finish(r, &sb, status);
}

int page_worklog_quick_form(struct req *r)
{
	struct fielderr fe = { 0 };

	return quick_page(r, &fe, 200, QUICK_ROWS);
}

int page_worklog_quick(struct req *r)
{
	struct fielderr fe = { 0 };
	struct activity rows[ACTIVITY_BATCH_MAX];
	int numbers[ACTIVITY_BATCH_MAX];
	long long posted = QUICK_ROWS;
	int n = 0, rc;

	form_get_int(&r->form, "rows", &posted);
	if (posted < 1 || posted > ACTIVITY_BATCH_MAX)
		posted = QUICK_ROWS;
	for (int i = 1; i <= posted; i++) {
		const char *kind = req_field(r, cell_name(r, "kind", i)), *day = req_field(r, cell_name(r, "day", i));
		const char *title = req_field(r, cell_name(r, "title", i));
		const char *count = req_field(r, cell_name(r, "count", i));
		const char *people = req_field(r, cell_name(r, "participants", i));
		if (!*kind && !*day && !*title && !*count && !*people)
			continue;
		rows[n] = (struct activity){ .kind = kind, .day = day, .title = title };
		rows[n].count = num_field(r, cell_name(r, "count", i), 1);
		rows[n].participants = num_field(r, cell_name(r, "participants", i), 0);
		numbers[n++] = i;
	}
	/* the messages name the grid's row numbers, empty rows skipped */
	rc = activity_add_batch(&r->c, rows, n, numbers, &fe);
	if (rc == RES_INVALID)
		return quick_page(r, &fe, 422, (int)posted);
	if (rc < 0)
		return res_error(r, RES_STORE, "activity");
	return page_result(r, RES_DONE, "activity", arena_printf(r->arena, "/worklog?ok=created"));
}

/* ---- the catalog ------------------------------------------------------------------- */

static int kinds_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "工作台账", "/worklog", "类别目录", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	struct activity_kind *k;
	int n = activity_kinds(&r->c, &k);

	if (n < 0)
		return res_error(r, RES_STORE, "activity kinds");
	page_begin(r, &sb, "工作台账类别目录", crumbs);
	strbuf_addstr(&sb, "<table><thead><tr><th>代码</th><th>名称</th><th>计量单位</th><th>记录参加人次</th>"
			   "<th>状态</th><th>排序</th></tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		const char *cells[] = { k[i].code, k[i].name, k[i].unit, k[i].participants ? "是" : "否",
					k[i].active ? "在用" : "已停用", arena_printf(r->arena, "%d", k[i].seq) };
		strbuf_addstr(&sb, "<tr>");
		html_cells(&sb, cells, 6);
		strbuf_addstr(&sb, "</tr>");
	}
	strbuf_addstr(&sb, "</tbody></table><h2>新增或修改类别</h2>"
			   "<p class=\"hint\">填写已有代码即修改该类别；类别不能删除，不再使用时停用（已登记的记录保留）。</p>");
	field_errors_summary(&sb, fe);
	form_open(r, &sb, "/worklog/kinds", "record-form");
	field_text(&sb, "code", "代码（英文）", req_field(r, "code"), 1, fielderr_get(fe, "code"), "maxlength=\"40\"");
	field_text(&sb, "name", "名称", req_field(r, "name"), 1, fielderr_get(fe, "name"), "maxlength=\"60\"");
	field_text(&sb, "unit", "计量单位", req_field(r, "unit"), 1, fielderr_get(fe, "unit"),
		   "maxlength=\"8\" placeholder=\"次\"");
	field_text(&sb, "seq", "排序", req_field(r, "seq"), 0, NULL, "inputmode=\"numeric\"");
	field_checkbox(&sb, "participants", "记录参加人次", *req_field(r, "participants") != 0);
	field_checkbox(&sb, "inactive", "停用", *req_field(r, "inactive") != 0);
	form_close(&sb, "保存", "/worklog");
	return page_finish(r, &sb, status);
}

int page_worklog_kinds(struct req *r)
{
	struct fielderr fe = { 0 };

	return kinds_page(r, &fe, 200);
}

int page_worklog_kind_put(struct req *r)
{
	struct fielderr fe = { 0 };
	struct activity_kind k = {
		.code = req_field(r, "code"), .name = req_field(r, "name"), .unit = req_field(r, "unit"),
		.participants = *req_field(r, "participants") != 0, .active = !*req_field(r, "inactive"),
		.seq = atoi(req_field(r, "seq")),
	};
	int rc = activity_kind_put(&r->c, &k, &fe);

	if (rc == RES_INVALID)
		return kinds_page(r, &fe, 422);
	return page_result(r, rc, "activity kind", "/worklog/kinds?ok=saved");
}
