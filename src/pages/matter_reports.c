/*
 * matter_reports.c: the personal matter reports' pages (pages/talks.h):
 * the list with its clock (a late report flagged 逾期报告), the form, a
 * report's page and its check (已核查 / 发现问题).
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/changes.h"
#include "domain/ctx.h"
#include "domain/labels.h"
#include "domain/matter_report.h"
#include "domain/result.h"
#include "domain/talk.h"
#include "http/filter.h"
#include "http/form.h"
#include "http/http.h"
#include "pages/clues.h"
#include "pages/figlist.h"
#include "pages/find.h"
#include "pages/list.h"
#include "pages/page.h"
#include "pages/talks.h"
#include "pages/list_kept.h"

static const char *const list_args[] = { "within", "person_id", "kind", "state", "reported_from", "reported_to",
	NULL };
static const struct list_col cols[] = { { "编号", "num", 0, 0 }, { "报告人", NULL, 0, 0 }, { "单位", NULL, 0, 0 },
	{ "事项类别", NULL, 0, 0 }, { "事项日期", NULL, 0, 0 }, { "报告日期", NULL, 0, 0 },
	{ "应报告日期", NULL, 0, 0 }, { "状态", NULL, 0, 0 } };
static const struct list_def list_def = LIST_DEF("重大事项报告", "matter_reports", "matter_report", cols);

static const char *state_words(struct req *r, const struct matter_report *m)
{
	const char *s = matter_report_state_text(m->state);

	return m->late ? arena_printf(r->arena, "%s（逾期报告）", s) : s;
}

int page_matter_reports(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "重大事项报告", NULL, NULL };
	const struct label *kinds = sup_kind_labels(r, "matter_report");
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	struct matter_report_filter f;
	struct matter_report *v;
	struct listw w;
	int64_t total;
	int n;
	struct list_kept k;

	if (list_kept_serve(r, &k, "重大事项报告", crumbs))
		return k.rc;
	list_filter(r, &matter_report_filter_spec, &f, list_per_page(r));
	n = matter_report_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "matter reports");
	if (!list_wants_xlsx(r)) {
		list_kept_begin(r, &k, &sb, "重大事项报告", crumbs);
		if (authz_has(&r->c.who, PERM_SUPERVISION_WRITE))
			toolbar(&sb, "/matter-reports/new", "登记报告", 1);
		filter_open(&sb, "/matter-reports");
		field_select(&sb, "kind", "事项类别", kinds, req_arg(r, "kind"), 0, NULL, "全部");
		unit_select(r, &sb, "within", "单位（含下级）", f.within, 0, NULL, "全部");
		field_select(&sb, "state", "状态", matter_report_states, req_arg(r, "state"), 0, NULL, "全部");
		field_text(&sb, "reported_from", "报告日期自", req_arg(r, "reported_from"), 0, NULL, "type=\"date\"");
		field_text(&sb, "reported_to", "至", req_arg(r, "reported_to"), 0, NULL, "type=\"date\"");
		filter_close(&sb, NULL, "/matter-reports");
	}
	list_open(&w, r, &sb, &list_def);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/matter-reports", v[i].id);
		list_text(&w, v[i].person_name);
		list_text(&w, v[i].unit_name);
		list_text(&w, label_of(kinds, v[i].kind) ? label_of(kinds, v[i].kind) : v[i].kind);
		list_day(&w, v[i].event_day);
		list_day(&w, v[i].reported);
		list_day(&w, v[i].due);
		list_text(&w, state_words(r, &v[i]));
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &matter_report_filter_spec, &f, total);
	list_close(&w, "没有符合条件的报告");
	strbuf_addstr(&base, "/matter-reports?");
	figlist_url(&base, &matter_report_filter_spec, &f, list_args);
	list_pager(&w, arena_strdup(r->arena, base.buf), req_page(r), total, list_per_page(r));
	strbuf_release(&base);
	return list_kept_finish(r, &k, &sb);
}

/* the form's value: what was sent, or the report's (m NULL: a new one) */
static const char *val(struct req *r, const struct matter_report *m, const char *key, const char *current)
{
	return r->form.n > 0 || !m ? req_field(r, key) : current ? current : "";
}

static int flag(struct req *r, const struct matter_report *m, const char *key, int current)
{
	return r->form.n > 0 || !m ? *req_field(r, key) != 0 : current;
}

/* the fields a report is recorded and corrected with */
static void report_fields(struct req *r, struct strbuf *sb, const struct matter_report *m, const struct fielderr *fe)
{
	field_select(sb, "kind", "事项类别", sup_kind_labels(r, "matter_report"), val(r, m, "kind", m ? m->kind : NULL),
		     1, fielderr_get(fe, "kind"), "请选择");
	field_text(sb, "event_day", "事项日期（婚礼、丧事、宴请等举办之日）",
		   val(r, m, "event_day", m ? m->event_day : NULL), 1, fielderr_get(fe, "event_day"), "type=\"date\"");
	field_text(sb, "reported", "报告日期", val(r, m, "reported", m ? m->reported : NULL), 1,
		   fielderr_get(fe, "reported"), "type=\"date\"");
	field_text(sb, "guests", "宾客人数",
		   val(r, m, "guests", m ? arena_printf(r->arena, "%" PRId64, m->guests) : NULL), 0,
		   fielderr_get(fe, "guests"), "inputmode=\"numeric\"");
	field_text(sb, "tables", "桌数", val(r, m, "tables", m ? arena_printf(r->arena, "%" PRId64, m->tables) : NULL),
		   0, fielderr_get(fe, "tables"), "inputmode=\"numeric\"");
	field_checkbox(sb, "public_funds", "使用公款", flag(r, m, "public_funds", m && m->public_funds));
	field_checkbox(sb, "public_vehicles", "使用公车", flag(r, m, "public_vehicles", m && m->public_vehicles));
	field_textarea(sb, "note", "备注", val(r, m, "note", m ? m->note : NULL), 0, fielderr_get(fe, "note"), 3,
		       MATTER_REPORT_NOTE_MAX, NULL);
}

static int report_form(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "重大事项报告", "/matter-reports", "登记报告", NULL,
					      NULL };
	struct strbuf sb = STRBUF_INIT;

	page_begin(r, &sb, "登记重大事项报告", crumbs);
	field_errors_summary(&sb, fe);
	form_open(r, &sb, "/matter-reports", "record-form");
	field_pick(r, &sb, FIND_PERSON, "person_id", "报告人", 1, fielderr_get(fe, "person_id"));
	report_fields(r, &sb, NULL, fe);
	form_close(&sb, "保存", "/matter-reports");
	return page_finish(r, &sb, status);
}

int page_matter_report_new(struct req *r)
{
	struct fielderr fe = { 0 };

	return report_form(r, &fe, 200);
}

/* a count field: "" is 0; -1 with a message when not a number */
static int64_t count_field(struct req *r, const char *key, const char *msg, struct fielderr *fe)
{
	long long v = 0;

	if (*req_field(r, key) && form_get_int(&r->form, key, &v) < 0) {
		fielderr_add(fe, key, msg);
		return 0;
	}
	return v;
}

static void read_fields(struct req *r, struct matter_report *m, struct fielderr *fe)
{
	m->kind = req_field(r, "kind");
	m->event_day = req_field(r, "event_day");
	m->reported = req_field(r, "reported");
	m->guests = count_field(r, "guests", "宾客人数应为数字", fe);
	m->tables = count_field(r, "tables", "桌数应为数字", fe);
	m->public_funds = *req_field(r, "public_funds") != 0;
	m->public_vehicles = *req_field(r, "public_vehicles") != 0;
	m->note = req_field(r, "note");
}

int page_matter_report_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct matter_report m = { 0 };
	int64_t id;

	m.person_id = pick_resolve(r, FIND_PERSON, "person_id", &fe);
	if (m.person_id < 0)
		return res_error(r, RES_STORE, "pick");
	read_fields(r, &m, &fe);
	if (fe.n)
		return report_form(r, &fe, 422);
	id = matter_report_add(&r->c, &m, &fe);
	if (id == RES_INVALID)
		return report_form(r, &fe, 422);
	return page_result(r, id > 0 ? RES_DONE : id, "matter_report",
			   arena_printf(r->arena, "/matter-reports/%" PRId64 "?ok=created", id));
}

static int report_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct matter_report m;
	const char *title;
	int rc = matter_report_get(&r->c, r->id, &m);

	if (rc != RES_DONE)
		return res_error(r, rc, "matter_report");
	title = arena_printf(r->arena, "重大事项报告 %" PRId64, m.id);
	{
		const char *crumbs[] = { "工作台", "/", "重大事项报告", "/matter-reports", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	field_errors_summary(&sb, fe);
	record_head(&sb, state_words(r, &m));
	record_open(&sb);
	record_link(&sb, "报告人", page_href(r, arena_printf(r->arena, "/persons/%" PRId64, m.person_id)),
		    m.person_name);
	record_item(&sb, "单位", m.unit_name);
	record_item(&sb, "事项类别", sup_kind_label(&r->c, "matter_report", m.kind));
	record_item(&sb, "事项日期", m.event_day);
	record_item(&sb, "报告日期", m.reported);
	record_value_open(&sb, "应报告日期", NULL);
	html_txt(&sb, m.due);
	strbuf_addstr(&sb, m.late ? " <span class=\"clock overdue\">逾期报告</span>" : "");
	record_value_close(&sb);
	record_item(&sb, "宾客人数", arena_printf(r->arena, "%" PRId64, m.guests));
	record_item(&sb, "桌数", arena_printf(r->arena, "%" PRId64, m.tables));
	record_item(&sb, "使用公款", m.public_funds ? "是" : "否");
	record_item(&sb, "使用公车", m.public_vehicles ? "是" : "否");
	record_item(&sb, "备注", m.note);
	record_item(&sb, "核查日期", m.checked_on);
	record_close(&sb);
	if (authz_has(&r->c.who, PERM_SUPERVISION_WRITE))
		toolbar(&sb, arena_printf(r->arena, "/matter-reports/%" PRId64 "/edit", m.id), "编辑", 0);
	if (!strcmp(m.state, "received") && authz_has(&r->c.who, PERM_SUPERVISION_WRITE)) {
		strbuf_addstr(&sb, "<h2>核查</h2>");
		form_open(r, &sb, arena_printf(r->arena, "/matter-reports/%" PRId64 "/check", m.id), "record-form");
		form_actions_open(&sb);
		form_button(&sb, "已核查，未发现问题", "concern", "0", "primary");
		form_button(&sb, "发现问题", "concern", "1", NULL);
		form_actions_close(&sb);
		form_end(&sb);
	}
	{
		struct timeline_entry *tl;
		int n = matter_report_timeline(&r->c, m.id, &tl);
		if (n > 0)
			page_timeline(&sb, tl, n);
	}
	return page_finish(r, &sb, status);
}

int page_matter_report(struct req *r)
{
	struct fielderr fe = { 0 };

	return report_page(r, &fe, 200);
}

int page_matter_report_check(struct req *r)
{
	struct fielderr fe = { 0 };
	int rc = matter_report_check(&r->c, r->id, !strcmp(req_field(r, "concern"), "1"), &fe);

	if (rc == RES_INVALID)
		return report_page(r, &fe, 422);
	return page_result(r, rc, "matter_report", arena_printf(r->arena, "/matter-reports/%" PRId64 "?ok=done", r->id));
}

/* ---- correcting a report -------------------------------------------------------------- */

static int edit_form(struct req *r, const struct matter_report *m, const struct fielderr *fe, unsigned status)
{
	const char *back = arena_printf(r->arena, "/matter-reports/%" PRId64, m->id);
	const char *crumbs[] = { "工作台", "/", "重大事项报告", "/matter-reports",
				 arena_printf(r->arena, "重大事项报告 %" PRId64, m->id), back, "修改", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;

	page_begin(r, &sb, arena_printf(r->arena, "修改重大事项报告 %" PRId64, m->id), crumbs);
	field_errors_summary(&sb, fe);
	strbuf_addstr(&sb, "<p class=\"hint\">报告人：");
	html_txt(&sb, m->person_name);
	strbuf_addstr(&sb, "。保存后按新的事项日期重新计算应报告日期（事项发生之日起30日内，"
		      "最后一日为法定休假日的顺延至休假日结束的次日）并判断是否逾期。</p>");
	form_open(r, &sb, arena_printf(r->arena, "/matter-reports/%" PRId64 "/edit", m->id), "record-form");
	report_fields(r, &sb, m, fe);
	field_textarea(&sb, "reason", "修改原因", req_field(r, "reason"), 1, fielderr_get(fe, "reason"), 2,
		       CHANGE_REASON_MAX, "修改原因和修改前后的内容记入审计日志和报告的处理过程（备注只记“已修改”）。");
	form_close(&sb, "保存修改", back);
	return page_finish(r, &sb, status);
}

int page_matter_report_edit_form(struct req *r)
{
	struct fielderr fe = { 0 };
	struct matter_report m;
	int rc = matter_report_get(&r->c, r->id, &m);

	if (rc != RES_DONE)
		return res_error(r, rc, "matter_report");
	return edit_form(r, &m, &fe, 200);
}

int page_matter_report_edit(struct req *r)
{
	struct fielderr fe = { 0 };
	struct matter_report old, m;
	int rc = matter_report_get(&r->c, r->id, &old);

	if (rc != RES_DONE)
		return res_error(r, rc, "matter_report");
	m = old;
	read_fields(r, &m, &fe);
	if (!fe.n)
		rc = matter_report_edit(&r->c, &m, req_field(r, "reason"), &fe);
	if (fe.n)
		return edit_form(r, &old, &fe, 422);
	return page_result(r, rc, "matter_report", arena_printf(r->arena, "/matter-reports/%" PRId64 "?ok=saved", r->id));
}
