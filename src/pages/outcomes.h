#ifndef QF_PAGES_OUTCOMES_H
#define QF_PAGES_OUTCOMES_H
/*
 * pages/outcomes: recording and reading outcomes, the execution checklist,
 * follow-up visits and clarifications (outcomes.c); the outcomes table and a
 * matter's outcomes section (matter_outcomes.c), shared with the case, clue
 * and person pages.
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
#include <stdint.h>

struct req;
struct strbuf;
struct outcome;

int page_outcome_new(struct req *r);
int page_outcome_create(struct req *r);
int page_outcome_show(struct req *r);
int page_execution_check(struct req *r);
int page_followup_create(struct req *r);
int page_appeal_create(struct req *r);
int page_clarification_followup_create(struct req *r);
int page_executions(struct req *r);
int page_outcome_list(struct req *r);   /* /outcomes: the list behind the figures */
int page_clarification_new(struct req *r);
int page_clarification_create(struct req *r);

/* The outcomes table (linked[i]: link row i to its page; NULL: all), and
 * a case's or clue's outcomes section with the links to record one when
 * may_record (matter_outcomes.c). */
void page_outcome_table(struct strbuf *sb, const struct outcome *v, int n, const int *linked,
			int with_person);
void page_matter_outcomes(struct req *r, struct strbuf *sb, int64_t case_id, int64_t clue_id,
			  int may_record);

#endif
