/*
 * api/problems.c: the rectification ledger's JSON twin (api/problems.h),
 * the same filter spec and domain calls as the pages; optional members
 * null.
 */
#include "api/common.h"
#include "api/problems.h"
#include "domain/problem.h"
#include "domain/result.h"
#include "http/filter.h"
#include "http/http.h"

static json_t *problem_json(const struct problem *p)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:o?, s:o?, s:o?, s:o?, s:s, s:s, s:s, s:s, s:b, s:b, s:s, s:s?, s:s?, "
			 "s:s?, s:s?}",
			 "id", (json_int_t)p->id, "unit_id", (json_int_t)p->unit_id, "unit_name", p->unit_name,
			 "source", p->source, "campaign_id", api_opt_int(p->campaign_id), "bad_review_id",
			 api_opt_int(p->bad_review_id), "inspection_id", api_opt_int(p->inspection_id),
			 "activity_id", api_opt_int(p->activity_id), "summary", p->summary, "found", p->found, "deadline",
			 p->deadline, "state", p->state, "top_leader", p->top_leader, "overdue", p->overdue,
			 "measures", p->measures, "rectified", p->rectified, "confirmed_by",
			 p->confirmed_on ? p->confirmed_name : NULL, "confirmed_on", p->confirmed_on,
			 "nature", p->nature && *p->nature ? p->nature : NULL);
}

int api_problems(struct req *r)
{
	struct problem_filter f;
	struct problem *v;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	struct fielderr fe = { 0 };

	req_filter(r, &problem_filter_spec, &f, 100);
	if ((n = problem_filter_check(&r->c, &f, &fe)) != RES_DONE)     /* an unknown kind or category */
		return n == RES_INVALID ? reply_fields(r, &fe) : reply_error(r, E_STORE, "problem list");
	n = problem_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "problem list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, problem_json(&v[i]));
	return api_reply_list(r, items, total, page);
}

int api_problem(struct req *r)
{
	struct problem p;
	int rc = problem_get(&r->c, r->id, &p);

	if (rc != RES_DONE)
		return res_error(r, rc, "problem");
	return reply_json(r, 200, problem_json(&p));
}

int api_problem_create(struct req *r)
{
	json_t *j = api_body(r);
	struct problem p = { 0 };
	struct fielderr fe = { 0 };
	int64_t id;

	if (!j)
		return MHD_YES;
	p.unit_id = api_int(j, "unit_id");
	p.campaign_id = api_int(j, "campaign_id");
	p.bad_review_id = api_int(j, "bad_review_id");
	p.activity_id = api_int(j, "activity_id");
	p.top_leader = json_is_true(json_object_get(j, "top_leader"));
	api_str(r, j, "source", &p.source);
	api_str(r, j, "summary", &p.summary);
	api_str(r, j, "found", &p.found);
	api_str(r, j, "deadline", &p.deadline);
	api_str(r, j, "nature", &p.nature);
	json_decref(j);
	id = problem_add(&r->c, &p, &fe);
	return api_result(r, id, &fe, "problem", 1);   /* -1 RES_INVALID, -2 RES_STORE */
}

/* The steps (domain/problem.h): {"measures"} for the unit's, {"note"} for
 * the office's; {"ok": true} or the result. */
static int step(struct req *r, const char *key,
		int (*fn)(struct ctx *, int64_t, const char *, struct fielderr *))
{
	return api_text_call(r, key, fn, "problem", 0);
}

int api_problem_start(struct req *r)
{
	return step(r, "measures", problem_start);
}

int api_problem_apply(struct req *r)
{
	return step(r, "measures", problem_apply);
}

int api_problem_confirm(struct req *r)
{
	return step(r, "note", problem_confirm);
}

int api_problem_return(struct req *r)
{
	return step(r, "note", problem_return);
}
