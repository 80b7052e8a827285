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
#include "model/metrics.h"

/* One person's outcome on one matter (a case, a clue, or a
 * daily-supervision record, a talk: supervision_id): at most one per person and
 * matter.  measures: the codes in force joined by ','; day: the first
 * decision (the outcome counts in its period, with `form` by the form
 * table in force then); bar_until: the first day free of the influence
 * period, "9999-12-31" permanent, NULL none.  subject_*: the person as
 * they were when the outcome was made (unit_id too). */
struct outcome {
	int64_t id;
	int64_t person_id;
	const char *person_name;
	int64_t case_id, clue_id;       /* exactly one is set */
	int64_t supervision_id;         /* a daily-supervision record: a talk (0059), 0 none */
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
	const char *subject_rank;
	int subject_top_leader, subject_leadership, subject_party_member;
	const char *party_decided;      /* the party sanction's approval date, NULL none */
	const char *gov_decided;        /* the government sanction's decision date, NULL none */
	int gov_violations;             /* 0: one */
	int gov_months;                 /* the stated period, 0 not stated */
};

/* One measure of an outcome as decided: its own decision date, the
 * stated period (留党察看, or several violations of one kind), and the day
 * an appeal or review ended it (NULL while in force) with by whom
 * ("appeal/N", or "merged" by migration 0018). */
struct outcome_measure {
	const char *measure;
	const char *decided;
	int months;                     /* 0: not stated */
	int violations;
	const char *ended, *ended_by;
};

/* 申诉 (kind "appeal") or 复审复核 ("review") against one sanction of an
 * outcome, with its result: upheld, changed (to new_measure) or revoked. */
struct appeal {
	int64_t id;
	int64_t outcome_id;
	const char *kind, *measure, *filed, *decided, *result;
	const char *new_measure;        /* NULL unless changed */
	int new_months;                 /* 留党察看 as changed: 12 or 24 */
	const char *note;
	const char *user_name;
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
	int64_t outcome_id;             /* exactly one of outcome_id, clarification_id */
	int64_t clarification_id;
	const char *day, *note;
	const char *user_name;
};

struct accountability {
	int64_t id;
	const char *started;
	int64_t unit_id, person_id, campaign_id;
	const char *unit_name, *person_name, *campaign_name;
	const char *summary;
	/* its measure types (accountability_measures, 0056), codes of
	 * accountability_measure_kinds joined by ',' in the table's order; "" none */
	const char *measures;
};

struct recovery {
	int64_t id;
	const char *day;
	int64_t amount_fen;
	const char *kind;               /* recovery_kinds: confiscated | ordered | returned | recovered */
	int64_t campaign_id, case_id;
	const char *campaign_name;
};

/* Sanctions whose execution is pending (no query filters). */
struct execution_filter {
	struct page_req page;
	int64_t scope_user;         /* set by the domain: 0 all, else this user's units */
};
extern const struct filter_spec execution_filter_spec;

/* Accountability cases (query arguments campaign_id; from, to on the
 * day started and within, the unit or the person's unit and all below:
 * the list behind the figure accountabilities, issue 11). */
struct accountability_filter {
	struct page_req page;
	int64_t scope_user;         /* set by the domain: 0 all, else this user's units */
	int64_t campaign_id;
	const char *day_from, *day_to;
	int64_t within;
	const char *measure;        /* one measure type: the lists behind the figures
				     * accountability_<measure> (0056) */
};
extern const struct filter_spec accountability_filter_spec;

/* Recovered money (query arguments campaign_id, kind; recovered_from,
 * recovered_to on its day and recovery_kind: the lists behind the figures
 * recovered and returned); not
 * bounded by units (a sum for the whole commission). */
struct recovery_filter {
	struct page_req page;
	int64_t campaign_id;
	const char *kind;           /* a recovery_kinds code */
	const char *day_from, *day_to;
	const char *recovery_kind;  /* the same as kind, named for the /accountability page
				     * (two ledgers): the figures' links use it */
};
extern const struct filter_spec recovery_filter_spec;

/* The outcomes behind the figures of the four forms and the sanctioned
 * (issue 11; query arguments from, to: the outcome's first decision day;
 * form, sanctioned, campaign_id and the statistics scope: within,
 * category and organ_kind of its case, source of its clue, the subject
 * snapshot).  Need-to-know as an outcome's page: a case's outcome for
 * those who see the case, a clue's within the user's units. */
struct outcome_filter {
	struct page_req page;
	int64_t team_user;          /* set by the domain: 0 every case, else this user's teams */
	int64_t scope_user;         /* set by the domain: 0 all, else this user's units */
	int execution;              /* set by the domain: 1 for the execution roles, who see
				     * the sanctions of their units (as outcome_get) */
	const char *day_from, *day_to;
	int form;                   /* 1-4, 0 any */
	int sanctioned;
	int64_t campaign_id;
	struct metric_scope sc;
};
extern const struct filter_spec outcome_filter_spec;

#endif
