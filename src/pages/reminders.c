/*
 * reminders.c: the work reminders' pages (issue 14, domain/reminder.h):
 * /reminders (the case manager's office sees all, everyone else those
 * issued to them), the form to issue one (kind, title, text, the offices
 * and users it goes to, the tasks it names), a reminder's page (its text,
 * its tasks, the reader's 已阅 button, and for the issuer's office who
 * has and has not acknowledged).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/clue.h"
#include "domain/reminder.h"
#include "domain/target.h"
#include "http/filter.h"
#include "http/form.h"
#include "http/http.h"
#include "pages/list.h"
#include "pages/page.h"
#include "pages/targets.h"

static const struct list_col reminder_cols[] = { { "类别", NULL, 0, 0 }, { "期号", NULL, 0, 0 },
	{ "标题", NULL, 0, 0 }, { "印发日期", NULL, 0, 0 }, { "已阅", NULL, 0, 0 } };
static const struct list_def reminder_list_def = LIST_DEF("工作提示", "reminders", NULL, reminder_cols);

int page_reminders(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "目标任务", "/targets", "工作提示", NULL, NULL };
	struct reminder_filter f;
	struct reminder *v;
	struct listw w;
	int64_t total;
	int n, manage = authz_has(&r->c.who, PERM_TARGET_MANAGE);

	list_filter(r, &reminder_filter_spec, &f, list_per_page(r));
	n = reminder_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "reminders");
	if (!list_wants_xlsx(r)) {
		page_begin(r, &sb, "工作提示", crumbs);
		if (manage)
			toolbar(&sb, "/reminders/new", "印发工作提示", 1);
		filter_open(&sb, "/reminders");
		field_select(&sb, "kind", "类别", target_code_options(r, 1), req_arg(r, "kind"), 0, NULL, "全部");
		field_text(&sb, "year", "年度", req_arg(r, "year"), 0, NULL, "inputmode=\"numeric\" maxlength=\"4\"");
		field_checkbox(&sb, "unacked", "只看我未阅的", f.unacked);
		filter_close(&sb, NULL, "/reminders");
	}
	list_open(&w, r, &sb, &reminder_list_def);
	for (int i = 0; i < n; i++) {
		list_text(&w, v[i].kind_label);
		list_text(&w, v[i].number);
		list_link(&w, arena_printf(r->arena, "/reminders/%" PRId64, v[i].id), v[i].title);
		list_day(&w, v[i].issued);
		list_text(&w, manage ? arena_printf(r->arena, "%" PRId64 "/%" PRId64, v[i].acked, v[i].recipients)
				     : v[i].acked_at > 0 ? "已阅" : v[i].acked_at == 0 ? "未阅" : "");
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &reminder_filter_spec, &f, total);
	list_close(&w, "没有工作提示");
	list_pager(&w, "/reminders?", req_page(r), total, list_per_page(r));
	return page_finish(r, &sb, 200);
}

/* ---- issuing ----------------------------------------------------------------------------------- */

/* 1 when the posted form holds key=value */
static int posted(struct req *r, const char *key, const char *value)
{
	for (int i = 0; i < r->form.n; i++)
		if (!strcmp(r->form.fields[i].key, key) && !strcmp(r->form.fields[i].value, value))
			return 1;
	return 0;
}

static int reminder_form(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "工作提示", "/reminders", "印发工作提示", NULL, NULL };
	const char **offices;
	struct target_code *staff;
	int no = clue_offices(&r->c, &offices), ns = target_staff(&r->c, &staff);

	page_begin(r, &sb, "印发工作提示", crumbs);
	field_errors_summary(&sb, fe);
	form_open(r, &sb, "/reminders", "record-form");
	field_select(&sb, "kind", "类别", target_code_options(r, 1), req_field(r, "kind"), 1, fielderr_get(fe, "kind"), "请选择");
	field_text(&sb, "title", "标题", req_field(r, "title"), 1, fielderr_get(fe, "title"), "maxlength=\"200\"");
	field_textarea(&sb, "text", "提示内容", req_field(r, "text"), 1, fielderr_get(fe, "text"), 8,
		       REMINDER_BODY_MAX, NULL);
	field_text(&sb, "day", "印发日期（不填为今天）", req_field(r, "day"), 0, fielderr_get(fe, "day"),
		   "type=\"date\"");
	field_group_open(&sb, "to", "接收部门（该部门在用账号均接收）", 0, fielderr_get(fe, "to"));
	for (int i = 0; i < no; i++)
		check_option(&sb, "office", offices[i], offices[i], posted(r, "office", offices[i]));
	field_group_close(&sb, "to", NULL);
	field_group_open(&sb, "users", "接收人员", 0, NULL);
	for (int i = 0; i < ns; i++)
		check_option(&sb, "user_id", staff[i].code, staff[i].label, posted(r, "user_id", staff[i].code));
	field_group_close(&sb, "users", NULL);
	field_text(&sb, "tasks", "关联目标任务编号（多个用逗号分隔）", req_field(r, "tasks"), 0,
		   fielderr_get(fe, "tasks"), "inputmode=\"numeric\"");
	form_close(&sb, "印发", "/reminders");
	return page_finish(r, &sb, status);
}

int page_reminder_new(struct req *r)
{
	struct fielderr fe = { 0 };

	return reminder_form(r, &fe, 200);
}

int page_reminder_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct reminder_input in = { .kind = req_field(r, "kind"), .title = req_field(r, "title"),
				     .n_offices = 0 };
	const char **off = arena_alloc(r->arena, sizeof(*off) * (size_t)(r->form.n + 1));
	int64_t *users = arena_alloc(r->arena, sizeof(*users) * (size_t)(r->form.n + 1));
	int64_t *tasks = arena_alloc(r->arena, sizeof(*tasks) * (REMINDER_TO_MAX + 1));
	const char *p = req_field(r, "tasks");
	int64_t id;

	in.body = req_field(r, "text");
	in.day = req_field(r, "day");
	for (int i = 0; i < r->form.n; i++) {
		if (!strcmp(r->form.fields[i].key, "office") && *r->form.fields[i].value)
			off[in.n_offices++] = r->form.fields[i].value;
		else if (!strcmp(r->form.fields[i].key, "user_id") && atoll(r->form.fields[i].value) > 0)
			users[in.n_users++] = atoll(r->form.fields[i].value);
	}
	while (*p && in.n_tasks <= REMINDER_TO_MAX) {
		char *end;
		long long v = strtoll(p, &end, 10);
		if (end == p) {
			p++;
			continue;
		}
		if (v > 0)
			tasks[in.n_tasks++] = v;
		p = end;
	}
	in.offices = off;
	in.users = users;
	in.tasks = tasks;
	id = reminder_issue(&r->c, &in, &fe);
	if (id == RES_INVALID)
		return reminder_form(r, &fe, 422);
	return page_result(r, id, "reminder", arena_printf(r->arena, "/reminders/%" PRId64 "?ok=created", id));
}

/* ---- a reminder -------------------------------------------------------------------------------- */

int page_reminder(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	struct reminder v;
	struct target_task *t;
	int rc = reminder_get(&r->c, r->id, &v), nt;

	if (rc != RES_DONE)
		return res_error(r, rc, "reminder");
	nt = reminder_tasks(&r->c, v.id, &t);
	if (nt < 0)
		return res_error(r, RES_STORE, "reminder tasks");
	{
		const char *crumbs[] = { "工作台", "/", "工作提示", "/reminders", v.number, NULL, NULL };
		page_begin(r, &sb, v.title, crumbs);
	}
	record_open(&sb);
	record_item(&sb, "类别", v.kind_label);
	record_item(&sb, "期号", v.number);
	record_item(&sb, "印发日期", v.issued);
	record_item(&sb, "印发人", v.issuer_name);
	record_item(&sb, "提示内容", v.body);
	record_close(&sb);
	if (nt > 0) {
		strbuf_addstr(&sb, "<h2>关联目标任务</h2><ul>");
		for (int i = 0; i < nt; i++)
			html_li_link(&sb, arena_printf(r->arena, "/targets/%" PRId64, t[i].id), t[i].title,
				     arena_printf(r->arena, "（%s前）", t[i].deadline));
		strbuf_addstr(&sb, "</ul>");
	}
	if (v.acked_at == 0) {
		form_open(r, &sb, arena_printf(r->arena, "/reminders/%" PRId64 "/ack", v.id), "record-form");
		form_close(&sb, "已阅", NULL);
	} else if (v.acked_at > 0) {
		strbuf_addstr(&sb, "<p>");
		html_state(&sb, "ok", "您已阅");
		strbuf_addstr(&sb, "</p>");
	}
	if (authz_has(&r->c.who, PERM_TARGET_MANAGE)) {
		static const struct column cols[] = { { "部门", NULL }, { "人员", NULL }, { "已阅", NULL } };
		struct reminder_recipient *x;
		int n = reminder_recipients(&r->c, v.id, &x);
		if (n < 0)
			return res_error(r, RES_STORE, "recipients");
		strbuf_addf(&sb, "<h2>阅知情况（已阅 %" PRId64 " / 共 %" PRId64 "）</h2>", v.acked, v.recipients);
		table_open(&sb, NULL, NULL, cols, 3);
		for (int i = 0; i < n; i++) {
			strbuf_addstr(&sb, "<tr>");
			html_td(&sb, x[i].office);
			html_td(&sb, *x[i].display ? x[i].display : x[i].name);
			strbuf_addstr(&sb, "<td>");
			if (x[i].acked_at)
				html_time(&sb, x[i].acked_at);
			else
				html_state(&sb, "warn", "未阅");
			strbuf_addstr(&sb, "</td></tr>");
		}
		table_close(&sb, n, 3, "没有接收人");
	}
	return page_finish(r, &sb, 200);
}

int page_reminder_ack(struct req *r)
{
	int rc = reminder_ack(&r->c, r->id);

	if (rc == RES_INVALID)
		return reply_error(r, E_FORBIDDEN, NULL);
	return page_result(r, rc, "reminder", arena_printf(r->arena, "/reminders/%" PRId64 "?ok=done", r->id));
}
