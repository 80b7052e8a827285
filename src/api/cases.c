/*
 * cases.c: /api/cases, /api/detentions and /api/conflicts: cases on
 * need-to-know, the handling team with recusal, notes, detention, the
 * steps to closure, and the user's own conflict declarations, through the
 * same domain calls and checks as the pages.
 */
#include "api/cases.h"

#include <inttypes.h>
#include <string.h>

#include "api/common.h"
#include "core/arena.h"
#include "core/date.h"
#include "domain/case.h"
#include "domain/clocks.h"
#include "domain/detention.h"
#include "domain/recusal.h"
#include "http/filter.h"
#include "http/http.h"

static json_t *case_json(const struct case_rec *k)
{
	return json_pack("{s:I, s:I, s:I, s:s, s:o?, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:s, s:s}",
			 "id", (json_int_t)k->id, "clue_id", (json_int_t)k->clue_id,
			 "unit_id", (json_int_t)k->unit_id, "unit_name", k->unit_name,
			 "campaign_id", api_opt_int(k->campaign_id),
			 "campaign_name", k->campaign_name, "filed", k->filed, "state", k->state,
			 "state_label", label_of(case_states, k->state), "transferred", k->transferred,
			 "trial_accepted", k->trial_accepted, "trial_due", k->trial_due, "closed", k->closed,
			 "subjects_text", k->subject_names, "lead", k->lead_name);
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

static json_t *detention_json(struct req *r, const struct detention *d)
{
	qf_day due = date_parse(d->due_day ? d->due_day : "");
	qf_day end = date_parse(d->end_day ? d->end_day : "");
	enum clock_state st = clock_state(r->c.cal, due, end, date_today());

	return json_pack("{s:I, s:I, s:s, s:s, s:s?, s:s?, s:s, s:s, s:o}", "id", (json_int_t)d->id,
			 "person_id", (json_int_t)d->person_id, "person_name", d->person_name,
			 "start", d->start_day, "end", d->end_day, "due", d->due_day,
			 "clock", st == CLOCK_OVERDUE ? "overdue" : st == CLOCK_DUE_SOON ? "due_soon"
				  : st == CLOCK_RUNNING ? "running" : "done",
			 "clock_label", clock_state_label(st), "extensions", json_array());
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
				json_array_append_new(ex, json_pack("{s:s, s:i, s:s, s:s, s:s}",
					"kind", d->exts[e].kind, "months", d->exts[e].months,
					"approved", d->exts[e].approved, "approver", d->exts[e].approver,
					"note", d->exts[e].note));
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
	if (detail_json(r, j, &d) < 0) {
		json_decref(j);
		return reply_error(r, E_STORE, "case notes");
	}
	return reply_json(r, 200, j);
}

/* An integer member, 0 when absent or not an integer. */
static int64_t api_int(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_integer(v) ? json_integer_value(v) : 0;
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
	const char *start = "";
	struct fielderr fe = { 0 };
	int64_t person_id;

	if (!j)
		return MHD_YES;
	person_id = api_int(j, "person_id");
	api_str(r, j, "start", &start);
	json_decref(j);
	return api_result(r, detention_start(&r->c, r->id, person_id, start, &fe), &fe, "case", 1);
}

int api_detention_extend(struct req *r)
{
	json_t *j = api_body(r);
	const char *kind = "", *approved = "", *approver = "", *note = "";
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	api_str(r, j, "kind", &kind);
	api_str(r, j, "approved", &approved);
	api_str(r, j, "approver", &approver);
	api_str(r, j, "note", &note);
	json_decref(j);
	return api_result(r, detention_extend(&r->c, r->id, kind, approved, approver, note, &fe), &fe, "case", 1);
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
		json_array_append_new(items, json_pack("{s:I, s:o?, s:s, s:o?, s:s, s:s}", "id", (json_int_t)v[i].id,
			"person_id", api_opt_int(v[i].person_id), "person_name", v[i].person_name,
			"unit_id", api_opt_int(v[i].unit_id), "unit_name", v[i].unit_name, "note", v[i].note));
	return api_reply_list(r, items, n, 1);
}

int api_conflict_create(struct req *r)
{
	json_t *j = api_body(r);
	const char *note = "";
	struct fielderr fe = { 0 };
	int64_t person_id, unit_id, id;

	if (!j)
		return MHD_YES;
	person_id = api_int(j, "person_id");
	unit_id = api_int(j, "unit_id");
	api_str(r, j, "note", &note);
	json_decref(j);
	id = conflict_declare(&r->c, person_id, unit_id, note, &fe);
	return api_result(r, id, &fe, "conflict", 1);
}
