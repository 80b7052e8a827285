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

#include "api/api.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/case.h"
#include "domain/clocks.h"
#include "domain/clue.h"
#include "domain/detention.h"
#include "domain/person.h"
#include "domain/recusal.h"
#include "domain/role.h"
#include "domain/user.h"
#include "http/http.h"
#include "pages/page.h"
#include "pages/pages.h"

/* A clock's state as a badge. */
static void clock_badge(struct req *r, struct strbuf *sb, const char *due, const char *done)
{
	enum clock_state st = clock_state(r->c.cal, date_parse(due ? due : ""),
					  date_parse(done ? done : ""), date_today());

	strbuf_addstr(sb, st == CLOCK_OVERDUE ? " <span class=\"clock overdue\">"
			  : st == CLOCK_DUE_SOON ? " <span class=\"clock due\">" : " <span class=\"clock\">");
	html_txt(sb, clock_state_label(st));
	strbuf_addstr(sb, "</span>");
}

static void td(struct strbuf *sb, const char *text)
{
	strbuf_addstr(sb, "<td>");
	html_txt(sb, text ? text : "");
	strbuf_addstr(sb, "</td>");
}

/* ---- the list ------------------------------------------------------------------ */

static const char *const crumbs_list[] = { "工作台", "/", "案件", NULL, NULL };

int page_cases(struct req *r)
{
	static const struct label yes[] = { { "1", "仅逾期" }, { NULL, NULL } };
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	struct case_query cq;
	struct case_rec *v = NULL;
	int64_t total = 0;
	int page = req_page(r), n;

	case_query_from_req(r, &cq, PAGE_SIZE);
	n = case_list(&r->c, &cq, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "case list");
	page_begin(r, &sb, "案件", crumbs_list);
	strbuf_addstr(&sb, "<form class=\"filters\" method=\"get\" action=\"/cases\" role=\"search\">");
	field_select(&sb, "state", "状态", case_states, cq.lq.state, 0, NULL, "全部");
	unit_select(r, &sb, "unit_id", "单位", cq.lq.unit_id, 0, NULL, "全部单位");
	campaign_select(r, &sb, cq.lq.campaign_id, NULL, "全部");
	field_text(&sb, "from", "立案日期自", cq.lq.day_from, 0, NULL, "type=\"date\"");
	field_text(&sb, "to", "至", cq.lq.day_to, 0, NULL, "type=\"date\"");
	field_select(&sb, "overdue", "期限", yes, req_arg(r, "overdue"), 0, NULL, "全部");
	strbuf_addstr(&sb, "<div class=\"field actions\"><button type=\"submit\">查询</button>"
		      "<a href=\"/cases\">重置</a></div></form>");
	if (!case_sees_all(&r->c))
		strbuf_addstr(&sb, "<p class=\"hint\">仅列出您所在办理组的案件。</p>");
	strbuf_addstr(&sb, "<div class=\"table-wrap\"><table class=\"list\"><thead><tr>"
		      "<th scope=\"col\" class=\"num\">编号</th><th scope=\"col\">立案日期</th>"
		      "<th scope=\"col\">被调查人</th><th scope=\"col\">单位</th><th scope=\"col\">主办</th>"
		      "<th scope=\"col\">状态</th><th scope=\"col\">审理期限</th></tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		strbuf_addf(&sb, "<tr><td class=\"num\"><a href=\"/cases/%" PRId64 "\">%" PRId64 "</a></td>",
			    v[i].id, v[i].id);
		td(&sb, v[i].filed);
		td(&sb, v[i].subject_names);
		td(&sb, v[i].unit_name);
		td(&sb, v[i].lead_name);
		td(&sb, label_of(case_states, v[i].state));
		strbuf_addstr(&sb, "<td>");
		if (v[i].trial_due) {
			html_txt(&sb, v[i].trial_due);
			clock_badge(r, &sb, v[i].trial_due, v[i].closed);
		}
		strbuf_addstr(&sb, "</td></tr>");
	}
	if (!n)
		strbuf_addstr(&sb, "<tr><td colspan=\"7\" class=\"empty\">没有符合条件的案件</td></tr>");
	strbuf_addstr(&sb, "</tbody></table></div>");
	strbuf_addstr(&base, "/cases?");
	url_param(&base, "state", cq.lq.state);
	url_param(&base, "from", cq.lq.day_from);
	url_param(&base, "to", cq.lq.day_to);
	url_param(&base, "overdue", req_arg(r, "overdue"));
	if (cq.lq.unit_id)
		strbuf_addf(&base, "unit_id=%" PRId64 "&", cq.lq.unit_id);
	if (cq.lq.campaign_id)
		strbuf_addf(&base, "campaign_id=%" PRId64 "&", cq.lq.campaign_id);
	page_pager(&sb, base.buf, page, total, PAGE_SIZE);
	strbuf_release(&base);
	return page_finish(r, &sb, 200);
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

static void form_open(struct req *r, struct strbuf *sb, const char *title, const char *action)
{
	strbuf_addstr(sb, "<h3>");
	html_txt(sb, title);
	strbuf_addstr(sb, "</h3><form method=\"post\" action=\"");
	html_attr(sb, action);
	strbuf_addstr(sb, "\" class=\"record-form\">");
	page_csrf(r, sb);
}

static void form_close(struct strbuf *sb, const char *button)
{
	strbuf_addstr(sb, "<div class=\"form-actions\"><button type=\"submit\" class=\"primary\">");
	html_txt(sb, button);
	strbuf_addstr(sb, "</button></div></form>");
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

	form_open(r, sb, title, action);
	field_text(sb, name, label, val_of(r, s, form, name), 1, err_of(s, form, name), "type=\"date\"");
	form_close(sb, title);
}

static void team_section(struct req *r, struct strbuf *sb, const struct case_rec *k,
			 const struct case_detail *d, const struct shown *s)
{
	int assign = authz_has(&r->c.who, PERM_CASE_ASSIGN);
	struct user *u;
	int n;

	strbuf_addstr(sb, "<h2>办理组</h2><div class=\"table-wrap\"><table class=\"list\"><thead><tr>"
		      "<th scope=\"col\">姓名</th><th scope=\"col\">分工</th><th scope=\"col\">科室</th>"
		      "<th scope=\"col\">回避例外</th><th scope=\"col\"></th></tr></thead><tbody>");
	for (int i = 0; i < d->n_team; i++) {
		const struct case_member *m = &d->team[i];
		strbuf_addstr(sb, "<tr>");
		td(sb, m->name);
		td(sb, label_of(case_team_roles, m->role));
		td(sb, *m->office ? m->office : "未分配科室");
		td(sb, m->override_by ? arena_printf(r->arena, "%s批准：%s", m->override_by_name,
						     m->override_reason) : "");
		strbuf_addstr(sb, "<td>");
		if (assign) {
			strbuf_addf(sb, "<form method=\"post\" action=\"/cases/%" PRId64 "/team/remove\">", k->id);
			page_csrf(r, sb);
			strbuf_addf(sb, "<input type=\"hidden\" name=\"user_id\" value=\"%" PRId64 "\">"
				    "<button type=\"submit\">移出</button></form>", m->user_id);
		}
		strbuf_addstr(sb, "</td></tr>");
	}
	if (!d->n_team)
		strbuf_addstr(sb, "<tr><td colspan=\"5\" class=\"empty\">尚未组成办理组</td></tr>");
	strbuf_addstr(sb, "</tbody></table></div>");
	if (!assign || !strcmp(k->state, "closed"))
		return;
	form_open(r, sb, "加入办理组", arena_printf(r->arena, "/cases/%" PRId64 "/team", k->id));
	n = user_list(&r->c, &u);
	field_select_open(sb, "user_id", "人员", 1, err_of(s, "team", "user_id"), "请选择");
	for (int i = 0; i < n; i++) {
		const struct role *ro = role_find(u[i].role);
		if (u[i].disabled || !perm_has(role_perms(ro), PERM_CASE_WORK))
			continue;
		strbuf_addf(sb, "<option value=\"%" PRId64 "\"%s>", u[i].id,
			    !strcmp(val_of(r, s, "team", "user_id"), arena_printf(r->arena, "%" PRId64, u[i].id))
			    ? " selected" : "");
		html_txt(sb, *u[i].display_name ? u[i].display_name : u[i].name);
		strbuf_addstr(sb, "（");
		html_txt(sb, role_label(u[i].role));
		strbuf_addstr(sb, "）</option>");
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
	form_close(sb, "加入");
}

static void detention_section(struct req *r, struct strbuf *sb, const struct case_rec *k,
			      const struct case_detail *d, const struct shown *s, int work)
{
	strbuf_addstr(sb, "<h2>留置</h2><div class=\"table-wrap\"><table class=\"list\"><thead><tr>"
		      "<th scope=\"col\">被调查人</th><th scope=\"col\">开始</th><th scope=\"col\">期限</th>"
		      "<th scope=\"col\">延长与重新计算</th><th scope=\"col\">解除</th></tr></thead><tbody>");
	for (int i = 0; i < d->n_detentions; i++) {
		const struct detention *x = &d->detentions[i];
		strbuf_addstr(sb, "<tr>");
		td(sb, x->person_name);
		td(sb, x->start_day);
		strbuf_addstr(sb, "<td>");
		html_txt(sb, x->due_day ? x->due_day : "");
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
		td(sb, x->end_day);
		strbuf_addstr(sb, "</tr>");
	}
	if (!d->n_detentions)
		strbuf_addstr(sb, "<tr><td colspan=\"5\" class=\"empty\">未采取留置措施</td></tr>");
	strbuf_addstr(sb, "</tbody></table></div>");
	if (!work)
		return;
	for (int i = 0; i < d->n_detentions; i++) {
		const struct detention *x = &d->detentions[i];
		const char *f = arena_printf(r->arena, "ext%" PRId64, x->id);
		if (x->end_day)
			continue;
		form_open(r, sb, arena_printf(r->arena, "留置期限变更：%s", x->person_name),
			  arena_printf(r->arena, "/detentions/%" PRId64 "/extensions", x->id));
		field_select(sb, fname(r, f, "kind"), "类别", detention_ext_kinds, val_of(r, s, f, fname(r, f, "kind")),
			     1, err_of(s, f, fname(r, f, "kind")), "请选择");
		field_text(sb, fname(r, f, "approved"), "批准日期", val_of(r, s, f, fname(r, f, "approved")), 1,
			   err_of(s, f, fname(r, f, "approved")), "type=\"date\"");
		field_text(sb, fname(r, f, "approver"), "批准机关", val_of(r, s, f, fname(r, f, "approver")), 0,
			   err_of(s, f, fname(r, f, "approver")), "maxlength=\"100\"");
		field_text(sb, fname(r, f, "note"), "说明", val_of(r, s, f, fname(r, f, "note")), 0,
			   err_of(s, f, fname(r, f, "note")), "maxlength=\"500\"");
		form_close(sb, "保存");
		day_form(r, sb, s, arena_printf(r->arena, "end%" PRId64, x->id),
			 arena_printf(r->arena, "解除留置：%s", x->person_name),
			 arena_printf(r->arena, "/detentions/%" PRId64 "/end", x->id), "解除日期");
	}
	if (strcmp(k->state, "investigating"))
		return;
	form_open(r, sb, "采取留置措施", arena_printf(r->arena, "/cases/%" PRId64 "/detentions", k->id));
	field_select_open(sb, "person_id", "被调查人", 1, err_of(s, "detain", "person_id"), "请选择");
	for (int i = 0; i < d->n_subjects; i++) {
		strbuf_addf(sb, "<option value=\"%" PRId64 "\">", d->subjects[i].id);
		html_txt(sb, d->subjects[i].name);
		strbuf_addstr(sb, "</option>");
	}
	field_select_close(sb, "person_id", err_of(s, "detain", "person_id"));
	field_text(sb, "start", "宣布留置之日", val_of(r, s, "detain", "start"), 1, err_of(s, "detain", "start"),
		   "type=\"date\"");
	form_close(sb, "保存");
}

static void notes_section(struct req *r, struct strbuf *sb, const struct case_rec *k,
			  const struct case_detail *d, const struct shown *s, int work)
{
	strbuf_addstr(sb, "<h2>审查调查记录</h2><ol class=\"timeline\">");
	for (int i = 0; i < d->n_notes; i++) {
		struct strbuf text = STRBUF_INIT;
		int rc = case_note_text(&r->c, &d->notes[i], &text);
		strbuf_addstr(sb, "<li><span class=\"when\">");
		html_time(sb, d->notes[i].at);
		strbuf_addstr(sb, "</span> <span class=\"who\">");
		html_txt(sb, d->notes[i].user_name);
		strbuf_addstr(sb, "</span><p class=\"detail prose\">");
		html_txt(sb, rc < 0 ? "（无法解密）" : text.buf);
		strbuf_addstr(sb, "</p></li>");
		strbuf_release(&text);
	}
	strbuf_addstr(sb, "</ol>");
	if (!work)
		return;
	form_open(r, sb, "添加记录", arena_printf(r->arena, "/cases/%" PRId64 "/notes", k->id));
	field_open(sb, "text", "内容", 1, err_of(s, "note", "text"));
	strbuf_addstr(sb, "<textarea rows=\"4\" maxlength=\"10000\"");
	field_attrs(sb, "text", 1, err_of(s, "note", "text"));
	strbuf_addstr(sb, ">");
	html_txt(sb, val_of(r, s, "note", "text"));
	strbuf_addstr(sb, "</textarea><p class=\"hint\">内容加密保存，仅本案办理组、委领导和案管室可查看。</p>");
	field_close(sb, "text", err_of(s, "note", "text"));
	form_close(sb, "保存");
}

static void steps_section(struct req *r, struct strbuf *sb, const struct case_rec *k,
			  const struct shown *s)
{
	const char *base = arena_printf(r->arena, "/cases/%" PRId64, k->id);

	if (!strcmp(k->state, "closed"))
		return;
	strbuf_addstr(sb, "<h2>办理</h2>");
	if (!k->transferred)
		day_form(r, sb, s, "transfer", "移送司法机关", arena_printf(r->arena, "%s/transfer", base),
			 "移送日期");
	if (!strcmp(k->state, "investigating"))
		day_form(r, sb, s, "trial", "移送审理（审理受理）", arena_printf(r->arena, "%s/trial", base),
			 "审理受理日期");
	else
		day_form(r, sb, s, "closure", "结案", arena_printf(r->arena, "%s/closure", base), "结案日期");
}

static void record_head(struct req *r, struct strbuf *sb, const struct case_rec *k,
			const struct case_detail *d)
{
	strbuf_addstr(sb, "<div class=\"record-head\"><span class=\"state\">");
	html_txt(sb, label_of(case_states, k->state));
	strbuf_addstr(sb, "</span></div><dl class=\"record\"><dt>立案日期</dt><dd>");
	html_txt(sb, k->filed);
	strbuf_addf(sb, "</dd><dt>问题线索</dt><dd><a href=\"/clues/%" PRId64 "\">问题线索 %" PRId64 "</a>"
		    "</dd><dt>单位</dt><dd>", k->clue_id, k->clue_id);
	html_txt(sb, k->unit_name);
	strbuf_addstr(sb, "</dd><dt>专项整治</dt><dd>");
	html_txt(sb, *k->campaign_name ? k->campaign_name : "无");
	strbuf_addstr(sb, "</dd><dt>移送司法机关</dt><dd>");
	html_txt(sb, k->transferred ? k->transferred : "未移送");
	strbuf_addstr(sb, "</dd><dt>审理</dt><dd>");
	if (k->trial_accepted) {
		html_txt(sb, arena_printf(r->arena, "%s 受理，期限至 %s", k->trial_accepted,
					  k->trial_due ? k->trial_due : ""));
		clock_badge(r, sb, k->trial_due, k->closed);
	} else {
		strbuf_addstr(sb, "尚未移送审理");
	}
	strbuf_addstr(sb, "</dd><dt>结案</dt><dd>");
	html_txt(sb, k->closed ? k->closed : "未结案");
	strbuf_addstr(sb, "</dd><dt>被调查人</dt><dd><ul class=\"plain\">");
	for (int i = 0; i < d->n_subjects; i++) {
		strbuf_addf(sb, "<li><a href=\"/persons/%" PRId64 "\">", d->subjects[i].id);
		html_txt(sb, d->subjects[i].name);
		strbuf_addstr(sb, "</a>，");
		html_txt(sb, arena_printf(r->arena, "%s %s", d->subjects[i].unit_name, d->subjects[i].position));
		strbuf_addstr(sb, "</li>");
	}
	strbuf_addstr(sb, "</ul></dd></dl>");
}

static int case_page(struct req *r, int64_t id, const struct shown *s, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct case_rec k;
	struct case_detail d;
	int rc = case_get(&r->c, id, &k), work;

	if (rc <= 0)
		return res_error(r, rc, "case");
	if (case_detail(&r->c, &k, &d) < 0)
		return reply_error(r, E_STORE, "case detail");
	work = authz_has(&r->c.who, PERM_CASE_WORK) && case_on_team(&r->c, id) == 1;
	{
		const char *title = arena_printf(r->arena, "案件 %" PRId64, k.id);
		const char *crumbs[] = { "工作台", "/", "案件", "/cases", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	if (s->fe)
		field_errors_summary(&sb, s->fe);
	record_head(r, &sb, &k, &d);
	team_section(r, &sb, &k, &d, s);
	detention_section(r, &sb, &k, &d, s, work);
	notes_section(r, &sb, &k, &d, s, work);
	if (work)
		steps_section(r, &sb, &k, s);
	page_matter_outcomes(r, &sb, k.id, 0, work || case_sees_all(&r->c));
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
	return after(r, r->id, detention_start(&r->c, r->id, field_id(r, "person_id"), req_field(r, "start"),
					       &fe), "detain", &fe);
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
	rc = detention_extend(&r->c, r->id, req_field(r, fname(r, form, "kind")),
			      req_field(r, fname(r, form, "approved")), req_field(r, fname(r, form, "approver")),
			      req_field(r, fname(r, form, "note")), &fe);
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

int page_case_transfer(struct req *r) { return step_page(r, CASE_TRANSFER, "transfer"); }
int page_case_trial(struct req *r) { return step_page(r, CASE_TRIAL, "trial"); }
int page_case_close(struct req *r) { return step_page(r, CASE_CLOSE, "closure"); }

/* ---- the user's declared conflicts ----------------------------------------------- */

static int conflicts_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "账户安全", "/account", "回避申报", NULL, NULL };
	struct list_query lq = { .q = "", .kind = "", .limit = 2000, .success = -1 };
	struct strbuf sb = STRBUF_INIT;
	struct conflict *v;
	struct person *p = NULL;
	int64_t total;
	int n = conflict_list(&r->c, &v), np;

	if (n < 0)
		return reply_error(r, E_STORE, "conflict list");
	page_begin(r, &sb, "回避申报", crumbs);
	strbuf_addstr(&sb, "<p class=\"lead\">与您有亲属或其他利害关系的人员、单位请在此申报。"
		      "被调查人属于已申报的人员或单位，或与您同属一个单位的，不能将您编入该案办理组，"
		      "确需参加的须经委领导批准并记录理由。</p><div class=\"table-wrap\"><table class=\"list\">"
		      "<thead><tr><th scope=\"col\">人员</th><th scope=\"col\">单位</th><th scope=\"col\">说明</th>"
		      "<th scope=\"col\">申报时间</th></tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		strbuf_addstr(&sb, "<tr>");
		td(&sb, v[i].person_name);
		td(&sb, v[i].unit_name);
		td(&sb, v[i].note);
		strbuf_addstr(&sb, "<td>");
		html_time(&sb, v[i].declared_at);
		strbuf_addstr(&sb, "</td></tr>");
	}
	if (!n)
		strbuf_addstr(&sb, "<tr><td colspan=\"4\" class=\"empty\">尚未申报</td></tr>");
	strbuf_addstr(&sb, "</tbody></table></div>");
	field_errors_summary(&sb, fe);
	form_open(r, &sb, "申报", "/account/conflicts");
	np = person_list(&r->c, &lq, &p, &total);
	field_select_open(&sb, "person_id", "人员", 0, fielderr_get(fe, "person_id"), "（不涉及具体人员）");
	for (int i = 0; i < np; i++) {
		strbuf_addf(&sb, "<option value=\"%" PRId64 "\">", p[i].id);
		html_txt(&sb, arena_printf(r->arena, "%s（%s）", p[i].name, p[i].unit_name));
		strbuf_addstr(&sb, "</option>");
	}
	field_select_close(&sb, "person_id", fielderr_get(fe, "person_id"));
	unit_select(r, &sb, "unit_id", "单位", 0, 0, fielderr_get(fe, "unit_id"), "（不涉及单位）");
	field_text(&sb, "note", "说明", req_field(r, "note"), 0, fielderr_get(fe, "note"), "maxlength=\"500\"");
	form_close(&sb, "申报");
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
	int64_t id = conflict_declare(&r->c, field_id(r, "person_id"), field_id(r, "unit_id"),
				      req_field(r, "note"), &fe);

	if (id == RES_INVALID)
		return conflicts_page(r, &fe, 422);
	return page_result(r, id, "conflict", "/account/conflicts?ok=saved");
}
