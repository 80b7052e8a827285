#ifndef QF_MODEL_CLUE_H
#define QF_MODEL_CLUE_H
/*
 * model/clue.h: the records of campaigns, clues (问题线索) and their dispositions.
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

#include "model/filter.h"
#include "model/metrics.h"

struct campaign {
	int64_t id;
	const char *name;
	const char *start_day, *end_day;   /* YYYY-MM-DD or NULL */
	int64_t created_at;
	const char *plan;                   /* the plan's text, "" none (0056) */
	const char *lead_office;            /* one of users.office, "" none */
	int groups;                         /* its working groups (lists only) */
};

struct clue {
	int64_t id;
	const char *region;
	const char *received;       /* YYYY-MM-DD */
	const char *source;
	const char *source_ref;
	int64_t campaign_id;
	const char *campaign_name;
	int64_t unit_id;            /* the first subject's unit */
	const char *unit_name;
	const char *summary_enc;
	const char *state;
	const char *first_disposed; /* YYYY-MM-DD or NULL */
	const char *subject_names;  /* "张三、李四" (lists) */
	const char *clock_start;    /* the running preliminary verification's start, or NULL */
	const char *forward_due;    /* belongs to the level above: forward by (report_transfer), or NULL */
	const char *assigned_office; /* the handling office (承办部门) the case manager chose, "" none */
	int64_t assigned_at;
	const char *clue_no;        /* 线索编号 (migration 0032), NULL on older clues */
	/* the office handling the running preliminary verification (0045): its
	 * proposer's office when it was approved, "" unknown; NULL when none runs */
	const char *verification_office;

	int64_t created_by;
	int64_t created_at;
	int64_t updated_at;
};

struct disposition {
	int64_t id;
	int64_t clue_id;
	const char *method;
	const char *reason;
	const char *state;          /* proposed, approved, rejected */
	int64_t proposed_by;
	const char *proposed_by_name;
	int64_t proposed_at;
	const char *decided;        /* YYYY-MM-DD or NULL */
	int64_t decided_by;
	const char *decided_by_name;
	int64_t decided_at;
	const char *decision_note;
	/* transfer (移交): upward, downward, org_dept (NULL for other methods),
	 * the receiving organ and the reference */
	const char *transfer_direction, *transfer_to, *transfer_ref;
};

/* The clue list's filters (query arguments subject, state, source,
 * unit_id, campaign_id, from, to, overdue; and those of the figures'
 * lists, model/clue.c: received_from/to, disposed_from/to and the
 * statistics scope). */
struct clue_filter {
	struct page_req page;
	int64_t scope_user;         /* set by the domain: 0 all, else this user's units */
	const char *q;              /* a subject's name contains */
	const char *state, *source;
	int64_t unit_id, campaign_id;
	const char *day_from, *day_to;  /* received */
	int overdue;                /* only those with an overdue clock */
	const char *clock_before;   /* set by the domain from `overdue`: clocks started on
				     * or before it are overdue */
	const char *received_from, *received_to;    /* the same as from, to */
	const char *disposed_from, *disposed_to;    /* first_disposed */
	const char *office;         /* the handling office (assigned_office), "" or NULL any */
	/* the statistics scope: within (unit_id), category (clue_categories)
	 * and the subject members (the snapshot in clue_subjects, migration
	 * 0024); campaign_id and source are above */
	struct metric_scope sc;
};
extern const struct filter_spec clue_filter_spec;

#endif
