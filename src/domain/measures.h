#ifndef QF_MEASURES_H
#define QF_MEASURES_H
/*
 * measures: the measures an outcome may hold (DOMAIN.md section 3), their
 * kind (party sanction, government sanction, other) and weight within the
 * kind, and the four forms (四种形态) they count in.
 *
 * The form of a measure is data: the form_rules table (0018), effective-
 * dated, edited by the case manager (rule_tables.c).  The compiled table
 * here holds what the law fixes (the code, its Chinese name, its kind);
 * the forms it was seeded with are in the migration only.  An outcome's
 * form is the heaviest form of its measures by the rows in force on its
 * first decision date, never typed.
 */
#include "core/date.h"
#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "model/rules.h"

struct store;
struct arena;
struct ctx;

enum measure_kind {
	MEASURE_OTHER = 0,      /* organisational handling (谈话提醒, 诫勉, 调整职务 ...) */
	MEASURE_PARTY,          /* 党纪处分 */
	MEASURE_GOV,            /* 政务处分 */
	MEASURE_CRIMINAL,       /* 移送追究刑事责任 */
};

struct measure {
	const char *code;       /* INTERCHANGE.md code */
	const char *label;      /* Chinese */
	enum measure_kind kind;
	int weight;             /* within a kind: heavier is larger (0 for MEASURE_OTHER) */
};

extern const struct measure measure_table[];
/* NULL when code is not a measure. */
const struct measure *measure_find(const char *code);

/* The form table as loaded: every row, by measure then valid_from. */
struct form_table {
	struct form_rule *rules;
	int n;
};

/* Loads every row of form_rules into a: 0 or -1. */
int form_table_load(struct store *s, struct arena *a, struct form_table *t);
/* The same for a request (pages, API): 0 or -1. */
int form_table_read(struct ctx *c, struct form_table *t);
/* The form of measure `code` in force on `day` (the row with the latest
 * valid_from <= day): 1-4, 0 when no row is in force. */
int form_of_measure(const struct form_table *t, const char *code, qf_day day);

/* The form of an outcome with these measures first decided on `day`: the
 * heaviest (1-4); 0 for no measure at all (cleared, 澄清); -1 when a code is
 * unknown, given twice, or has no form in force on that day. */
int outcome_form(const struct form_table *t, const char *const *codes, int n, qf_day day);
/* 1 when the measures include a party or government sanction (the
 * statistics' 党纪政务处分). */
int outcome_has_sanction(const char *const *codes, int n);

/* The case manager changes the table from /rules/forms (domain/rule_tables.c). */


#endif
