#ifndef QF_API_OUTCOMES_H
#define QF_API_OUTCOMES_H
/*
 * api/outcomes: /api/outcomes, /api/executions, /api/clarifications,
 * /api/accountabilities, /api/recoveries, and the record part of
 * /api/persons/{id} (outcomes.c).
 * The handlers the route table names (src/http/routes.c); errors have
 * the one shape of reply_error / reply_fields.
 */
#include <jansson.h>

struct req;
struct person;

int api_outcome_create(struct req *r);
int api_outcome_show(struct req *r);
int api_execution_check(struct req *r);
int api_executions(struct req *r);
int api_followup_create(struct req *r);
int api_appeal_create(struct req *r);
int api_clarification_followup_create(struct req *r);
int api_clarification_create(struct req *r);
int api_accountabilities(struct req *r);
int api_accountability_create(struct req *r);
int api_recoveries(struct req *r);
int api_recovery_create(struct req *r);
int api_outcomes(struct req *r);        /* the list behind the figures (issue 11) */

/* The person's clues, cases, outcomes and running influence period for
 * /api/persons/{id} (a new reference), or NULL when the actor's role does
 * not see them. */
json_t *api_person_record(struct req *r, const struct person *p);

#endif
