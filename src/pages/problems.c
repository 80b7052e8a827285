/*
 * problems.c: the rectification ledger's pages (pages/problems.h).  The
 * list and the workbook read one filter (model/problem.c) through the
 * domain, so both hold the rows of the user's jurisdiction only; a
 * problem's page shows the actions its state allows to the actor's
 * permissions (the unit: 开始整改, 申请销号 and the evidence; the office:
 * 确认销号, 退回, 修改).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/attach.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/list_export.h"
#include "domain/problem.h"
#include "http/filter.h"
#include "http/form.h"
#include "http/http.h"
#include "office/xlsx.h"
#include "pages/attach.h"
#include "pages/figlist.h"
#include "pages/find.h"
#include "pages/list.h"
#include "pages/list_kept.h"
#include "pages/page.h"
#include "pages/problems.h"
#include "pages/worklog.h"

static const struct label state_choices[] = {
	{ "open", "未整改" }, { "rectifying", "整改中" }, { "rectified", "已整改" }, { "confirmed", "已确认销号" },
	{ NULL, NULL } };
static const struct label sheet_choices[] = { { "source", "按问题来源分表" }, { "unit", "按整改单位分表" },
	{ NULL, NULL } };
static const char *const list_args[] = { "source", "within", "state", "overdue", "campaign_id", "activity_id", "kind",
					 "category", "top_leader", "nature",
	"found_from", "found_to", "rectified_from", "rectified_to", NULL };

static const struct list_col cols[] = { { "编号", "num", 0, 0 }, { "发现日期", NULL, 0, 0 },
	{ "整改单位", NULL, 0, 0 }, { "问题来源", NULL, 0, 0 }, { "问题性质", NULL, 0, 0 }, { "问题描述", NULL, 40, 0 },
	{ "整改时限", NULL, 0, 0 }, { "整改状态", NULL, 0, 0 }, { "一把手问题", NULL, 0, 0 } };
static const struct list_def list_def = LIST_DEF("问题整改台账", "problems", "problem", cols);

/* the state with the overdue badge */
static void state_html(struct strbuf *sb, const struct problem *p)
{
	html_txt(sb, problem_state_text(p));
	if (p->overdue)
		strbuf_addstr(sb, " <span class=\"clock overdue\">逾期</span>");
}

static void state_cell(struct listw *w, const struct problem *p)
{
	const char *text = p->overdue ? arena_printf(w->r->arena, "%s（逾期）", problem_state_text(p))
				      : problem_state_text(p);
	struct strbuf *td = list_cell(w, NULL, office_text(text));

	if (!td)
		return;
	state_html(td, p);
	list_cell_end(w);
}

static void filter_bar(struct req *r, struct strbuf *sb, const struct problem_filter *f, const struct fielderr *fe)
{
	long long camp = 0;

	filter_open(sb, "/problems");
	field_select(sb, "source", "问题来源", problem_sources, req_arg(r, "source"), 0, NULL, "全部");
	unit_select(r, sb, "within", "整改单位（含下级）", f->within, 0, NULL, "全部");
	field_select(sb, "state", "整改状态", state_choices, req_arg(r, "state"), 0, NULL, "全部");
	camp = f->campaign_id;
	campaign_select(r, sb, camp, NULL, "全部");
	/* through the activity that found the problem (工作台账) */
	field_select(sb, "kind", "工作台账类别", activity_kind_options(r, 1), f->kind, 0, fielderr_get(fe, "kind"),
		     "全部");
	field_select(sb, "category", "违纪违法类别", category_options(r), f->category, 0, fielderr_get(fe, "category"),
		     "全部");
	field_text(sb, "found_from", "发现日期自", req_arg(r, "found_from"), 0, NULL, "type=\"date\"");
	field_text(sb, "found_to", "至", req_arg(r, "found_to"), 0, NULL, "type=\"date\"");
	field_checkbox(sb, "top_leader", "只看一把手问题", f->top_leader);
	field_select(sb, "nature", "问题性质", problem_natures, req_arg(r, "nature"), 0, NULL, "全部");
	filter_overdue(sb, f->overdue);
	filter_close(sb, NULL, "/problems");
}

/* "PATH?a=..&" with the filter's arguments set in f */
static const char *list_base(struct req *r, const char *path, const struct problem_filter *f)
{
	struct strbuf b = STRBUF_INIT;
	const char *out;

	strbuf_addstr(&b, path);
	strbuf_addch(&b, '?');
	figlist_url(&b, &problem_filter_spec, f, list_args);
	out = arena_strdup(r->arena, b.buf);
	strbuf_release(&b);
	return out;
}

/* the 台账 workbook's two links, with the list's filters */
static void ledger_links(struct req *r, struct strbuf *sb, const struct problem_filter *f)
{
	const char *base = list_base(r, "/problems/ledger.xlsx", f);

	strbuf_addstr(sb, "<p class=\"toolbar\">导出整改台账：");
	for (int i = 0; sheet_choices[i].code; i++) {
		html_link(sb, arena_printf(r->arena, "%ssheets=%s", base, sheet_choices[i].code), sheet_choices[i].label);
		strbuf_addch(sb, ' ');
	}
	strbuf_addstr(sb, "</p>");
}

/* the counts by source under the filter, each a link to its rows */
static void by_source(struct req *r, struct strbuf *sb, const struct problem_filter *f)
{
	struct problem_filter g = *f;
	struct problem_count *v;
	const char *base;
	int64_t sum = 0;
	int n;

	g.source = 0;
	base = list_base(r, "/problems", &g);
	n = problem_by_source(&r->c, &g, &v);
	if (n <= 0)
		return;
	/* the counts stopped at the cap (model/filter.h): the sources without them */
	for (int j = 0; j < n; j++)
		sum += v[j].n;
	strbuf_addstr(sb, "<p class=\"toolbar\">按来源：");
	for (int i = 0; problem_sources[i].code; i++)
		for (int j = 0; j < n; j++) {
			if (strcmp(v[j].source, problem_sources[i].code))
				continue;
			html_link(sb, arena_printf(r->arena, "%ssource=%s", base, problem_sources[i].code),
				  sum > LIST_COUNT_CAP ? problem_sources[i].label :
				  arena_printf(r->arena, "%s %" PRId64, problem_sources[i].label, v[j].n));
			strbuf_addch(sb, ' ');
		}
	if (sum > LIST_COUNT_CAP)
		strbuf_addstr(sb, "<span class=\"hint\">超过一万条，不按来源计数；未列出的来源可用上方“来源”筛选查看。</span>");
	strbuf_addstr(sb, "</p>");
}

int page_problems(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "问题整改台账", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	struct fielderr fe = { 0 };
	struct problem_filter f;
	struct problem *v;
	struct listw w;
	int64_t total;
	int n, per = list_per_page(r);
	struct list_kept k;

	if (list_kept_serve(r, &k, "问题整改台账", crumbs))
		return k.rc;
	list_filter(r, &problem_filter_spec, &f, per);
	if ((n = problem_filter_check(&r->c, &f, &fe)) == RES_STORE)
		return res_error(r, RES_STORE, "problems");
	if (fe.n) {     /* an unknown code: the bar says why, no rows as if filtered (also for ?format=xlsx) */
		page_begin(r, &sb, "问题整改台账", crumbs);
		filter_bar(r, &sb, &f, &fe);
		return page_finish(r, &sb, 422);
	}
	n = problem_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "problems");
	if (!list_wants_xlsx(r)) {
		list_kept_begin(r, &k, &sb, "问题整改台账", crumbs);
		if (authz_has(&r->c.who, PERM_PROBLEM_WRITE))
			toolbar(&sb, "/problems/new", "登记问题", 1);
		filter_bar(r, &sb, &f, &fe);
		by_source(r, &sb, &f);
		ledger_links(r, &sb, &f);
	}
	list_open(&w, r, &sb, &list_def);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/problems", v[i].id);
		list_day(&w, v[i].found);
		list_text(&w, v[i].unit_name);
		list_text(&w, label_of(problem_sources, v[i].source));
		list_text(&w, label_of(problem_natures, v[i].nature));
		list_text(&w, v[i].summary);
		list_day(&w, v[i].deadline);
		state_cell(&w, &v[i]);
		list_text(&w, v[i].top_leader ? "是" : "");
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &problem_filter_spec, &f, total);
	list_close(&w, "没有符合条件的问题");
	list_pager(&w, list_base(r, "/problems", &f), req_page(r), total, per);
	return list_kept_finish(r, &k, &sb);
}

/* ---- a problem's page ------------------------------------------------------- */

static void source_item(struct req *r, struct strbuf *sb, const struct problem *p)
{
	record_item(sb, "问题来源", label_of(problem_sources, p->source));
	if (p->campaign_id)
		record_item(sb, "专项整治", p->campaign_name);
	if (p->inspection_id)   /* the inspection's page answers by its need-to-know */
		record_link(sb, "来源记录", arena_printf(r->arena, "/inspections/%" PRId64, p->inspection_id),
			    arena_printf(r->arena, "巡察 %" PRId64, p->inspection_id));
	if (p->activity_id)     /* the work log's page answers by its jurisdiction */
		record_link(sb, "发现问题的工作", arena_printf(r->arena, "/worklog/%" PRId64, p->activity_id),
			    arena_printf(r->arena, "工作台账 %" PRId64, p->activity_id));
	if (p->bad_review_id) {
		const char *href = arena_printf(r->arena, "/ratings/bad/%" PRId64, p->bad_review_id);
		const char *text = arena_printf(r->arena, "差评 %" PRId64, p->bad_review_id);
		if (authz_has(&r->c.who, PERM_RATING_READ))
			record_link(sb, "来源记录", href, text);
		else
			record_item(sb, "来源记录", text);
	}
}

static void step_form(struct req *r, struct strbuf *sb, const struct problem *p, const char *action,
		      const char *title, const char *field, const char *label, int required, const char *button,
		      const struct fielderr *fe)
{
	strbuf_addf(sb, "<h2>%s</h2>", title);
	form_open(r, sb, arena_printf(r->arena, "/problems/%" PRId64 "/%s", p->id, action), "record-form");
	field_textarea(sb, field, label, req_field(r, field), required, fielderr_get(fe, field), 4,
		       PROBLEM_NOTE_MAX, NULL);
	form_close(sb, button, NULL);
}

static void actions(struct req *r, struct strbuf *sb, const struct problem *p, const struct fielderr *fe)
{
	int unit = authz_has(&r->c.who, PERM_PROBLEM_RECTIFY);
	int office = authz_has(&r->c.who, PERM_PROBLEM_WRITE);

	if (p->confirmed_on)
		return;
	if (unit && !strcmp(p->state, "open"))
		step_form(r, sb, p, "start", "开始整改", "measures", "整改措施", 1, "开始整改", fe);
	if (unit && !strcmp(p->state, "rectifying"))
		step_form(r, sb, p, "apply", "申请销号", "measures", "整改措施（完成情况）", 0, "申请销号", fe);
	if (office && !strcmp(p->state, "rectified")) {
		step_form(r, sb, p, "confirm", "确认销号", "note", "确认意见", 0, "确认销号", fe);
		step_form(r, sb, p, "return", "退回整改", "note", "退回理由", 1, "退回", fe);
	}
}

static int problem_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct problem p;
	struct problem_step *s;
	const char *title;
	int n, rc = problem_get(&r->c, r->id, &p);

	if (rc != RES_DONE)
		return res_error(r, rc, "problem");
	title = arena_printf(r->arena, "整改问题 %" PRId64, p.id);
	{
		const char *crumbs[] = { "工作台", "/", "问题整改台账", "/problems", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	field_errors_summary(&sb, fe);
	record_head(&sb, problem_state_text(&p));
	if (authz_has(&r->c.who, PERM_PROBLEM_WRITE) && !p.confirmed_on)
		toolbar(&sb, arena_printf(r->arena, "/problems/%" PRId64 "/edit", p.id), "修改", 0);
	record_open(&sb);
	record_item(&sb, "整改单位", p.unit_name);
	source_item(r, &sb, &p);
	record_item(&sb, "问题描述", p.summary);
	record_item(&sb, "一把手问题", p.top_leader ? "是" : "否");
	if (*p.nature)
		record_item(&sb, "问题性质", label_of(problem_natures, p.nature));
	record_item(&sb, "发现日期", p.found);
	record_value_open(&sb, "整改时限", NULL);
	html_txt(&sb, p.deadline);
	record_value_close(&sb);
	record_value_open(&sb, "整改状态", NULL);
	state_html(&sb, &p);
	record_value_close(&sb);
	record_item(&sb, "整改措施", p.measures);
	record_item(&sb, "申请销号日期", p.rectified);
	record_item(&sb, "确认人", p.confirmed_on ? p.confirmed_name : NULL);
	record_item(&sb, "确认日期", p.confirmed_on);
	record_close(&sb);
	attach_section(r, &sb, "problem", p.id);
	actions(r, &sb, &p, fe);
	n = problem_steps(&r->c, p.id, &s);
	strbuf_addstr(&sb, "<h2>办理过程</h2><ol class=\"timeline\">");
	for (int i = 0; i < n; i++)
		html_event(&sb, s[i].at, s[i].user_name, label_of(problem_step_labels, s[i].step), s[i].note, NULL);
	strbuf_addstr(&sb, "</ol>");
	return page_finish(r, &sb, status);
}

int page_problem(struct req *r)
{
	struct fielderr fe = { 0 };

	return problem_page(r, &fe, 200);
}

static int stepped(struct req *r, int rc, struct fielderr *fe)
{
	if (rc == RES_INVALID)
		return problem_page(r, fe, 422);
	return page_result(r, rc, "problem", arena_printf(r->arena, "/problems/%" PRId64 "?ok=done", r->id));
}

int page_problem_start(struct req *r)
{
	struct fielderr fe = { 0 };

	return stepped(r, problem_start(&r->c, r->id, req_field(r, "measures"), &fe), &fe);
}

int page_problem_apply(struct req *r)
{
	struct fielderr fe = { 0 };

	return stepped(r, problem_apply(&r->c, r->id, req_field(r, "measures"), &fe), &fe);
}

int page_problem_confirm(struct req *r)
{
	struct fielderr fe = { 0 };

	return stepped(r, problem_confirm(&r->c, r->id, req_field(r, "note"), &fe), &fe);
}

int page_problem_return(struct req *r)
{
	struct fielderr fe = { 0 };

	return stepped(r, problem_return(&r->c, r->id, req_field(r, "note"), &fe), &fe);
}

/* ---- add and edit ----------------------------------------------------------------- */

void problem_fields(struct req *r, struct strbuf *sb, const struct problem *p, const struct fielderr *fe)
{
	int posted = r->form.n > 0;

	field_textarea(sb, "summary", "问题描述", posted || !p ? req_field(r, "summary") : p->summary, 1,
		       fielderr_get(fe, "summary"), 5, PROBLEM_SUMMARY_MAX, NULL);
	field_text(sb, "found", "发现日期", posted || !p ? req_field(r, "found") : p->found, 1,
		   fielderr_get(fe, "found"), "type=\"date\"");
	field_text(sb, "deadline", "整改时限", posted || !p ? req_field(r, "deadline") : p->deadline, 1,
		   fielderr_get(fe, "deadline"), "type=\"date\"");
	field_checkbox(sb, "top_leader", "涉及单位主要负责人（一把手问题）",
		       posted || !p ? *req_field(r, "top_leader") != 0 : p->top_leader);
	field_select(sb, "nature", "问题性质（案件质量评查的共性、个性问题）", problem_natures,
		     posted || !p ? req_field(r, "nature") : p->nature, 0, fielderr_get(fe, "nature"), "（不区分）");
}

void problem_read_fields(struct req *r, struct problem *p)
{
	p->summary = req_field(r, "summary");
	p->found = req_field(r, "found");
	p->deadline = req_field(r, "deadline");
	p->top_leader = *req_field(r, "top_leader") != 0;
	p->nature = req_field(r, "nature");
}

/* the form's fields, from p (a problem being edited) or the request */
static void problem_form(struct req *r, struct strbuf *sb, const struct problem *p, const char *action,
			 const struct fielderr *fe)
{
	int posted = r->form.n > 0;
	long long unit = p ? p->unit_id : 0, camp = p ? p->campaign_id : 0;
	const char *v;

	if (posted) {           /* a refused form shows what was sent */
		unit = camp = 0;
		form_get_int(&r->form, "unit_id", &unit);
		form_get_int(&r->form, "campaign_id", &camp);
	}
	form_open(r, sb, action, "record-form");
	unit_select_post(r, sb, "unit_id", "整改单位", unit, 1, fielderr_get(fe, "unit_id"), "请选择");
	v = posted || !p ? req_field(r, "source") : p->source;
	field_select(sb, "source", "问题来源", problem_sources, v, 1, fielderr_get(fe, "source"), "请选择");
	campaign_select(r, sb, camp, fielderr_get(fe, "campaign_id"), "（无）");
	v = posted || !p ? req_field(r, "bad_review_id")
			 : p->bad_review_id ? arena_printf(r->arena, "%" PRId64, p->bad_review_id) : "";
	field_text(sb, "bad_review_id", "关联差评编号（码上问效）", v, 0, fielderr_get(fe, "bad_review_id"),
		   "inputmode=\"numeric\"");
	v = posted || !p ? req_field(r, "activity_id")
			 : p->activity_id ? arena_printf(r->arena, "%" PRId64, p->activity_id) : "";
	field_text(sb, "activity_id", "发现问题的工作台账编号（明察暗访、交叉互检等）", v, 0,
		   fielderr_get(fe, "activity_id"), "inputmode=\"numeric\"");
	problem_fields(r, sb, p, fe);
	form_close(sb, "保存", p ? arena_printf(r->arena, "/problems/%" PRId64, p->id) : "/problems");
}

static int form_page(struct req *r, const struct problem *p, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "问题整改台账", "/problems", "登记问题", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	const char *title = p ? arena_printf(r->arena, "修改整改问题 %" PRId64, p->id) : "登记问题";

	page_begin(r, &sb, title, crumbs);
	field_errors_summary(&sb, fe);
	problem_form(r, &sb, p, p ? arena_printf(r->arena, "/problems/%" PRId64 "/edit", p->id) : "/problems", fe);
	return page_finish(r, &sb, status);
}

/* the request's problem; the unit through the picker (an error: < 0) */
static int read_form(struct req *r, struct problem *p, struct fielderr *fe)
{
	p->unit_id = pick_resolve(r, FIND_UNIT, "unit_id", fe);
	p->source = req_field(r, "source");
	p->campaign_id = form_opt_id(&r->form, "campaign_id", fe, "所选专项整治不存在");
	p->bad_review_id = form_opt_id(&r->form, "bad_review_id", fe, "差评编号应为数字");
	p->activity_id = form_opt_id(&r->form, "activity_id", fe, "工作台账编号应为数字");
	problem_read_fields(r, p);
	return p->unit_id < 0 ? -1 : 0;
}

int page_problem_new(struct req *r)
{
	struct fielderr fe = { 0 };

	return form_page(r, NULL, &fe, 200);
}

int page_problem_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct problem p = { 0 };
	int64_t id;

	if (read_form(r, &p, &fe) < 0)
		return res_error(r, RES_STORE, "pick");
	if (fe.n)
		return form_page(r, NULL, &fe, 422);
	id = problem_add(&r->c, &p, &fe);
	if (id == -1)
		return form_page(r, NULL, &fe, 422);
	if (id <= 0)
		return res_error(r, id ? RES_STORE : RES_NOT_FOUND, "problem");
	return page_result(r, RES_DONE, "problem", arena_printf(r->arena, "/problems/%" PRId64 "?ok=created", id));
}

int page_problem_edit_form(struct req *r)
{
	struct fielderr fe = { 0 };
	struct problem p;
	int rc = problem_get(&r->c, r->id, &p);

	if (rc != RES_DONE)
		return res_error(r, rc, "problem");
	return form_page(r, &p, &fe, 200);
}

int page_problem_edit(struct req *r)
{
	struct fielderr fe = { 0 };
	struct problem old, p = { .id = r->id };
	int rc = problem_get(&r->c, r->id, &old);

	if (rc != RES_DONE)
		return res_error(r, rc, "problem");
	if (read_form(r, &p, &fe) < 0)
		return res_error(r, RES_STORE, "pick");
	if (!fe.n)
		rc = problem_edit(&r->c, &p, &fe);
	if (fe.n || rc == RES_INVALID)
		return form_page(r, &old, &fe, 422);
	return page_result(r, rc, "problem", arena_printf(r->arena, "/problems/%" PRId64 "?ok=saved", r->id));
}

/* ---- the 台账 workbook -------------------------------------------------------------- */

static const struct office_col ledger_cols[] = { { .head = "序号" }, { .head = "单位" }, { .head = "问题来源" },
	{ .head = "问题描述", .width = 40 }, { .head = "整改时限" }, { .head = "整改状态" },
	{ .head = "整改措施/佐证", .width = 40 }, { .head = "确认人" }, { .head = "确认日期" } };
#define LEDGER_NCOLS (sizeof(ledger_cols) / sizeof(ledger_cols[0]))

/* the measures and the evidence's file names */
static const char *measures_cell(struct req *r, const struct problem *p)
{
	const struct attach_kind *k = attach_kind_find("problem");
	struct attachment *a;
	struct strbuf sb = STRBUF_INIT;
	const char *out;
	int n = k ? attach_list(&r->c, k, p->id, &a) : 0, files = 0;

	strbuf_addstr(&sb, p->measures);
	for (int i = 0; i < n; i++) {
		if (a[i].withdrawn_at)
			continue;
		strbuf_addstr(&sb, files++ ? "、" : (sb.len ? "\n佐证：" : "佐证："));
		strbuf_addstr(&sb, a[i].name);
	}
	out = arena_strdup(r->arena, sb.len ? sb.buf : "");
	strbuf_release(&sb);
	return out;
}

/* the rows of v whose sheet key is `key`, as one sheet */
static int ledger_sheet(struct req *r, struct xlsx *x, const char *name, const char *subtitle,
			const struct problem *v, int n, int by_unit, const char *key, int64_t unit)
{
	struct office_cell *cells = arena_alloc(r->arena, (size_t)(n ? n : 1) * LEDGER_NCOLS * sizeof(*cells));
	struct office_table t = { .title = arena_printf(r->arena, "问题整改台账（%s）", name), .subtitle = subtitle,
				  .ncols = LEDGER_NCOLS, .cols = ledger_cols, .cells = cells };
	size_t k = 0;

	for (int i = 0; i < n; i++) {
		const struct problem *p = &v[i];
		if (by_unit ? p->unit_id != unit : strcmp(p->source, key))
			continue;
		cells[k++] = office_int((int64_t)t.nrows + 1);
		cells[k++] = office_text(p->unit_name);
		cells[k++] = office_text(label_of(problem_sources, p->source));
		cells[k++] = office_text(p->summary);
		cells[k++] = office_date(date_parse(p->deadline));
		cells[k++] = office_text(p->overdue ? arena_printf(r->arena, "%s（逾期）", problem_state_text(p))
						    : problem_state_text(p));
		cells[k++] = office_text(measures_cell(r, p));
		cells[k++] = office_text(p->confirmed_on ? p->confirmed_name : NULL);
		cells[k++] = office_date(p->confirmed_on ? date_parse(p->confirmed_on) : QF_DAY_NONE);
		t.nrows++;
	}
	return t.nrows ? xlsx_sheet(x, name, &t) : 0;
}

int page_problem_ledger(struct req *r)
{
	struct problem_filter f;
	struct problem *v;
	struct strbuf words = STRBUF_INIT, body = STRBUF_INIT;
	struct xlsx *x;
	const char *subtitle, *filters, *err = NULL;
	char day[11];
	int64_t total;
	int n;

	struct fielderr fe = { 0 };

	req_filter(r, &problem_filter_spec, &f, LIST_EXPORT_MAX);
	if ((n = problem_filter_check(&r->c, &f, &fe)) != RES_DONE)     /* the list's page says why */
		return n == RES_INVALID ? page_problems(r) : res_error(r, RES_STORE, "problems");
	n = problem_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "problems");
	figlist_words(&words, &problem_filter_spec, &f);
	filters = arena_strdup(r->arena, words.len ? words.buf : "");
	strbuf_release(&words);
	date_format(date_from_unix_cst(r->c.now), day);
	subtitle = arena_printf(r->arena, "%s  筛选条件：%s  共 %d 条  制表：%s", r->app ? r->app->cfg.commission : "",
				*filters ? filters : "无", n, day);
	x = xlsx_new();
	if (!x)
		return res_error(r, RES_STORE, "xlsx");
	if (f.by_unit) {
		for (int i = 0; i < n; i++) {
			int seen = 0;
			for (int j = 0; j < i && !seen; j++)
				seen = v[j].unit_id == v[i].unit_id;
			if (!seen)
				ledger_sheet(r, x, v[i].unit_name, subtitle, v, n, 1, NULL, v[i].unit_id);
		}
	} else {
		for (int i = 0; problem_sources[i].code; i++)
			ledger_sheet(r, x, problem_sources[i].label, subtitle, v, n, 0, problem_sources[i].code, 0);
	}
	if (!n) {
		static const struct office_cell none[LEDGER_NCOLS] = { { 0 } };
		struct office_table t = { .title = "问题整改台账", .subtitle = subtitle, .ncols = LEDGER_NCOLS,
					  .cols = ledger_cols, .cells = none };
		xlsx_sheet(x, "问题整改台账", &t);
	}
	if (xlsx_to_buf(x, &body) < 0)
		err = arena_strdup(r->arena, xlsx_error(x));
	xlsx_free(x);
	if (err) {
		strbuf_release(&body);
		return res_error(r, RES_STORE, err);
	}
	if (list_export_record(&r->c, "problem", "问题整改台账", filters, n) < 0) {
		strbuf_release(&body);
		return res_error(r, RES_STORE, "audit");
	}
	return reply_download(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			      arena_printf(r->arena, "problems_%s.xlsx", day),
			      arena_printf(r->arena, "问题整改台账_%s.xlsx", day), &body);
}
