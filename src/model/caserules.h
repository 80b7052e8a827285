#ifndef QF_MODEL_CASERULES_H
#define QF_MODEL_CASERULES_H
/*
 * model/caserules.h: the records of the case rules (0019_case_rules.sql):
 * approvals, the jurisdiction rules, the violation category catalog and
 * what a filing approval carries.  Plain records, no functions: strings
 * point into the arena the caller passed to the store function that
 * filled them; ids are 0 when absent.
 */
#include <stdint.h>

/* An approval (审批) of anything: who, when, the decision, the reason. */
struct approval {
	int64_t id;
	const char *object;         /* "disposition/12" */
	const char *kind;           /* disposition, filing, filing_committee */
	const char *decision;       /* approved, rejected */
	int64_t user_id;            /* 0 when the approver is not a user here */
	const char *approver;       /* the name as recorded */
	const char *day;            /* YYYY-MM-DD */
	const char *reason;
	int64_t at;
};

/* A row of jurisdiction_rules: at a deployment of `level`, a subject of
 * `rank` is managed one level up (up = 1) from valid_from on. */
struct jurisdiction_rule {
	const char *level;
	const char *rank;
	const char *valid_from;     /* YYYY-MM-DD */
	int up;
	const char *source;
};

/* A violation category (违纪违法类别) of the catalog. */
struct violation_category {
	const char *code;
	const char *label;
	const char *source;
	const char *valid_from;
	const char *retired;        /* YYYY-MM-DD or NULL */
	int used;                   /* cases filed under it */
};

#define CASE_MAX_CATEGORIES 16

/* What the approval of a filing (立案) records besides the decision: the
 * case's type and handling organ, its violation categories, and the
 * same-level party committee principal's approval (who, date). */
struct case_filing {
	const char *case_type;      /* discipline, supervision, both */
	const char *organ_kind;     /* office, resident_group, township */
	const char *organ_name;
	const char *categories[CASE_MAX_CATEGORIES];
	int n_categories;
	const char *committee_by;   /* 同级党委主要负责人 */
	const char *committee_day;  /* YYYY-MM-DD */
};

#endif
