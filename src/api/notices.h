#ifndef QF_API_NOTICES_H
#define QF_API_NOTICES_H
/*
 * api/notices: /api/notices (what waits for the user), the bulk approval
 * of dispositions and the (bulk) assignment of clues to a handling office
 * (notices.c).  The handlers the route table names (src/http/routes.c).
 */
struct req;

int api_notices(struct req *r);
int api_dispositions_approve(struct req *r);
int api_clues_assign(struct req *r);

#endif
