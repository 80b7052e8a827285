/*
 * inspections.c: the inspections' pages (pages/inspections.h), built from
 * the page kit and the list kit.
 */
#include "pages/inspections.h"

#include <inttypes.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/inspection.h"
#include "domain/problem.h"
#include "domain/result.h"
#include "http/http.h"
#include "pages/kit.h"
#include "pages/list.h"
#include "pages/page.h"

static const struct list_col round_cols[] = {
	{ "编号", "num", 8, 0 }, { "年度", "num", 8, 0 }, { "轮次", "num", 8, 0 }, { "名称", NULL, 30, 0 },
	{ "开始日期", "day", 12, 0 }, { "结束日期", "day", 12, 0 },
};
static const struct list_def round_list = LIST_DEF("巡察轮次", "inspection_rounds", NULL, round_cols);

static const struct list_col insp_cols[] = {
	{ "编号", "num", 8, 0 }, { "巡察组", NULL, 16, 0 }, { "被巡察党组织", NULL, 24, 0 },
	{ "类型", NULL, 12, 0 }, { "进驻", "day", 12, 0 }, { "反馈", "day", 12, 0 },
	{ "整改报告时限", "day", 12, 0 }, { "整改报告", "day", 12, 0 },
};
static const struct list_def insp_list = LIST_DEF("巡察", "inspections", NULL, insp_cols);

static const struct list_col member_cols[] = { { "成员", NULL, 16, 0 }, { "派出单位", NULL, 24, 0 } };
static const struct list_def member_list = LIST_DEF("巡察组成员", "inspection_members", NULL, member_cols);

static const struct list_col finding_cols[] = {
	{ "编号", "num", 8, 0 }, { "问题描述", NULL, 40, 0 }, { "整改时限", "day", 12, 0 },
	{ "整改状态", NULL, 14, 0 }, { "一把手问题", NULL, 8, 0 },
};
static const struct list_def finding_list = LIST_DEF("巡察发现问题", "inspection_findings", NULL, finding_cols);

static const struct list_col clue_cols[] = {
	{ "编号", "num", 8, 0 }, { "线索编号", NULL, 16, 0 }, { "受理日期", "day", 12, 0 }, { "办理状态", NULL, 14, 0 },
};
static const struct list_def clue_list = LIST_DEF("移交问题线索", "inspection_clues", NULL, clue_cols);

int inspection_rounds_view(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "巡察", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	struct inspection_round *v;
	struct listw w;
	int n = inspection_round_list(&r->c, &v);

	if (n < 0)
		return res_error(r, RES_STORE, "inspection rounds");
	page_begin(r, &sb, "巡察", crumbs);
	field_errors_summary(&sb, fe);
	list_open(&w, r, &sb, &round_list);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/inspection-rounds", v[i].id);
		list_int(&w, v[i].year);
		list_int(&w, v[i].number);
		list_text(&w, v[i].name);
		list_day(&w, v[i].starts);
		list_day(&w, v[i].ends);
		list_row_end(&w);
	}
	list_close(&w, "尚未登记巡察轮次");
	inspection_round_form(r, &sb, fe);
	return page_finish(r, &sb, status);
}

int page_inspection_rounds(struct req *r)
{
	struct fielderr fe = { 0 };

	return inspection_rounds_view(r, &fe, 200);
}

static const char *count_text(struct req *r, int64_t n)
{
	return arena_printf(r->arena, "%" PRId64, n);
}

int inspection_round_view(struct req *r, int64_t id, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct inspection_round x;
	struct inspection_figures f;
	struct inspection *v;
	struct listw w;
	int rc = inspection_round_get(&r->c, id, &x), n;

	if (rc != RES_DONE)
		return res_error(r, rc, "inspection round");
	if ((n = inspection_list(&r->c, id, &v)) < 0 || inspection_round_figures(&r->c, id, &f) != RES_DONE)
		return res_error(r, RES_STORE, "inspection round");
	{
		const char *crumbs[] = { "工作台", "/", "巡察", "/inspections", x.name, NULL, NULL };
		page_begin(r, &sb, x.name, crumbs);
	}
	field_errors_summary(&sb, fe);
	record_open(&sb);
	record_item(&sb, "开始日期", x.starts);
	record_item(&sb, "结束日期", x.ends);
	record_item(&sb, "巡察组", count_text(r, f.groups));
	record_item(&sb, "被巡察党组织", count_text(r, f.organisations));
	record_item(&sb, "发现问题", count_text(r, f.problems));
	record_item(&sb, "其中“一把手”问题", count_text(r, f.top_leader));
	record_item(&sb, "移交问题线索", count_text(r, f.clues));
	record_item(&sb, "抽调参与巡察干部", count_text(r, f.lent));
	record_close(&sb);
	list_open(&w, r, &sb, &insp_list);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/inspections", v[i].id);
		list_text(&w, v[i].group_name);
		list_text(&w, v[i].unit_name);
		list_text(&w, label_of(inspection_kinds, v[i].kind));
		list_day(&w, v[i].entered);
		list_day(&w, v[i].feedback);
		list_day(&w, v[i].report_due);
		list_day(&w, v[i].reported);
		list_row_end(&w);
	}
	list_close(&w, "没有您可查看的巡察");
	inspection_add_form(r, &sb, id, fe);
	return page_finish(r, &sb, status);
}

int page_inspection_round(struct req *r)
{
	struct fielderr fe = { 0 };

	return inspection_round_view(r, r->id, &fe, 200);
}

static void members(struct req *r, struct strbuf *sb, int64_t id)
{
	struct inspection_member *m;
	struct listw w;
	int n = inspection_members(&r->c, id, &m);

	strbuf_addstr(sb, "<h2>巡察组成员</h2>");
	list_open(&w, r, sb, &member_list);
	for (int i = 0; i < n; i++) {
		list_text(&w, m[i].name);
		list_text(&w, m[i].home_office);
		list_row_end(&w);
	}
	list_close(&w, "尚无成员");
}

static void findings(struct req *r, struct strbuf *sb, int64_t id)
{
	struct problem *p;
	struct listw w;
	int n = inspection_findings(&r->c, id, &p);

	strbuf_addstr(sb, "<h2>发现问题</h2>");
	list_open(&w, r, sb, &finding_list);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/problems", p[i].id);
		list_text(&w, p[i].summary);
		list_day(&w, p[i].deadline);
		list_text(&w, p[i].overdue ? arena_printf(r->arena, "%s（逾期）", problem_state_text(&p[i]))
					   : problem_state_text(&p[i]));
		list_text(&w, p[i].top_leader ? "是" : "");
		list_row_end(&w);
	}
	list_close(&w, "尚未登记发现的问题");
}

static void clues(struct req *r, struct strbuf *sb, int64_t id)
{
	struct inspection_clue *k;
	struct listw w;
	int n = inspection_clues(&r->c, id, &k);

	strbuf_addstr(sb, "<h2>移交问题线索</h2>");
	list_open(&w, r, sb, &clue_list);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/clues", k[i].id);
		list_text(&w, k[i].clue_no);
		list_day(&w, k[i].received);
		list_text(&w, clue_state_label(k[i].state));
		list_row_end(&w);
	}
	list_close(&w, "尚未移交问题线索");
}

int inspection_view(struct req *r, int64_t id, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct inspection x;
	const char *title;
	int rc = inspection_get(&r->c, id, &x);

	if (rc != RES_DONE)
		return res_error(r, rc, "inspection");
	title = arena_printf(r->arena, "%s：%s", x.group_name, x.unit_name);
	{
		const char *round = arena_printf(r->arena, "/inspection-rounds/%" PRId64, x.round_id);
		const char *crumbs[] = { "工作台", "/", "巡察", "/inspections", x.round_name, round, title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	field_errors_summary(&sb, fe);
	record_open(&sb);
	record_item(&sb, "巡察类型", label_of(inspection_kinds, x.kind));
	record_item(&sb, "组长", *x.leader_name ? x.leader_name : NULL);
	record_item(&sb, "进驻日期", x.entered);
	record_item(&sb, "撤离日期", x.left_on);
	record_item(&sb, "反馈日期", x.feedback);
	if (x.report_due) {     /* the clock: 办理中, 临期, 逾期, 已办结 (report received) */
		record_value_open(&sb, "整改情况报告时限", NULL);
		html_txt(&sb, x.report_due);
		strbuf_addch(&sb, ' ');
		clock_badge(r, &sb, x.report_due, x.reported);
		record_value_close(&sb);
	}
	record_item(&sb, "整改情况报告", x.reported ? x.reported : x.feedback ? "尚未收到" : NULL);
	record_item(&sb, "备注", *x.note ? x.note : NULL);
	record_close(&sb);
	members(r, &sb, x.id);
	findings(r, &sb, x.id);
	clues(r, &sb, x.id);
	inspection_step_forms(r, &sb, &x, fe);
	return page_finish(r, &sb, status);
}

int page_inspection(struct req *r)
{
	struct fielderr fe = { 0 };

	return inspection_view(r, r->id, &fe, 200);
}
