#ifndef QF_MODEL_CASE_H
#define QF_MODEL_CASE_H
/*
 * model/case.h: the records of a case (立案): the case, its team, notes, detentions,
 * conflicts, running clocks, and a case as a person's record lists it.
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

#include "model/filter.h"
#include "model/metrics.h"

/* A case (立案); dates YYYY-MM-DD or NULL. */
struct case_rec {
	int64_t id;
	const char *region;
	int64_t clue_id, disposition_id, unit_id, campaign_id;
	const char *unit_name, *campaign_name;
	const char *filed, *state;          /* investigating, trial, closed */
	const char *transferred, *trial_accepted, *trial_due, *closed;
	const char *subject_names;          /* "张三、李四" */
	const char *lead_name;              /* "" when nobody leads it yet */
	int64_t created_by, created_at, updated_at;
	/* the filing record (0019): NULL on a case filed under the old rules */
	const char *case_type;              /* discipline, supervision, both */
	const char *organ_kind;             /* office, resident_group, township */
	const char *organ_name;             /* "" when not recorded */
	const char *filing_numbers;         /* the subjects' 立案编号 joined by 、 ("" none) */
};

/* A member of a case's handling team (role lead, member, trial). */
struct case_member {
	int64_t user_id;
	const char *name, *role, *office;
	const char *assigned_by_name;
	int64_t assigned_at;
	int64_t override_by;                /* a leader allowed a conflict */
	const char *override_by_name, *override_reason;
};

struct case_note {
	int64_t id, case_id, at;
	const char *user_name;
	const char *text_enc;
};

/* A detention (留置) of one subject; due_day with the extensions. */
struct detention {
	int64_t id, case_id, person_id;
	const char *person_name;
	const char *start_day, *end_day, *due_day;
	/* the level above's approval (NULL on detentions older than migration
	 * 0020), the moment announced (YYYY-MM-DDTHH:MM), the notices */
	const char *approved_by, *approved_day, *announced_at;
	const char *family_notified, *unit_notified;    /* NULL: not yet */
	const char *unit_name;              /* the detention list: the case's unit */
};

struct detention_ext {
	int64_t id, detention_id;
	const char *kind;                   /* extension, national, recalc */
	int months;
	int ten_years;                      /* national: likely sentence >= 10 years */
	const char *approved, *approver, *note, *user_name;
	int64_t at;
};

/* The detention rule of a step in force on a day (detention_limits). */
struct detention_limit {
	const char *step, *effective_from, *unit, *min_level, *approver, *source;
	int amount;
};

/* A recusal declared for one matter (a case or a clue) with its ground
 * (recusal.h); decision NULL until a leader decides an `other` ground. */
struct recusal {
	int64_t id, user_id, case_id, clue_id, decided_by;
	const char *user_name, *ground, *note, *decision, *reason, *decided_by_name;
	int64_t declared_at, decided_at;
};

/* A conflict a handler declared: a person or a unit (recusal), with its
 * ground (recusal.h; `other` for declarations older than migration 0020). */
struct conflict {
	int64_t id, user_id, person_id, unit_id;
	const char *person_name, *unit_name, *note, *ground;
	int64_t declared_at;
};

/* A running clock of a case, for the home page (kind detention, trial). */
struct case_clock {
	int64_t case_id;
	const char *kind, *start, *due, *unit_name, *person_name, *office;
};

/* A case as a person's record lists it. */
struct case_brief {
	int64_t id;
	const char *filed, *state, *closed;
};

/* The case list's filters (query arguments state, unit_id, campaign_id,
 * from, to, overdue; and those of the figures' lists, model/case.c:
 * filed_from/to, closed_from/to, transferred_from/to and the statistics
 * scope). */
struct case_filter {
	struct page_req page;
	int64_t team_user;          /* set by the domain (need-to-know): 0 every case, else
				     * the cases whose team includes this user */
	const char *state;
	int64_t unit_id, campaign_id;
	const char *day_from, *day_to;  /* filed */
	int overdue;                /* only cases with a running clock past due */
	const char *overdue_on;     /* set by the domain from `overdue`: today */
	const char *number;         /* `no`: a part of a subject's 立案编号 */
	const char *filed_from, *filed_to;              /* the same as from, to */
	const char *closed_from, *closed_to;
	const char *transferred_from, *transferred_to;
	struct metric_scope sc;     /* campaign_id is above; source: the clue's */
};
extern const struct filter_spec case_filter_spec;

/* The detentions behind the figure `detained` (issue 11; query arguments
 * from, to: the start day; campaign_id and the statistics scope, read
 * from the case and the detained person's snapshot in case_subjects).
 * Need-to-know as the case's. */
struct detention_filter {
	struct page_req page;
	int64_t team_user;          /* set by the domain, as case_filter */
	const char *day_from, *day_to;
	int64_t campaign_id;
	struct metric_scope sc;
};
extern const struct filter_spec detention_filter_spec;

/* The trial stage (审理, migration 0032): an opinion (审理意见; text_enc
 * the encrypted JSON of facts, nature and proposals per subject), a
 * return for supplementary investigation (退回补充调查; back_day NULL
 * while the case is back), and a subject's official filing number. */
struct trial_opinion {
	int64_t id, case_id, created_by, created_at;
	const char *day, *text_enc, *user_name;
};
struct trial_return {
	int64_t id, case_id, created_by, created_at;
	int seq;
	const char *sent_day, *due_day, *back_day, *reason_enc, *user_name;
};
struct case_number {
	int64_t person_id;
	const char *person_name, *filing_no;        /* filing_no NULL: none (older cases) */
};

#endif
