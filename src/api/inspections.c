/*
 * api/inspections.c: inspections' JSON twin (api/inspections.h), the
 * same domain calls as the pages; optional members null.
 */
#include "api/clues.h"
#include "api/common.h"
#include "api/inspections.h"
#include "domain/authz.h"
#include "domain/clue.h"
#include "domain/clue_flow.h"
#include "domain/inspection.h"
#include "domain/problem.h"
#include "domain/result.h"
#include "http/http.h"

static json_t *round_json(const struct inspection_round *x)
{
	return json_pack("{s:I, s:i, s:i, s:s, s:s, s:s?}", "id", (json_int_t)x->id, "year", x->year, "number",
			 x->number, "name", x->name, "starts", x->starts, "ends", x->ends);
}

static json_t *inspection_json(const struct inspection *x)
{
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:s, s:s, s:o?, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s}",
			 "id", (json_int_t)x->id, "round_id", (json_int_t)x->round_id, "round_name", x->round_name,
			 "unit_id", (json_int_t)x->unit_id, "unit_name", x->unit_name, "kind", x->kind, "group_name",
			 x->group_name, "leader_id", api_opt_int(x->leader_id), "leader_name", x->leader_name,
			 "entered", x->entered, "left_on", x->left_on, "feedback", x->feedback, "report_due",
			 x->report_due, "reported", x->reported, "note", x->note);
}

int api_inspection_rounds(struct req *r)
{
	struct inspection_round *v;
	int n = inspection_round_list(&r->c, &v);
	json_t *items;

	if (n < 0)
		return res_error(r, n, "inspection round");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, round_json(&v[i]));
	return api_reply_list(r, items, n, 1);
}

int api_inspection_round_create(struct req *r)
{
	json_t *j = api_body(r);
	struct inspection_round x = { 0 };
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	x.year = (int)api_int(j, "year");
	x.number = (int)api_int(j, "number");
	api_str(r, j, "name", &x.name);
	api_str(r, j, "starts", &x.starts);
	api_str(r, j, "ends", &x.ends);
	json_decref(j);
	return api_result(r, inspection_round_add(&r->c, &x, &fe), &fe, "inspection round", 1);
}

int api_inspection_round(struct req *r)
{
	struct inspection_round x;
	struct inspection_figures f;
	struct inspection *v;
	int rc = inspection_round_get(&r->c, r->id, &x), n;
	json_t *o, *items;

	if (rc != RES_DONE)
		return res_error(r, rc, "inspection round");
	if ((n = inspection_list(&r->c, r->id, &v)) < 0)
		return res_error(r, n, "inspection round");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, inspection_json(&v[i]));
	o = round_json(&x);
	json_object_set_new(o, "inspections", items);
	if (inspection_round_figures(&r->c, r->id, &f) == RES_DONE)
		json_object_set_new(o, "figures", json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "organisations",
			(json_int_t)f.organisations, "problems", (json_int_t)f.problems, "top_leader",
			(json_int_t)f.top_leader, "clues", (json_int_t)f.clues, "lent", (json_int_t)f.lent,
			"groups", (json_int_t)f.groups));
	return reply_json(r, 200, o);
}

int api_inspection_create(struct req *r)
{
	json_t *j = api_body(r);
	struct inspection x = { 0 };
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	x.round_id = api_int(j, "round_id");
	x.unit_id = api_int(j, "unit_id");
	x.leader_id = api_int(j, "leader_id");
	api_str(r, j, "kind", &x.kind);
	api_str(r, j, "group_name", &x.group_name);
	api_str(r, j, "entered", &x.entered);
	api_str(r, j, "left_on", &x.left_on);
	api_str(r, j, "feedback", &x.feedback);
	api_str(r, j, "reported", &x.reported);
	api_str(r, j, "note", &x.note);
	json_decref(j);
	return api_result(r, inspection_add(&r->c, &x, &fe), &fe, "inspection", 1);
}

/* the clues transferred and what became of them: an array, empty on an error */
static json_t *clues_json(struct req *r, int64_t id)
{
	struct inspection_clue *k;
	int n = inspection_clues(&r->c, id, &k);
	json_t *a = json_array();

	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s?, s:s, s:s, s:s, s:s?}", "id", (json_int_t)k[i].id,
						   "clue_no", k[i].clue_no, "received", k[i].received, "state",
						   k[i].state, "state_text", clue_state_label(k[i].state), "method",
						   k[i].method));
	return a;
}

int api_inspection(struct req *r)
{
	struct inspection x;
	struct inspection_member *m;
	struct problem *p;
	int rc = inspection_get(&r->c, r->id, &x), n;
	json_t *o, *items, *found;

	if (rc != RES_DONE)
		return res_error(r, rc, "inspection");
	if ((n = inspection_members(&r->c, r->id, &m)) < 0)
		return res_error(r, n, "inspection");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s, s:s, s:s}", "user_id", (json_int_t)m[i].user_id,
						       "name", m[i].name, "home_office", m[i].home_office,
						       "override_reason", m[i].override_reason));
	if ((n = inspection_findings(&r->c, r->id, &p)) < 0) {
		json_decref(items);
		return res_error(r, n, "inspection");
	}
	found = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(found, json_pack("{s:I, s:I, s:s, s:s, s:b, s:s, s:s, s:b, s:s?}", "id",
						       (json_int_t)p[i].id, "unit_id", (json_int_t)p[i].unit_id,
						       "summary", p[i].summary, "deadline", p[i].deadline, "top_leader",
						       p[i].top_leader, "state", p[i].state, "state_text",
						       problem_state_text(&p[i]), "overdue", p[i].overdue,
						       "confirmed_on", p[i].confirmed_on));
	o = inspection_json(&x);
	json_object_set_new(o, "members", items);
	json_object_set_new(o, "findings", found);
	json_object_set_new(o, "clues", clues_json(r, r->id));
	return reply_json(r, 200, o);
}

int api_inspection_member_add(struct req *r)
{
	json_t *j = api_body(r);
	const char *office = "", *reason = "";
	struct fielderr fe = { 0 };
	int64_t user_id;

	if (!j)
		return MHD_YES;
	user_id = api_int(j, "user_id");
	api_str(r, j, "home_office", &office);
	api_str(r, j, "override_reason", &reason);
	json_decref(j);
	/* without a leader's reason it is the inspection office's step */
	if (!*reason && !authz_has(&r->c.who, PERM_INSPECTION_WRITE))
		return reply_error(r, E_FORBIDDEN, NULL);
	return api_result(r, inspection_member_add(&r->c, r->id, user_id, office, reason, &fe), &fe, "inspection",
			  0);
}

int api_inspection_finding_add(struct req *r)
{
	json_t *j = api_body(r);
	struct problem p = { 0 };
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	p.unit_id = api_int(j, "unit_id");
	p.top_leader = json_is_true(json_object_get(j, "top_leader"));
	api_str(r, j, "summary", &p.summary);
	api_str(r, j, "found", &p.found);
	api_str(r, j, "deadline", &p.deadline);
	json_decref(j);
	return api_result(r, inspection_finding_add(&r->c, r->id, &p, &fe), &fe, "inspection", 1);
}

int api_inspection_clue_transfer(struct req *r)
{
	json_t *j = api_body(r);
	struct clue_input in = { 0 };
	struct fielderr fe = { 0 };
	struct clue_dup *dups;
	int n_dups;
	int64_t id;

	if (!j)
		return MHD_YES;
	api_clue_input(r, j, &in, &fe);
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	id = inspection_clue_transfer(&r->c, r->id, &in, &fe, &dups, &n_dups);
	return api_clue_registered(r, id, &fe, dups, n_dups);
}

int api_inspection_feedback(struct req *r)
{
	return api_text_call(r, "day", inspection_feedback, "inspection", 0);
}

int api_inspection_reported(struct req *r)
{
	return api_text_call(r, "day", inspection_reported, "inspection", 0);
}
