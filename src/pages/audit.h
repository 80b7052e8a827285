#ifndef QF_PAGES_AUDIT_H
#define QF_PAGES_AUDIT_H
/*
 * pages/audit: the audit log page (audit.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_audit(struct req *r);

#endif
