/*
 * outcomes.c: /api/outcomes (recording, reading, the execution checklist,
 * follow-up visits), /api/executions, /api/clarifications,
 * /api/accountabilities, /api/recoveries, and the record part of
 * /api/persons/{id}: the same domain calls and checks as the pages.
 */
#include "api/outcomes.h"

#include <string.h>

#include "api/common.h"
#include "core/arena.h"
#include "core/money.h"
#include "domain/figlists.h"
#include "domain/accountability.h"
#include "domain/appeal.h"
#include "domain/execution.h"
#include "domain/outcome.h"
#include "http/filter.h"
#include "domain/person_record.h"
#include "http/http.h"

/* An optional id member: 0 when absent or null; a message when it is
 * something else. */
static int64_t opt_id(json_t *j, const char *key, struct fielderr *fe, const char *msg)
{
	json_t *v = json_object_get(j, key);

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) <= 0) {
		fielderr_add(fe, key, msg);
		return 0;
	}
	return json_integer_value(v);
}

static json_t *outcome_json(struct req *r, const struct outcome *o)
{
	struct strbuf text = STRBUF_INIT;
	const char *codes[OUTCOME_MAX_MEASURES];
	json_t *measures = json_array(), *j;
	int n = outcome_codes(r->arena, o->measures, codes, OUTCOME_MAX_MEASURES);

	for (int i = 0; i < n; i++)
		json_array_append_new(measures, json_string(codes[i]));
	outcome_measures_text(&text, o->measures);
	j = json_pack("{s:I, s:I, s:s, s:o?, s:o?, s:s, s:s, s:i, s:s, s:b, s:o?, s:s?, s:b, s:o, s:s, "
		      "s:I, s:s, s:o?, s:i}",
		      "id", (json_int_t)o->id, "person_id", (json_int_t)o->person_id,
		      "person_name", o->person_name, "case_id", api_opt_int(o->case_id),
		      "clue_id", api_opt_int(o->clue_id), "day", o->day, "effective", o->effective,
		      "form", o->form, "form_label", outcome_form_label(o->form),
		      "sanctioned", o->sanctioned, "probation_months", api_opt_int(o->probation_months),
		      "bar_until", o->bar_until,
		      "permanent", o->bar_until && !strcmp(o->bar_until, OUTCOME_PERMANENT),
		      "measures", measures, "measures_text", text.buf,
		      "unit_id", (json_int_t)o->unit_id, "unit_name", o->unit_name,
		      "campaign_id", api_opt_int(o->campaign_id), "execution_done", o->n_executed);
	strbuf_release(&text);
	json_object_update_new(j, json_pack("{s:s?, s:s?, s:o?, s:o?, s:s?, s:b, s:b, s:b, s:o?}",
		"party_decided", o->party_decided, "gov_decided", o->gov_decided,
		"gov_violations", api_opt_int(o->gov_violations), "gov_months", api_opt_int(o->gov_months),
		"subject_rank", o->subject_rank, "subject_top_leader", o->subject_top_leader,
		"subject_leadership", o->subject_leadership, "subject_party_member", o->subject_party_member,
		"supervision_id", api_opt_int(o->supervision_id)));
	return j;
}

/* An optional integer member into *out; a message when it is not one. */
static void opt_int(json_t *j, const char *key, int *out, struct fielderr *fe, const char *msg)
{
	json_t *v = json_object_get(j, key);

	*out = 0;
	if (!v || json_is_null(v))
		return;
	if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 1000)
		fielderr_add(fe, key, msg);
	else
		*out = (int)json_integer_value(v);
}

/* The measures array into in; a message when it is not a list of codes. */
static void read_measures(json_t *j, struct outcome_input *in, struct fielderr *fe)
{
	json_t *v = json_object_get(j, "measures");

	if (!json_is_array(v) || json_array_size(v) > OUTCOME_MAX_MEASURES) {
		fielderr_add(fe, "measures", "处理措施应为措施代码的列表");
		return;
	}
	for (size_t i = 0; i < json_array_size(v); i++) {
		json_t *m = json_array_get(v, i);
		if (!json_is_string(m)) {
			fielderr_add(fe, "measures", "处理措施应为措施代码");
			return;
		}
		in->measures[in->n_measures++] = json_string_value(m);
	}
}

int api_outcome_create(struct req *r)
{
	static const char *const computed[] = { "form", "sanctioned", "bar_until" };
	json_t *j = api_body(r);
	struct outcome_input in = { 0 };
	struct fielderr fe = { 0 };
	int64_t id;

	if (!j)
		return MHD_YES;
	for (size_t i = 0; i < sizeof(computed) / sizeof(computed[0]); i++)
		if (json_object_get(j, computed[i]))
			fielderr_add(&fe, computed[i], "四种形态、是否处分和影响期由处理措施自动计算，不能填写");
	in.person_id = opt_id(j, "person_id", &fe, "人员应为编号");
	in.case_id = opt_id(j, "case_id", &fe, "案件应为编号");
	in.clue_id = opt_id(j, "clue_id", &fe, "线索应为编号");
	if (api_str(r, j, "day", &in.day) < 0)
		fielderr_add(&fe, "day", "处理日期应为文本");
	if (api_str(r, j, "effective", &in.effective) < 0)
		fielderr_add(&fe, "effective", "生效日期应为文本");
	if (api_str(r, j, "party_decided", &in.party_decided) < 0)
		fielderr_add(&fe, "party_decided", "党纪处分批准日期应为文本");
	if (api_str(r, j, "gov_decided", &in.gov_decided) < 0)
		fielderr_add(&fe, "gov_decided", "政务处分决定日期应为文本");
	in.supervision_id = opt_id(j, "supervision_id", &fe, "日常监督记录应为编号");
	opt_int(j, "probation_months", &in.probation_months, &fe, "留党察看期限应为月数");
	opt_int(j, "gov_violations", &in.gov_violations, &fe, "违法行为数应为正整数");
	opt_int(j, "gov_months", &in.gov_months, &fe, "处分期应为月数");
	read_measures(j, &in, &fe);
	if (fe.n) {
		json_decref(j);
		return reply_fields(r, &fe);
	}
	id = outcome_record(&r->c, &in, &fe);
	json_decref(j);
	return api_result(r, id, &fe, "case or clue", 1);
}

/* Each measure with its own decision date (ended ones too). */
static json_t *decisions_json(struct req *r, int64_t id)
{
	struct outcome_measure *v;
	int n = outcome_measures_of(&r->c, id, &v);
	json_t *a = json_array();

	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:o?, s:i, s:s?, s:s?}", "measure", v[i].measure,
			"decided", v[i].decided, "months", api_opt_int(v[i].months), "violations", v[i].violations,
			"ended", v[i].ended, "ended_by", v[i].ended_by));
	return a;
}

static json_t *appeals_json(struct req *r, int64_t id)
{
	struct appeal *v;
	int n = appeals_of(&r->c, id, &v);
	json_t *a = json_array();

	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s?, s:o?, s:s}",
			"id", (json_int_t)v[i].id, "kind", v[i].kind, "measure", v[i].measure, "filed", v[i].filed,
			"decided", v[i].decided, "result", v[i].result, "new_measure", v[i].new_measure,
			"new_months", api_opt_int(v[i].new_months), "note", v[i].note));
	return a;
}

int api_outcome_show(struct req *r)
{
	struct outcome o;
	struct execution_item *items;
	struct followup *fu;
	json_t *j, *done, *pending, *visits;
	int rc = outcome_get(&r->c, r->id, &o), n, nf;

	if (rc <= 0)
		return res_error(r, rc, "outcome");
	n = execution_items_of(&r->c, o.id, &items);
	nf = followups_of(&r->c, o.id, &fu);
	if (n < 0 || nf < 0)
		return reply_error(r, E_STORE, "outcome detail");
	j = outcome_json(r, &o);
	done = json_array();
	pending = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(done, json_pack("{s:s, s:s, s:s, s:s, s:s}", "item", items[i].item,
			"label", label_of(execution_items, items[i].item), "done", items[i].done,
			"note", items[i].note, "by", items[i].user_name));
	for (const struct label *l = execution_items; o.sanctioned && l->code; l++) {
		int seen = 0;
		for (int i = 0; i < n; i++)
			seen |= !strcmp(items[i].item, l->code);
		if (!seen)
			json_array_append_new(pending, json_string(l->code));
	}
	visits = json_array();
	for (int i = 0; i < nf; i++)
		json_array_append_new(visits, json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)fu[i].id,
			"day", fu[i].day, "note", fu[i].note, "by", fu[i].user_name));
	json_object_set_new(j, "execution", done);
	json_object_set_new(j, "execution_pending", pending);
	json_object_set_new(j, "followups", visits);
	json_object_set_new(j, "decisions", decisions_json(r, o.id));
	json_object_set_new(j, "appeals", appeals_json(r, o.id));
	return reply_json(r, 200, j);
}

int api_execution_check(struct req *r)
{
	json_t *j = api_body(r);
	const char *item = "", *done = "", *note = "";
	struct fielderr fe = { 0 };
	int rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "item", &item);
	api_str(r, j, "done", &done);
	api_str(r, j, "note", &note);
	json_decref(j);
	rc = execution_check(&r->c, r->id, item, done, note, &fe);
	return api_result(r, rc == 1 ? r->id : rc, &fe, "outcome", 1);
}

int api_executions(struct req *r)
{
	struct execution_filter f;
	struct outcome *v;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &execution_filter_spec, &f, 100);
	n = execution_pending(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "execution list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, outcome_json(r, &v[i]));
	return api_reply_list(r, items, total, page);
}

/* A follow-up visit (day, note) recorded by `record` on the object r->id. */
static int followup_reply(struct req *r, int64_t (*record)(struct ctx *, int64_t, const char *, const char *,
							  struct fielderr *), const char *what)
{
	json_t *j = api_body(r);
	const char *day = "", *note = "";
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	api_str(r, j, "day", &day);
	api_str(r, j, "note", &note);
	json_decref(j);
	return api_result(r, record(&r->c, r->id, day, note, &fe), &fe, what, 1);
}

int api_followup_create(struct req *r)
{
	return followup_reply(r, followup_record, "outcome");
}

int api_appeal_create(struct req *r)
{
	json_t *j = api_body(r);
	struct appeal p = { .kind = "", .measure = "", .filed = "", .decided = "", .result = "", .note = "" };
	struct fielderr fe = { 0 };
	int64_t rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "kind", &p.kind);
	api_str(r, j, "measure", &p.measure);
	api_str(r, j, "filed", &p.filed);
	api_str(r, j, "decided", &p.decided);
	api_str(r, j, "result", &p.result);
	api_str(r, j, "note", &p.note);
	if (json_is_string(json_object_get(j, "new_measure")))
		api_str(r, j, "new_measure", &p.new_measure);
	opt_int(j, "new_months", &p.new_months, &fe, "留党察看期限应为月数");
	json_decref(j);
	rc = fe.n ? RES_INVALID : appeal_record(&r->c, r->id, &p, &fe);
	return api_result(r, rc, &fe, "outcome", 1);
}

int api_clarification_followup_create(struct req *r)
{
	return followup_reply(r, followup_record_cleared, "clarification");
}

int api_clarification_create(struct req *r)
{
	json_t *j = api_body(r);
	struct clarification k = { .day = "", .manner = "", .note = "" };
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	k.person_id = opt_id(j, "person_id", &fe, "人员应为编号");
	k.case_id = opt_id(j, "case_id", &fe, "案件应为编号");
	k.clue_id = opt_id(j, "clue_id", &fe, "线索应为编号");
	api_str(r, j, "day", &k.day);
	api_str(r, j, "manner", &k.manner);
	api_str(r, j, "note", &k.note);
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	return api_result(r, clarification_record(&r->c, &k, &fe), &fe, "case or clue", 1);
}

int api_accountabilities(struct req *r)
{
	struct accountability_filter f;
	struct accountability *v;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &accountability_filter_spec, &f, 100);
	n = accountability_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "accountability list");
	items = json_array();
	for (int i = 0; i < n; i++) {
		json_t *m = json_array();
		for (const char *p = v[i].measures; p && *p;) {
			size_t len = strcspn(p, ",");
			json_array_append_new(m, json_stringn(p, len));
			p += len + (p[len] == ',');
		}
		json_array_append_new(items, json_pack("{s:I, s:s, s:o?, s:s, s:o?, s:s, s:o?, s:s, s:s, s:o}",
			"id", (json_int_t)v[i].id, "started", v[i].started,
			"unit_id", api_opt_int(v[i].unit_id), "unit_name", v[i].unit_name,
			"person_id", api_opt_int(v[i].person_id), "person_name", v[i].person_name,
			"campaign_id", api_opt_int(v[i].campaign_id), "campaign_name", v[i].campaign_name,
			"summary", v[i].summary, "measures", m));
	}
	return api_reply_list(r, items, total, page);
}

int api_accountability_create(struct req *r)
{
	json_t *j = api_body(r);
	struct accountability q = { .started = "", .summary = "" };
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	api_str(r, j, "started", &q.started);
	api_str(r, j, "summary", &q.summary);
	q.unit_id = opt_id(j, "unit_id", &fe, "单位应为编号");
	q.person_id = opt_id(j, "person_id", &fe, "人员应为编号");
	q.campaign_id = opt_id(j, "campaign_id", &fe, "专项整治应为编号");
	/* measures: a list of codes of accountability_measure_kinds (0056) */
	{
		json_t *m = json_object_get(j, "measures"), *x;
		size_t i;
		const char *joined = "";

		if (m && !json_is_array(m))
			fielderr_add(&fe, "measures", "问责方式应为列表，如 [\"notice\", \"admonish\"]");
		json_array_foreach(m, i, x) {
			if (!json_is_string(x) || strchr(json_string_value(x), ',')) {
				fielderr_add(&fe, "measures", "问责方式应为代码文本");
				break;
			}
			joined = arena_printf(r->arena, "%s%s%s", joined, *joined ? "," : "", json_string_value(x));
		}
		q.measures = joined;
	}
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	return api_result(r, accountability_create(&r->c, &q, &fe), &fe, "accountability", 1);
}

/* "117526.73" (grouped 0) or "117,526.73" (grouped 1) in the arena. */
static const char *yuan(struct req *r, int64_t fen, int grouped)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s;

	money_format(&sb, fen, grouped);
	s = arena_strdup(r->arena, sb.buf);
	strbuf_release(&sb);
	return s;
}

int api_recoveries(struct req *r)
{
	struct recovery_filter f;
	struct recovery *v;
	int64_t total, sum;
	int page = req_page(r), n;
	json_t *items, *j;

	req_filter(r, &recovery_filter_spec, &f, 100);
	n = recovery_list(&r->c, &f, &v, &total, &sum);
	if (n < 0)
		return reply_error(r, E_STORE, "recovery list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:o?, s:s, s:o?}",
			"id", (json_int_t)v[i].id, "day", v[i].day, "amount", yuan(r, v[i].amount_fen, 0),
			"amount_fen", (json_int_t)v[i].amount_fen, "kind", v[i].kind,
			"kind_label", label_of(recovery_kinds, v[i].kind),
			"campaign_id", api_opt_int(v[i].campaign_id), "campaign_name", v[i].campaign_name,
			"case_id", api_opt_int(v[i].case_id)));
	j = json_pack("{s:I, s:i, s:o, s:s, s:s, s:I}", "total", (json_int_t)total, "page", page,
		      "items", items, "sum", yuan(r, sum, 0), "sum_text", yuan(r, sum, 1),
		      "sum_fen", (json_int_t)sum);
	/* the count stopped at the cap (model/filter.h); the sum is exact */
	if (j && total > LIST_COUNT_CAP)
		json_object_set_new(j, "total_capped", json_true());
	return reply_json(r, 200, j);
}

int api_recovery_create(struct req *r)
{
	json_t *j = api_body(r), *amount;
	struct recovery m = { .day = "", .kind = "" };
	const char *amt = "";
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	api_str(r, j, "day", &m.day);
	api_str(r, j, "kind", &m.kind);
	amount = json_object_get(j, "amount");
	if (amount && !json_is_string(amount))
		fielderr_add(&fe, "amount", "金额应为文本形式的元，如 \"117526.73\"（不接受数字，以免精度损失）");
	api_str(r, j, "amount", &amt);
	m.campaign_id = opt_id(j, "campaign_id", &fe, "专项整治应为编号");
	m.case_id = opt_id(j, "case_id", &fe, "案件应为编号");
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	return api_result(r, recovery_create(&r->c, &m, amt, &fe), &fe, "recovery", 1);
}

/* ---- the person's record -------------------------------------------------- */

json_t *api_person_record(struct req *r, const struct person *p)
{
	struct person_record rec;
	json_t *clues, *cases, *outcomes, *clars;
	int rc = person_record_get(&r->c, p, &rec);

	if (rc <= 0)
		return NULL;
	clues = json_array();
	for (int i = 0; i < rec.n_clues; i++)
		json_array_append_new(clues, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)rec.clues[i].id,
			"received", rec.clues[i].received, "state", rec.clues[i].state));
	cases = json_array();
	for (int i = 0; i < rec.n_cases; i++)
		json_array_append_new(cases, json_pack("{s:I, s:s, s:s, s:s?}", "id", (json_int_t)rec.cases[i].id,
			"filed", rec.cases[i].filed, "state", rec.cases[i].state,
			"closed", rec.cases[i].closed));
	outcomes = json_array();
	for (int i = 0; i < rec.n_outcomes; i++) {
		json_t *o = outcome_json(r, &rec.outcomes[i]);
		if (!rec.matter_visible[i]) {   /* the sanction, not the matter */
			json_object_set_new(o, "case_id", json_null());
			json_object_set_new(o, "clue_id", json_null());
		}
		json_array_append_new(outcomes, o);
	}
	clars = json_array();
	for (int i = 0; i < rec.n_clars; i++) {
		json_t *visits = json_array();
		for (int k = 0; k < rec.n_clar_visits[i]; k++)
			json_array_append_new(visits, json_pack("{s:I, s:s, s:s, s:s}",
				"id", (json_int_t)rec.clar_visits[i][k].id, "day", rec.clar_visits[i][k].day,
				"note", rec.clar_visits[i][k].note, "by", rec.clar_visits[i][k].user_name));
		json_array_append_new(clars, json_pack("{s:I, s:s, s:s, s:o}", "id", (json_int_t)rec.clars[i].id,
			"day", rec.clars[i].day, "manner", rec.clars[i].manner, "followups", visits));
	}
	return json_pack("{s:o, s:o, s:o, s:{s:b, s:s?}, s:b, s:o}", "clues", clues, "cases", cases,
			 "outcomes", outcomes, "influence", "running", rec.influence != NULL,
			 "until", rec.influence, "promotion_barred", rec.influence != NULL || rec.open_case,
			 "clarifications", clars);
}

/* GET /api/outcomes: the outcomes behind the figures (issue 11), the
 * twin of the page /outcomes, same filter and need-to-know. */
int api_outcomes(struct req *r)
{
	struct outcome_filter f;
	struct outcome *v = NULL;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &outcome_filter_spec, &f, 100);
	n = outcome_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "outcome list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, outcome_json(r, &v[i]));
	return api_reply_list(r, items, total, page);
}
