/*
 * cases.c: /api/cases, /api/detentions and /api/conflicts: cases on
 * need-to-know, the handling team with recusal, notes, detention, the
 * steps to closure, and the user's own conflict declarations, through the
 * same domain calls and checks as the pages.
 */
#include "api/cases.h"

#include <inttypes.h>
#include <string.h>

#include "api/clues.h"
#include "api/common.h"
#include "core/arena.h"
#include "core/date.h"
#include "domain/figlists.h"
#include "domain/case.h"
#include "domain/case_filing.h"
#include "domain/clocks.h"
#include "domain/detention.h"
#include "domain/recusal.h"
#include "domain/trial.h"
#include "http/filter.h"
#include "http/http.h"

static json_t *case_json(const struct case_rec *k)
{
	json_t *j = json_pack("{s:I, s:I, s:I, s:s, s:o?, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:s, s:s}",
			 "id", (json_int_t)k->id, "clue_id", (json_int_t)k->clue_id,
			 "unit_id", (json_int_t)k->unit_id, "unit_name", k->unit_name,
			 "campaign_id", api_opt_int(k->campaign_id),
			 "campaign_name", k->campaign_name, "filed", k->filed, "state", k->state,
			 "state_label", label_of(case_states, k->state), "transferred", k->transferred,
			 "trial_accepted", k->trial_accepted, "trial_due", k->trial_due, "closed", k->closed,
			 "subjects_text", k->subject_names, "lead", k->lead_name);

	/* the subjects' 立案编号 (issue 12) */
	if (j)
		json_object_set_new(j, "numbers_text", json_string(k->filing_numbers ? k->filing_numbers : ""));
	return j;
}

int api_cases(struct req *r)
{
	struct case_filter f;
	struct case_rec *v = NULL;
	int64_t total;
	int n;
	json_t *items;

	req_filter(r, &case_filter_spec, &f, 100);
	n = case_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "case list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, case_json(&v[i]));
	return api_reply_list(r, items, total, req_page(r));
}

static const char *clock_code(enum clock_state st)
{
	return st == CLOCK_OVERDUE ? "overdue" : st == CLOCK_DUE_SOON ? "due_soon"
	     : st == CLOCK_RUNNING ? "running" : "done";
}

static json_t *detention_json(struct req *r, const struct detention *d)
{
	qf_day due = date_parse(d->due_day ? d->due_day : "");
	qf_day end = date_parse(d->end_day ? d->end_day : "");
	enum clock_state st = clock_state(r->c.cal, due, end, date_today());
	const char *ndue = detention_notice_due(&r->c, d);
	enum clock_state nst = *ndue ? (enum clock_state)detention_notice_state(&r->c, d, ndue) : CLOCK_DONE;
	json_t *j = json_pack("{s:I, s:I, s:s, s:s, s:s?, s:s?, s:s, s:s, s:o}", "id", (json_int_t)d->id,
			      "person_id", (json_int_t)d->person_id, "person_name", d->person_name,
			      "start", d->start_day, "end", d->end_day, "due", d->due_day,
			      "clock", clock_code(st), "clock_label", clock_state_label(st),
			      "extensions", json_array());

	json_object_update_new(j, json_pack("{s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?}",
		"approved_by", d->approved_by, "approved_day", d->approved_day,
		"announced_at", d->announced_at, "family_notified", d->family_notified,
		"unit_notified", d->unit_notified, "notice_due", *ndue ? ndue : NULL,
		"notice_clock", *ndue ? clock_code(nst) : NULL,
		"notice_clock_label", *ndue ? clock_state_label(nst) : NULL));
	return j;
}

/* The detail arrays of a case page. */
static int detail_json(struct req *r, json_t *j, const struct case_detail *d)
{
	json_t *a = json_array();

	for (int i = 0; i < d->n_subjects; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)d->subjects[i].id,
			"name", d->subjects[i].name, "position", d->subjects[i].position,
			"unit_name", d->subjects[i].unit_name));
	json_object_set_new(j, "subjects", a);
	a = json_array();
	for (int i = 0; i < d->n_team; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s, s:s?, s:s}",
			"user_id", (json_int_t)d->team[i].user_id, "name", d->team[i].name,
			"role", d->team[i].role, "office", d->team[i].office,
			"override_by", d->team[i].override_by ? d->team[i].override_by_name : NULL,
			"override_reason", d->team[i].override_reason));
	json_object_set_new(j, "team", a);
	a = json_array();
	for (int i = 0; i < d->n_notes; i++) {
		struct strbuf text = STRBUF_INIT;
		if (case_note_text(&r->c, &d->notes[i], &text) < 0) {
			strbuf_release(&text);
			json_decref(a);
			return -1;
		}
		json_array_append_new(a, json_pack("{s:I, s:I, s:s, s:s}", "id", (json_int_t)d->notes[i].id,
			"at", (json_int_t)d->notes[i].at, "user", d->notes[i].user_name, "text", text.buf));
		strbuf_release(&text);
	}
	json_object_set_new(j, "notes", a);
	a = json_array();
	for (int i = 0; i < d->n_detentions; i++) {
		json_t *dj = detention_json(r, &d->detentions[i]), *ex = json_object_get(dj, "extensions");
		for (int e = 0; e < d->n_exts; e++)
			if (d->exts[e].detention_id == d->detentions[i].id)
				json_array_append_new(ex, json_pack("{s:s, s:i, s:s, s:s, s:s, s:b}",
					"kind", d->exts[e].kind, "months", d->exts[e].months,
					"approved", d->exts[e].approved, "approver", d->exts[e].approver,
					"note", d->exts[e].note, "ten_years", d->exts[e].ten_years));
		json_array_append_new(a, dj);
	}
	json_object_set_new(j, "detentions", a);
	a = json_array();
	for (int i = 0; i < d->n_timeline; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s}", "at", (json_int_t)d->timeline[i].at,
			"user", d->timeline[i].user_name, "action", d->timeline[i].action,
			"detail", d->timeline[i].detail));
	json_object_set_new(j, "timeline", a);
	return 0;
}

/* What the case was filed as (case_filing.h): type, organ, categories,
 * and the subjects as they were at filing. */
static int filed_as_json(struct req *r, json_t *j, const struct case_rec *k)
{
	struct case_filed_as f;
	json_t *a = json_array(), *s = json_array();

	if (case_filed_as(&r->c, k->id, &f) < 0) {
		json_decref(a);
		json_decref(s);
		return -1;
	}
	for (int i = 0; i < f.n_categories; i++)
		json_array_append_new(a, json_string(f.categories[i]));
	for (int i = 0; i < f.n_subjects; i++)
		json_array_append_new(s, json_pack("{s:I, s:s, s:b, s:b, s:I}", "person_id", (json_int_t)f.subjects[i].id,
						   "rank", f.subjects[i].rank, "top_leader", f.subjects[i].top_leader,
						   "leadership", f.subjects[i].leadership,
						   "unit_id", (json_int_t)f.subjects[i].unit_id));
	json_object_set_new(j, "case_type", k->case_type ? json_string(k->case_type) : json_null());
	json_object_set_new(j, "organ_kind", k->organ_kind ? json_string(k->organ_kind) : json_null());
	json_object_set_new(j, "organ_name", json_string(k->organ_name ? k->organ_name : ""));
	json_object_set_new(j, "categories", a);
	json_object_set_new(j, "subjects_at_filing", s);
	return 0;
}

/* POST /api/cases/{id}/filing: the filing record of a case filed under
 * the old rules (case_filing_complete). */
int api_case_filing(struct req *r)
{
	json_t *j = api_body(r);
	struct case_filing f = { 0 };
	struct fielderr fe = { 0 };
	int rc;

	if (!j)
		return MHD_YES;
	api_read_filing(r, j, &f, &fe);
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	rc = case_filing_complete(&r->c, r->id, &f, &fe);
	return api_result(r, rc, &fe, "case", 0);
}

/* The trial stage (trial.h) and the subjects' filing numbers. */
static int trial_json(struct req *r, json_t *j, const struct case_rec *k)
{
	struct trial_opinion_view *op;
	struct trial_return *t;
	struct case_number *num;
	const char **reasons;
	int nop, nt, nn = case_numbers(&r->c, k->id, &num);
	json_t *ops, *rets, *nums;

	if (nn < 0 || trial_opinions_read(&r->c, k->id, &op, &nop) < 0 ||
	    trial_returns_read(&r->c, k->id, &t, &reasons, &nt) < 0)
		return -1;
	ops = json_array();
	rets = json_array();
	nums = json_array();
	for (int i = 0; i < nop; i++) {
		json_t *p = json_array();

		for (int x = 0; x < op[i].n; x++)
			json_array_append_new(p, json_pack("{s:I, s:s, s:s}", "person_id", (json_int_t)op[i].person_ids[x],
							   "name", op[i].names[x], "sanction", op[i].sanctions[x]));
		json_array_append_new(ops, json_pack("{s:I, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)op[i].id,
						     "day", op[i].day, "recorded_by", op[i].user_name, "facts", op[i].facts,
						     "nature", op[i].nature, "proposals", p));
	}
	for (int i = 0; i < nt; i++)
		json_array_append_new(rets, json_pack("{s:i, s:s, s:s, s:s?, s:s, s:s}", "seq", t[i].seq,
						      "sent_day", t[i].sent_day, "due_day", t[i].due_day,
						      "back_day", t[i].back_day, "reason", reasons[i],
						      "recorded_by", t[i].user_name));
	for (int i = 0; i < nn; i++)
		json_array_append_new(nums, json_pack("{s:I, s:s, s:s?}", "person_id", (json_int_t)num[i].person_id,
						      "name", num[i].person_name, "filing_no", num[i].filing_no));
	json_object_set_new(j, "opinions", ops);
	json_object_set_new(j, "returns", rets);
	json_object_set_new(j, "filing_numbers", nums);
	return 0;
}

int api_case_show(struct req *r)
{
	struct case_rec k;
	struct case_detail d;
	json_t *j;
	int rc = case_get(&r->c, r->id, &k);

	if (rc <= 0)
		return res_error(r, rc, "case");
	if (case_detail(&r->c, &k, &d) < 0)
		return reply_error(r, E_STORE, "case detail");
	j = case_json(&k);
	if (detail_json(r, j, &d) < 0 || filed_as_json(r, j, &k) < 0 || trial_json(r, j, &k) < 0) {
		json_decref(j);
		return reply_error(r, E_STORE, "case notes");
	}
	return reply_json(r, 200, j);
}

/* POST /api/cases/{id}/opinions {day, facts, nature, proposals: [{person_id, sanction}]} */
int api_case_opinion(struct req *r)
{
	json_t *j = api_body(r), *props, *e;
	struct trial_opinion_input in = { .day = "", .facts = "", .nature = "" };
	struct fielderr fe = { 0 };
	size_t i;
	int64_t rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "day", &in.day);
	api_str(r, j, "facts", &in.facts);
	api_str(r, j, "nature", &in.nature);
	props = json_object_get(j, "proposals");
	json_array_foreach(props, i, e) {
		if (in.n >= TRIAL_MAX_SUBJECTS)
			break;
		in.person_ids[in.n] = api_int(e, "person_id");
		in.sanctions[in.n] = "";
		api_str(r, e, "sanction", &in.sanctions[in.n]);
		in.n++;
	}
	json_decref(j);
	rc = trial_opinion_add(&r->c, r->id, &in, &fe);
	return api_result(r, rc, &fe, "case", 1);
}

/* POST /api/cases/{id}/returns {day, reason} */
int api_case_return(struct req *r)
{
	json_t *j = api_body(r);
	const char *day = "", *reason = "";
	struct fielderr fe = { 0 };
	int64_t rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "day", &day);
	api_str(r, j, "reason", &reason);
	json_decref(j);
	rc = trial_return_send(&r->c, r->id, day, reason, &fe);
	return api_result(r, rc, &fe, "case", 1);
}

int api_case_team_add(struct req *r)
{
	json_t *j = api_body(r);
	const char *role = "", *reason = "";
	struct fielderr fe = { 0 };
	int64_t user_id;

	if (!j)
		return MHD_YES;
	user_id = api_int(j, "user_id");
	api_str(r, j, "role", &role);
	api_str(r, j, "override_reason", &reason);
	json_decref(j);
	return api_result(r, case_team_add(&r->c, r->id, user_id, role, reason, &fe), &fe, "case", 0);
}

int api_case_team_remove(struct req *r)
{
	json_t *j = api_body(r);
	struct fielderr fe = { 0 };
	int64_t user_id;

	if (!j)
		return MHD_YES;
	user_id = api_int(j, "user_id");
	json_decref(j);
	return api_result(r, case_team_remove(&r->c, r->id, user_id, &fe), &fe, "case", 0);
}

int api_case_note(struct req *r)
{
	json_t *j = api_body(r);
	const char *text = "";
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	api_str(r, j, "text", &text);
	json_decref(j);
	return api_result(r, case_note_add(&r->c, r->id, text, &fe), &fe, "case", 1);
}

int api_detention_start(struct req *r)
{
	json_t *j = api_body(r);
	struct detention_input in = { .start = "", .start_time = "", .approved_by = "", .approved_day = "" };
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	in.person_id = api_int(j, "person_id");
	api_str(r, j, "start", &in.start);
	api_str(r, j, "start_time", &in.start_time);
	api_str(r, j, "approved_by", &in.approved_by);
	api_str(r, j, "approved_day", &in.approved_day);
	json_decref(j);
	return api_result(r, detention_start(&r->c, r->id, &in, &fe), &fe, "case", 1);
}

int api_detention_extend(struct req *r)
{
	json_t *j = api_body(r);
	struct detention_step in = { .kind = "", .approved = "", .approver = "", .note = "" };
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	api_str(r, j, "kind", &in.kind);
	api_str(r, j, "approved", &in.approved);
	api_str(r, j, "approver", &in.approver);
	api_str(r, j, "note", &in.note);
	in.ten_years = json_is_true(json_object_get(j, "ten_years"));
	json_decref(j);
	return api_result(r, detention_extend(&r->c, r->id, &in, &fe), &fe, "case", 1);
}

int api_detention_notice(struct req *r)
{
	json_t *j = api_body(r);
	const char *party = "", *at = "", *note = "";
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	api_str(r, j, "party", &party);
	api_str(r, j, "at", &at);
	api_str(r, j, "note", &note);
	json_decref(j);
	return api_result(r, detention_notify(&r->c, r->id, party, at, note, &fe), &fe, "case", 0);
}

/* The day member of a body, then fn. */
static int day_action(struct req *r, int (*fn)(struct req *r, const char *day, struct fielderr *fe))
{
	json_t *j = api_body(r);
	const char *day = "";
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	api_str(r, j, "day", &day);
	json_decref(j);
	return api_result(r, fn(r, day, &fe), &fe, "case", 0);
}

static int do_end(struct req *r, const char *day, struct fielderr *fe)
{
	return detention_end(&r->c, r->id, day, fe);
}
static int do_transfer(struct req *r, const char *day, struct fielderr *fe)
{
	return case_step(&r->c, r->id, CASE_TRANSFER, day, fe);
}
static int do_trial(struct req *r, const char *day, struct fielderr *fe)
{
	return case_step(&r->c, r->id, CASE_TRIAL, day, fe);
}
static int do_close(struct req *r, const char *day, struct fielderr *fe)
{
	return case_step(&r->c, r->id, CASE_CLOSE, day, fe);
}

int api_detention_end(struct req *r) { return day_action(r, do_end); }
int api_case_transfer(struct req *r) { return day_action(r, do_transfer); }
int api_case_trial(struct req *r) { return day_action(r, do_trial); }
int api_case_close(struct req *r) { return day_action(r, do_close); }

int api_conflicts(struct req *r)
{
	struct conflict *v;
	int n = conflict_list(&r->c, &v);
	json_t *items;

	if (n < 0)
		return reply_error(r, E_STORE, "conflict list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:o?, s:s, s:o?, s:s, s:s, s:s}", "id", (json_int_t)v[i].id,
			"person_id", api_opt_int(v[i].person_id), "person_name", v[i].person_name,
			"unit_id", api_opt_int(v[i].unit_id), "unit_name", v[i].unit_name, "note", v[i].note,
			"ground", v[i].ground));
	return api_reply_list(r, items, n, 1);
}

int api_conflict_create(struct req *r)
{
	json_t *j = api_body(r);
	const char *note = "", *ground = "";
	struct fielderr fe = { 0 };
	int64_t person_id, unit_id, id;

	if (!j)
		return MHD_YES;
	person_id = api_int(j, "person_id");
	unit_id = api_int(j, "unit_id");
	api_str(r, j, "note", &note);
	api_str(r, j, "ground", &ground);
	json_decref(j);
	id = conflict_declare(&r->c, person_id, unit_id, ground, note, &fe);
	return api_result(r, id, &fe, "conflict", 1);
}

/* ---- recusal per matter ------------------------------------------------------------ */

static json_t *recusal_json(const struct recusal *v)
{
	return json_pack("{s:I, s:I, s:s, s:o?, s:o?, s:s, s:s, s:b, s:s?, s:s, s:s}", "id", (json_int_t)v->id,
			 "user_id", (json_int_t)v->user_id, "user_name", v->user_name,
			 "case_id", api_opt_int(v->case_id), "clue_id", api_opt_int(v->clue_id),
			 "ground", v->ground, "ground_label", label_of(recusal_grounds, v->ground),
			 "statutory", recusal_statutory(v->ground), "decision", v->decision,
			 "reason", v->reason, "decided_by", v->decided_by_name);
}

/* The declarations of the actor (GET /api/recusals) or of a case. */
static int recusals_answer(struct req *r, int64_t case_id)
{
	struct recusal *v;
	json_t *items;
	int n = case_id ? case_access(&r->c, case_id) : 1;

	if (n != 1)
		return res_error(r, n < 0 ? RES_STORE : RES_NOT_FOUND, "case");
	n = recusal_list(&r->c, case_id, 0, &v);
	if (n < 0)
		return reply_error(r, E_STORE, "recusal list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, recusal_json(&v[i]));
	return api_reply_list(r, items, n, 1);
}

int api_recusals(struct req *r) { return recusals_answer(r, 0); }
int api_case_recusals(struct req *r) { return recusals_answer(r, r->id); }

static int recusal_create(struct req *r, int64_t case_id, int64_t clue_id)
{
	json_t *j = api_body(r);
	const char *ground = "", *note = "";
	struct fielderr fe = { 0 };
	int64_t user_id;

	if (!j)
		return MHD_YES;
	user_id = api_int(j, "user_id");
	api_str(r, j, "ground", &ground);
	api_str(r, j, "note", &note);
	json_decref(j);
	return api_result(r, recusal_declare(&r->c, user_id, case_id, clue_id, ground, note, &fe), &fe,
			  case_id ? "case" : "clue", 1);
}

int api_case_recusal_create(struct req *r) { return recusal_create(r, r->id, 0); }
int api_clue_recusal_create(struct req *r) { return recusal_create(r, 0, r->id); }

int api_recusal_decide(struct req *r)
{
	json_t *j = api_body(r);
	const char *decision = "", *reason = "";
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	api_str(r, j, "decision", &decision);
	api_str(r, j, "reason", &reason);
	json_decref(j);
	return api_result(r, recusal_decide(&r->c, r->id, decision, reason, &fe), &fe, "recusal", 0);
}

/* GET /api/detentions: the detentions behind the figure `detained`
 * (issue 11), the twin of the page /detentions. */
int api_detentions(struct req *r)
{
	struct detention_filter f;
	struct detention *v = NULL;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &detention_filter_spec, &f, 100);
	n = detention_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "detention list");
	items = json_array();
	for (int i = 0; i < n; i++) {
		json_t *j = detention_json(r, &v[i]);
		json_object_set_new(j, "case_id", json_integer(v[i].case_id));
		json_object_set_new(j, "unit_name", json_string(v[i].unit_name ? v[i].unit_name : ""));
		json_array_append_new(items, j);
	}
	return api_reply_list(r, items, total, page);
}
