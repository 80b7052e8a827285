#ifndef QF_PAGES_PROBLEMS_H
#define QF_PAGES_PROBLEMS_H
/*
 * pages/problems: the rectification ledger (问题整改台账, domain/problem.h):
 * GET /problems (filters, counts by source, 导出台账 as sheets per source
 * or per unit), GET /problems/new and POST /problems (add), GET
 * /problems/{id} (source link, evidence, timeline, the actions of its
 * state), GET|POST /problems/{id}/edit, POST /problems/{id}/start, /apply
 * (the unit), /confirm, /return (the supervising office), GET
 * /problems/ledger.xlsx (the 台账 workbook with the list's filters).
 */
struct req;

int page_problems(struct req *r);
int page_problem_new(struct req *r);
int page_problem_create(struct req *r);
int page_problem(struct req *r);
int page_problem_edit_form(struct req *r);
int page_problem_edit(struct req *r);
int page_problem_start(struct req *r);
int page_problem_apply(struct req *r);
int page_problem_confirm(struct req *r);
int page_problem_return(struct req *r);
int page_problem_ledger(struct req *r);

/* The fields of a problem a finding of an inspection has too (summary,
 * found, deadline, top_leader: pages/inspection_forms.c), from p or, a
 * form sent again, from the request; and read from the request into p. */
struct strbuf;
struct problem;
struct fielderr;
void problem_fields(struct req *r, struct strbuf *sb, const struct problem *p, const struct fielderr *fe);
void problem_read_fields(struct req *r, struct problem *p);

#endif
