#ifndef QF_PAGES_TALKS_H
#define QF_PAGES_TALKS_H
/*
 * pages/talks: daily supervision's pages (domain/talk.h,
 * domain/matter_report.h): GET /talks (filters; 导出), GET /talks/new and
 * POST /talks (quick entry: one kind and day, several persons, or a
 * unit's own talks as 人次), GET /talks/{id} (the note, the first-form
 * outcome of a reminder or warning talk), POST /talks/{id}/outcome,
 * GET|POST /talks/{id}/edit (the correction, with a reason);
 * GET|POST /talks/kinds (the editable kinds of both families); GET
 * /matter-reports, GET /matter-reports/new, POST /matter-reports, GET
 * /matter-reports/{id} (the 30-day clock), POST /matter-reports/{id}/check,
 * GET|POST /matter-reports/{id}/edit (the correction, the clock again).
 */
struct req;

int page_talks(struct req *r);
int page_talk_new(struct req *r);
int page_talk_create(struct req *r);
int page_talk(struct req *r);
int page_talk_outcome(struct req *r);
int page_talk_edit_form(struct req *r);
int page_talk_edit(struct req *r);
int page_sup_kinds(struct req *r);
int page_sup_kind_add(struct req *r);
int page_matter_reports(struct req *r);
int page_matter_report_new(struct req *r);
int page_matter_report_create(struct req *r);
int page_matter_report(struct req *r);
int page_matter_report_check(struct req *r);
int page_matter_report_edit_form(struct req *r);
int page_matter_report_edit(struct req *r);

/* the kinds of a family as a label table for field_select (arena) */
const struct label *sup_kind_labels(struct req *r, const char *family);

#endif
