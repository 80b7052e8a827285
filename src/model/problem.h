#ifndef QF_MODEL_PROBLEM_H
#define QF_MODEL_PROBLEM_H
/*
 * model/problem.h: the rectification ledger's records (问题整改台账, issue
 * 14): a problem found by one of the sources of DOMAIN.md section 5, its
 * timeline, and the ledger's filter.  Text in the caller's arena; days are
 * "YYYY-MM-DD" (China Standard Time).
 */
#include <stdint.h>

#include "model/filter.h"

struct problem {
	int64_t id;
	int64_t unit_id;            /* the rectifying unit */
	const char *unit_name;
	const char *source;         /* problem_sources code: inspection, campaign, rating ... */
	int64_t campaign_id;        /* 0 none: the campaign tag (the record of a campaign problem) */
	const char *campaign_name;
	int64_t bad_review_id;      /* 0 none: the bad review of a 码上问效 problem */
	int64_t inspection_id;      /* 0 none: the inspection that found it (source inspection) */
	int64_t activity_id;        /* 0 none: the work log entry that found it (0061) */
	const char *summary;
	const char *found;          /* the day it was found */
	const char *deadline;       /* 整改时限: a day set per problem */
	const char *state;          /* open, rectifying, rectified */
	int top_leader;             /* 1: concerns the unit's top leader (一把手问题) */
	const char *nature;         /* 性质 (0062): common 共性, individual 个性; "" not recorded */
	const char *measures;       /* 整改措施: what the unit did */
	const char *rectified;      /* the day the unit asked to close it (申请销号), NULL none */
	int64_t confirmed_by;       /* 0: not confirmed */
	const char *confirmed_name;
	const char *confirmed_on;   /* NULL: not confirmed */
	int overdue;                /* computed: not rectified and the deadline before today */
	const char *ext_id;         /* interchange id, NULL none */
	const char *extra;          /* interchange unknown fields, NULL none */
};

struct problem_step {
	int64_t at;
	const char *user_name;
	const char *step;           /* problem_step_labels code */
	const char *note;
};

/* the ledger's count of one source */
struct problem_count {
	const char *source;
	int64_t n;
};

struct problem_filter {
	struct page_req page;
	int64_t scope_user;
	int source;                 /* 0 any, else 1 + index in problem_sources */
	int64_t within;             /* the unit and those below it */
	int state;                  /* 0 any, 1 open, 2 rectifying, 3 rectified, 4 confirmed */
	int overdue;                /* 1: overdue only (只看逾期) */
	int64_t campaign_id;
	int64_t inspection_id;      /* an inspection's findings */
	int64_t activity_id;        /* a work log entry's findings */
	const char *kind;           /* the found-by activity's kind (activity_kinds code), "" any */
	const char *category;       /* the found-by activity's violation category, "" any */
	int top_leader;             /* 1: top-leader problems only */
	int nature;                 /* 0 any, 1 common (共性), 2 individual (个性) */
	const char *found_from, *found_to;
	const char *rectified_from, *rectified_to;  /* the day the unit marked it rectified */
	const char *today;          /* set by the domain: the day overdue is computed on */
	const char *source_code;    /* set by the domain from `source` (problem_sources), "" any */
	const char *nature_code;    /* set by the domain from `nature` (problem_natures), "" any */
	int by_unit;                /* export: one sheet per unit (else per source) */
};
extern const struct filter_spec problem_filter_spec;

#endif
