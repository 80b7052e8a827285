/*
 * inspection_forms.c: the inspections' forms and their POST routes
 * (pages/inspections.h): a round on /inspections, an inspection on its
 * round's page, and on an inspection's page a member, the feedback day
 * and the report day; a finding (the problem form's fields,
 * pages/problems.h) and 移交线索 (the clue form, pages/clues.h, with the
 * inspection fixed) on pages of their own.  Every call is the domain's
 * (domain/inspection.h), as the API's; a refused form shows again (422)
 * with its Chinese field errors.
 */
#include "pages/inspections.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/clue.h"
#include "domain/ctx.h"
#include "domain/inspection.h"
#include "domain/problem.h"
#include "domain/result.h"
#include "domain/role.h"
#include "domain/user.h"
#include "http/http.h"
#include "pages/clues.h"
#include "pages/find.h"
#include "pages/kit.h"
#include "pages/page.h"
#include "pages/problems.h"

static int may_write(struct req *r)
{
	return authz_has(&r->c.who, PERM_INSPECTION_WRITE);
}

/* an integer field, 0 when empty or not a number (the domain says which) */
static int64_t int_field(struct req *r, const char *name)
{
	long long v = 0;

	return form_get_int(&r->form, name, &v) < 0 ? 0 : v;
}

static void heading(struct strbuf *sb, const char *title)
{
	strbuf_addstr(sb, "<h2>");
	html_txt(sb, title);
	strbuf_addstr(sb, "</h2>");
}

/* the staff who may sit on a group (inspection_read: every staff role) */
static void user_field(struct req *r, struct strbuf *sb, const char *name, const char *label, int required,
		       const struct fielderr *fe)
{
	struct user *u;
	int n = user_list(&r->c, &u);
	const char *sent = req_field(r, name);

	field_select_open(sb, name, label, required, fielderr_get(fe, name), required ? "请选择" : "（暂不指定）");
	for (int i = 0; i < n; i++) {
		if (u[i].disabled || !perm_has(role_perms(role_find(u[i].role)), PERM_INSPECTION_READ))
			continue;
		select_option(sb, u[i].id, !strcmp(sent, arena_printf(r->arena, "%" PRId64, u[i].id)),
			      arena_printf(r->arena, "%s（%s）", *u[i].display_name ? u[i].display_name : u[i].name,
					   role_label(u[i].role)));
	}
	field_select_close(sb, name, fielderr_get(fe, name));
}

static void date_field(struct req *r, struct strbuf *sb, const char *name, const char *label, int required,
		       const struct fielderr *fe)
{
	field_text(sb, name, label, req_field(r, name), required, fielderr_get(fe, name), "type=\"date\"");
}

/* ---- a round (/inspections) and an inspection (its round's page) ---------------- */

void inspection_round_form(struct req *r, struct strbuf *sb, const struct fielderr *fe)
{
	if (!may_write(r))
		return;
	heading(sb, "登记巡察轮次");
	form_open(r, sb, "/inspection-rounds", "record-form");
	field_text(sb, "year", "年度", req_field(r, "year"), 1, fielderr_get(fe, "year"), "inputmode=\"numeric\"");
	field_text(sb, "number", "轮次（第几轮）", req_field(r, "number"), 1, fielderr_get(fe, "number"),
		   "inputmode=\"numeric\"");
	field_text(sb, "name", "名称", req_field(r, "name"), 1, fielderr_get(fe, "name"), "maxlength=\"200\"");
	date_field(r, sb, "starts", "开始日期", 1, fe);
	date_field(r, sb, "ends", "结束日期", 0, fe);
	form_close(sb, "登记轮次", NULL);
}

int page_inspection_round_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct inspection_round x = { .year = (int)int_field(r, "year"), .number = (int)int_field(r, "number"),
				      .name = req_field(r, "name"), .starts = req_field(r, "starts"),
				      .ends = req_field(r, "ends") };
	int64_t id = inspection_round_add(&r->c, &x, &fe);

	if (id == RES_INVALID)
		return inspection_rounds_view(r, &fe, 422);
	return page_result(r, id, "inspection round",
			   arena_printf(r->arena, "/inspection-rounds/%" PRId64 "?ok=created", id));
}

void inspection_add_form(struct req *r, struct strbuf *sb, int64_t round_id, const struct fielderr *fe)
{
	long long unit = 0;

	if (!may_write(r))
		return;
	form_get_int(&r->form, "unit_id", &unit);
	heading(sb, "登记巡察");
	form_open(r, sb, arena_printf(r->arena, "/inspection-rounds/%" PRId64 "/inspections", round_id),
		  "record-form");
	unit_select_post(r, sb, "unit_id", "被巡察党组织", unit, 1, fielderr_get(fe, "unit_id"), "请选择");
	field_select(sb, "kind", "巡察类型", inspection_kinds, req_field(r, "kind"), 1, fielderr_get(fe, "kind"),
		     "请选择");
	field_text(sb, "group_name", "巡察组", req_field(r, "group_name"), 1, fielderr_get(fe, "group_name"),
		   "maxlength=\"200\" placeholder=\"如：第一巡察组\"");
	user_field(r, sb, "leader_id", "组长", 0, fe);
	date_field(r, sb, "entered", "进驻日期", 0, fe);
	date_field(r, sb, "left_on", "撤离日期", 0, fe);
	field_textarea(sb, "note", "备注", req_field(r, "note"), 0, fielderr_get(fe, "note"), 3, 2000, NULL);
	form_close(sb, "登记巡察", NULL);
}

int page_inspection_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct inspection x = { .round_id = r->id, .kind = req_field(r, "kind"),
				.group_name = req_field(r, "group_name"), .leader_id = int_field(r, "leader_id"),
				.entered = req_field(r, "entered"), .left_on = req_field(r, "left_on"),
				.note = req_field(r, "note") };
	struct inspection_round round;
	int64_t id;
	int rc = inspection_round_get(&r->c, r->id, &round);

	if (rc != RES_DONE)
		return res_error(r, rc, "inspection round");
	if ((x.unit_id = pick_resolve(r, FIND_UNIT, "unit_id", &fe)) < 0)
		return res_error(r, RES_STORE, "pick");
	id = fe.n ? RES_INVALID : inspection_add(&r->c, &x, &fe);
	if (id == RES_INVALID)
		return inspection_round_view(r, r->id, &fe, 422);
	return page_result(r, id, "inspection", arena_printf(r->arena, "/inspections/%" PRId64 "?ok=created", id));
}

/* ---- an inspection's page: member, feedback and report days ---------------------- */

static void member_form(struct req *r, struct strbuf *sb, const struct inspection *x, const struct fielderr *fe)
{
	int leader = authz_has(&r->c.who, PERM_CASE_OVERRIDE);

	if (!may_write(r) && !leader)
		return;
	heading(sb, "增加巡察组成员");
	form_open(r, sb, arena_printf(r->arena, "/inspections/%" PRId64 "/members", x->id), "record-form");
	user_field(r, sb, "user_id", "成员", 1, fe);
	field_text(sb, "home_office", "派出单位（抽调干部填写，本办人员留空）", req_field(r, "home_office"), 0,
		   fielderr_get(fe, "home_office"), "maxlength=\"200\" placeholder=\"如：市纪委监委第二监督检查室\"");
	if (leader)
		field_text(sb, "override_reason", "回避例外理由（委领导决定“其他”回避情形时填写）",
			   req_field(r, "override_reason"), 0, fielderr_get(fe, "override_reason"), "maxlength=\"200\"");
	form_close(sb, "增加成员", NULL);
}

static void day_form(struct req *r, struct strbuf *sb, const struct inspection *x, const char *step,
		     const char *title, const char *label, const char *button, const struct fielderr *fe)
{
	heading(sb, title);
	form_open(r, sb, arena_printf(r->arena, "/inspections/%" PRId64 "/%s", x->id, step), "record-form");
	date_field(r, sb, step, label, 1, fe);
	form_close(sb, button, NULL);
}

void inspection_step_forms(struct req *r, struct strbuf *sb, const struct inspection *x, const struct fielderr *fe)
{
	const char *base = arena_printf(r->arena, "/inspections/%" PRId64, x->id);

	if (may_write(r)) {
		toolbar_open(sb);
		button_link(sb, arena_printf(r->arena, "%s/findings/new", base), "登记发现问题", 1);
		button_link(sb, arena_printf(r->arena, "%s/clues/new", base), "移交问题线索", 0);
		toolbar_close(sb);
	}
	member_form(r, sb, x, fe);
	if (!may_write(r))
		return;
	day_form(r, sb, x, "feedback", x->feedback ? "修改反馈日期" : "反馈", "反馈日期（整改情况报告时限自此起算2个月）",
		 "保存反馈日期", fe);
	if (x->feedback && !x->reported)
		day_form(r, sb, x, "reported", "收到整改情况报告", "收到日期", "登记收到", fe);
}

int page_inspection_member_add(struct req *r)
{
	struct fielderr fe = { 0 };
	const char *reason = req_field(r, "override_reason");
	int rc;

	/* without a leader's reason it is the inspection office's step (as the API) */
	if (!*reason && !may_write(r))
		return reply_error(r, E_FORBIDDEN, NULL);
	rc = inspection_member_add(&r->c, r->id, int_field(r, "user_id"), req_field(r, "home_office"), reason, &fe);
	if (rc == RES_INVALID)
		return inspection_view(r, r->id, &fe, 422);
	return page_result(r, rc, "inspection", arena_printf(r->arena, "/inspections/%" PRId64 "?ok=saved", r->id));
}

static int day_step(struct req *r, int (*step)(struct ctx *, int64_t, const char *, struct fielderr *),
		    const char *field)
{
	struct fielderr fe = { 0 };
	int rc = step(&r->c, r->id, req_field(r, field), &fe);

	if (rc == RES_INVALID)
		return inspection_view(r, r->id, &fe, 422);
	return page_result(r, rc, "inspection", arena_printf(r->arena, "/inspections/%" PRId64 "?ok=saved", r->id));
}

int page_inspection_feedback(struct req *r)
{
	return day_step(r, inspection_feedback, "feedback");
}

int page_inspection_reported(struct req *r)
{
	return day_step(r, inspection_reported, "reported");
}

/* ---- a finding: the problem form's fields ---------------------------------------- */

static int finding_page(struct req *r, const struct inspection *x, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	const char *back = arena_printf(r->arena, "/inspections/%" PRId64, x->id);
	const char *crumbs[] = { "工作台", "/", "巡察", "/inspections", x->group_name, back, "登记发现问题", NULL, NULL };
	long long unit = x->unit_id;

	page_begin(r, &sb, "登记巡察发现问题", crumbs);
	field_errors_summary(&sb, fe);
	form_open(r, &sb, arena_printf(r->arena, "%s/findings", back), "record-form");
	form_get_int(&r->form, "unit_id", &unit);
	unit_select_post(r, &sb, "unit_id", "整改单位（默认为被巡察党组织）", unit, 1, fielderr_get(fe, "unit_id"),
			 "请选择");
	problem_fields(r, &sb, NULL, fe);
	form_close(&sb, "保存", back);
	return page_finish(r, &sb, status);
}

int page_inspection_finding_new(struct req *r)
{
	struct fielderr fe = { 0 };
	struct inspection x;
	int rc = may_write(r) ? inspection_get(&r->c, r->id, &x) : RES_NOT_FOUND;

	return rc == RES_DONE ? finding_page(r, &x, &fe, 200) : res_error(r, rc, "inspection");
}

int page_inspection_finding_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct problem p = { 0 };
	struct inspection x;
	int64_t id;
	int rc = inspection_get(&r->c, r->id, &x);

	if (rc != RES_DONE)
		return res_error(r, rc, "inspection");
	if ((p.unit_id = pick_resolve(r, FIND_UNIT, "unit_id", &fe)) < 0)
		return res_error(r, RES_STORE, "pick");
	problem_read_fields(r, &p);
	id = fe.n ? RES_INVALID : inspection_finding_add(&r->c, r->id, &p, &fe);
	if (id == RES_INVALID)
		return finding_page(r, &x, &fe, 422);
	return page_result(r, id, "inspection", arena_printf(r->arena, "/problems/%" PRId64 "?ok=created", id));
}

/* ---- 移交线索: the clue form with the inspection fixed ---------------------------- */

static int clue_page(struct req *r, const struct inspection *x, const struct clue_input *in,
		     const struct fielderr *fe, const struct clue_dup *dups, int n_dups, unsigned status)
{
	const char *back = arena_printf(r->arena, "/inspections/%" PRId64, x->id);
	const char *crumbs[] = { "工作台", "/", "巡察", "/inspections", x->group_name, back, "移交问题线索", NULL, NULL };
	struct clue_form_view v = {
		.title = "移交问题线索", .crumbs = crumbs, .action = arena_printf(r->arena, "%s/clues", back),
		.cancel = back, .source_fixed = 1,
		.intro = arena_printf(r->arena, "线索来源为巡察移交，登记后与%s（%s）关联。", x->group_name, x->unit_name),
	};

	return page_clue_form(r, &v, in, fe, dups, n_dups, status);
}

int page_inspection_clue_new(struct req *r)
{
	struct clue_input in = { .received = "", .source = "", .source_ref = "", .summary = "" };
	struct fielderr fe = { 0 };
	struct inspection x;
	int rc = may_write(r) ? inspection_get(&r->c, r->id, &x) : RES_NOT_FOUND;

	return rc == RES_DONE ? clue_page(r, &x, &in, &fe, NULL, 0, 200) : res_error(r, rc, "inspection");
}

int page_inspection_clue_create(struct req *r)
{
	struct clue_input in;
	struct fielderr fe = { 0 };
	struct clue_dup *dups = NULL;
	struct inspection x;
	int n_dups = 0;
	int64_t id;
	int rc = inspection_get(&r->c, r->id, &x);

	if (rc != RES_DONE)
		return res_error(r, rc, "inspection");
	page_clue_read(r, &in, &fe);
	id = fe.n ? RES_INVALID : inspection_clue_transfer(&r->c, r->id, &in, &fe, &dups, &n_dups);
	if (id == RES_INVALID)
		return clue_page(r, &x, &in, &fe, NULL, 0, 422);
	if (id == RES_CONFIRM)
		return clue_page(r, &x, &in, &fe, dups, n_dups, 409);
	return page_result(r, id, "inspection", arena_printf(r->arena, "/inspections/%" PRId64 "?ok=created", r->id));
}
