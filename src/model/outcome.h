#ifndef QF_MODEL_OUTCOME_H
#define QF_MODEL_OUTCOME_H
/*
 * model/outcome.h: the records of outcomes (处理结果), their execution, clarifications,
 * follow-ups, accountability (问责) and recovered money.
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

#include "model/filter.h"

/* One person's outcome on one matter (a case or a clue).  measures: the
 * codes joined by ','; bar_until: the first day free of the influence
 * period, "9999-12-31" permanent, NULL none. */
struct outcome {
	int64_t id;
	int64_t person_id;
	const char *person_name;
	int64_t case_id, clue_id;       /* exactly one is set */
	const char *day;
	int form;
	int sanctioned;
	int probation_months;           /* 0: not stated */
	const char *effective;
	const char *bar_until;
	int64_t campaign_id;
	int64_t unit_id;
	const char *unit_name;
	const char *measures;
	int n_executed;                 /* execution items checked off */
	int64_t created_at;
};

/* One checked item of a sanction's execution. */
struct execution_item {
	const char *item;
	const char *done;
	const char *note;
	const char *user_name;
	int64_t at;
};

struct clarification {
	int64_t id;
	int64_t person_id;
	const char *person_name;
	int64_t case_id, clue_id;
	const char *day, *manner, *note;
};

struct followup {
	int64_t id;
	int64_t outcome_id;
	const char *day, *note;
	const char *user_name;
};

struct accountability {
	int64_t id;
	const char *started;
	int64_t unit_id, person_id, campaign_id;
	const char *unit_name, *person_name, *campaign_name;
	const char *summary;
};

struct recovery {
	int64_t id;
	const char *day;
	int64_t amount_fen;
	const char *kind;               /* recovered | returned */
	int64_t campaign_id, case_id;
	const char *campaign_name;
};

/* Sanctions whose execution is pending (no query filters). */
struct execution_filter {
	struct page_req page;
	int64_t scope_user;         /* set by the domain: 0 all, else this user's units */
};
extern const struct filter_spec execution_filter_spec;

/* Accountability cases (query argument campaign_id). */
struct accountability_filter {
	struct page_req page;
	int64_t scope_user;         /* set by the domain: 0 all, else this user's units */
	int64_t campaign_id;
};
extern const struct filter_spec accountability_filter_spec;

/* Recovered money (query arguments campaign_id, kind); not bounded by
 * units (a sum for the whole commission). */
struct recovery_filter {
	struct page_req page;
	int64_t campaign_id;
	const char *kind;           /* recovered | returned */
};
extern const struct filter_spec recovery_filter_spec;

#endif
