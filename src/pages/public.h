#ifndef QF_PAGES_PUBLIC_H
#define QF_PAGES_PUBLIC_H
/*
 * pages/public.h: the public channel's pages for citizens (issue 13),
 * R_CITIZEN routes under /p/: no session, no staff navigation, nothing
 * that identifies the visitor.
 */
struct req;

int page_public_report_form(struct req *r);     /* GET /p/report */
int page_public_report(struct req *r);          /* POST /p/report */
int page_public_query_form(struct req *r);      /* GET /p/query */
int page_public_query(struct req *r);           /* POST /p/query */
int page_public_message(struct req *r);         /* POST /p/message */

#endif
