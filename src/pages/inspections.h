#ifndef QF_PAGES_INSPECTIONS_H
#define QF_PAGES_INSPECTIONS_H
/*
 * pages/inspections: inspections (巡察, domain/inspection.h).
 * inspections.c, the views: GET /inspections (the rounds; a round's form
 * for the inspection office), GET /inspection-rounds/{id} (its figures,
 * the inspections the actor may see, an inspection's form), GET
 * /inspections/{id} (members, findings with their rectification state,
 * clues transferred with their state, the report's clock; the forms of
 * the steps; need-to-know: 404 otherwise).
 * inspection_forms.c, the forms and their POSTs: /inspection-rounds,
 * /inspection-rounds/{id}/inspections, /inspections/{id}/members (the
 * inspection office; a leader with a recusal reason), /feedback,
 * /reported, GET|POST /inspections/{id}/findings(/new) (the problem
 * form's fields), GET|POST /inspections/{id}/clues(/new) (the clue form,
 * the inspection fixed).
 */
#include <stdint.h>

struct req;
struct strbuf;
struct fielderr;
struct inspection;

int page_inspection_rounds(struct req *r);
int page_inspection_round(struct req *r);
int page_inspection(struct req *r);

int page_inspection_round_create(struct req *r);
int page_inspection_create(struct req *r);
int page_inspection_member_add(struct req *r);
int page_inspection_feedback(struct req *r);
int page_inspection_reported(struct req *r);
int page_inspection_finding_new(struct req *r);
int page_inspection_finding_create(struct req *r);
int page_inspection_clue_new(struct req *r);
int page_inspection_clue_create(struct req *r);

/* the views with a refused form's messages (fe) and status */
int inspection_rounds_view(struct req *r, const struct fielderr *fe, unsigned status);
int inspection_round_view(struct req *r, int64_t id, const struct fielderr *fe, unsigned status);
int inspection_view(struct req *r, int64_t id, const struct fielderr *fe, unsigned status);
/* the forms the views show (nothing for who may not use them) */
void inspection_round_form(struct req *r, struct strbuf *sb, const struct fielderr *fe);
void inspection_add_form(struct req *r, struct strbuf *sb, int64_t round_id, const struct fielderr *fe);
void inspection_step_forms(struct req *r, struct strbuf *sb, const struct inspection *x, const struct fielderr *fe);

#endif
