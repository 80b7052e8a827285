/*
 * outcomes.c: the outcome pages: recording an outcome on a case or a clue
 * (/outcomes/new?case=N or ?clue=N), an outcome's page with its execution
 * checklist and follow-up visits, the queue of sanctions not fully carried
 * out (/executions), and the clarification form.  The rules are the
 * domain's (domain/outcome.c, domain/execution.c).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/case_access.h"
#include "domain/figlists.h"
#include "domain/appeal.h"
#include "domain/authz.h"
#include "domain/execution.h"
#include "domain/measures.h"
#include "domain/outcome.h"
#include "domain/person.h"
#include "domain/role.h"
#include "http/filter.h"
#include "http/http.h"
#include "pages/attach.h"
#include "pages/figlist.h"
#include "pages/list.h"
#include "pages/outcomes.h"
#include "pages/documents.h"
#include "pages/page.h"
#include "pages/list_kept.h"

static const struct label probation_choices[] = {
	{ "12", "12个月" }, { "24", "24个月" }, { NULL, NULL }
};

/* case_id / clue_id of the query (GET) or the form (POST). */
static void matter_ids(const struct form *f, int64_t *case_id, int64_t *clue_id)
{
	long long v = 0;

	*case_id = *clue_id = 0;
	if (form_get_int(f, "case", &v) == 0 || form_get_int(f, "case_id", &v) == 0)
		*case_id = v > 0 ? v : 0;
	v = 0;
	if (form_get_int(f, "clue", &v) == 0 || form_get_int(f, "clue_id", &v) == 0)
		*clue_id = v > 0 ? v : 0;
}

/* The matter as words with its link. */
static void matter_link(struct strbuf *sb, int64_t case_id, int64_t clue_id, int64_t talk_id)
{
	char href[40], text[48];

	if (talk_id) {          /* a daily-supervision record (domain/talk.h) */
		snprintf(href, sizeof(href), "/talks/%" PRId64, talk_id);
		snprintf(text, sizeof(text), "谈话 %" PRId64, talk_id);
	} else if (case_id) {
		snprintf(href, sizeof(href), "/cases/%" PRId64, case_id);
		snprintf(text, sizeof(text), "案件 %" PRId64, case_id);
	} else {
		snprintf(href, sizeof(href), "/clues/%" PRId64, clue_id);
		snprintf(text, sizeof(text), "问题线索 %" PRId64, clue_id);
	}
	html_link(sb, href, text);
}

/* Hidden matter fields and the subject <select> named person_id. */
static void matter_fields(struct req *r, struct strbuf *sb, const struct outcome_matter *m, int64_t person_id,
			  const struct fielderr *fe)
{
	const char *err = fielderr_get(fe, "person_id");

	if (m->case_id)
		form_hidden_id(sb, "case_id", m->case_id);
	else
		form_hidden_id(sb, "clue_id", m->clue_id);
	strbuf_addstr(sb, "<p>");
	matter_link(sb, m->case_id, m->clue_id, 0);
	strbuf_addstr(sb, "</p>");
	field_select_open(sb, "person_id", "人员", 1, err, "请选择");
	for (int i = 0; i < m->n_subjects; i++)
		select_option(sb, m->subjects[i].id, m->subjects[i].id == person_id,
			      arena_printf(r->arena, "%s（%s）", m->subjects[i].name, m->subjects[i].unit_name));
	field_select_close(sb, "person_id", err);
}

/* Opens the matter named by f for a form page (and reads the chosen
 * person_id, 0 when none); answers (404, 422) and returns 0 when it
 * cannot, 1 when m is filled. */
static int open_matter(struct req *r, const struct form *f, struct outcome_matter *m,
		       int64_t *person_id, int *answer)
{
	struct fielderr fe = { 0 };
	int64_t case_id, clue_id;
	long long v = 0;
	int rc;

	*person_id = form_get_int(f, "person_id", &v) == 0 && v > 0 ? v : 0;
	matter_ids(f, &case_id, &clue_id);
	rc = outcome_matter_open(&r->c, case_id, clue_id, m, &fe);
	if (rc == 1)
		return 1;
	if (rc == RES_INVALID) {
		struct strbuf sb = STRBUF_INIT;
		static const char *const crumbs[] = { "工作台", "/", "处理结果", NULL, NULL };
		page_begin(r, &sb, "处理结果", crumbs);
		field_errors_summary(&sb, &fe);
		*answer = page_finish(r, &sb, 422);
	} else {
		*answer = res_error(r, rc, "case or clue");
	}
	return 0;
}

/* ---- recording an outcome ------------------------------------------------- */

/* A number field's text ("" for 0). */
static const char *num_text(struct req *r, int v)
{
	return v ? arena_printf(r->arena, "%d", v) : "";
}

static int outcome_form_page(struct req *r, const struct outcome_matter *m,
			     const struct outcome_input *in, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "记录处理结果", NULL, NULL };
	const char *err = fielderr_get(fe, "measures");
	struct form_table ft;

	if (form_table_read(&r->c, &ft) < 0)
		return reply_error(r, E_STORE, "form table");
	page_begin(r, &sb, "记录处理结果", crumbs);
	field_errors_summary(&sb, fe);
	if (in->existing_id) {
		strbuf_addstr(&sb, "<p>");
		html_link(&sb, arena_printf(r->arena, "/outcomes/%" PRId64, in->existing_id),
			  arena_printf(r->arena, "查看已有的处理结果 %" PRId64, in->existing_id));
		strbuf_addstr(&sb, "</p>");
	}
	strbuf_addstr(&sb, "<p class=\"hint\">一人一事只记录一个处理结果，全部处理措施记在一起；"
		      "处理日期为首次作出决定的日期；党纪处分自批准之日起生效，政务处分自决定之日起生效。形态按处理日期施行的口径自动计算。</p>");
	form_open(r, &sb, "/outcomes", "record-form");
	matter_fields(r, &sb, m, in->person_id, fe);
	field_text(&sb, "day", "处理日期", in->day, 1, fielderr_get(fe, "day"), "type=\"date\"");
	field_group_open(&sb, "measures", "处理措施（可多选，形态自动计算）", 1, err);
	for (int form = 1; form <= 4; form++) {
		strbuf_addf(&sb, "<fieldset><legend>%s</legend>", outcome_form_label(form));
		for (const struct measure *x = measure_table; x->code; x++) {
			int on = 0;
			if (form_of_measure(&ft, x->code, date_today()) != form)
				continue;
			for (int i = 0; i < in->n_measures; i++)
				on |= !strcmp(in->measures[i], x->code);
			check_option(&sb, "measures", x->code, x->label, on);
		}
		strbuf_addstr(&sb, "</fieldset>");
	}
	field_group_close(&sb, "measures", err);
	field_text(&sb, "party_decided", "党纪处分批准日期（默认同处理日期）", in->party_decided, 0,
		   fielderr_get(fe, "party_decided"), "type=\"date\"");
	field_select(&sb, "probation_months", "留党察看期限", probation_choices, num_text(r, in->probation_months), 0,
		     fielderr_get(fe, "probation_months"), "（不适用）");
	field_text(&sb, "gov_decided", "政务处分决定日期（默认同处理日期）", in->gov_decided, 0,
		   fielderr_get(fe, "gov_decided"), "type=\"date\"");
	field_text(&sb, "gov_violations", "合并处分的同类违法行为数（一个时不填）", num_text(r, in->gov_violations), 0,
		   fielderr_get(fe, "gov_violations"), "type=\"number\" min=\"1\" max=\"20\"");
	field_text(&sb, "gov_months", "决定载明的处分期（月，合并处分时填写）", num_text(r, in->gov_months), 0,
		   fielderr_get(fe, "gov_months"), "type=\"number\" min=\"1\" max=\"48\"");
	form_close(&sb, "保存", NULL);
	return page_finish(r, &sb, status);
}

int page_outcome_new(struct req *r)
{
	struct outcome_matter m;
	struct outcome_input in = { .day = "", .effective = "", .party_decided = "", .gov_decided = "" };
	struct fielderr fe = { 0 };
	int answer;

	if (!open_matter(r, &r->query, &m, &in.person_id, &answer))
		return answer;
	return outcome_form_page(r, &m, &in, &fe, 200);
}

int page_outcome_create(struct req *r)
{
	struct outcome_matter m;
	struct outcome_input in = { 0 };
	struct fielderr fe = { 0 };
	int answer;
	int64_t id;

	if (!open_matter(r, &r->form, &m, &in.person_id, &answer))
		return answer;
	in.case_id = m.case_id;
	in.clue_id = m.clue_id;
	in.day = req_field(r, "day");
	in.effective = req_field(r, "effective");
	in.party_decided = req_field(r, "party_decided");
	in.gov_decided = req_field(r, "gov_decided");
	in.gov_violations = atoi(req_field(r, "gov_violations"));
	in.gov_months = atoi(req_field(r, "gov_months"));
	in.probation_months = atoi(req_field(r, "probation_months"));
	for (int i = 0; i < r->form.n && in.n_measures < OUTCOME_MAX_MEASURES; i++)
		if (!strcmp(r->form.fields[i].key, "measures"))
			in.measures[in.n_measures++] = r->form.fields[i].value;
	id = outcome_record(&r->c, &in, &fe);
	if (id == RES_INVALID)
		return outcome_form_page(r, &m, &in, &fe, 422);
	return page_result(r, id, "outcome",
			   arena_printf(r->arena, "/outcomes/%" PRId64 "?ok=created", id));
}

/* ---- an outcome's page ----------------------------------------------------- */

/* 影响期至 YYYY-MM-DD / 永久 / 无 */
static void influence_text(struct strbuf *sb, const char *bar_until)
{
	if (!bar_until)
		strbuf_addstr(sb, "无");
	else if (!strcmp(bar_until, OUTCOME_PERMANENT))
		strbuf_addstr(sb, "永久");
	else {
		strbuf_addstr(sb, "影响期至 ");
		html_txt(sb, bar_until);
	}
}

static void checklist(struct req *r, struct strbuf *sb, const struct outcome *o,
		      const struct execution_item *v, int n)
{
	int may = authz_has(&r->c.who, PERM_EXECUTION);

	strbuf_addstr(sb, "<h2>处分决定执行</h2>");
	{
		static const struct column cols[] = { { "事项", NULL }, { "状态", NULL },
				{ "办理日期", NULL }, { "确认人", NULL }, { "说明", NULL } };
		table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (const struct label *l = execution_items; l->code; l++) {
		const struct execution_item *e = NULL;
		for (int i = 0; i < n; i++)
			if (!strcmp(v[i].item, l->code))
				e = &v[i];
		strbuf_addstr(sb, "<tr>");
		html_td(sb, l->label);
		if (e) {
			const char *cells[] = { e->done, e->user_name, e->note };
			strbuf_addstr(sb, "<td>");
			html_state(sb, "ok", "已确认");
			strbuf_addstr(sb, "</td>");
			html_cells(sb, cells, QF_ARRAY_SIZE(cells));
		} else {
			strbuf_addstr(sb, "<td>");
			html_state(sb, "warn", "待确认");
			strbuf_addstr(sb, "</td><td colspan=\"3\">");
			if (may) {
				form_open(r, sb, arena_printf(r->arena, "/outcomes/%" PRId64 "/execution", o->id),
					  "inline");
				form_hidden(sb, "item", l->code);
				field_inline(sb, "done", "办理日期", 1, 0, "type=\"date\"");
				field_inline(sb, "note", "说明", 0, 0, "maxlength=\"500\"");
				form_button(sb, "确认", NULL, NULL, NULL);
				form_end(sb);
			}
			strbuf_addstr(sb, "</td>");
		}
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, 0, 0, NULL);
}

static void followups(struct req *r, struct strbuf *sb, const struct outcome *o,
		      const struct fielderr *fe)
{
	struct followup *v;
	int n = followups_of(&r->c, o->id, &v);

	strbuf_addstr(sb, "<h2>回访</h2><ul class=\"plain\">");
	for (int i = 0; i < n; i++) {
		strbuf_addstr(sb, "<li>");
		html_txt(sb, v[i].day);
		strbuf_addstr(sb, " ");
		html_txt(sb, v[i].user_name);
		strbuf_addstr(sb, "：");
		html_txt(sb, v[i].note);
		strbuf_addstr(sb, "</li>");
	}
	if (n <= 0)
		strbuf_addstr(sb, "<li class=\"empty\">尚无回访记录</li>");
	strbuf_addstr(sb, "</ul>");
	if (!authz_has(&r->c.who, PERM_OUTCOME_WRITE))
		return;
	form_open(r, sb, arena_printf(r->arena, "/outcomes/%" PRId64 "/followups", o->id), "record-form");
	field_text(sb, "day", "回访日期", req_field(r, "day"), 1, fielderr_get(fe, "day"), "type=\"date\"");
	field_text(sb, "note", "回访情况", req_field(r, "note"), 0, fielderr_get(fe, "note"), "maxlength=\"2000\"");
	form_close(sb, "记录回访", NULL);
}

/* Each measure with its own decision date, period, and end by appeal. */
static void decisions(struct req *r, struct strbuf *sb, const struct outcome *o)
{
	static const struct column cols[] = { { "处理措施", NULL }, { "决定（批准）日期", NULL },
					      { "处分期", NULL }, { "状态", NULL } };
	struct outcome_measure *v;
	int n = outcome_measures_of(&r->c, o->id, &v);

	strbuf_addstr(sb, "<h2>处理措施及决定日期</h2>");
	table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < n; i++) {
		const struct measure *m = measure_find(v[i].measure);
		const char *cells[] = { m ? m->label : v[i].measure, v[i].decided,
					v[i].months ? arena_printf(r->arena, "%d个月", v[i].months) : "",
					v[i].ended ? arena_printf(r->arena, "%s 起终止（%s）", v[i].ended,
								  v[i].ended_by ? v[i].ended_by : "")
						   : "有效" };
		strbuf_addstr(sb, "<tr>");
		html_cells(sb, cells, QF_ARRAY_SIZE(cells));
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, n > 0 ? n : 0, (int)QF_ARRAY_SIZE(cols), "无");
}

/* The appeals and reviews against the outcome's sanctions, and the form
 * to record one. */
static void appeals(struct req *r, struct strbuf *sb, const struct outcome *o, const struct fielderr *fe)
{
	static const struct column cols[] = { { "类别", NULL }, { "处分", NULL }, { "提出日期", NULL },
					      { "决定日期", NULL }, { "结果", NULL }, { "说明", NULL } };
	struct appeal *v;
	int n = appeals_of(&r->c, o->id, &v), k = 0;
	struct label *sanctions = arena_zalloc(r->arena, sizeof(*sanctions) * 16);

	for (const struct measure *x = measure_table; x->code && k < 15; x++)
		if (x->kind == MEASURE_PARTY || x->kind == MEASURE_GOV)
			sanctions[k++] = (struct label){ x->code, x->label };

	strbuf_addstr(sb, "<h2>申诉、复审复核</h2>");
	table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < n; i++) {
		const struct measure *m = measure_find(v[i].measure), *nm = measure_find(v[i].new_measure);
		const char *cells[] = { label_of(appeal_kinds, v[i].kind), m ? m->label : v[i].measure,
					v[i].filed, v[i].decided,
					nm ? arena_printf(r->arena, "%s为%s", label_of(appeal_results, v[i].result),
							  nm->label)
					   : label_of(appeal_results, v[i].result),
					v[i].note };
		strbuf_addstr(sb, "<tr>");
		html_cells(sb, cells, QF_ARRAY_SIZE(cells));
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, n > 0 ? n : 0, (int)QF_ARRAY_SIZE(cols), "无申诉或复审复核");
	if (!authz_has(&r->c.who, PERM_OUTCOME_WRITE))
		return;
	form_open(r, sb, arena_printf(r->arena, "/outcomes/%" PRId64 "/appeals", o->id), "record-form");
	field_select(sb, "kind", "类别", appeal_kinds, req_field(r, "kind"), 1, fielderr_get(fe, "kind"), "请选择");
	field_select(sb, "measure", "针对的处分", sanctions, req_field(r, "measure"), 1, fielderr_get(fe, "measure"),
		     "请选择");
	field_text(sb, "filed", "提出日期", req_field(r, "filed"), 1, fielderr_get(fe, "filed"), "type=\"date\"");
	field_text(sb, "decided", "决定日期", req_field(r, "decided"), 1, fielderr_get(fe, "decided"), "type=\"date\"");
	field_select(sb, "result", "结果", appeal_results, req_field(r, "result"), 1, fielderr_get(fe, "result"),
		     "请选择");
	field_select(sb, "new_measure", "变更后的处分（变更时选择）", sanctions, req_field(r, "new_measure"), 0,
		     fielderr_get(fe, "new_measure"), "（不适用）");
	field_select(sb, "new_months", "变更为留党察看的期限", probation_choices, req_field(r, "new_months"), 0,
		     fielderr_get(fe, "new_months"), "（不适用）");
	field_text(sb, "note", "说明", req_field(r, "note"), 0, fielderr_get(fe, "note"), "maxlength=\"2000\"");
	form_close(sb, "记录", NULL);
}

static int outcome_page(struct req *r, int64_t id, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct outcome o;
	struct execution_item *items;
	int rc = outcome_get(&r->c, id, &o), n;

	if (rc <= 0)
		return res_error(r, rc, "outcome");
	n = execution_items_of(&r->c, o.id, &items);
	if (n < 0)
		return reply_error(r, E_STORE, "execution items");
	{
		const char *title = arena_printf(r->arena, "处理结果 %" PRId64, o.id);
		const char *crumbs[] = { "工作台", "/", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	field_errors_summary(&sb, fe);
	record_open(&sb);
	record_value_open(&sb, "人员", NULL);
	html_link(&sb, page_href(r, arena_printf(r->arena, "/persons/%" PRId64, o.person_id)), o.person_name);
	html_txt(&sb, arena_printf(r->arena, "（%s）", o.unit_name));
	record_value_close(&sb);
	record_value_open(&sb, "事项", NULL);
	matter_link(&sb, o.case_id, o.clue_id, o.supervision_id);
	record_value_close(&sb);
	record_item(&sb, "处理日期", o.day);
	record_item(&sb, "生效日期", o.effective);
	record_value_open(&sb, "处理措施", NULL);
	outcome_measures_text(&sb, o.measures);
	if (o.probation_months)
		strbuf_addf(&sb, "（留党察看%d个月）", o.probation_months);
	record_value_close(&sb);
	record_item(&sb, "形态", outcome_form_label(o.form));
	record_value_open(&sb, "处分影响期", NULL);
	influence_text(&sb, o.bar_until);
	record_value_close(&sb);
	record_item(&sb, "记录时职级", label_of(person_ranks, o.subject_rank));
	record_item(&sb, "记录时身份", arena_printf(r->arena, "%s%s%s", o.subject_top_leader ? "“一把手” " : "",
						    o.subject_leadership ? "领导班子成员 " : "",
						    o.subject_party_member ? "中共党员" : "非党员"));
	record_close(&sb);
	decisions(r, &sb, &o);
	if (o.sanctioned) {
		checklist(r, &sb, &o, items, n);
		appeals(r, &sb, &o, fe);
	}
	followups(r, &sb, &o, fe);
	attach_section(r, &sb, "outcome", o.id);
	page_documents_outcome(r, &sb, o.id, o.sanctioned);

	return page_finish(r, &sb, status);
}

int page_outcome_show(struct req *r)
{
	struct fielderr fe = { 0 };
	return outcome_page(r, r->id, &fe, 200);
}

/* After a write on an outcome: the page with fe (422), or as page_result. */
static int after_write(struct req *r, int64_t rc, struct fielderr *fe, const char *ok)
{
	if (rc == RES_INVALID)
		return outcome_page(r, r->id, fe, 422);
	return page_result(r, rc, "outcome", arena_printf(r->arena, "/outcomes/%" PRId64 "?ok=%s", r->id, ok));
}

int page_execution_check(struct req *r)
{
	struct fielderr fe = { 0 };
	int rc = execution_check(&r->c, r->id, req_field(r, "item"), req_field(r, "done"),
				 req_field(r, "note"), &fe);
	return after_write(r, rc, &fe, "saved");
}

int page_appeal_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct appeal p = { .kind = req_field(r, "kind"), .measure = req_field(r, "measure"),
			    .filed = req_field(r, "filed"), .decided = req_field(r, "decided"),
			    .result = req_field(r, "result"), .note = req_field(r, "note") };
	int64_t id;

	if (*req_field(r, "new_measure"))
		p.new_measure = req_field(r, "new_measure");
	p.new_months = atoi(req_field(r, "new_months"));
	id = appeal_record(&r->c, r->id, &p, &fe);
	return after_write(r, id, &fe, "saved");
}

int page_followup_create(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t id = followup_record(&r->c, r->id, req_field(r, "day"), req_field(r, "note"), &fe);
	return after_write(r, id, &fe, "saved");
}

int page_clarification_followup_create(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t id = followup_record_cleared(&r->c, r->id, req_field(r, "day"), req_field(r, "note"), &fe);
	int64_t person = id > 0 ? clarification_person(&r->c, r->id) : id;

	if (id == RES_INVALID) {
		struct strbuf sb = STRBUF_INIT;
		static const char *const crumbs[] = { "工作台", "/", "回访", NULL, NULL };
		page_begin(r, &sb, "回访", crumbs);
		field_errors_summary(&sb, &fe);
		return page_finish(r, &sb, 422);
	}
	return page_result(r, person, "clarification", arena_printf(r->arena, "/persons/%" PRId64 "?ok=saved", person));
}

/* ---- the execution queue -------------------------------------------------- */

/* The measures of an outcome as words (an arena copy): 警告、降级 */
static const char *measures_words(struct req *r, const char *codes)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s;

	outcome_measures_text(&sb, codes);
	s = arena_strdup(r->arena, sb.len ? sb.buf : "");
	strbuf_release(&sb);
	return s;
}

static const struct list_col exec_cols[] = { { "人员", NULL, 0, 0 }, { "单位", NULL, 0, 0 },
	{ "处理措施", NULL, 0, 0 }, { "生效日期", NULL, 0, 0 }, { "已确认", "num", 0, 0 } };
static const struct list_def exec_list_def = LIST_DEF("处分执行", "executions", "outcome", exec_cols);

int page_executions(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "处分执行", NULL, NULL };
	struct execution_filter f;
	struct outcome *v;
	struct listw w;
	int64_t total;
	int page = req_page(r), n;

	list_filter(r, &execution_filter_spec, &f, list_per_page(r));
	n = execution_pending(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "execution list");
	page_begin(r, &sb, "处分执行", crumbs);
	strbuf_addstr(&sb, "<p class=\"hint\">以下处分决定尚未全部确认执行（决定送达、年度考核、工资档次、奖金、晋升限制）。</p>");
	list_open(&w, r, &sb, &exec_list_def);
	for (int i = 0; i < n; i++) {
		list_link(&w, arena_printf(r->arena, "/outcomes/%" PRId64, v[i].id), v[i].person_name);
		list_text(&w, v[i].unit_name);
		list_text(&w, measures_words(r, v[i].measures));
		list_day(&w, v[i].effective);
		list_text(&w, arena_printf(r->arena, "%d/%d", v[i].n_executed, EXECUTION_N_ITEMS));
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &execution_filter_spec, &f, total);
	list_close(&w, "没有待确认执行的处分");
	list_pager(&w, "/executions?", page, total, list_per_page(r));
	return page_finish(r, &sb, 200);
}

/* ---- clarification --------------------------------------------------------- */

static int clarification_form(struct req *r, const struct outcome_matter *m, int64_t person_id,
			      const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "澄清正名", NULL, NULL };

	page_begin(r, &sb, "澄清正名", crumbs);
	field_errors_summary(&sb, fe);
	form_open(r, &sb, "/clarifications", "record-form");
	matter_fields(r, &sb, m, person_id, fe);
	field_text(&sb, "day", "澄清日期", req_field(r, "day"), 1, fielderr_get(fe, "day"), "type=\"date\"");
	field_select(&sb, "manner", "澄清方式", clarification_manners, req_field(r, "manner"), 1,
		     fielderr_get(fe, "manner"), "请选择");
	field_text(&sb, "note", "说明", req_field(r, "note"), 0, fielderr_get(fe, "note"), "maxlength=\"2000\"");
	form_close(&sb, "保存", NULL);
	return page_finish(r, &sb, status);
}

int page_clarification_new(struct req *r)
{
	struct outcome_matter m;
	struct fielderr fe = { 0 };
	int64_t person_id;
	int answer;

	if (!open_matter(r, &r->query, &m, &person_id, &answer))
		return answer;
	return clarification_form(r, &m, person_id, &fe, 200);
}

int page_clarification_create(struct req *r)
{
	struct outcome_matter m;
	struct clarification k = { 0 };
	struct fielderr fe = { 0 };
	int answer;
	int64_t id;

	if (!open_matter(r, &r->form, &m, &k.person_id, &answer))
		return answer;
	k.case_id = m.case_id;
	k.clue_id = m.clue_id;
	k.day = req_field(r, "day");
	k.manner = req_field(r, "manner");
	k.note = req_field(r, "note");
	id = clarification_record(&r->c, &k, &fe);
	if (id == RES_INVALID)
		return clarification_form(r, &m, k.person_id, &fe, 422);
	return page_result(r, id, "clarification",
			   arena_printf(r->arena, "/persons/%" PRId64 "?ok=saved", k.person_id));
}

/* ---- the outcomes behind the figures (issue 11) -------------------------------- */

/* the figures' arguments the filter form does not show (model/outcome.c) */
static const char *const figure_args[] = { "campaign_id", "within", "category", "source",
	"organ_kind", "rank", "top_leader", "leadership", "key_persons", NULL };

/* GET /outcomes: every outcome the user may see, by first decision day,
 * form and sanction; the list each form figure links to. */
static const struct list_col outcome_cols[] = { { "人员", NULL, 0, 0 }, { "单位", NULL, 0, 0 },
	{ "事项", NULL, 0, 0 }, { "处理措施", NULL, 0, 0 }, { "形态", NULL, 0, 0 }, { "处理日期", NULL, 0, 0 } };
static const struct list_def outcome_list_def = LIST_DEF("处理结果", "outcomes", "outcome", outcome_cols);

int page_outcome_list(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "处理结果", NULL, NULL };
	static const struct label forms[] = { { "1", "第一种形态" }, { "2", "第二种形态" },
		{ "3", "第三种形态" }, { "4", "第四种形态" }, { NULL, NULL } };
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	struct outcome_filter f;
	struct outcome *v = NULL;
	struct listw w;
	int64_t total = 0;
	int page = req_page(r), n;
	char form[2] = { 0 };
	struct list_kept k;

	if (list_kept_serve(r, &k, "处理结果", crumbs))
		return k.rc;
	list_filter(r, &outcome_filter_spec, &f, list_per_page(r));
	n = outcome_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "outcome list");
	if (f.form)
		form[0] = (char)('0' + f.form);
	list_kept_begin(r, &k, &sb, "处理结果", crumbs);
	filter_open(&sb, "/outcomes");
	field_text(&sb, "from", "处理日期自", f.day_from, 0, NULL, "type=\"date\"");
	field_text(&sb, "to", "至", f.day_to, 0, NULL, "type=\"date\"");
	field_select(&sb, "form", "形态", forms, form, 0, NULL, "全部");
	field_checkbox(&sb, "sanctioned", "只看党纪政务处分", f.sanctioned);
	figlist_form(&sb, &outcome_filter_spec, &f, figure_args, "/outcomes");
	filter_close(&sb, NULL, "/outcomes");
	if (!case_sees_all(&r->c))
		strbuf_addstr(&sb, "<p class=\"hint\">案件的处理结果仅列出您所在办理组的案件。</p>");
	list_open(&w, r, &sb, &outcome_list_def);
	for (int i = 0; i < n; i++) {
		list_link(&w, arena_printf(r->arena, "/outcomes/%" PRId64, v[i].id), v[i].person_name);
		list_text(&w, v[i].unit_name);
		if (v[i].case_id)
			list_link(&w, arena_printf(r->arena, "/cases/%" PRId64, v[i].case_id),
				  arena_printf(r->arena, "案件 %" PRId64, v[i].case_id));
		else
			list_link(&w, arena_printf(r->arena, "/clues/%" PRId64, v[i].clue_id),
				  arena_printf(r->arena, "线索 %" PRId64, v[i].clue_id));
		list_text(&w, measures_words(r, v[i].measures));
		list_text(&w, outcome_form_label(v[i].form));
		list_day(&w, v[i].day);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &outcome_filter_spec, &f, total);
	list_close(&w, "没有符合条件的处理结果");
	strbuf_addstr(&base, "/outcomes?");
	url_param(&base, "from", f.day_from);
	url_param(&base, "to", f.day_to);
	url_param(&base, "form", form);
	if (f.sanctioned)
		strbuf_addstr(&base, "sanctioned=1&");
	figlist_url(&base, &outcome_filter_spec, &f, figure_args);
	list_pager(&w, base.buf, page, total, list_per_page(r));
	strbuf_release(&base);
	return list_kept_finish(r, &k, &sb);
}
