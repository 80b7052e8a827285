#ifndef QF_PAGES_CASES_H
#define QF_PAGES_CASES_H
/*
 * pages/cases: the case pages, the handling team, detention, the steps to
 * closure, and the user's own conflict declarations (cases.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_cases(struct req *r);
int page_case_show(struct req *r);
int page_case_team_add(struct req *r);
int page_case_team_remove(struct req *r);
int page_case_note(struct req *r);
int page_detention_start(struct req *r);
int page_detention_extend(struct req *r);
int page_detention_end(struct req *r);
int page_case_filing(struct req *r);
int page_case_transfer(struct req *r);
int page_case_trial(struct req *r);
int page_case_close(struct req *r);
/* the trial stage (domain/trial.h): opinion, return for supplementary investigation */
int page_case_opinion(struct req *r);
int page_case_return(struct req *r);
int page_detention_notice(struct req *r);
int page_case_recusal_create(struct req *r);
int page_recusal_decide(struct req *r);
int page_conflicts(struct req *r);
int page_conflict_create(struct req *r);
int page_detentions(struct req *r);     /* the list behind `detained` (issue 11) */

#endif
