#ifndef QF_API_TALKS_H
#define QF_API_TALKS_H
/*
 * api/talks: the JSON twin of daily supervision's pages (pages/talks.h):
 * GET /api/talks, POST /api/talks (quick entry: person_ids, or unit_id and
 * persons for a unit's own talks), GET /api/talks/{id}, POST
 * /api/talks/{id}/outcome {"measure"}; GET /api/matter-reports, POST
 * /api/matter-reports, GET /api/matter-reports/{id}, POST
 * /api/matter-reports/{id}/check {"concern": bool}; the corrections PUT
 * /api/talks/{id} and PUT /api/matter-reports/{id} (a "reason" and the
 * members to change; the answer is the record as GET gives it).
 */
struct req;

int api_talks(struct req *r);
int api_talk_create(struct req *r);
int api_talk(struct req *r);
int api_talk_outcome(struct req *r);
int api_talk_update(struct req *r);
int api_matter_reports(struct req *r);
int api_matter_report_create(struct req *r);
int api_matter_report(struct req *r);
int api_matter_report_check(struct req *r);
int api_matter_report_update(struct req *r);

#endif
