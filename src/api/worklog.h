#ifndef QF_API_WORKLOG_H
#define QF_API_WORKLOG_H
/*
 * api/worklog: the JSON twin of the work log and the document register
 * (pages/worklog.h, pages/regdocs.h): GET|POST /api/worklog, POST
 * /api/worklog/batch ({"rows": [...]}, all or nothing), GET
 * /api/worklog/{id}, GET|POST /api/worklog/kinds, GET|POST /api/regdocs,
 * GET /api/regdocs/{id}, POST /api/regdocs/{id}/state.
 */
struct req;

int api_worklog(struct req *r);
int api_worklog_create(struct req *r);
int api_worklog_batch(struct req *r);
int api_activity(struct req *r);
int api_worklog_kinds(struct req *r);
int api_worklog_kind_put(struct req *r);
int api_regdocs(struct req *r);
int api_regdoc_create(struct req *r);
int api_regdoc(struct req *r);
int api_regdoc_state(struct req *r);

#endif
