#ifndef QF_MODEL_METRICS_H
#define QF_MODEL_METRICS_H
/*
 * model/metrics.h: the period and the scope a statistic is computed for
 * (DOMAIN.md section 6), and one computed figure.  Plain records: the
 * store composes its SQL from them (store/q_metrics.h), the domain
 * defines the keys (domain/metrics.h), pages and the `report` command
 * read them.
 *
 * Period: calendar days in China Standard Time, both ends inclusive,
 * "YYYY-MM-DD".  Day columns (received, filed, closed, outcomes.day, ...)
 * are already CST days; a moment stored as Unix seconds is converted to
 * its CST day before comparing (+8 hours, no daylight saving).
 */
#include <stdint.h>

struct metric_period {
	const char *from, *to;              /* inclusive, YYYY-MM-DD */
};

/* Every member narrows; a zeroed scope is the whole commission.  Each key
 * says which members apply to it (a scope a key cannot honour makes the
 * key "not applicable", never a silently unscoped number). */
struct metric_scope {
	int64_t unit_id;        /* the unit and all units below it (units.parent_id) */
	int64_t campaign_id;    /* records tagged to the campaign */
	const char *category;   /* a violation_categories code, e.g. eight_rules (四风) */
	const char *source;     /* a clue source, e.g. judicial */
	const char *organ_kind; /* the case's handling organ: office, resident_group, township */
	const char *rank;       /* the subject's rank as copied onto the record */
	int top_leader;         /* 1: subjects who were the unit's top leader (snapshot) */
	int leadership;         /* 1: subjects in the leadership team (snapshot) */
	int key_persons;        /* 1: top leader, leadership member or section rank
				   (the report's "一把手和领导班子及科级干部") */
	/* work log kinds (activity_kinds codes), several joined by "+"
	 * (study_first_topic+study_group): the activities of those kinds */
	const char *activity_kind;
	/* the jurisdiction of the user who looks (authz_scope_user(): a scoped
	 * user's id, 0 for the unscoped and the CLI): only the records of the
	 * units of his jurisdiction (store/q_scope.h), read from the same unit column
	 * as unit_id; a key without a unit column is then not applicable.  Not
	 * a list argument: a list page applies the user's jurisdiction itself. */
	int64_t scope_user;
	/* an inspection round (inspection_rounds.id): only the inspection
	 * keys honour it (METRIC_SCOPE_ROUND); a template names it by its
	 * number within the report's year ({{inspection_orgs|round=1}}) */
	int64_t round_id;
};

/* The scope members a key honours (struct metric_def.scopes); here so the
 * store binds exactly the members a statement has. */
#define METRIC_SCOPE_UNIT       (1u << 0)   /* unit_id, and scope_user */
#define METRIC_SCOPE_CAMPAIGN   (1u << 1)
#define METRIC_SCOPE_CATEGORY   (1u << 2)
#define METRIC_SCOPE_SOURCE     (1u << 3)
#define METRIC_SCOPE_ORGAN      (1u << 4)
#define METRIC_SCOPE_SUBJECT    (1u << 5)   /* rank, top_leader, leadership, key_persons */
#define METRIC_SCOPE_ROUND      (1u << 6)   /* round_id */
#define METRIC_SCOPE_KIND       (1u << 7)   /* activity_kind (the work log, issue 15) */

enum metric_kind {
	METRIC_COUNT,           /* value = count */
	METRIC_RATE,            /* value = num / den, shown as a percentage */
	METRIC_MONEY,           /* value = fen */
};

/* One computed figure.  For a rate, num and den are the exact counts and
 * `display` the rounded percentage ("93.48%"); den 0 shows "—".  A key the
 * scope does not apply to has applicable 0 and display "不适用". */
struct metric_value {
	const char *key;        /* clues_disposed, ... (DOMAIN.md section 6) */
	const char *zh;         /* 处置问题线索 */
	enum metric_kind kind;
	int applicable;
	int64_t value;          /* count or fen; for a rate, num */
	int64_t num, den;       /* rates only */
	int decimals;           /* rates only: digits after the point */
	const char *display;    /* "516", "93.48%", "117,526.73元" */
};

#endif
