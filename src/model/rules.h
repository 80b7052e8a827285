#ifndef QF_MODEL_RULES_H
#define QF_MODEL_RULES_H
/*
 * model/rules.h: the rules kept as data (0006_rules.sql, 0018_outcome_rules.sql), as the store
 * reads them: influence periods, the form table and clock limits.  The store fills these
 * rows raw; domain/ interprets them (clocks.c turns a limit's unit text
 * into enum clock_unit).
 */
#include <stdint.h>

/* A row of influence_periods (0018): the influence period of one measure
 * from valid_from until the next row of the same measure. */
struct period_rule {
	const char *measure;
	const char *valid_from; /* YYYY-MM-DD */
	const char *source;     /* the regulation that states it */
	int months;             /* the period; 0 with `stated` */
	int stated;             /* the decision states the months (留党察看: 12 or 24) */
	int extra_months;       /* barred from promotion for this much more */
	int permanent;          /* 开除党籍, 开除: for this purpose for ever */
};

/* A row of form_rules (0018): measure counts in form from valid_from. */
struct form_rule {
	const char *measure;
	const char *valid_from; /* YYYY-MM-DD */
	int form;               /* 1-4 */
	const char *source;
	const char *user_name;  /* who added it ("" for the seed) */
	int64_t created_at;     /* 0 for the seed */
};

/* A version of a clock's limit as stored: a row of clock_limit_versions
 * (migration 0021), or clock_limits' own amount and unit (from NULL: the
 * limit before the first version, and of a clock without versions).  The
 * rows of one clock come together, the undated one first, then by
 * effective_from. */
struct clock_limit_row {
	const char *clock;      /* code, e.g. "preliminary_verification" */
	const char *label;      /* Chinese */
	int rest_day_moves;     /* the rest-day rule applies (Civil Code art. 203) */
	const char *from;       /* YYYY-MM-DD, or NULL for the undated limit */
	int amount;
	const char *unit;       /* "workdays", "days" or "months" */
	const char *source;     /* the regulation, "" for the undated limit */
};

/* The rule tables staff edit from the pages (/rules/..., domain/
 * rule_tables.c), each effective-dated with its source. */
enum rule_table_id {
	RULES_FORMS,        /* form_rules (0018) */
	RULES_PERIODS,      /* influence_periods (0018) */
	RULES_CLOCKS,       /* clock_limit_versions (0021) */
	RULES_DETENTION,    /* detention_limits (0020) */
	RULES_JURISDICTION, /* jurisdiction_rules (0019) */
	RULES_N
};
#define RULE_COLS_MAX 6

/* A version of a rule table as text, whatever the table: v[] holds its
 * key columns then its values, in the order of the table's definition
 * (domain/rule_tables.c); integers and flags as decimal text. */
struct rule_row {
	const char *v[RULE_COLS_MAX];
	const char *valid_from; /* YYYY-MM-DD (effective_from in some tables) */
	const char *source;
	const char *user_name;  /* who added it ("" for the seed) */
	int64_t created_at;     /* 0 for the seed */
};

/* A running clock of a record: the record's id and the day it started. */
struct clock_start {
	int64_t id;
	const char *start;      /* YYYY-MM-DD */
};

#endif
