#ifndef QF_API_PROBLEMS_H
#define QF_API_PROBLEMS_H
/*
 * api/problems: the rectification ledger as JSON (domain/problem.h):
 * GET /api/problems (the page's filter), POST /api/problems (add: unit_id,
 * source, summary, found, deadline; campaign_id, bad_review_id, top_leader
 * optional), GET /api/problems/{id}, and the steps POST
 * /api/problems/{id}/start|apply ({"measures"}) and /confirm|return
 * ({"note"}).
 */
struct req;

int api_problems(struct req *r);
int api_problem_create(struct req *r);
int api_problem(struct req *r);
int api_problem_start(struct req *r);
int api_problem_apply(struct req *r);
int api_problem_confirm(struct req *r);
int api_problem_return(struct req *r);

#endif
