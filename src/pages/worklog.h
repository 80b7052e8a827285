#ifndef QF_PAGES_WORKLOG_H
#define QF_PAGES_WORKLOG_H
/*
 * pages/worklog: the work log (工作台账, domain/worklog.h): GET /worklog
 * (filters by kind, period, unit, campaign, category, title; the sums;
 * 导出Excel through the list kit), GET /worklog/new and POST /worklog (one
 * entry), GET|POST /worklog/quick (quick entry: a grid of rows recorded
 * all or nothing; one column a row on a phone), GET /worklog/{id}, GET
 * /worklog/kinds and POST /worklog/kinds (the catalog: the case manager).
 */
struct label;
struct req;

/* The catalog as choices for field_select: the active kinds with their
 * unit, or (all) every kind, the inactive marked (filters: the work log's,
 * the statistics page's kind member). */
const struct label *activity_kind_options(struct req *r, int all);

int page_worklog(struct req *r);
int page_worklog_new(struct req *r);
int page_worklog_create(struct req *r);
int page_worklog_quick_form(struct req *r);
int page_worklog_quick(struct req *r);
int page_activity(struct req *r);
int page_worklog_kinds(struct req *r);
int page_worklog_kind_put(struct req *r);

#endif
