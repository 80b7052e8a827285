#ifndef QF_PAGES_NOTICES_H
#define QF_PAGES_NOTICES_H
/*
 * pages/notices: 待办通知 and the bulk approval's confirmation
 * (notices.c); the bulk assignment of clues (clues.c).  The handlers the
 * route table names (src/http/routes.c).
 */
struct req;

int page_notices(struct req *r);
int page_notices_approve(struct req *r);
int page_clues_assign(struct req *r);

#endif
