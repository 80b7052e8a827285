#ifndef QF_PAGES_ACCOUNTABILITY_H
#define QF_PAGES_ACCOUNTABILITY_H
/*
 * pages/accountability: accountability records and recoveries (accountability.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_accountability(struct req *r);
int page_accountability_create(struct req *r);
int page_recovery_create(struct req *r);

#endif
