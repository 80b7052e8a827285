#ifndef QF_RULE_TABLES_H
#define QF_RULE_TABLES_H
/*
 * rule_tables: the rules kept as effective-dated data that staff read and
 * change from /rules/... and /api/rules/... (issue 10): the form table,
 * the influence periods (DOMAIN.md section 3), the clock limits (section
 * 4), the detention limits and the jurisdiction rules (section 2).  One
 * definition per table (its key and value columns, their labels and
 * ranges) drives the page, the API, the checks and the audit entry alike.
 *
 * A change is a new version from a day not before today, with its source;
 * a version already in force (from today or earlier) is never replaced,
 * so a record decided, a clock started or a detention taken before the
 * change keeps its period, due day or form.  A version from a later day
 * replaces one of the same key and day not yet in force.
 */
#include "domain/labels.h"
#include "model/rules.h"

struct ctx;
struct fielderr;
struct audit_event;

enum rule_col_kind { RULE_CHOICE, RULE_INT, RULE_FLAG, RULE_TEXT };

struct rule_col {
	const char *name;               /* the form field and the JSON key */
	const char *label;              /* Chinese */
	enum rule_col_kind kind;
	const struct label *choices;    /* RULE_CHOICE: a static table, or */
	const struct label *(*load)(struct ctx *c);     /* ... read when asked (NULL: store error) */
	int min, max;                   /* RULE_INT: the range; RULE_TEXT: max length */
};

struct rule_table {
	enum rule_table_id id;
	const char *code;               /* "periods": /rules/periods */
	const char *title;              /* Chinese */
	const char *hint;               /* when a change applies, on the page */
	const struct audit_event *event;
	const char *object;             /* the audit object's type: "period_rule" */
	int nkeys, ncols;               /* key columns first */
	struct rule_col cols[RULE_COLS_MAX];
	/* checks between the columns (a detention notice counts hours): adds
	 * to fe; NULL for none */
	void (*check)(const char *const *v, struct fielderr *fe);
};

extern const struct rule_table rule_tables[RULES_N];

/* The table with that code, or NULL. */
const struct rule_table *rule_table_find(const char *code);
/* The choices of column col: its static table, or those its load reads
 * (the measures, the clocks of clock_limits); NULL on a store error. */
const struct label *rule_col_choices(struct ctx *c, const struct rule_table *t, int col);

/* The versions of a table, by key then date; in_force[i] is 1 for the
 * version of its key in force today. */
struct rule_view {
	struct rule_row *rows;
	unsigned char *in_force;
	int n;
	char today[11];                 /* YYYY-MM-DD: a later version waits */
};
/* 0, or -1 on a store error. */
int rule_table_read(struct ctx *c, const struct rule_table *t, struct rule_view *out);

/* A new version: v[] the columns of the definition (text as sent),
 * valid_from and source.  Audited in the write.  A result (result.h):
 * RES_DONE, RES_INVALID with fe, RES_STORE. */
/* The checks of a version (each column, valid_from a date and, with
 * from_today, not before today, the source, the table's check): 1, 0 with
 * fe, -1 on a store error.  rule_version_add and import call it. */
int rule_row_valid(struct ctx *c, const struct rule_table *t, const char *const *v, const char *valid_from,
		   int from_today, const char *source, struct fielderr *fe);
int rule_version_add(struct ctx *c, const struct rule_table *t, const char *const *v,
		     const char *valid_from, const char *source, struct fielderr *fe);

#endif
