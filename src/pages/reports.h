#ifndef QF_PAGES_REPORTS_H
#define QF_PAGES_REPORTS_H
/*
 * pages/reports: the report (信访举报) pages and their dated steps (reports.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_reports(struct req *r);
int page_report_new(struct req *r);
int page_report_create(struct req *r);
int page_report_show(struct req *r);
int page_report_step(struct req *r);
int page_report_clue(struct req *r);
/* POST /reports/{id}/kind: the correction of the kind, category, repeated */
int page_report_kind(struct req *r);
/* POST /reports/{id}/public-reply: the answer a public-channel reporter reads */
int page_report_public_reply(struct req *r);

#endif
