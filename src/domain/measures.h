#ifndef QF_MEASURES_H
#define QF_MEASURES_H
/*
 * measures: the measures an outcome may hold (DOMAIN.md section 3) and the
 * four forms (四种形态) they belong to.  An outcome's form is computed from
 * its measures, never typed: the heaviest form among them.
 */
enum measure_kind {
	MEASURE_OTHER = 0,      /* organisational handling (谈话提醒, 诫勉, 调整职务 ...) */
	MEASURE_PARTY,          /* 党纪处分 */
	MEASURE_GOV,            /* 政务处分 */
	MEASURE_CRIMINAL,       /* 移送追究刑事责任 */
};

struct measure {
	const char *code;       /* INTERCHANGE.md code */
	const char *label;      /* Chinese */
	int form;               /* 1 to 4 */
	enum measure_kind kind;
};

extern const struct measure measure_table[];
/* NULL when code is not a measure. */
const struct measure *measure_find(const char *code);

/* The form of an outcome with these measures: the heaviest (1-4); 0 for
 * no measure at all (cleared, 澄清); -1 when a code is unknown or given
 * twice (the outcome is invalid). */
int outcome_form(const char *const *codes, int n);
/* 1 when the measures include a party or government sanction (the
 * statistics' 党纪政务处分). */
int outcome_has_sanction(const char *const *codes, int n);

#endif
