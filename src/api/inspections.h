#ifndef QF_API_INSPECTIONS_H
#define QF_API_INSPECTIONS_H
/*
 * api/inspections: inspections' JSON twin (domain/inspection.h): GET|POST
 * /api/inspection-rounds, GET /api/inspection-rounds/{id} (with its
 * inspections the actor may see), POST /api/inspections, GET
 * /api/inspections/{id} (with its members and findings), POST
 * /api/inspections/{id}/members {"user_id", "home_office"}, /feedback and
 * /reported {"day"}, /findings {"unit_id"?, "summary", "found",
 * "deadline", "top_leader"} (a problem of the ledger, domain/inspection.h),
 * /clues (移交线索: /api/clues' body; source inspection and the link).
 */
struct req;

int api_inspection_rounds(struct req *r);
int api_inspection_round_create(struct req *r);
int api_inspection_round(struct req *r);
int api_inspection_create(struct req *r);
int api_inspection(struct req *r);
int api_inspection_member_add(struct req *r);
int api_inspection_finding_add(struct req *r);
int api_inspection_clue_transfer(struct req *r);
int api_inspection_feedback(struct req *r);
int api_inspection_reported(struct req *r);

#endif
