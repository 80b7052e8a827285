#ifndef QF_PAGES_INSPECTIONS_H
#define QF_PAGES_INSPECTIONS_H
/*
 * pages/inspections: inspections (巡察, domain/inspection.h), read-only so
 * far: GET /inspections (the rounds), GET /inspection-rounds/{id} (its
 * figures and the inspections the actor may see), GET /inspections/{id}
 * (members, findings with their rectification state, clues transferred
 * with their state, the report's clock; need-to-know: 404 otherwise).
 * The forms are the API's for now (STATUS-insp14.md).
 */
struct req;

int page_inspection_rounds(struct req *r);
int page_inspection_round(struct req *r);
int page_inspection(struct req *r);

#endif
