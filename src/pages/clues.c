/*
 * clues.c: the problem-clue pages: the registry with filters and paging,
 * the registration form (with the open-clue warning to confirm), and a
 * clue's page: its header, subjects, summary, dispositions, timeline and
 * the actions the user may take now (propose a disposition; approve or
 * send back a pending one).  The rules are the domain's (domain/clue.c).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/inspection.h"
#include "domain/authz.h"
#include "domain/clocks.h"
#include "domain/clue.h"
#include "domain/clue_flow.h"
#include "domain/case_filing.h"
#include "domain/disposition.h"
#include "domain/labels.h"
#include "domain/person.h"
#include "domain/role.h"
#include "http/filter.h"
#include "http/http.h"
#include "pages/attach.h"
#include "pages/clues.h"
#include "pages/figlist.h"
#include "pages/list.h"
#include "pages/list_kept.h"
#include "pages/find.h"

#include "pages/outcomes.h"
#include "pages/documents.h"
#include "pages/page.h"
#include "pages/recusal.h"

/* The due day and state of a clue's running preliminary verification:
 * the day and its badge on the page, the day in the sheet. */
static void clue_clock_cell(struct req *r, struct listw *w, const struct clock_table *t,
			    const struct clue *k)
{
	qf_day start = k->clock_start ? date_parse(k->clock_start) : QF_DAY_NONE;
	qf_day due = clock_due(r->c.cal, clock_find(t, "preliminary_verification"), start);
	struct strbuf *sb = list_cell(w, NULL, office_date(due));
	char buf[11];

	if (sb && due != QF_DAY_NONE) {
		html_txt(sb, date_format(due, buf));
		strbuf_addstr(sb, " ");
		html_clock(sb, clock_state(r->c.cal, due, QF_DAY_NONE, date_today()));
	}
	list_cell_end(w);
}

static const char *const crumbs_list[] = { "工作台", "/", "问题线索", NULL, NULL };
#define CLUE_COLS { "编号", "num", 0, 0 }, { "受理日期", NULL, 0, 0 }, { "被反映人", NULL, 0, 0 }, \
	{ "单位", NULL, 0, 0 }, { "来源", NULL, 0, 0 }, { "状态", NULL, 0, 0 }, { "承办部门", NULL, 0, 0 }, \
	{ "首次处置", NULL, 0, 0 }, { "初核期限", NULL, 0, 0 }
static const struct list_col clue_cols[] = { CLUE_COLS };
/* the case manager's list: a column of checkboxes first (not in the sheet) */
static const struct list_col clue_pick_cols[] = { { "选择", "pick", 0, 1 }, CLUE_COLS };
static const struct list_def clue_list_def = LIST_DEF("问题线索", "clues", "clue", clue_cols);
static const struct list_def clue_pick_def = LIST_DEF("问题线索", "clues", "clue", clue_pick_cols);
/* the figures' arguments the filter form does not show (model/clue.c) */
static const char *const figure_args[] = { "received_from", "received_to", "disposed_from",
	"disposed_to", "within", "category", "rank", "top_leader", "leadership", "key_persons", NULL };

int page_clues(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	struct clue_filter lq;
	struct clock_table clocks;
	struct clue *v = NULL;
	struct listw w;
	int64_t total = 0;
	int page = req_page(r), per = list_per_page(r), n;
	int pick = authz_has(&r->c.who, PERM_CLUE_ASSIGN);
	struct list_kept k;

	if (list_kept_serve(r, &k, "问题线索", crumbs_list))
		return k.rc;
	list_filter(r, &clue_filter_spec, &lq, per);
	n = clue_list(&r->c, &lq, &v, &total);
	if (n < 0 || clock_table_load(r->c.db, r->c.a, &clocks) < 0)
		return reply_error(r, E_STORE, "clue list");
	list_kept_begin(r, &k, &sb, "问题线索", crumbs_list);
	filter_open(&sb, "/clues");
	field_text(&sb, "subject", "被反映人", lq.q, 0, NULL, "type=\"search\" maxlength=\"50\"");
	field_select(&sb, "state", "状态", clue_states, lq.state, 0, NULL, "全部");
	field_select(&sb, "source", "来源", clue_sources, lq.source, 0, NULL, "全部");
	unit_select(r, &sb, "unit_id", "单位", lq.unit_id, 0, NULL, "全部单位");
	campaign_select(r, &sb, lq.campaign_id, NULL, "全部");
	field_text(&sb, "from", "受理日期自", lq.day_from, 0, NULL, "type=\"date\"");
	field_text(&sb, "to", "至", lq.day_to, 0, NULL, "type=\"date\"");
	office_select(r, &sb, "承办部门", lq.office, 0, NULL, "全部");
	filter_overdue(&sb, lq.overdue);
	figlist_form(&sb, &clue_filter_spec, &lq, figure_args, "/clues");
	filter_close(&sb, NULL, "/clues");
	if (authz_has(&r->c.who, PERM_CLUE_REGISTER))
		toolbar(&sb, "/clues/new", "登记问题线索", 1);
	/* the case manager picks clues to assign in bulk (clue_assign.c) */
	if (pick)
		form_open(r, &sb, "/clues/assign", NULL);
	list_open(&w, r, &sb, pick ? &clue_pick_def : &clue_list_def);
	for (int i = 0; i < n; i++) {
		if (pick) {
			struct strbuf *td = list_cell(&w, "pick", office_text(""));
			if (td)
				strbuf_addf(td, "<input type=\"checkbox\" name=\"ids\" value=\"%" PRId64
					    "\" aria-label=\"选择问题线索 %" PRId64 "\">", v[i].id, v[i].id);
			list_cell_end(&w);
		}
		list_id(&w, "/clues", v[i].id);
		list_day(&w, v[i].received);
		list_text(&w, v[i].subject_names);
		list_text(&w, v[i].unit_name);
		list_text(&w, label_of(clue_sources, v[i].source));
		list_text(&w, clue_state_label(v[i].state));
		list_text(&w, v[i].assigned_office);
		list_day(&w, v[i].first_disposed);
		clue_clock_cell(r, &w, &clocks, &v[i]);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &clue_filter_spec, &lq, total);
	list_close(&w, "没有符合条件的线索");
	if (pick) {
		strbuf_addstr(&sb, "<div class=\"bulk-bar\">");
		form_button(&sb, "分配所选线索的承办部门…", NULL, NULL, NULL);
		strbuf_addstr(&sb, "<span class=\"hint\">先列出所选线索，选择承办部门并确认后一并分配。</span></div>");
		form_end(&sb);
	}
	strbuf_addstr(&base, "/clues?");
	url_param(&base, "subject", lq.q);
	url_param(&base, "state", lq.state);
	url_param(&base, "source", lq.source);
	url_param(&base, "from", lq.day_from);
	url_param(&base, "to", lq.day_to);
	url_param(&base, "office", lq.office);
	list_unit_url(r, &base, lq.unit_id);
	if (lq.campaign_id)
		strbuf_addf(&base, "campaign_id=%" PRId64 "&", lq.campaign_id);
	if (lq.overdue)
		strbuf_addstr(&base, "overdue=1&");
	figlist_url(&base, &clue_filter_spec, &lq, figure_args);
	list_pager(&w, base.buf, page, total, per);
	strbuf_release(&base);
	return list_kept_finish(r, &k, &sb);
}

void person_multiselect(struct req *r, struct strbuf *sb, const char *name, const char *label,
			const int64_t *ids, int n_ids, const char *err)
{
	field_pick_persons(r, sb, name, label, ids, n_ids, 1, err);
}

int form_ids(struct req *r, const char *key, int64_t *out, int max)
{
	int n = 0;

	for (int i = 0; i < r->form.n; i++) {
		const struct form_field *f = &r->form.fields[i];
		long long v;
		char *end;
		if (strcmp(f->key, key))
			continue;
		v = strtoll(f->value, &end, 10);
		if (*end || v <= 0 || n == max)
			return -1;
		out[n++] = v;
	}
	return n;
}

void page_clue_dups(struct strbuf *sb, const struct clue_dup *dups, int n_dups, const char *after)
{
	if (!n_dups)
		return;
	strbuf_addstr(sb, "<div class=\"notice warn\" role=\"alert\"><p>以下被反映人已有未办结的问题线索，"
		      "请核实是否为同一问题：</p><ul>");
	for (int i = 0; i < n_dups; i++) {
		strbuf_addstr(sb, "<li>");
		html_txt(sb, dups[i].name);
		strbuf_addf(sb, "：%" PRId64 " 件</li>", dups[i].open);
	}
	strbuf_addstr(sb, "</ul>");
	if (after) {
		strbuf_addstr(sb, "<p>");
		html_txt(sb, after);
		strbuf_addstr(sb, "</p>");
	}
	strbuf_addstr(sb, "</div>");
}

void page_timeline(struct strbuf *sb, const struct timeline_entry *v, int n)
{
	fold_open(sb, "办理记录");
	strbuf_addstr(sb, "<ol class=\"timeline\">");
	for (int i = 0; i < n; i++)
		html_event(sb, v[i].at, v[i].user_name, v[i].action, v[i].detail, "detail");
	strbuf_addstr(sb, "</ol>");
	fold_close(sb);
}

/* The codes the form checked in field `key`, at most max: their number. */
static int form_codes(struct req *r, const char *key, const char **out, int max)
{
	int n = 0;

	for (int i = 0; i < r->form.n && n < max; i++)
		if (!strcmp(r->form.fields[i].key, key))
			out[n++] = r->form.fields[i].value;
	return n;
}

/* The violation categories in force as checkboxes (field categories):
 * those the submitted form checked, else `checked` (a clue's own). */
static void category_checks(struct req *r, struct strbuf *sb, const struct fielderr *fe, int required,
			    const char *const *checked, int n_checked)
{
	struct violation_category *v;
	int n = category_list(&r->c, &v);
	const char *err = fielderr_get(fe, "categories");
	const char *first;
	/* the form sent again (422) checks what was sent; another form of the
	 * page sent (a disposition) leaves the clue's own */
	int posted = form_codes(r, "categories", &first, 1) > 0;

	field_group_open(sb, "categories", required ? "违纪违法类别（可多选）" : "违纪违法类别（可多选，可不选）",
			 required, err);
	for (int i = 0; i < n; i++) {
		int on = 0;
		if (v[i].retired)
			continue;
		for (int j = 0; posted && j < r->form.n; j++)
			on |= !strcmp(r->form.fields[j].key, "categories") && !strcmp(r->form.fields[j].value, v[i].code);
		for (int j = 0; !posted && j < n_checked; j++)
			on |= !strcmp(checked[j], v[i].code);
		check_option(sb, "categories", v[i].code, v[i].label, on);
	}
	field_group_close(sb, "categories", err);
}

int page_clue_form(struct req *r, const struct clue_form_view *v, const struct clue_input *in,
		   const struct fielderr *fe, const struct clue_dup *dups, int n_dups, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;

	page_begin(r, &sb, v->title, v->crumbs);
	field_errors_summary(&sb, fe);
	page_clue_dups(&sb, dups, n_dups, "确认需要另行登记的，请勾选下方“确认登记”后再次保存。");
	form_open(r, &sb, v->action, "record-form");
	if (v->intro) {
		strbuf_addstr(&sb, "<p>");
		html_txt(&sb, v->intro);
		strbuf_addstr(&sb, "</p>");
	}
	field_text(&sb, "received", "受理日期", in->received, 1, fielderr_get(fe, "received"), "type=\"date\"");
	if (!v->source_fixed)
		field_select(&sb, "source", "线索来源", clue_sources, in->source, 1, fielderr_get(fe, "source"),
			     "请选择");
	field_text(&sb, "source_ref", "来源编号（如信访件编号）", in->source_ref, 0,
		   fielderr_get(fe, "source_ref"), "maxlength=\"100\"");
	person_multiselect(r, &sb, "subjects", "被反映人（可多选）", in->subjects, in->n_subjects,
			   fielderr_get(fe, "subjects"));
	campaign_select(r, &sb, in->campaign_id, fielderr_get(fe, "campaign_id"), "（无）");
	category_checks(r, &sb, fe, 0, NULL, 0);
	field_textarea(&sb, "summary", "反映的主要问题", in->summary, 1, fielderr_get(fe, "summary"), 6, 5000,
		       "内容加密保存，仅有权限的人员可查看。");
	if (n_dups)
		field_checkbox(&sb, "confirm", "确认登记（已核实不是重复线索）", 0);
	form_close(&sb, "保存", v->cancel);
	return page_finish(r, &sb, status);
}

static const char *const crumbs_new[] = { "工作台", "/", "问题线索", "/clues", "登记问题线索", NULL, NULL };
static const struct clue_form_view clue_new_view = { "登记问题线索", crumbs_new, "/clues", "/clues", NULL, 0 };

static int clue_form(struct req *r, const struct clue_input *in, const struct fielderr *fe,
		     const struct clue_dup *dups, int n_dups, unsigned status)
{
	return page_clue_form(r, &clue_new_view, in, fe, dups, n_dups, status);
}

int page_clue_new(struct req *r)
{
	struct clue_input in = { .received = "", .source = "", .source_ref = "", .summary = "" };
	struct fielderr fe = { 0 };

	return clue_form(r, &in, &fe, NULL, 0, 200);
}

void page_clue_read(struct req *r, struct clue_input *in, struct fielderr *fe)
{
	long long camp = 0;

	*in = (struct clue_input){ 0 };
	in->received = req_field(r, "received");
	in->source = req_field(r, "source");
	in->source_ref = req_field(r, "source_ref");
	in->summary = req_field(r, "summary");
	in->confirm = form_get_bool(&r->form, "confirm");
	if (*req_field(r, "campaign_id") && form_get_int(&r->form, "campaign_id", &camp) < 0)
		fielderr_add(fe, "campaign_id", "所选专项整治不存在");
	in->campaign_id = camp;
	in->n_categories = form_codes(r, "categories", in->categories, CASE_MAX_CATEGORIES);
	in->n_subjects = form_ids(r, "subjects", in->subjects, CLUE_MAX_SUBJECTS);
	if (in->n_subjects < 0) {
		in->n_subjects = 0;
		fielderr_add(fe, "subjects", "所选被反映人不存在或超过16人");
	} else {        /* a name typed in the picker without choosing (no script) */
		in->n_subjects = pick_add(r, FIND_PERSON, "subjects", in->subjects, in->n_subjects,
					  CLUE_MAX_SUBJECTS, fe);
	}
}

int page_clue_create(struct req *r)
{
	struct clue_input in;
	struct fielderr fe = { 0 };
	struct clue_dup *dups;
	int n_dups;
	int64_t id;

	page_clue_read(r, &in, &fe);
	if (fe.n)
		return clue_form(r, &in, &fe, NULL, 0, 422);
	id = clue_register(&r->c, &in, &fe, &dups, &n_dups);
	if (id == RES_INVALID)
		return clue_form(r, &in, &fe, NULL, 0, 422);
	if (id == RES_CONFIRM)
		return clue_form(r, &in, &fe, dups, n_dups, 409);
	return page_result(r, id, "clue", !authz_has(&r->c.who, PERM_CLUE_READ) ? "/clues/new?ok=created"
			   : arena_printf(r->arena, "/clues/%" PRId64 "?ok=created", id));
}

void page_filing_fields(struct req *r, struct strbuf *sb, const struct fielderr *fe, int committee)
{
	field_select(sb, "case_type", "案件类型", case_types, req_field(r, "case_type"), 1,
		     fielderr_get(fe, "case_type"), "请选择");
	field_select(sb, "organ_kind", "承办机关类别", case_organs, req_field(r, "organ_kind"), 1,
		     fielderr_get(fe, "organ_kind"), "请选择");
	field_text(sb, "organ_name", "承办机关名称", req_field(r, "organ_name"), 1,
		   fielderr_get(fe, "organ_name"), "maxlength=\"100\"");
	category_checks(r, sb, fe, 1, NULL, 0);
	if (!committee)
		return;
	field_text(sb, "committee_by", "批准立案的同级党委主要负责人", req_field(r, "committee_by"), 1,
		   fielderr_get(fe, "committee_by"), "maxlength=\"50\"");
	field_text(sb, "committee_day", "同级党委主要负责人批准日期", req_field(r, "committee_day"), 1,
		   fielderr_get(fe, "committee_day"), "type=\"date\"");
}

static void actions(struct req *r, struct strbuf *sb, const struct clue *k,
		    const struct clue_detail *d, const struct fielderr *fe)
{
	const struct disposition *pending = NULL;

	for (int i = 0; i < d->n_dispositions; i++)
		if (!strcmp(d->dispositions[i].state, "proposed"))
			pending = &d->dispositions[i];
	if (pending && authz_has(&r->c.who, PERM_CLUE_APPROVE)) {
		strbuf_addstr(sb, "<h2>审批处置意见</h2>");
		form_open(r, sb, arena_printf(r->arena, "/dispositions/%" PRId64 "/decision", pending->id),
			  "record-form");
		field_text(sb, "day", "审批日期", req_field(r, "day"), 1, fielderr_get(fe, "day"), "type=\"date\"");
		if (!strcmp(pending->method, "file_case"))
			page_filing_fields(r, sb, fe, 1);
		field_text(sb, "note", "审批意见（退回时必填）", req_field(r, "note"), 0, fielderr_get(fe, "note"),
			   "maxlength=\"500\"");
		html_notice(sb, "error", fielderr_get(fe, "state"));
		form_actions_open(sb);
		form_button(sb, "批准", "approve", "1", "primary");
		form_button(sb, "退回", "approve", "0", NULL);
		form_actions_close(sb);
	}
	if (!pending && authz_has(&r->c.who, PERM_CLUE_PROPOSE)) {
		struct label opts[8];
		int n = 0;
		for (const struct disposition_method *m = disposition_methods; m->code; m++)
			if (clue_transition_allowed(k->state, m->code)) {
				opts[n].code = m->code;
				opts[n++].label = m->label;
			}
		opts[n].code = opts[n].label = NULL;
		if (!n)
			return;
		strbuf_addstr(sb, "<h2>提出处置意见</h2>");
		form_open(r, sb, arena_printf(r->arena, "/clues/%" PRId64 "/dispositions", k->id), "record-form");
		field_select(sb, "method", "处置方式", opts, req_field(r, "method"), 1,
			     fielderr_get(fe, "method"), "请选择");
		field_textarea(sb, "reason", "处置理由", req_field(r, "reason"), 1, fielderr_get(fe, "reason"), 4,
			       2000, NULL);
		field_select(sb, "transfer_direction", "移交方向（仅移交时填写）", transfer_directions,
			     req_field(r, "transfer_direction"), 0, fielderr_get(fe, "transfer_direction"), "（不适用）");
		field_text(sb, "transfer_to", "接收机关（移交时填写）", req_field(r, "transfer_to"), 0,
			   fielderr_get(fe, "transfer_to"), "maxlength=\"100\"");
		field_text(sb, "transfer_ref", "移交文号", req_field(r, "transfer_ref"), 0,
			   fielderr_get(fe, "transfer_ref"), "maxlength=\"100\"");
		form_close(sb, "提交审批", NULL);
	}
}

/* Every approval of the clue's dispositions (approvals: who, day,
 * decision, reason), a filing's party committee approval included. */
static void approvals_table(struct req *r, struct strbuf *sb, const struct clue_detail *d)
{
	static const struct label kinds[] = {
		{ "disposition", "处置审批" },
		{ "filing", "立案审批（本委主要负责人）" },
		{ "filing_committee", "同级党委主要负责人批准" },
		{ NULL, NULL }
	};
	static const struct column cols[] = { { "审批事项", NULL }, { "审批人", NULL }, { "日期", NULL },
			{ "结果", NULL }, { "理由", NULL } };
	int rows = 0;

	for (int i = 0; i < d->n_dispositions; i++) {
		struct approval *v;
		int n = disposition_approvals(&r->c, d->dispositions[i].id, &v);
		for (int j = 0; j < n; j++) {
			const char *cells[] = { label_of(kinds, v[j].kind), v[j].approver, v[j].day,
						!strcmp(v[j].decision, "approved") ? "批准" : "退回", v[j].reason };
			if (!rows++) {
				strbuf_addstr(sb, "<h2>审批记录</h2>");
				table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
			}
			strbuf_addstr(sb, "<tr>");
			html_cells(sb, cells, QF_ARRAY_SIZE(cells));
			strbuf_addstr(sb, "</tr>");
		}
	}
	if (rows)
		table_close(sb, rows, 5, NULL);
}

static int clue_page(struct req *r, int64_t id, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT, summary = STRBUF_INIT;
	struct clue k;
	struct clue_detail d;
	int rc = clue_get(&r->c, id, &k);

	if (rc <= 0)
		return res_error(r, rc, "clue");
	if (clue_detail(&r->c, &k, &d) < 0 || clue_summary(&r->c, &k, &summary) < 0) {
		strbuf_release(&summary);
		return reply_error(r, E_STORE, "clue detail");
	}
	{
		const char *title = arena_printf(r->arena, "问题线索 %" PRId64, k.id);
		const char *crumbs[] = { "工作台", "/", "问题线索", "/clues", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	field_errors_summary(&sb, fe);
	record_head(&sb, clue_state_label(k.state));
	record_open(&sb);
	record_item(&sb, "受理日期", k.received);
	if (k.clue_no)
		record_item(&sb, "线索编号", k.clue_no);
	record_item(&sb, "来源", *k.source_ref ? arena_printf(r->arena, "%s（%s）", label_of(clue_sources, k.source),
							     k.source_ref)
					      : label_of(clue_sources, k.source));
	if (!strcmp(k.source, "inspection")) {   /* 移交线索: the page answers by its need-to-know */
		int64_t insp = inspection_of_clue(&r->c, k.id);
		if (insp > 0)
			record_link(&sb, "移交的巡察", arena_printf(r->arena, "/inspections/%" PRId64, insp),
				    arena_printf(r->arena, "巡察 %" PRId64, insp));
	}
	record_item(&sb, "专项整治", *k.campaign_name ? k.campaign_name : "无");
	record_item(&sb, "首次处置", k.first_disposed ? k.first_disposed : "尚未处置");
	record_item(&sb, "承办部门", *k.assigned_office ? k.assigned_office : "未分配");
	/* the office the running verification counts under in the to-do list */
	if (k.verification_office)
		record_item(&sb, "初核科室", *k.verification_office ? k.verification_office : "未分配科室");
	{
		struct strbuf cats = STRBUF_INIT;
		for (int i = 0; i < d.n_categories; i++)
			strbuf_addf(&cats, "%s%s", i ? "、" : "", d.category_labels[i]);
		record_item(&sb, "违纪违法类别", d.n_categories ? arena_strdup(r->arena, cats.buf) : "未标注");
		strbuf_release(&cats);
	}
	if (k.forward_due)
		record_item(&sb, "报送上一级期限", arena_printf(r->arena, "%s（属上一级管辖，不在本级处置）",
								 k.forward_due));
	record_value_open(&sb, "被反映人", NULL);
	strbuf_addstr(&sb, "<ul class=\"plain\">");
	for (int i = 0; i < d.n_subjects; i++)
		html_li_link(&sb, page_href(r, arena_printf(r->arena, "/persons/%" PRId64, d.subjects[i].id)), d.subjects[i].name,
			     arena_printf(r->arena, "，%s %s（%s）", d.subjects[i].unit_name, d.subjects[i].position,
					  label_of(person_ranks, d.subjects[i].rank)));
	strbuf_addstr(&sb, "</ul>");
	record_value_close(&sb);
	record_value_open(&sb, "反映的主要问题", "prose");
	html_txt(&sb, summary.buf);
	strbuf_release(&summary);
	record_value_close(&sb);
	record_close(&sb);
	strbuf_addstr(&sb, "<h2>处置意见</h2>");
	{
		static const struct column cols[] = { { "处置方式", NULL }, { "理由", NULL },
				{ "提出人", NULL }, { "状态", NULL }, { "审批人", NULL }, { "审批日期", NULL },
				{ "审批意见", NULL } };
		table_open(&sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (int i = 0; i < d.n_dispositions; i++) {
		const struct disposition *x = &d.dispositions[i];
		const struct disposition_method *m = disposition_method_find(x->method);
		const char *cells[] = { x->decided_by_name, x->decided, x->decision_note };
		strbuf_addstr(&sb, "<tr>");
		html_td(&sb, x->transfer_direction
			     ? arena_printf(r->arena, "%s：%s%s%s", label_of(transfer_directions, x->transfer_direction),
					    x->transfer_to, *x->transfer_ref ? "，文号 " : "", x->transfer_ref)
			     : m ? m->label : x->method);
		html_td(&sb, x->reason);
		html_td(&sb, x->proposed_by_name);
		strbuf_addstr(&sb, "<td>");
		if (!strcmp(x->state, "approved"))
			html_state(&sb, "ok", "已批准");
		else if (!strcmp(x->state, "rejected"))
			html_state(&sb, "bad", "已退回");
		else
			html_state(&sb, "warn", "待审批");
		strbuf_addstr(&sb, "</td>");
		html_cells(&sb, cells, QF_ARRAY_SIZE(cells));
		strbuf_addstr(&sb, "</tr>");
	}
	table_close(&sb, d.n_dispositions, 7, "尚无处置意见");
	approvals_table(r, &sb, &d);
	/* the categories stay editable until the clue is disposed (issue 11) */
	if (!k.first_disposed && authz_has(&r->c.who, PERM_CLUE_PROPOSE)) {
		strbuf_addstr(&sb, "<h2>违纪违法类别</h2>");
		form_open(r, &sb, arena_printf(r->arena, "/clues/%" PRId64 "/categories", k.id), "record-form");
		category_checks(r, &sb, fe, 0, d.categories, d.n_categories);
		form_close(&sb, "保存类别", NULL);
	}
	actions(r, &sb, &k, &d, fe);
	page_clue_assign_form(r, &sb, &k, fe);
	page_recusals(r, &sb, 0, k.id, NULL, NULL);
	/* a filed clue's outcomes are its case's (issue 10) */
	page_matter_outcomes(r, &sb, 0, k.id, strcmp(k.state, "registered") && strcmp(k.state, "filed"));
	attach_section(r, &sb, "clue", k.id);
	page_documents_clue(r, &sb, k.id);

	page_timeline(&sb, d.timeline, d.n_timeline);
	return page_finish(r, &sb, status);
}

int page_clue_show(struct req *r)
{
	struct fielderr fe = { 0 };
	return clue_page(r, r->id, &fe, 200);
}

int page_clue_categories(struct req *r)
{
	struct fielderr fe = { 0 };
	const char *codes[CASE_MAX_CATEGORIES];
	int n = form_codes(r, "categories", codes, CASE_MAX_CATEGORIES);
	int rc = clue_set_categories(&r->c, r->id, codes, n, &fe);

	if (rc == RES_INVALID)
		return clue_page(r, r->id, &fe, 422);
	return page_result(r, rc, "clue", arena_printf(r->arena, "/clues/%" PRId64 "?ok=saved", r->id));
}

int page_disposition_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct disposition_input in = {
		.method = req_field(r, "method"), .reason = req_field(r, "reason"),
		.transfer_direction = req_field(r, "transfer_direction"),
		.transfer_to = req_field(r, "transfer_to"), .transfer_ref = req_field(r, "transfer_ref"),
	};
	int64_t id = disposition_propose(&r->c, r->id, &in, &fe);

	if (id == RES_INVALID)
		return clue_page(r, r->id, &fe, 422);
	return page_result(r, id, "disposition",
			   arena_printf(r->arena, "/clues/%" PRId64 "?ok=saved", r->id));
}

int page_disposition_decide(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t clue_id = disposition_clue_of(&r->c, r->id);
	int rc;

	if (clue_id <= 0)
		return res_error(r, clue_id, "disposition");
	struct disposition_decision dd = {
		.approve = !strcmp(req_field(r, "approve"), "1"), .day = req_field(r, "day"),
		.note = req_field(r, "note"),
		.filing = { .case_type = req_field(r, "case_type"), .organ_kind = req_field(r, "organ_kind"),
			    .organ_name = req_field(r, "organ_name"), .committee_by = req_field(r, "committee_by"),
			    .committee_day = req_field(r, "committee_day") },
	};

	for (int i = 0; i < r->form.n && dd.filing.n_categories < CASE_MAX_CATEGORIES; i++)
		if (!strcmp(r->form.fields[i].key, "categories"))
			dd.filing.categories[dd.filing.n_categories++] = r->form.fields[i].value;
	rc = disposition_decide(&r->c, r->id, &dd, &fe);
	if (rc == RES_INVALID)
		return clue_page(r, clue_id, &fe, 422);
	return page_result(r, rc, "disposition",
			   arena_printf(r->arena, "/clues/%" PRId64 "?ok=done", clue_id));
}
