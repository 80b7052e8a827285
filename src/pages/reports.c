/*
 * reports.c: the report (信访举报) pages: the registry with filters and
 * paging, the registration form, and a report's page: its record (the
 * reporter's identity only for the PERM_REPORTER roles), accused, summary,
 * clocks, the steps the intake office may take now, turning it into a
 * problem clue (with the open-clue warning to confirm), and the timeline.
 * The rules are the domain's (domain/report.c).
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/clue.h"
#include "domain/public_report.h"
#include "model/public.h"
#include "domain/report.h"
#include "domain/role.h"
#include "http/filter.h"
#include "http/http.h"
#include "pages/attach.h"
#include "pages/clues.h"
#include "pages/list.h"
#include "pages/list_kept.h"
#include "pages/documents.h"

#include "pages/find.h"

#include "pages/page.h"
#include "pages/reports.h"

/* ---- the registry ------------------------------------------------------- */

static const struct list_col report_cols[] = { { "编号", "num", 0, 0 }, { "收到日期", NULL, 0, 0 },
	{ "渠道", NULL, 0, 0 }, { "类别", NULL, 0, 0 }, { "被反映人", NULL, 0, 0 }, { "单位", NULL, 0, 0 },
	{ "状态", NULL, 0, 0 } };
static const struct list_def report_list_def = LIST_DEF("信访举报", "reports", "report", report_cols);

static void row(struct listw *w, const struct report *k)
{
	list_id(w, "/reports", k->id);
	list_day(w, k->received);
	list_text(w, label_of(report_channels, k->channel));
	list_text(w, label_of(report_categories, k->category));
	list_text(w, k->accused_names);
	list_text(w, *k->unit_name ? k->unit_name : "—");
	list_text(w, label_of(report_states, k->state));
	list_row_end(w);
}

int page_reports(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "信访举报", NULL, NULL };
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	struct report_filter rq;
	struct report *v = NULL;
	struct listw w;
	int64_t total = 0;
	int page = req_page(r), per = list_per_page(r), n;
	struct list_kept k;

	if (list_kept_serve(r, &k, "信访举报", crumbs))
		return k.rc;
	list_filter(r, &report_filter_spec, &rq, per);
	n = report_list(&r->c, &rq, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "report list");
	list_kept_begin(r, &k, &sb, "信访举报", crumbs);
	filter_open(&sb, "/reports");
	field_select(&sb, "state", "状态", report_states, rq.state, 0, NULL, "全部");
	field_select(&sb, "channel", "渠道", report_channels, rq.channel, 0, NULL, "全部");
	field_select(&sb, "category", "类别", report_categories, rq.category, 0, NULL, "全部");
	field_select(&sb, "kind", "办理依据", report_kinds, rq.kind, 0, NULL, "全部");
	unit_select(r, &sb, "unit_id", "单位", rq.unit_id, 0, NULL, "全部单位");
	field_text(&sb, "from", "收到日期自", rq.day_from, 0, NULL, "type=\"date\"");
	field_text(&sb, "to", "至", rq.day_to, 0, NULL, "type=\"date\"");
	filter_overdue(&sb, rq.overdue);
	filter_close(&sb, NULL, "/reports");
	if (authz_has(&r->c.who, PERM_REPORT_WRITE))
		toolbar(&sb, "/reports/new", "登记信访举报", 1);
	list_open(&w, r, &sb, &report_list_def);
	for (int i = 0; i < n; i++)
		row(&w, &v[i]);
	if (w.xlsx)
		return list_export(&w, &report_filter_spec, &rq, total);
	list_close(&w, "没有符合条件的信访举报");
	strbuf_addstr(&base, "/reports?");
	url_param(&base, "state", rq.state);
	url_param(&base, "channel", rq.channel);
	url_param(&base, "category", rq.category);
	url_param(&base, "kind", rq.kind);
	url_param(&base, "from", rq.day_from);
	url_param(&base, "to", rq.day_to);
	list_unit_url(r, &base, rq.unit_id);
	if (rq.overdue)
		strbuf_addstr(&base, "overdue=1&");
	list_pager(&w, base.buf, page, total, per);
	strbuf_release(&base);
	return list_kept_finish(r, &k, &sb);
}

/* ---- registering ---------------------------------------------------------- */

static int report_form(struct req *r, const struct report_input *in, const struct fielderr *fe,
		       unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "信访举报", "/reports", "登记信访举报", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;

	page_begin(r, &sb, "登记信访举报", crumbs);
	field_errors_summary(&sb, fe);
	form_open(r, &sb, "/reports", "record-form");
	field_text(&sb, "received", "收到日期", in->received, 1, fielderr_get(fe, "received"), "type=\"date\"");
	field_select(&sb, "channel", "举报渠道", report_channels, in->channel, 1, fielderr_get(fe, "channel"), "请选择");
	field_select(&sb, "category", "举报类别", report_categories, in->category, 1,
		     fielderr_get(fe, "category"), "请选择");
	field_select(&sb, "kind", "办理依据", report_kinds, in->kind, 1, fielderr_get(fe, "kind"), "请选择");
	field_checkbox(&sb, "real_name", "实名举报", in->real_name);
	field_checkbox(&sb, "repeated", "重复检举控告（不再告知受理情况）", in->repeated);
	field_text(&sb, "reporter", "举报人姓名（实名时必填）", in->reporter, 0, fielderr_get(fe, "reporter"),
		   "maxlength=\"50\" autocomplete=\"off\"");
	field_text(&sb, "contact", "联系方式（实名时必填）", in->contact, 0, fielderr_get(fe, "contact"),
		   "maxlength=\"100\" autocomplete=\"off\"");
	person_multiselect(r, &sb, "accused", "被反映人（可多选，可不选）", in->accused, in->n_accused,
			   fielderr_get(fe, "accused"));
	field_checkbox(&sb, "other_level", "不属本级受理，需转送其他层级", in->other_level);
	field_textarea(&sb, "summary", "反映的主要问题", in->summary, 1, fielderr_get(fe, "summary"), 5, 5000,
		       "举报人信息和反映内容均加密保存；举报人信息仅信访室与委领导可查看。");
	form_close(&sb, "保存", "/reports");
	return page_finish(r, &sb, status);
}

int page_report_new(struct req *r)
{
	struct report_input in = { .received = "", .channel = "", .category = "", .kind = "",
				   .reporter = "", .contact = "", .summary = "" };
	struct fielderr fe = { 0 };

	return report_form(r, &in, &fe, 200);
}

int page_report_create(struct req *r)
{
	struct report_input in = { 0 };
	struct fielderr fe = { 0 };
	int64_t id;

	in.received = req_field(r, "received");
	in.channel = req_field(r, "channel");
	in.category = req_field(r, "category");
	in.kind = req_field(r, "kind");
	in.repeated = form_get_bool(&r->form, "repeated");
	in.real_name = form_get_bool(&r->form, "real_name");
	in.other_level = form_get_bool(&r->form, "other_level");
	in.reporter = req_field(r, "reporter");
	in.contact = req_field(r, "contact");
	in.summary = req_field(r, "summary");
	in.n_accused = form_ids(r, "accused", in.accused, REPORT_MAX_ACCUSED);
	if (in.n_accused < 0) {
		in.n_accused = 0;
		fielderr_add(&fe, "accused", "所选被反映人不存在或超过16人");
		return report_form(r, &in, &fe, 422);
	}
	/* a name typed in the picker without choosing (no script) */
	in.n_accused = pick_add(r, FIND_PERSON, "accused", in.accused, in.n_accused, REPORT_MAX_ACCUSED, &fe);
	if (fe.n)
		return report_form(r, &in, &fe, 422);
	id = report_register(&r->c, &in, &fe);
	if (id == RES_INVALID)
		return report_form(r, &in, &fe, 422);
	return page_result(r, id, "report",
			   arena_printf(r->arena, "/reports/%" PRId64 "?ok=created", id));
}

/* ---- a report ------------------------------------------------------------- */

/* The step forms of a report page: the form's name (posted as `form`),
 * its step (the decision form posts decision=accept|not_accept), its
 * text field with the domain's field name. */
static const struct step_form {
	const char *form, *title;
	enum report_step step;
	const char *text, *text_label;
} step_forms[] = {
	{ "decision", "受理决定", REPORT_ACCEPT, "note", "说明（不予受理时填写理由）" },
	{ "transfer", "转送其他层级", REPORT_TRANSFER, "transfer_to", "转送至（机关或层级）" },
	{ "conclude", "办结", REPORT_CONCLUDE, NULL, NULL },
	{ "extend", "延期办理（一次）", REPORT_EXTEND, "note", "延期理由" },
	{ "notify_accept", "记录已告知举报人受理情况", REPORT_NOTIFY_ACCEPT, NULL, NULL },
	{ "notify_outcome", "记录已向举报人反馈办理结果", REPORT_NOTIFY_OUTCOME, NULL, NULL },
};

static void day_field(struct req *r, struct strbuf *sb, const char *form, const char *err)
{
	const char *name = arena_printf(r->arena, "%s_day", form);
	field_text(sb, name, "日期", req_field(r, name), 1, err, "type=\"date\"");
}

static void step_actions(struct req *r, struct strbuf *sb, const struct report *k,
			 const struct fielderr *fe)
{
	const char *posted = req_field(r, "form");

	for (size_t i = 0; i < sizeof(step_forms) / sizeof(step_forms[0]); i++) {
		const struct step_form *f = &step_forms[i];
		const struct fielderr *e = !strcmp(posted, f->form) ? fe : &(struct fielderr){ 0 };
		if (report_step_refusal(k, f->step))
			continue;
		strbuf_addstr(sb, "<h2>");
		html_txt(sb, f->title);
		strbuf_addstr(sb, "</h2>");
		form_open(r, sb, arena_printf(r->arena, "/reports/%" PRId64 "/step", k->id), "record-form");
		form_hidden(sb, "form", f->form);
		html_notice(sb, "error", fielderr_get(e, "state"));
		day_field(r, sb, f->form, fielderr_get(e, "day"));
		if (f->text)
			field_text(sb, f->text, f->text_label, req_field(r, f->text),
				   f->step == REPORT_TRANSFER || f->step == REPORT_EXTEND,
				   fielderr_get(e, f->text), "maxlength=\"500\"");
		if (f->step == REPORT_TRANSFER)
			field_text(sb, "transfer_ref", "转送文号", req_field(r, "transfer_ref"), 0,
				   fielderr_get(e, "transfer_ref"), "maxlength=\"100\"");
		if (f->step == REPORT_ACCEPT) {
			form_actions_open(sb);
			form_button(sb, "受理", "decision", "accept", "primary");
			form_button(sb, "不予受理", "decision", "not_accept", NULL);
			form_actions_close(sb);
		} else {
			form_close(sb, "保存", NULL);
		}
	}
}

static void clue_action(struct req *r, struct strbuf *sb, const struct report *k, const struct fielderr *fe,
			const struct clue_dup *dups, int n_dups)
{
	if (k->clue_id || !authz_has(&r->c.who, PERM_CLUE_REGISTER) ||
	    (strcmp(k->state, "accepted") && strcmp(k->state, "concluded")))
		return;
	strbuf_addstr(sb, "<h2>转为问题线索</h2>");
	form_open(r, sb, arena_printf(r->arena, "/reports/%" PRId64 "/clue", k->id), "record-form");
	form_hidden(sb, "form", "clue");
	page_clue_dups(sb, dups, n_dups, NULL);
	html_notice(sb, "error", fielderr_get(fe, "state"));
	field_text(sb, "clue_day", "线索受理日期", req_field(r, "clue_day"), 1,
		   fielderr_get(fe, "day") ? fielderr_get(fe, "day") : fielderr_get(fe, "received"),
		   "type=\"date\"");
	if (n_dups)
		field_checkbox(sb, "confirm", "确认登记（已核实不是重复线索）", 0);
	form_close(sb, "登记为问题线索", NULL);
}

/* The correction of the kind (registration fixed it before): while the
 * report is not concluded, the current values preselected. */
static void kind_action(struct req *r, struct strbuf *sb, const struct report *k, const struct fielderr *fe)
{
	int posted = !strcmp(req_field(r, "form"), "kind");

	if (!strcmp(k->state, "concluded"))
		return;
	strbuf_addstr(sb, "<h2>更正举报类型</h2><p class=\"hint\">办理时限按更正后的类型重新计算（自收到、受理等日期起算）。</p>");
	form_open(r, sb, arena_printf(r->arena, "/reports/%" PRId64 "/kind", k->id), "record-form");
	form_hidden(sb, "form", "kind");
	field_select(sb, "kind", "办理类型", report_kinds, posted ? req_field(r, "kind") : k->kind, 1,
		     fielderr_get(fe, "kind"), "请选择");
	field_select(sb, "category", "举报类别", report_categories, posted ? req_field(r, "category") : k->category,
		     1, fielderr_get(fe, "category"), "请选择");
	field_checkbox(sb, "repeated", "重复检举控告", posted ? form_get_bool(&r->form, "repeated") : k->repeated);
	form_close(sb, "更正", NULL);
}

/* The exchange with a reporter of the public channel (issue 13), for the
 * reports that came from it: the reporter's follow-ups and the replies,
 * oldest first, and the form of a new reply, which reaches the reporter's
 * query page with the next reply batch (at once in single-instance mode). */
static void public_reply_action(struct req *r, struct strbuf *sb, const struct report *k,
				const struct fielderr *fe)
{
	struct public_message *msgs;
	int n;

	if (public_report_is_public(&r->c, k->id) <= 0)
		return;
	strbuf_addstr(sb, "<h2>答复网络举报人</h2><p class=\"hint\">举报人凭查询码在网上查询页面看到办理状态和全部答复"
		      "（不含举报人信息）；举报人的补充说明也列在这里。</p>");
	n = public_messages(&r->c, k->id, &msgs);
	if (n > 0) {
		strbuf_addstr(sb, "<ol class=\"public-messages\">");
		for (int i = 0; i < n; i++) {
			int in = !strcmp(msgs[i].direction, "in");
			strbuf_addstr(sb, in ? "<li class=\"from-reporter\">" : "<li class=\"from-staff\">");
			strbuf_addstr(sb, "<span class=\"hint\">");
			html_txt(sb, msgs[i].day);
			strbuf_addstr(sb, in ? " 举报人补充说明" : " 答复");
			strbuf_addstr(sb, "</span> <span class=\"prose\">");
			html_txt(sb, msgs[i].body);
			strbuf_addstr(sb, "</span></li>");
		}
		strbuf_addstr(sb, "</ol>");
	}
	if (authz_has(&r->c.who, PERM_REPORT_WRITE)) {
		form_open(r, sb, arena_printf(r->arena, "/reports/%" PRId64 "/public-reply", k->id),
			  "record-form");
		form_hidden(sb, "form", "public_reply");
		field_textarea(sb, "reply", "答复内容", fe->n ? req_field(r, "reply") : "", 1,
			       fielderr_get(fe, "reply"), 5, 2000, NULL);
		form_close(sb, "发送答复", NULL);
	}
}

static void clocks_table(struct strbuf *sb, const struct report_detail *d)
{
	char buf[11];

	strbuf_addstr(sb, "<h2>办理时限</h2>");
	{
		static const struct column cols[] = { { "时限", NULL }, { "起算", NULL },
				{ "期限", NULL }, { "完成", NULL }, { "状态", NULL }, { "依据", NULL } };
		table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (int i = 0; i < d->n_clocks; i++) {
		const struct report_clock *k = &d->clocks[i];
		strbuf_addstr(sb, "<tr>");
		html_td(sb, k->label);
		html_td(sb, date_format(k->start, buf));
		html_td(sb, date_format(k->due, buf));
		html_td(sb, k->done != QF_DAY_NONE ? date_format(k->done, buf) : "");
		strbuf_addstr(sb, "<td>");
		html_clock(sb, k->state);
		strbuf_addstr(sb, "</td>");
		html_td(sb, k->source);
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, 0, 0, NULL);
}

static void record(struct req *r, struct strbuf *sb, const struct report *k, const struct report_detail *d)
{
	const char *who = !k->real_name ? "匿名" : d->identity_hidden ? REPORT_IDENTITY_HIDDEN : d->reporter;

	record_head(sb, label_of(report_states, k->state));
	record_open(sb);
	record_item(sb, "收到日期", k->received);
	record_item(sb, "举报渠道", label_of(report_channels, k->channel));
	record_item(sb, "举报类别", label_of(report_categories, k->category));
	record_item(sb, "办理依据", k->repeated ? arena_printf(r->arena, "%s（重复举报）", label_of(report_kinds, k->kind))
					: label_of(report_kinds, k->kind));
	record_item(sb, "举报人", who);
	if (d->contact)
		record_item(sb, "联系方式", d->contact);
	record_item(sb, "被反映人", k->accused_names);
	record_item(sb, "所属单位", k->unit_name);
	record_item(sb, "受理层级", k->other_level ? "不属本级受理" : "本级受理");
	record_item(sb, "受理决定", k->accepted ? arena_printf(r->arena, "%s %s %s", k->accepted,
			label_of(report_states, k->state), k->accept_note) : "");
	record_item(sb, "转送", k->transferred ? arena_printf(r->arena, "%s 转送%s", k->transferred, k->transfer_to) : "");
	record_item(sb, "办结日期", k->concluded);
	if (k->real_name) {
		record_item(sb, "受理告知", k->notified_accept);
		record_item(sb, "结果反馈", k->notified_outcome);
	}
	record_link(sb, "问题线索", k->clue_id ? page_href(r, arena_printf(r->arena, "/clues/%" PRId64, k->clue_id)) : NULL,
		    k->clue_id ? arena_printf(r->arena, "问题线索 %" PRId64, k->clue_id) : NULL);
	record_value_open(sb, "反映的主要问题", "prose");
	html_txt(sb, d->summary);
	record_value_close(sb);
	record_close(sb);
}

static int report_page(struct req *r, int64_t id, const struct fielderr *fe, const struct clue_dup *dups,
		       int n_dups, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct report k;
	struct report_detail d;
	int rc = report_get(&r->c, id, &k);

	if (rc <= 0)
		return res_error(r, rc, "report");
	if (report_detail(&r->c, &k, &d) < 0)
		return reply_error(r, E_STORE, "report detail");
	{
		const char *title = arena_printf(r->arena, "信访举报 %" PRId64, k.id);
		const char *crumbs[] = { "工作台", "/", "信访举报", "/reports", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	field_errors_summary(&sb, fe);
	record(r, &sb, &k, &d);
	clocks_table(&sb, &d);
	if (authz_has(&r->c.who, PERM_REPORT_WRITE)) {
		step_actions(r, &sb, &k, fe);
		clue_action(r, &sb, &k, !strcmp(req_field(r, "form"), "clue") ? fe : &(struct fielderr){ 0 },
			    dups, n_dups);
		kind_action(r, &sb, &k, !strcmp(req_field(r, "form"), "kind") ? fe : &(struct fielderr){ 0 });
	}
	public_reply_action(r, &sb, &k, !strcmp(req_field(r, "form"), "public_reply") ? fe
					: &(struct fielderr){ 0 });
	attach_section(r, &sb, "report", k.id);
	page_documents_report(r, &sb, k.id);

	page_timeline(&sb, d.timeline, d.n_timeline);
	return page_finish(r, &sb, status);
}

int page_report_show(struct req *r)
{
	struct fielderr fe = { 0 };
	return report_page(r, r->id, &fe, NULL, 0, 200);
}

int page_report_step(struct req *r)
{
	const char *form = req_field(r, "form");
	const struct step_form *f = NULL;
	struct fielderr fe = { 0 };
	enum report_step step;
	int rc;

	for (size_t i = 0; i < sizeof(step_forms) / sizeof(step_forms[0]); i++)
		if (!strcmp(step_forms[i].form, form))
			f = &step_forms[i];
	if (!f)
		return reply_error(r, E_BAD_REQUEST, "unknown step");
	step = f->step;
	if (step == REPORT_ACCEPT && !strcmp(req_field(r, "decision"), "not_accept"))
		step = REPORT_NOT_ACCEPT;
	if (step == REPORT_TRANSFER)
		rc = report_forward(&r->c, r->id, req_field(r, "transfer_day"), req_field(r, "transfer_to"),
				    req_field(r, "transfer_ref"), &fe);
	else
		rc = report_step(&r->c, r->id, step, req_field(r, arena_printf(r->arena, "%s_day", form)),
				 f->text ? req_field(r, f->text) : "", &fe);
	if (rc == RES_INVALID)
		return report_page(r, r->id, &fe, NULL, 0, 422);
	return page_result(r, rc, "report",
			   arena_printf(r->arena, "/reports/%" PRId64 "?ok=done", r->id));
}

int page_report_clue(struct req *r)
{
	struct fielderr fe = { 0 };
	struct clue_dup *dups;
	int n_dups;
	int64_t id;

	id = report_to_clue(&r->c, r->id, req_field(r, "clue_day"), form_get_bool(&r->form, "confirm"), &fe,
			    &dups, &n_dups);
	if (id == RES_INVALID)
		return report_page(r, r->id, &fe, NULL, 0, 422);
	if (id == RES_CONFIRM)
		return report_page(r, r->id, &fe, dups, n_dups, 409);
	return page_result(r, id, "report",
			   arena_printf(r->arena, "/reports/%" PRId64 "?ok=done", r->id));
}

int page_report_kind(struct req *r)
{
	struct fielderr fe = { 0 };
	int rc = report_correct_kind(&r->c, r->id, req_field(r, "kind"), form_get_bool(&r->form, "repeated"),
				     req_field(r, "category"), &fe);

	if (rc == RES_INVALID)
		return report_page(r, r->id, &fe, NULL, 0, 422);
	return page_result(r, rc, "report", arena_printf(r->arena, "/reports/%" PRId64 "?ok=saved", r->id));
}

int page_report_public_reply(struct req *r)
{
	struct fielderr fe = { 0 };
	int rc = public_reply_add(&r->c, r->id, req_field(r, "reply"), &fe);

	if (rc == RES_INVALID)
		return report_page(r, r->id, &fe, NULL, 0, 422);
	return page_result(r, rc, "report", arena_printf(r->arena, "/reports/%" PRId64 "?ok=saved", r->id));
}
