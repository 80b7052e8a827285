/*
 * targets.c: the target tasks' pages (issue 14, pages/targets.h):
 * /targets (the task list with its filters and its .xlsx), a task's page
 * (the record, its timeline of progress notes, the progress form for
 * those who may write), the new and edit forms, and /targets/ledgers
 * (the ledgers of each year and the two code tables: the four systems
 * and the kinds of work reminders).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/target.h"
#include "http/filter.h"
#include "http/form.h"
#include "http/http.h"
#include "pages/clues.h"
#include "pages/list.h"
#include "pages/page.h"
#include "pages/targets.h"
#include "pages/list_kept.h"

const struct label *target_code_options(struct req *r, int table)
{
	struct target_code *v;
	int n = target_codes(&r->c, table, &v);
	struct label *o = arena_zalloc(r->arena, (size_t)(n > 0 ? n + 1 : 1) * sizeof(*o));

	for (int i = 0; i < n; i++)
		o[i] = (struct label){ v[i].code, v[i].label };
	return o;
}

/* the ledgers as select options: "2022 · 名称" */
static const struct label *ledger_options(struct req *r)
{
	struct target_ledger *v;
	int n = target_ledgers(&r->c, 0, &v);
	struct label *o = arena_zalloc(r->arena, (size_t)(n > 0 ? n + 1 : 1) * sizeof(*o));

	for (int i = 0; i < n; i++)
		o[i] = (struct label){ arena_printf(r->arena, "%" PRId64, v[i].id),
				       arena_printf(r->arena, "%d · %s", v[i].year, v[i].name) };
	return o;
}

void target_user_select(struct req *r, struct strbuf *sb, const char *name, const char *label, int64_t value,
			const char *err, const char *none_label)
{
	struct target_code *v;
	int n = target_staff(&r->c, &v);
	struct label *o = arena_zalloc(r->arena, (size_t)(n > 0 ? n + 1 : 1) * sizeof(*o));

	for (int i = 0; i < n; i++)
		o[i] = (struct label){ v[i].code, v[i].label };
	field_select(sb, name, label, o, value ? arena_printf(r->arena, "%" PRId64, value) : "", 0, err,
		     none_label);
}

/* the tabs under the family's titles */
static void target_tabs(struct req *r, struct strbuf *sb)
{
	toolbar_open(sb);
	button_link(sb, "/targets", "目标任务", 0);
	button_link(sb, "/reminders", "工作提示", 0);
	button_link(sb, "/scores", "考核晾晒", 0);
	if (authz_has(&r->c.who, PERM_TARGET_MANAGE))
		button_link(sb, "/targets/ledgers", "台账与代码表", 0);
	toolbar_close(sb);
}

/* ---- /targets ------------------------------------------------------------------------- */

static const struct list_col task_cols[] = { { "编号", "num", 0, 0 }, { "台账", NULL, 0, 0 },
	{ "体系", NULL, 0, 0 }, { "任务", NULL, 0, 0 }, { "责任领导", NULL, 0, 0 }, { "责任部门", NULL, 0, 0 },
	{ "完成时限", NULL, 0, 0 }, { "状态", NULL, 0, 0 } };
static const struct list_def task_list_def = LIST_DEF("目标任务", "targets", NULL, task_cols);
static const char *const task_args[] = { "year", "ledger", "aspect", "office", "state", "overdue", NULL };
static const struct label state_choices[] = {
	{ "pending", "未开始" }, { "running", "推进中" }, { "done", "已完成" }, { "overdue", "逾期" }, { NULL, NULL } };

/* the state's badge tone */
static const char *state_tone(enum target_state s)
{
	return s == TARGET_OVERDUE ? "bad" : s == TARGET_DONE ? "ok" : s == TARGET_RUNNING ? "warn" : NULL;
}

int page_targets(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "目标任务", NULL, NULL };
	struct target_filter f;
	struct target_task *v;
	struct listw w;
	int64_t total;
	const char *today = target_today(&r->c);
	int n;
	struct list_kept k;

	if (list_kept_serve(r, &k, "目标任务（四个体系）", crumbs))
		return k.rc;
	list_filter(r, &target_filter_spec, &f, list_per_page(r));
	n = target_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "targets");
	if (!list_wants_xlsx(r)) {
		list_kept_begin(r, &k, &sb, "目标任务（四个体系）", crumbs);
		target_tabs(r, &sb);
		toolbar_open(&sb);
		if (authz_has(&r->c.who, PERM_TARGET_MANAGE))
			button_link(&sb, "/targets/new", "新增任务", 1);
		button_link(&sb, f.year ? arena_printf(r->arena, "/targets/ledger.xlsx?year=%d", f.year)
					: "/targets/ledger.xlsx", "导出台账（按台账分表）", 0);
		toolbar_close(&sb);
		filter_open(&sb, "/targets");
		field_text(&sb, "year", "年度", req_arg(r, "year"), 0, NULL, "inputmode=\"numeric\" maxlength=\"4\"");
		field_select(&sb, "ledger", "台账", ledger_options(r), req_arg(r, "ledger"), 0, NULL, "全部");
		field_select(&sb, "aspect", "体系", target_code_options(r, 0), req_arg(r, "aspect"), 0, NULL, "全部");
		office_select(r, &sb, "责任部门", req_arg(r, "office"), 0, NULL, "全部");
		field_select(&sb, "state", "状态", state_choices, req_arg(r, "state"), 0, NULL, "全部");
		filter_overdue(&sb, f.overdue);
		filter_close(&sb, NULL, "/targets");
	}
	list_open(&w, r, &sb, &task_list_def);
	for (int i = 0; i < n; i++) {
		enum target_state st = target_state(&v[i], today);
		list_id(&w, "/targets", v[i].id);
		list_text(&w, arena_printf(r->arena, "%d · %s", v[i].ledger_year, v[i].ledger_name));
		list_text(&w, v[i].aspect_label);
		list_link(&w, arena_printf(r->arena, "/targets/%" PRId64, v[i].id), v[i].title);
		list_text(&w, v[i].leader_name);
		list_text(&w, v[i].office);
		list_day(&w, v[i].deadline);
		list_text(&w, label_of(target_states, target_state_code(st)));
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &target_filter_spec, &f, total);
	list_close(&w, "没有符合条件的目标任务");
	list_pager(&w, list_args_base(r, "/targets", task_args), req_page(r), total, list_per_page(r));
	return list_kept_finish(r, &k, &sb);
}

/* ---- a task ----------------------------------------------------------------------------- */

static int task_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct target_task t;
	struct target_note *notes;
	int rc = target_get(&r->c, r->id, &t), nn;
	enum target_state st;

	if (rc != RES_DONE)
		return res_error(r, rc, "target");
	nn = target_notes(&r->c, t.id, &notes);
	if (nn < 0)
		return res_error(r, RES_STORE, "target notes");
	st = target_state(&t, target_today(&r->c));
	{
		const char *crumbs[] = { "工作台", "/", "目标任务", "/targets",
					 arena_printf(r->arena, "任务 %" PRId64, t.id), NULL, NULL };
		page_begin(r, &sb, t.title, crumbs);
	}
	field_errors_summary(&sb, fe);
	strbuf_addstr(&sb, "<p>");
	html_state(&sb, state_tone(st), label_of(target_states, target_state_code(st)));
	strbuf_addstr(&sb, "</p>");
	record_open(&sb);
	record_item(&sb, "台账", arena_printf(r->arena, "%d年 · %s", t.ledger_year, t.ledger_name));
	record_item(&sb, "所属体系", t.aspect_label);
	record_item(&sb, "任务内容", t.title);
	record_item(&sb, "责任领导", t.leader_name);
	record_item(&sb, "责任部门", t.office);
	record_item(&sb, "完成时限", t.deadline);
	record_item(&sb, "开始推进", t.started);
	record_item(&sb, "完成日期", t.done);
	record_close(&sb);
	if (authz_has(&r->c.who, PERM_TARGET_MANAGE))
		toolbar(&sb, arena_printf(r->arena, "/targets/%" PRId64 "/edit", t.id), "修改任务", 0);
	strbuf_addstr(&sb, "<h2>推进情况</h2>");
	if (!nn)
		strbuf_addstr(&sb, "<p class=\"empty\">尚未登记进展。</p>");
	else {
		strbuf_addstr(&sb, "<ol class=\"timeline\">");
		for (int i = 0; i < nn; i++)
			html_event(&sb, notes[i].at, notes[i].user_name,
				   arena_printf(r->arena, "%s 进展", notes[i].day), notes[i].text, NULL);
		strbuf_addstr(&sb, "</ol>");
	}
	if (!t.done && target_may_write(&r->c, &t)) {
		strbuf_addstr(&sb, "<h2>登记进展</h2>");
		form_open(r, &sb, arena_printf(r->arena, "/targets/%" PRId64 "/progress", t.id), "record-form");
		field_text(&sb, "day", "日期", req_field(r, "day"), 0, fielderr_get(fe, "day"), "type=\"date\"");
		field_textarea(&sb, "text", "进展情况", req_field(r, "text"), 1, fielderr_get(fe, "text"), 4,
			       TARGET_NOTE_MAX, NULL);
		field_checkbox(&sb, "done", "任务已完成", form_get_bool(&r->form, "done"));
		form_close(&sb, "登记", NULL);
	}
	return page_finish(r, &sb, status);
}

int page_target(struct req *r)
{
	struct fielderr fe = { 0 };

	return task_page(r, &fe, 200);
}

int page_target_progress(struct req *r)
{
	struct fielderr fe = { 0 };
	struct target_task t;
	int rc = target_get(&r->c, r->id, &t);

	if (rc != RES_DONE)
		return res_error(r, rc, "target");
	if (!target_may_write(&r->c, &t))
		return reply_error(r, E_FORBIDDEN, NULL);
	rc = target_progress(&r->c, r->id, req_field(r, "day"), req_field(r, "text"),
			     form_get_bool(&r->form, "done"), &fe);
	if (rc == RES_INVALID)
		return task_page(r, &fe, 422);
	return page_result(r, rc, "target", arena_printf(r->arena, "/targets/%" PRId64 "?ok=saved", r->id));
}

/* ---- the form ------------------------------------------------------------------------------ */

static int task_form(struct req *r, const struct target_task *t, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	const char *title = t->id ? "修改目标任务" : "新增目标任务";
	const char *crumbs[] = { "工作台", "/", "目标任务", "/targets", title, NULL, NULL };
	const char *back = t->id ? arena_printf(r->arena, "/targets/%" PRId64, t->id) : "/targets";

	page_begin(r, &sb, title, crumbs);
	field_errors_summary(&sb, fe);
	form_open(r, &sb, t->id ? back : "/targets", "record-form");
	field_select(&sb, "ledger_id", "台账", ledger_options(r),
		     t->ledger_id ? arena_printf(r->arena, "%" PRId64, t->ledger_id) : "", 1,
		     fielderr_get(fe, "ledger_id"), "请选择");
	field_select(&sb, "aspect", "所属体系", target_code_options(r, 0), t->aspect, 1, fielderr_get(fe, "aspect"),
		     "请选择");
	field_textarea(&sb, "title", "任务内容", t->title, 1, fielderr_get(fe, "title"), 3, TARGET_TITLE_MAX, NULL);
	target_user_select(r, &sb, "leader_id", "责任领导", t->leader_id, fielderr_get(fe, "leader_id"), "未指定");
	office_select(r, &sb, "责任部门", t->office, 0, fielderr_get(fe, "office"), "未指定");
	field_text(&sb, "deadline", "完成时限", t->deadline, 1, fielderr_get(fe, "deadline"), "type=\"date\"");
	form_close(&sb, "保存", back);
	return page_finish(r, &sb, status);
}

int page_target_new(struct req *r)
{
	struct target_task t = { .aspect = "", .title = "", .office = "", .deadline = "" };
	struct fielderr fe = { 0 };
	long long l = 0;

	form_get_int(&r->query, "ledger_id", &l);
	t.ledger_id = l;
	return task_form(r, &t, &fe, 200);
}

int page_target_edit(struct req *r)
{
	struct target_task t;
	struct fielderr fe = { 0 };
	int rc = target_get(&r->c, r->id, &t);

	if (rc != RES_DONE)
		return res_error(r, rc, "target");
	return task_form(r, &t, &fe, 200);
}

static int task_save(struct req *r, int64_t id)
{
	struct target_task t = { .id = id };
	struct fielderr fe = { 0 };
	long long l = 0, u = 0;
	int64_t rc;

	form_get_int(&r->form, "ledger_id", &l);
	form_get_int(&r->form, "leader_id", &u);
	t.ledger_id = l;
	t.leader_id = u;
	t.aspect = req_field(r, "aspect");
	t.title = req_field(r, "title");
	t.office = req_field(r, "office");
	t.deadline = req_field(r, "deadline");
	rc = id ? target_update(&r->c, &t, &fe) : target_create(&r->c, &t, &fe);
	if (rc == RES_INVALID)
		return task_form(r, &t, &fe, 422);
	if (rc > 0 && !id)
		id = rc;
	return page_result(r, rc, "target", arena_printf(r->arena, "/targets/%" PRId64 "?ok=saved", id));
}

int page_target_create(struct req *r)
{
	return task_save(r, 0);
}

int page_target_update(struct req *r)
{
	return task_save(r, r->id);
}

/* ---- ledgers and code tables --------------------------------------------------------------- */

static void code_table(struct req *r, struct strbuf *sb, int table, const char *title)
{
	static const struct column cols[] = { { "代码", NULL }, { "名称", NULL }, { "顺序", "num" } };
	struct target_code *v;
	int n = target_codes(&r->c, table, &v);

	strbuf_addf(sb, "<h2>%s</h2>", title);
	table_open(sb, NULL, NULL, cols, 3);
	for (int i = 0; i < n; i++) {
		strbuf_addstr(sb, "<tr>");
		html_td(sb, v[i].code);
		html_td(sb, v[i].label);
		strbuf_addf(sb, "<td class=\"num\">%d</td></tr>", v[i].seq);
	}
	table_close(sb, n, 3, "没有条目");
	form_open(r, sb, "/targets/codes", "filter");
	form_hidden(sb, "table", table ? "1" : "0");
	field_text(sb, "code", "代码", "", 1, NULL, "maxlength=\"40\" pattern=\"[a-z0-9_]+\"");
	field_text(sb, "label", "名称", "", 1, NULL, "maxlength=\"100\"");
	field_text(sb, "seq", "顺序", "", 0, NULL, "inputmode=\"numeric\"");
	form_close(sb, "新增或改名", NULL);
}

static int ledgers_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "目标任务", "/targets", "台账与代码表", NULL, NULL };
	static const struct column cols[] = { { "年度", "num" }, { "台账", NULL }, { "任务数", "num" } };
	struct target_ledger *v;
	int n = target_ledgers(&r->c, 0, &v);

	if (n < 0)
		return res_error(r, RES_STORE, "ledgers");
	page_begin(r, &sb, "台账与代码表", crumbs);
	field_errors_summary(&sb, fe);
	target_tabs(r, &sb);
	strbuf_addstr(&sb, "<h2>工作台账</h2>");
	table_open(&sb, NULL, NULL, cols, 3);
	for (int i = 0; i < n; i++) {
		strbuf_addf(&sb, "<tr><td class=\"num\">%d</td>", v[i].year);
		html_td_link(&sb, arena_printf(r->arena, "/targets?ledger=%" PRId64, v[i].id), v[i].name);
		strbuf_addf(&sb, "<td class=\"num\">%" PRId64 "</td></tr>", v[i].tasks);
	}
	table_close(&sb, n, 3, "尚未建立台账");
	form_open(r, &sb, "/targets/ledgers", "filter");
	field_text(&sb, "year", "年度", req_field(r, "year"), 1, fielderr_get(fe, "year"),
		   "inputmode=\"numeric\" maxlength=\"4\"");
	field_text(&sb, "name", "台账名称", req_field(r, "name"), 1, fielderr_get(fe, "name"), "maxlength=\"100\"");
	form_close(&sb, "新建台账", NULL);
	code_table(r, &sb, 0, "四个体系（任务所属体系）");
	code_table(r, &sb, 1, "工作提示类别");
	return page_finish(r, &sb, status);
}

int page_target_ledgers(struct req *r)
{
	struct fielderr fe = { 0 };

	return ledgers_page(r, &fe, 200);
}

int page_target_ledger_create(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t rc = target_ledger_create(&r->c, atoi(req_field(r, "year")), req_field(r, "name"), &fe);

	if (rc == RES_INVALID)
		return ledgers_page(r, &fe, 422);
	return page_result(r, rc, "ledger", "/targets/ledgers?ok=created");
}

int page_target_code_put(struct req *r)
{
	struct fielderr fe = { 0 };
	int rc = target_code_put(&r->c, atoi(req_field(r, "table")) ? 1 : 0, req_field(r, "code"),
				 req_field(r, "label"), atoi(req_field(r, "seq")), &fe);

	if (rc == RES_INVALID)
		return ledgers_page(r, &fe, 422);
	return page_result(r, rc, "target code", "/targets/ledgers?ok=saved");
}
