#ifndef QF_API_REPORTS_H
#define QF_API_REPORTS_H
/*
 * api/reports: /api/reports (reports.c).
 * The handlers the route table names (src/http/routes.c); errors have
 * the one shape of reply_error / reply_fields.
 */
struct req;

int api_reports(struct req *r);
int api_report_create(struct req *r);
int api_report_show(struct req *r);
int api_report_acceptance(struct req *r);
int api_report_transfer(struct req *r);
int api_report_extension(struct req *r);
int api_report_conclusion(struct req *r);
int api_report_notice(struct req *r);
int api_report_clue(struct req *r);
int api_report_kind(struct req *r);

#endif
