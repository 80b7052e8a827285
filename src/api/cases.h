#ifndef QF_API_CASES_H
#define QF_API_CASES_H
/*
 * api/cases: /api/cases, /api/detentions, /api/conflicts (cases.c).
 * The handlers the route table names (src/http/routes.c); errors have
 * the one shape of reply_error / reply_fields.
 */
struct req;
struct case_query;

int api_cases(struct req *r);
int api_case_show(struct req *r);
int api_case_team_add(struct req *r);
int api_case_team_remove(struct req *r);
int api_case_note(struct req *r);
int api_detention_start(struct req *r);
int api_detention_extend(struct req *r);
int api_detention_end(struct req *r);
int api_case_transfer(struct req *r);
int api_case_trial(struct req *r);
int api_case_close(struct req *r);
int api_case_opinion(struct req *r);
int api_case_return(struct req *r);
int api_detention_notice(struct req *r);
int api_recusals(struct req *r);
int api_case_recusals(struct req *r);
int api_case_recusal_create(struct req *r);
int api_clue_recusal_create(struct req *r);
int api_recusal_decide(struct req *r);
int api_conflicts(struct req *r);
int api_conflict_create(struct req *r);

int api_case_filing(struct req *r);
int api_detentions(struct req *r);      /* the list behind `detained` (issue 11) */

#endif
