#ifndef QF_API_H
#define QF_API_H
/*
 * api: the JSON endpoints.  They call the same domain functions as the
 * pages, under the same route permissions and object checks; errors have
 * the one shape of reply_error / reply_fields.
 */
#include <jansson.h>
#include <stdint.h>

struct req;

int api_me(struct req *r);
int api_units(struct req *r);
int api_unit_create(struct req *r);
int api_unit_show(struct req *r);
int api_unit_update(struct req *r);
int api_persons(struct req *r);
int api_person_create(struct req *r);
int api_person_show(struct req *r);
int api_person_update(struct req *r);

int api_clues(struct req *r);                  /* clues.c */
int api_clue_show(struct req *r);
int api_clue_create(struct req *r);
int api_disposition_create(struct req *r);
int api_disposition_decide(struct req *r);
int api_campaigns(struct req *r);
int api_campaign_create(struct req *r);
/* ---- reports.c ---- */
int api_reports(struct req *r);
int api_report_create(struct req *r);
int api_report_show(struct req *r);
int api_report_acceptance(struct req *r);
int api_report_transfer(struct req *r);
int api_report_extension(struct req *r);
int api_report_conclusion(struct req *r);
int api_report_notice(struct req *r);
int api_report_clue(struct req *r);
struct clue_dup;
/* 409 with the subjects that have open clues (clues.c; also /clue of a report) */
int api_reply_dups(struct req *r, const struct clue_dup *dups, int n_dups);


/* ---- cases.c ---- */
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
int api_conflicts(struct req *r);
int api_conflict_create(struct req *r);
/* The case list's filters and page from ?state=&unit_id=&campaign_id=
 * &from=&to=&overdue=1&page= (the list page uses it too). */
struct case_query;
void case_query_from_req(struct req *r, struct case_query *cq, int per_page);


/* ---- outcomes.c ---- */
int api_outcome_create(struct req *r);
int api_outcome_show(struct req *r);
int api_execution_check(struct req *r);
int api_executions(struct req *r);
int api_followup_create(struct req *r);
int api_clarification_create(struct req *r);
int api_accountabilities(struct req *r);
int api_accountability_create(struct req *r);
int api_recoveries(struct req *r);
int api_recovery_create(struct req *r);
struct person;
/* The person's clues, cases, outcomes and running influence period for
 * /api/persons/{id}, or NULL when the actor's role does not see them. */
json_t *api_person_record(struct req *r, const struct person *p);


/* The request body as a JSON object; NULL after answering 400. */
json_t *api_body(struct req *r);
/* A string member as an arena copy ("" when absent); -1 when present but
 * not a string. */
int api_str(struct req *r, json_t *o, const char *key, const char **out);
/* An integer member's value for json_pack's "o?": a new JSON integer, or
 * NULL (packed as null) when v is 0, the records' "none" for ids, months.
 * Strings use "s?" directly; jansson has no optional integer format. */
json_t *api_opt_int(int64_t v);
/* {"total": N, "page": P, "items": items} */
int api_reply_list(struct req *r, json_t *items, long long total, int page);

#endif
