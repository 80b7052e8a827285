/*
 * cases.c: the case pages: the list (need-to-know: only the cases the
 * user may see) with filters and paging; a case's page with its subjects,
 * handling team, detentions and their clocks, notes, the steps to closure
 * and the timeline, and the forms the user may use now; the user's own
 * recusal declarations (/account/conflicts).  The rules are the domain's
 * (domain/case.c, detention.c, recusal.c).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/figlists.h"
#include "domain/authz.h"
#include "domain/case.h"
#include "domain/case_filing.h"
#include "domain/clocks.h"
#include "domain/clue.h"
#include "domain/detention.h"
#include "domain/person.h"
#include "domain/recusal.h"
#include "domain/role.h"
#include "domain/trial.h"
#include "domain/user.h"
#include "http/filter.h"
#include "http/http.h"
#include "pages/attach.h"
#include "pages/cases.h"
#include "pages/figlist.h"
#include "pages/list.h"
#include "pages/list_kept.h"
#include "pages/find.h"

#include "pages/clues.h"
#include "pages/outcomes.h"
#include "pages/documents.h"
#include "pages/page.h"
#include "pages/recusal.h"

/* ---- the list ------------------------------------------------------------------ */

static const char *const crumbs_list[] = { "工作台", "/", "案件", NULL, NULL };
static const struct list_col case_cols[] = { { "编号", "num", 0, 0 }, { "立案日期", NULL, 0, 0 },
	{ "立案编号", NULL, 0, 0 }, { "被调查人", NULL, 0, 0 }, { "单位", NULL, 0, 0 }, { "主办", NULL, 0, 0 }, { "状态", NULL, 0, 0 },
	{ "审理期限", NULL, 0, 0 } };
static const struct list_def case_list_def = LIST_DEF("案件", "cases", "case", case_cols);

/* the figures' arguments the filter form does not show (model/case.c) */
static const char *const figure_args[] = { "filed_from", "filed_to", "closed_from", "closed_to",
	"transferred_from", "transferred_to", "within", "category", "source", "organ_kind", "rank",
	"top_leader", "leadership", "key_persons", NULL };

int page_cases(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	struct case_filter cq;
	struct case_rec *v = NULL;
	struct listw w;
	int64_t total = 0;
	int page = req_page(r), per = list_per_page(r), n;
	struct list_kept k;

	if (list_kept_serve(r, &k, "案件", crumbs_list))
		return k.rc;
	list_filter(r, &case_filter_spec, &cq, per);
	n = case_list(&r->c, &cq, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "case list");
	list_kept_begin(r, &k, &sb, "案件", crumbs_list);
	filter_open(&sb, "/cases");
	field_select(&sb, "state", "状态", case_states, cq.state, 0, NULL, "全部");
	unit_select(r, &sb, "unit_id", "单位", cq.unit_id, 0, NULL, "全部单位");
	campaign_select(r, &sb, cq.campaign_id, NULL, "全部");
	field_text(&sb, "from", "立案日期自", cq.day_from, 0, NULL, "type=\"date\"");
	field_text(&sb, "to", "至", cq.day_to, 0, NULL, "type=\"date\"");
	filter_overdue(&sb, cq.overdue);
	field_text(&sb, "no", "立案编号", cq.number ? cq.number : "", 0, NULL, "maxlength=\"50\"");
	figlist_form(&sb, &case_filter_spec, &cq, figure_args, "/cases");
	filter_close(&sb, NULL, "/cases");
	if (!case_sees_all(&r->c))
		strbuf_addstr(&sb, "<p class=\"hint\">仅列出您所在办理组的案件。</p>");
	list_open(&w, r, &sb, &case_list_def);
	for (int i = 0; i < n; i++) {
		struct strbuf *td;
		list_id(&w, "/cases", v[i].id);
		list_day(&w, v[i].filed);
		list_text(&w, v[i].filing_numbers);
		list_text(&w, v[i].subject_names);
		list_text(&w, v[i].unit_name);
		list_text(&w, v[i].lead_name);
		list_text(&w, label_of(case_states, v[i].state));
		td = list_cell(&w, NULL, office_date(v[i].trial_due ? date_parse(v[i].trial_due) : QF_DAY_NONE));
		if (td && v[i].trial_due) {
			html_txt(td, v[i].trial_due);
			strbuf_addch(td, ' ');
			clock_badge(r, td, v[i].trial_due, v[i].closed);
		}
		list_cell_end(&w);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &case_filter_spec, &cq, total);
	list_close(&w, "没有符合条件的案件");
	strbuf_addstr(&base, "/cases?");
	url_param(&base, "state", cq.state);
	url_param(&base, "from", cq.day_from);
	url_param(&base, "to", cq.day_to);
	url_param(&base, "overdue", cq.overdue ? "1" : NULL);
	url_param(&base, "no", cq.number);
	list_unit_url(r, &base, cq.unit_id);
	if (cq.campaign_id)
		strbuf_addf(&base, "campaign_id=%" PRId64 "&", cq.campaign_id);
	figlist_url(&base, &case_filter_spec, &cq, figure_args);
	list_pager(&w, base.buf, page, total, per);
	strbuf_release(&base);
	return list_kept_finish(r, &k, &sb);
}

/* ---- a case ------------------------------------------------------------------------ */

/* Which form was sent (its messages and values are shown), for the one
 * page all the forms post back to. */
struct shown {
	const char *form;
	const struct fielderr *fe;
};

static const char *err_of(const struct shown *s, const char *form, const char *field)
{
	return s->form && !strcmp(s->form, form) ? fielderr_get(s->fe, field) : NULL;
}

static const char *val_of(struct req *r, const struct shown *s, const char *form, const char *field)
{
	return s->form && !strcmp(s->form, form) ? req_field(r, field) : "";
}

/* One of the page's forms under its own heading. */
static void titled_form(struct req *r, struct strbuf *sb, const char *title, const char *action)
{
	strbuf_addstr(sb, "<h3>");
	html_txt(sb, title);
	strbuf_addstr(sb, "</h3>");
	form_open(r, sb, action, "record-form");
}

/* The name of a field of a form the page shows more than once or beside
 * others with the same fields (transfer_day, end3_day, ext3_kind): its own
 * name gives it its own id, so that each label names its own field. */
static const char *fname(struct req *r, const char *form, const char *field)
{
	return arena_printf(r->arena, "%s_%s", form, field);
}

/* The domain's field errors of such a form under the page's names ("state"
 * stays: it is shown above the form). */
static void fname_errors(struct req *r, struct fielderr *fe, const char *form)
{
	for (int i = 0; i < fe->n; i++)
		if (strcmp(fe->field[i], "state"))
			fe->field[i] = fname(r, form, fe->field[i]);
}

/* A form with one day field (transfer, trial, closure, the end of a detention). */
static void day_form(struct req *r, struct strbuf *sb, const struct shown *s, const char *form,
		     const char *title, const char *action, const char *label)
{
	const char *name = fname(r, form, "day");

	titled_form(r, sb, title, action);
	field_text(sb, name, label, val_of(r, s, form, name), 1, err_of(s, form, name), "type=\"date\"");
	form_close(sb, title, NULL);
}

static void team_section(struct req *r, struct strbuf *sb, const struct case_rec *k,
			 const struct case_detail *d, const struct shown *s)
{
	int assign = authz_has(&r->c.who, PERM_CASE_ASSIGN);
	struct user *u;
	int n;

	{
		static const struct column cols[] = { { "姓名", NULL }, { "分工", NULL },
				{ "科室", NULL }, { "回避例外", NULL }, { "", NULL } };
		table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (int i = 0; i < d->n_team; i++) {
		const struct case_member *m = &d->team[i];
		strbuf_addstr(sb, "<tr>");
		html_td(sb, m->name);
		html_td(sb, label_of(case_team_roles, m->role));
		html_td(sb, *m->office ? m->office : "未分配科室");
		html_td(sb, m->override_by ? arena_printf(r->arena, "%s批准：%s", m->override_by_name,
						     m->override_reason) : "");
		strbuf_addstr(sb, "<td>");
		if (assign) {
			form_open(r, sb, arena_printf(r->arena, "/cases/%" PRId64 "/team/remove", k->id), NULL);
			form_hidden_id(sb, "user_id", m->user_id);
			form_button(sb, "移出", NULL, NULL, NULL);
			form_end(sb);
		}
		strbuf_addstr(sb, "</td></tr>");
	}
	table_close(sb, d->n_team, 5, "尚未组成办理组");
	if (!assign || !strcmp(k->state, "closed"))
		return;
	titled_form(r, sb, "加入办理组", arena_printf(r->arena, "/cases/%" PRId64 "/team", k->id));
	n = user_list(&r->c, &u);
	field_select_open(sb, "user_id", "人员", 1, err_of(s, "team", "user_id"), "请选择");
	for (int i = 0; i < n; i++) {
		/* whoever the API would take in some team role (a leader as
		   lead or member too), the same rule as case_team_add */
		if (u[i].disabled || !(case_team_role_open(u[i].role, "member") ||
				       case_team_role_open(u[i].role, "trial")))
			continue;
		select_option(sb, u[i].id,
			      !strcmp(val_of(r, s, "team", "user_id"), arena_printf(r->arena, "%" PRId64, u[i].id)),
			      arena_printf(r->arena, "%s（%s）", *u[i].display_name ? u[i].display_name : u[i].name,
					   role_label(u[i].role)));
	}
	field_select_close(sb, "user_id", err_of(s, "team", "user_id"));
	field_select(sb, "role", "分工", case_team_roles, val_of(r, s, "team", "role"), 1,
		     err_of(s, "team", "role"), "请选择");
	if (authz_has(&r->c.who, PERM_CASE_OVERRIDE))
		field_text(sb, "override_reason", "回避例外理由（仅在存在回避情形时填写）",
			   val_of(r, s, "team", "override_reason"), 0, err_of(s, "team", "override_reason"),
			   "maxlength=\"500\"");
	else if (err_of(s, "team", "override_reason"))
		field_text(sb, "override_reason", "回避例外理由", "", 0, err_of(s, "team", "override_reason"),
			   "disabled");
	form_close(sb, "加入", NULL);
}

/* The approval and the notices of a detention, with the 24-hour clock. */
static void detention_notices(struct req *r, struct strbuf *sb, const struct detention *x)
{
	const char *due = detention_notice_due(&r->c, x);

	strbuf_addstr(sb, "<td>");
	if (!x->approved_by) {
		strbuf_addstr(sb, "未记录（本规则施行前录入）");
	} else {
		html_txt(sb, arena_printf(r->arena, "%s %s 批准；%s 宣布", x->approved_day, x->approved_by,
					  x->announced_at ? x->announced_at : ""));
	}
	strbuf_addstr(sb, "</td><td>");
	if (*due) {
		html_txt(sb, arena_printf(r->arena, "家属：%s；单位：%s；应于 %s 前通知 ",
					  x->family_notified ? x->family_notified : "未通知",
					  x->unit_notified ? x->unit_notified : "未通知", due));
		html_clock(sb, (enum clock_state)detention_notice_state(&r->c, x, due));
	}
	strbuf_addstr(sb, "</td>");
}

/* The forms of a running detention: extension, notices, end. */
static void detention_forms(struct req *r, struct strbuf *sb, const struct shown *s,
			    const struct detention *x)
{
	const char *f = arena_printf(r->arena, "ext%" PRId64, x->id);
	const char *nf = arena_printf(r->arena, "notice%" PRId64, x->id);

	titled_form(r, sb, arena_printf(r->arena, "留置期限变更：%s", x->person_name),
		    arena_printf(r->arena, "/detentions/%" PRId64 "/extensions", x->id));
	field_select(sb, fname(r, f, "kind"), "类别", detention_ext_kinds, val_of(r, s, f, fname(r, f, "kind")),
		     1, err_of(s, f, fname(r, f, "kind")), "请选择");
	field_text(sb, fname(r, f, "approved"), "批准日期", val_of(r, s, f, fname(r, f, "approved")), 1,
		   err_of(s, f, fname(r, f, "approved")), "type=\"date\"");
	field_text(sb, fname(r, f, "approver"), "批准机关", val_of(r, s, f, fname(r, f, "approver")), 1,
		   err_of(s, f, fname(r, f, "approver")), "maxlength=\"100\"");
	field_checkbox(sb, fname(r, f, "ten_years"), "可能判处十年有期徒刑以上刑罚（再延长须确认）",
		       *val_of(r, s, f, fname(r, f, "ten_years")));
	if (err_of(s, f, fname(r, f, "ten_years")))
		html_notice(sb, "error", err_of(s, f, fname(r, f, "ten_years")));
	field_text(sb, fname(r, f, "note"), "说明", val_of(r, s, f, fname(r, f, "note")), 0,
		   err_of(s, f, fname(r, f, "note")), "maxlength=\"500\"");
	form_close(sb, "保存", NULL);
	if (x->announced_at && (!x->family_notified || !x->unit_notified)) {
		titled_form(r, sb, arena_printf(r->arena, "登记留置通知：%s", x->person_name),
			    arena_printf(r->arena, "/detentions/%" PRId64 "/notices", x->id));
		field_select(sb, fname(r, nf, "party"), "通知对象", detention_parties,
			     val_of(r, s, nf, fname(r, nf, "party")), 1, err_of(s, nf, fname(r, nf, "party")), "请选择");
		field_text(sb, fname(r, nf, "at"), "通知时间", val_of(r, s, nf, fname(r, nf, "at")), 1,
			   err_of(s, nf, fname(r, nf, "at")), "type=\"datetime-local\"");
		field_text(sb, fname(r, nf, "note"), "说明（通知方式等）", val_of(r, s, nf, fname(r, nf, "note")), 0,
			   err_of(s, nf, fname(r, nf, "note")), "maxlength=\"500\"");
		form_close(sb, "保存", NULL);
	}
	day_form(r, sb, s, arena_printf(r->arena, "end%" PRId64, x->id),
		 arena_printf(r->arena, "解除留置：%s", x->person_name),
		 arena_printf(r->arena, "/detentions/%" PRId64 "/end", x->id), "解除日期");
}

static void detention_section(struct req *r, struct strbuf *sb, const struct case_rec *k,
			      const struct case_detail *d, const struct shown *s, int work)
{
	{
		static const struct column cols[] = { { "被调查人", NULL }, { "开始", NULL },
				{ "批准与宣布", NULL }, { "通知家属和单位（24小时）", NULL },
				{ "期限", NULL }, { "延长与重新计算", NULL }, { "解除", NULL } };
		table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (int i = 0; i < d->n_detentions; i++) {
		const struct detention *x = &d->detentions[i];
		strbuf_addstr(sb, "<tr>");
		html_td(sb, x->person_name);
		html_td(sb, x->start_day);
		detention_notices(r, sb, x);
		strbuf_addstr(sb, "<td>");
		html_txt(sb, x->due_day ? x->due_day : "");
		strbuf_addch(sb, ' ');
		clock_badge(r, sb, x->due_day, x->end_day);
		strbuf_addstr(sb, "</td><td><ul class=\"plain\">");
		for (int e = 0; e < d->n_exts; e++) {
			if (d->exts[e].detention_id != x->id)
				continue;
			strbuf_addstr(sb, "<li>");
			html_txt(sb, arena_printf(r->arena, "%s %s，%s（%d个月）", d->exts[e].approved,
				 label_of(detention_ext_kinds, d->exts[e].kind), d->exts[e].approver,
				 d->exts[e].months));
			strbuf_addstr(sb, "</li>");
		}
		strbuf_addstr(sb, "</ul></td>");
		html_td(sb, x->end_day);
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, d->n_detentions, 7, "未采取留置措施");
	if (!work)
		return;
	for (int i = 0; i < d->n_detentions; i++)
		if (!d->detentions[i].end_day)
			detention_forms(r, sb, s, &d->detentions[i]);
	if (strcmp(k->state, "investigating"))
		return;
	titled_form(r, sb, "采取留置措施", arena_printf(r->arena, "/cases/%" PRId64 "/detentions", k->id));
	field_select_open(sb, "person_id", "被调查人", 1, err_of(s, "detain", "person_id"), "请选择");
	for (int i = 0; i < d->n_subjects; i++)
		select_option(sb, d->subjects[i].id, 0, d->subjects[i].name);
	field_select_close(sb, "person_id", err_of(s, "detain", "person_id"));
	field_text(sb, "approved_by", "批准机关（上一级监察机关）", val_of(r, s, "detain", "approved_by"), 1,
		   err_of(s, "detain", "approved_by"), "maxlength=\"100\"");
	field_text(sb, "approved_day", "批准日期", val_of(r, s, "detain", "approved_day"), 1,
		   err_of(s, "detain", "approved_day"), "type=\"date\"");
	field_text(sb, "start", "宣布留置之日", val_of(r, s, "detain", "start"), 1, err_of(s, "detain", "start"),
		   "type=\"date\"");
	field_text(sb, "start_time", "宣布时间", val_of(r, s, "detain", "start_time"), 1,
		   err_of(s, "detain", "start_time"), "type=\"time\"");
	form_close(sb, "保存", NULL);
}

static void notes_section(struct req *r, struct strbuf *sb, const struct case_rec *k,
			  const struct case_detail *d, const struct shown *s, int work)
{
	strbuf_addstr(sb, "<ol class=\"timeline\">");
	for (int i = 0; i < d->n_notes; i++) {
		struct strbuf text = STRBUF_INIT;
		int rc = case_note_text(&r->c, &d->notes[i], &text);
		html_event(sb, d->notes[i].at, d->notes[i].user_name, NULL, rc < 0 ? "（无法解密）" : text.buf,
			   "detail prose");
		strbuf_release(&text);
	}
	strbuf_addstr(sb, "</ol>");
	if (!work)
		return;
	titled_form(r, sb, "添加记录", arena_printf(r->arena, "/cases/%" PRId64 "/notes", k->id));
	field_textarea(sb, "text", "内容", val_of(r, s, "note", "text"), 1, err_of(s, "note", "text"), 4, 10000,
		       "内容加密保存，仅本案办理组、委领导和案管室可查看。");
	form_close(sb, "保存", NULL);
}

/* The open return of a case (back with the investigation), or NULL. */
static const struct trial_return *open_return(const struct trial_return *t, int n)
{
	return n > 0 && !t[n - 1].back_day ? &t[n - 1] : NULL;
}

/* The trial stage (审理, domain/trial.h): the returns for supplementary
 * investigation and the opinion in force (earlier versions counted); the
 * trial member's forms: accept (again), opinion, send back, close. */
static void trial_section(struct req *r, struct strbuf *sb, const struct case_rec *k,
			  const struct case_detail *d, const struct shown *s, int trial_work)
{
	const char *base = arena_printf(r->arena, "/cases/%" PRId64, k->id);
	struct trial_opinion_view *op;
	struct trial_return *t;
	const char **reasons;
	int nop, nt;

	if (trial_opinions_read(&r->c, k->id, &op, &nop) < 0 || trial_returns_read(&r->c, k->id, &t, &reasons, &nt) < 0) {
		strbuf_addstr(sb, "<p class=\"error\">审理记录无法读取。</p>");
		return;
	}
	if (nt) {
		static const struct column cols[] = { { "次数", "num" }, { "退回日期", NULL }, { "理由", NULL },
				{ "补充调查期限", NULL }, { "重新受理", NULL } };
		table_open(sb, NULL, "退回补充调查", cols, QF_ARRAY_SIZE(cols));
		for (int i = 0; i < nt; i++) {
			strbuf_addstr(sb, "<tr>");
			html_td(sb, arena_printf(r->arena, "第%d次", t[i].seq));
			html_td(sb, t[i].sent_day);
			html_td(sb, reasons[i]);
			strbuf_addstr(sb, "<td>");
			html_txt(sb, t[i].due_day);
			strbuf_addch(sb, ' ');
			clock_badge(r, sb, t[i].due_day, t[i].back_day);
			strbuf_addstr(sb, "</td>");
			html_td(sb, t[i].back_day ? t[i].back_day : "补充调查中");
			strbuf_addstr(sb, "</tr>");
		}
		table_close(sb, nt, 5, NULL);
	}
	if (nop) {
		strbuf_addstr(sb, "<h3>审理意见</h3>");
		record_open(sb);
		record_item(sb, "日期", arena_printf(r->arena, "%s（%s记录%s）", op[0].day, op[0].user_name,
						       nop > 1 ? arena_printf(r->arena, "，已修改%d次", nop - 1) : ""));
		record_item(sb, "认定事实", op[0].facts);
		record_item(sb, "定性", op[0].nature);
		for (int i = 0; i < op[0].n; i++)
			record_item(sb, arena_printf(r->arena, "拟处理意见：%s", op[0].names[i]), op[0].sanctions[i]);
		record_close(sb);
	} else if (k->trial_accepted) {
		strbuf_addstr(sb, "<p>尚未填写审理意见。</p>");
	}
	if (!trial_work || !strcmp(k->state, "closed"))
		return;
	if (!strcmp(k->state, "investigating")) {
		day_form(r, sb, s, "trial", open_return(t, nt) ? "补充调查后重新受理" : "移送审理（审理受理）",
			 arena_printf(r->arena, "%s/trial", base), "审理受理日期");
		return;
	}
	titled_form(r, sb, nop ? "修改审理意见" : "审理意见", arena_printf(r->arena, "%s/opinions", base));
	field_text(sb, "opinion_day", "日期", s->form && !strcmp(s->form, "opinion") ? req_field(r, "opinion_day")
		   : nop ? op[0].day : "", 1, err_of(s, "opinion", "opinion_day"), "type=\"date\"");
	field_textarea(sb, "opinion_facts", "认定事实", s->form && !strcmp(s->form, "opinion")
		       ? req_field(r, "opinion_facts") : nop ? op[0].facts : "", 1,
		       err_of(s, "opinion", "opinion_facts"), 5, 10000, "内容加密保存。");
	field_text(sb, "opinion_nature", "定性", s->form && !strcmp(s->form, "opinion") ? req_field(r, "opinion_nature")
		   : nop ? op[0].nature : "", 1, err_of(s, "opinion", "opinion_nature"), "maxlength=\"500\"");
	for (int i = 0; i < d->n_subjects; i++) {
		const char *name = arena_printf(r->arena, "opinion_proposal_%" PRId64, d->subjects[i].id);
		const char *v = "";

		if (s->form && !strcmp(s->form, "opinion"))
			v = req_field(r, name);
		else
			for (int j = 0; nop && j < op[0].n; j++)
				if (op[0].person_ids[j] == d->subjects[i].id)
					v = op[0].sanctions[j];
		field_text(sb, name, arena_printf(r->arena, "对%s的拟处理意见", d->subjects[i].name), v, 1,
			   err_of(s, "opinion", name), "maxlength=\"200\"");
	}
	form_close(sb, "保存审理意见", NULL);
	titled_form(r, sb, "退回补充调查", arena_printf(r->arena, "%s/returns", base));
	field_text(sb, "return_day", "退回日期", val_of(r, s, "return", "return_day"), 1,
		   err_of(s, "return", "return_day"), "type=\"date\"");
	field_textarea(sb, "return_reason", "退回理由", val_of(r, s, "return", "return_reason"), 1,
		       err_of(s, "return", "return_reason"), 3, 2000,
		       "退回后案件回到审查调查，审理期限暂停计算，重新受理后接续计算。");
	form_close(sb, "退回补充调查", NULL);
	day_form(r, sb, s, "closure", "结案", arena_printf(r->arena, "%s/closure", base), "结案日期");
}

/* The transfer to prosecution: any member of the team. */
static void steps_section(struct req *r, struct strbuf *sb, const struct case_rec *k,
			  const struct shown *s)
{
	if (!strcmp(k->state, "closed") || k->transferred)
		return;
	fold_open(sb, "移送");
	day_form(r, sb, s, "transfer", "移送司法机关", arena_printf(r->arena, "/cases/%" PRId64 "/transfer", k->id),
		 "移送日期");
	fold_close(sb);
}

/* What the case was filed as: type, organ, categories, and the subjects
 * as they were at filing (case_filing.h). */
static void filed_as(struct req *r, struct strbuf *sb, const struct case_rec *k)
{
	struct case_filed_as f;
	struct strbuf cats = STRBUF_INIT;

	record_item(sb, "案件类型", case_type_text(&r->c, k->case_type));
	record_item(sb, "承办机关", case_organ_text(&r->c, k->organ_kind, k->organ_name));
	if (case_filed_as(&r->c, k->id, &f) < 0)
		return;
	for (int i = 0; i < f.n_categories; i++)
		strbuf_addf(&cats, "%s%s", i ? "、" : "", f.category_labels[i]);
	record_item(sb, "违纪违法类别", f.n_categories ? arena_strdup(r->arena, cats.buf) : "未记录（旧规则立案）");
	strbuf_release(&cats);
	record_value_open(sb, "立案时被调查人情况", NULL);
	strbuf_addstr(sb, "<ul class=\"plain\">");
	for (int i = 0; i < f.n_subjects; i++) {
		const struct person *p = &f.subjects[i];
		strbuf_addstr(sb, "<li>");
		html_txt(sb, arena_printf(r->arena, "%s：%s，%s%s%s", p->name, p->unit_name,
					  label_of(person_ranks, p->rank) ? label_of(person_ranks, p->rank) : p->rank,
					  p->top_leader ? "，主要负责人（一把手）" : "",
					  p->leadership ? "，领导班子成员" : ""));
		strbuf_addstr(sb, "</li>");
	}
	strbuf_addstr(sb, "</ul>");
	record_value_close(sb);
}

static void case_facts(struct req *r, struct strbuf *sb, const struct case_rec *k,
			const struct case_detail *d)
{
	struct case_number *num = NULL;
	int nn;

	record_head(sb, label_of(case_states, k->state));
	record_open(sb);
	record_item(sb, "立案日期", k->filed);
	record_link(sb, "问题线索", page_href(r, arena_printf(r->arena, "/clues/%" PRId64, k->clue_id)),
		    arena_printf(r->arena, "问题线索 %" PRId64, k->clue_id));
	record_item(sb, "单位", k->unit_name);
	filed_as(r, sb, k);
	record_item(sb, "专项整治", *k->campaign_name ? k->campaign_name : "无");
	record_item(sb, "移送司法机关", k->transferred ? k->transferred : "未移送");
	record_value_open(sb, "审理", NULL);
	if (k->trial_accepted && !strcmp(k->state, "investigating")) {
		html_txt(sb, arena_printf(r->arena, "%s 受理；已退回补充调查，审理期限暂停计算", k->trial_accepted));
	} else if (k->trial_accepted) {
		html_txt(sb, arena_printf(r->arena, "%s 受理，期限至 %s", k->trial_accepted,
					  k->trial_due ? k->trial_due : ""));
		strbuf_addch(sb, ' ');
		clock_badge(r, sb, k->trial_due, k->closed);
	} else {
		strbuf_addstr(sb, "尚未移送审理");
	}
	record_value_close(sb);
	record_item(sb, "结案", k->closed ? k->closed : "未结案");
	record_value_open(sb, "被调查人", NULL);
	strbuf_addstr(sb, "<ul class=\"plain\">");
	nn = case_numbers(&r->c, k->id, &num);
	for (int i = 0; i < d->n_subjects; i++) {
		const char *no = NULL;

		for (int j = 0; j < nn; j++)
			if (num[j].person_id == d->subjects[i].id)
				no = num[j].filing_no;
		html_li_link(sb, page_href(r, arena_printf(r->arena, "/persons/%" PRId64, d->subjects[i].id)), d->subjects[i].name,
			     arena_printf(r->arena, "，%s %s%s%s", d->subjects[i].unit_name, d->subjects[i].position,
					  no ? "，立案编号 " : "", no ? no : ""));
	}
	strbuf_addstr(sb, "</ul>");
	record_value_close(sb);
	record_close(sb);
}

static int case_page(struct req *r, int64_t id, const struct shown *s, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct case_rec k;
	struct case_detail d;
	int rc = case_get(&r->c, id, &k), work, trial_work = 0;

	if (rc <= 0)
		return res_error(r, rc, "case");
	if (case_detail(&r->c, &k, &d) < 0)
		return reply_error(r, E_STORE, "case detail");
	work = authz_has(&r->c.who, PERM_CASE_WORK) && case_on_team(&r->c, id) == 1;
	/* the two sides of the team see their own forms (审查调查与审理分离) */
	for (int i = 0; work && i < d.n_team; i++)
		if (d.team[i].user_id == r->c.who.id)
			trial_work = !strcmp(d.team[i].role, "trial");
	{
		const char *title = arena_printf(r->arena, "案件 %" PRId64, k.id);
		const char *crumbs[] = { "工作台", "/", "案件", "/cases", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	if (s->fe)
		field_errors_summary(&sb, s->fe);
	case_facts(r, &sb, &k, &d);
	if (!k.case_type && authz_has(&r->c.who, PERM_CASE_ASSIGN)) {
		/* a case filed under the old rules: its filing record is completed here */
		fold_open(&sb, "补录立案信息");
		form_open(r, &sb, arena_printf(r->arena, "/cases/%" PRId64 "/filing", k.id), "record-form");
		page_filing_fields(r, &sb, s->form && !strcmp(s->form, "filing") ? s->fe : &(struct fielderr){ 0 }, 0);
		form_close(&sb, "保存", NULL);
		fold_close(&sb);
	}
	/* the long page in sections that fold (issue 12); the sections of
	   other families (回避, 处理结果, 附件, 文书, 办理记录) fold themselves */
	fold_open(&sb, "办理组");
	team_section(r, &sb, &k, &d, s);
	fold_close(&sb);
	fold_open(&sb, "留置");
	detention_section(r, &sb, &k, &d, s, work && !trial_work && strcmp(k.state, "closed"));
	fold_close(&sb);
	page_recusals(r, &sb, k.id, 0, s->form && !strncmp(s->form, "rec", 3) ? s->fe : NULL, s->form);
	fold_open(&sb, "审查调查记录");
	notes_section(r, &sb, &k, &d, s, work && !trial_work && strcmp(k.state, "closed"));
	fold_close(&sb);
	fold_open(&sb, "审理");
	trial_section(r, &sb, &k, &d, s, trial_work);
	fold_close(&sb);
	if (work)
		steps_section(r, &sb, &k, s);
	page_matter_outcomes(r, &sb, k.id, 0, work || case_sees_all(&r->c));
	attach_section(r, &sb, "case", k.id);
	page_documents_case(r, &sb, k.id);

	page_timeline(&sb, d.timeline, d.n_timeline);
	return page_finish(r, &sb, status);
}

int page_case_show(struct req *r)
{
	struct shown s = { 0 };
	return case_page(r, r->id, &s, 200);
}

/* The answer of a form: the case page again with the messages (422), or
 * as page_result (back to the case, 404, 503/500). */
static int after(struct req *r, int64_t case_id, int64_t rc, const char *form,
		 const struct fielderr *fe)
{
	struct shown s = { form, fe };

	if (rc == RES_INVALID)
		return case_page(r, case_id, &s, 422);
	return page_result(r, rc, "case", arena_printf(r->arena, "/cases/%" PRId64 "?ok=saved", case_id));
}

static int64_t field_id(struct req *r, const char *name)
{
	long long v = 0;
	return form_get_int(&r->form, name, &v) < 0 ? 0 : v;
}

int page_case_team_add(struct req *r)
{
	struct fielderr fe = { 0 };
	return after(r, r->id, case_team_add(&r->c, r->id, field_id(r, "user_id"), req_field(r, "role"),
					     req_field(r, "override_reason"), &fe), "team", &fe);
}

int page_case_team_remove(struct req *r)
{
	struct fielderr fe = { 0 };
	return after(r, r->id, case_team_remove(&r->c, r->id, field_id(r, "user_id"), &fe), "team", &fe);
}

int page_case_note(struct req *r)
{
	struct fielderr fe = { 0 };
	return after(r, r->id, case_note_add(&r->c, r->id, req_field(r, "text"), &fe), "note", &fe);
}

int page_detention_start(struct req *r)
{
	struct fielderr fe = { 0 };
	struct detention_input in = { .person_id = field_id(r, "person_id"), .start = req_field(r, "start"),
				      .start_time = req_field(r, "start_time"),
				      .approved_by = req_field(r, "approved_by"),
				      .approved_day = req_field(r, "approved_day") };

	return after(r, r->id, detention_start(&r->c, r->id, &in, &fe), "detain", &fe);
}

int page_case_recusal_create(struct req *r)
{
	struct fielderr fe = { 0 };
	return after(r, r->id, recusal_declare(&r->c, 0, r->id, 0, req_field(r, "ground"), req_field(r, "note"),
					       &fe), "recusal", &fe);
}

int page_recusal_decide(struct req *r)
{
	struct fielderr fe = { 0 };
	const char *form = arena_printf(r->arena, "rec%" PRId64, r->id);
	int64_t case_id, clue_id;
	int rc = recusal_matter(&r->c, r->id, &case_id, &clue_id);

	if (rc <= 0)
		return res_error(r, rc, "recusal");
	if (clue_id)
		return page_clue_recusal_decide(r, clue_id);
	rc = recusal_decide(&r->c, r->id, req_field(r, fname(r, form, "decision")),
			    req_field(r, fname(r, form, "reason")), &fe);
	fname_errors(r, &fe, form);
	return after(r, case_id, rc, form, &fe);
}

/* The case of the detention the URL names; 0 after answering 404. */
static int64_t detention_case(struct req *r)
{
	int64_t case_id = detention_case_of(&r->c, r->id);

	if (case_id <= 0)
		res_error(r, case_id, "detention");
	return case_id > 0 ? case_id : 0;
}

int page_detention_extend(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t case_id = detention_case(r);
	const char *form = arena_printf(r->arena, "ext%" PRId64, r->id);
	int64_t rc;

	if (!case_id)
		return MHD_YES;
	{
		struct detention_step in = { .kind = req_field(r, fname(r, form, "kind")),
					     .approved = req_field(r, fname(r, form, "approved")),
					     .approver = req_field(r, fname(r, form, "approver")),
					     .note = req_field(r, fname(r, form, "note")),
					     .ten_years = *req_field(r, fname(r, form, "ten_years")) != 0 };
		rc = detention_extend(&r->c, r->id, &in, &fe);
	}
	fname_errors(r, &fe, form);
	return after(r, case_id, rc, form, &fe);
}

int page_detention_notice(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t case_id = detention_case(r);
	const char *form = arena_printf(r->arena, "notice%" PRId64, r->id);
	int64_t rc;

	if (!case_id)
		return MHD_YES;
	rc = detention_notify(&r->c, r->id, req_field(r, fname(r, form, "party")),
			      req_field(r, fname(r, form, "at")), req_field(r, fname(r, form, "note")), &fe);
	fname_errors(r, &fe, form);
	return after(r, case_id, rc, form, &fe);
}

int page_detention_end(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t case_id = detention_case(r);
	const char *form = arena_printf(r->arena, "end%" PRId64, r->id);
	int64_t rc;

	if (!case_id)
		return MHD_YES;
	rc = detention_end(&r->c, r->id, req_field(r, fname(r, form, "day")), &fe);
	fname_errors(r, &fe, form);
	return after(r, case_id, rc, form, &fe);
}

static int step_page(struct req *r, enum case_step step, const char *form)
{
	struct fielderr fe = { 0 };
	int rc = case_step(&r->c, r->id, step, req_field(r, fname(r, form, "day")), &fe);

	fname_errors(r, &fe, form);
	return after(r, r->id, rc, form, &fe);
}

int page_case_filing(struct req *r)
{
	struct fielderr fe = { 0 };
	struct case_filing f = { .case_type = req_field(r, "case_type"), .organ_kind = req_field(r, "organ_kind"),
				 .organ_name = req_field(r, "organ_name") };
	int rc;

	for (int i = 0; i < r->form.n && f.n_categories < CASE_MAX_CATEGORIES; i++)
		if (!strcmp(r->form.fields[i].key, "categories"))
			f.categories[f.n_categories++] = r->form.fields[i].value;
	rc = case_filing_complete(&r->c, r->id, &f, &fe);
	return after(r, r->id, rc, "filing", &fe);
}

int page_case_opinion(struct req *r)
{
	struct fielderr fe = { 0 };
	struct trial_opinion_input in = { .day = req_field(r, "opinion_day"), .facts = req_field(r, "opinion_facts"),
					  .nature = req_field(r, "opinion_nature") };
	static const char prefix[] = "opinion_proposal_";
	int64_t rc;

	for (int i = 0; i < r->form.n && in.n < TRIAL_MAX_SUBJECTS; i++)
		if (!strncmp(r->form.fields[i].key, prefix, sizeof(prefix) - 1)) {
			in.person_ids[in.n] = strtoll(r->form.fields[i].key + sizeof(prefix) - 1, NULL, 10);
			in.sanctions[in.n++] = r->form.fields[i].value;
		}
	rc = trial_opinion_add(&r->c, r->id, &in, &fe);
	for (int i = 0; i < fe.n; i++)
		if (strcmp(fe.field[i], "state"))
			fe.field[i] = arena_printf(r->arena, "opinion_%s", fe.field[i]);
	return after(r, r->id, rc > 0 ? RES_DONE : rc, "opinion", &fe);
}

int page_case_return(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t rc = trial_return_send(&r->c, r->id, req_field(r, "return_day"), req_field(r, "return_reason"), &fe);

	fname_errors(r, &fe, "return");
	return after(r, r->id, rc > 0 ? RES_DONE : rc, "return", &fe);
}

int page_case_transfer(struct req *r) { return step_page(r, CASE_TRANSFER, "transfer"); }
int page_case_trial(struct req *r) { return step_page(r, CASE_TRIAL, "trial"); }
int page_case_close(struct req *r) { return step_page(r, CASE_CLOSE, "closure"); }

/* ---- the user's declared conflicts ----------------------------------------------- */

static int conflicts_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "账户安全", "/account", "回避申报", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	struct conflict *v;
	int n = conflict_list(&r->c, &v);

	if (n < 0)
		return reply_error(r, E_STORE, "conflict list");
	page_begin(r, &sb, "回避申报", crumbs);
	strbuf_addstr(&sb, "<p class=\"lead\">与您有亲属或其他利害关系的人员、单位请在此申报，并选择事由。被调查人属于已申报的人员或单位的，不能将您编入该案办理组，也不能由您处置其问题线索。属于法定回避情形（近亲属、证人、利害关系、可能影响公正处理）的，应当回避，任何人不得批准例外；其他关系由委领导决定并记录理由。与被调查人同属一个单位本身不是回避事由。对具体案件或线索的回避，请在该案件或线索页面申报。</p>");
	{
		static const struct column cols[] = { { "人员", NULL }, { "单位", NULL }, { "事由", NULL },
				{ "说明", NULL }, { "申报时间", NULL } };
		table_open(&sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (int i = 0; i < n; i++) {
		strbuf_addstr(&sb, "<tr>");
		html_td(&sb, v[i].person_name);
		html_td(&sb, v[i].unit_name);
		html_td(&sb, label_of(recusal_grounds, v[i].ground));
		html_td(&sb, v[i].note);
		strbuf_addstr(&sb, "<td>");
		html_time(&sb, v[i].declared_at);
		strbuf_addstr(&sb, "</td></tr>");
	}
	table_close(&sb, n, 5, "尚未申报");
	field_errors_summary(&sb, fe);
	titled_form(r, &sb, "申报", "/account/conflicts");
	/* the pickers of issue 12 (pages/find.h): empty is "not a person" / "not a unit" */
	field_pick(r, &sb, FIND_PERSON, "person_id", "人员（可不填）", 0, fielderr_get(fe, "person_id"));
	field_pick(r, &sb, FIND_UNIT, "unit_id", "单位（可不填）", 0, fielderr_get(fe, "unit_id"));
	field_select(&sb, "ground", "事由", recusal_grounds, req_field(r, "ground"), 1, fielderr_get(fe, "ground"),
		     "请选择");
	field_text(&sb, "note", "说明", req_field(r, "note"), 0, fielderr_get(fe, "note"), "maxlength=\"500\"");
	form_close(&sb, "申报", NULL);
	return page_finish(r, &sb, status);
}

int page_conflicts(struct req *r)
{
	struct fielderr fe = { 0 };
	return conflicts_page(r, &fe, 200);
}

int page_conflict_create(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t person = pick_resolve(r, FIND_PERSON, "person_id", &fe);
	int64_t unit = pick_resolve(r, FIND_UNIT, "unit_id", &fe), id;

	if (person < 0 || unit < 0)
		return res_error(r, RES_STORE, "pick");
	if (fe.n)
		return conflicts_page(r, &fe, 422);
	id = conflict_declare(&r->c, person, unit, req_field(r, "ground"), req_field(r, "note"), &fe);
	if (id == RES_INVALID)
		return conflicts_page(r, &fe, 422);
	return page_result(r, id, "conflict", "/account/conflicts?ok=saved");
}

/* ---- the detentions behind the figure `detained` (issue 11) --------------------- */

static const char *const det_figure_args[] = { "campaign_id", "within", "category", "source",
	"organ_kind", "rank", "top_leader", "leadership", "key_persons", NULL };

/* GET /detentions: the detentions of the cases the user sees, by start
 * day; the list the figure `detained` links to. */
static const struct list_col det_cols[] = { { "被留置人", NULL, 0, 0 }, { "案件", NULL, 0, 0 },
	{ "单位", NULL, 0, 0 }, { "开始日期", NULL, 0, 0 }, { "解除日期", NULL, 0, 0 } };
static const struct list_def det_list_def = LIST_DEF("留置", "detentions", "detention", det_cols);

int page_detentions(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "留置", NULL, NULL };
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	struct detention_filter f;
	struct detention *v = NULL;
	struct listw w;
	int64_t total = 0;
	int page = req_page(r), n;
	struct list_kept k;

	if (list_kept_serve(r, &k, "留置", crumbs))
		return k.rc;
	list_filter(r, &detention_filter_spec, &f, list_per_page(r));
	n = detention_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "detention list");
	list_kept_begin(r, &k, &sb, "留置", crumbs);
	filter_open(&sb, "/detentions");
	field_text(&sb, "from", "留置开始自", f.day_from, 0, NULL, "type=\"date\"");
	field_text(&sb, "to", "至", f.day_to, 0, NULL, "type=\"date\"");
	figlist_form(&sb, &detention_filter_spec, &f, det_figure_args, "/detentions");
	filter_close(&sb, NULL, "/detentions");
	if (!case_sees_all(&r->c))
		strbuf_addstr(&sb, "<p class=\"hint\">仅列出您所在办理组的案件。</p>");
	list_open(&w, r, &sb, &det_list_def);
	for (int i = 0; i < n; i++) {
		list_text(&w, v[i].person_name);
		list_link(&w, arena_printf(r->arena, "/cases/%" PRId64, v[i].case_id),
			  arena_printf(r->arena, "案件 %" PRId64, v[i].case_id));
		list_text(&w, v[i].unit_name);
		list_day(&w, v[i].start_day);
		list_day(&w, v[i].end_day);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &detention_filter_spec, &f, total);
	list_close(&w, "没有符合条件的留置");
	strbuf_addstr(&base, "/detentions?");
	url_param(&base, "from", f.day_from);
	url_param(&base, "to", f.day_to);
	figlist_url(&base, &detention_filter_spec, &f, det_figure_args);
	list_pager(&w, base.buf, page, total, list_per_page(r));
	strbuf_release(&base);
	return list_kept_finish(r, &k, &sb);
}
