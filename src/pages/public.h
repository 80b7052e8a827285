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

/* The per-address budgets (in memory only, never stored), shared with
 * the rating pages (pages/rate.c): a submission takes a token of the post
 * budget (1: it may go on); a code lookup may go on while the guessing
 * budget has a token (1), and a wrong code takes one. */
int public_post_allowed(struct req *r);
int public_guess_allowed(struct req *r);
void public_guess_missed(struct req *r);

#endif
