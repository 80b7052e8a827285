#ifndef QF_NUMBERING_H
#define QF_NUMBERING_H
/*
 * numbering: every official number of the platform (编号, 文号) from
 * commission-editable patterns with one counter per kind and year
 * (number_patterns, number_counters; migrations 0032 and 0035).  Kinds:
 * clue (线索编号), case_filing (立案编号, one per subject: 立案决定书 are
 * made per person and carry it) and doc_<document kind> (文号, one per
 * document type that draws its own: doc_trial_report ...).  A number is
 * allocated inside the transaction that writes its record, so a rolled
 * back write hands nothing out and concurrent writers never share one.
 *
 * The pattern language (docs/user-guide.md 编号规则): text with
 *   {机关代字}  the commission's abbreviation (the setting doc_organ_abbr,
 *              else the first character of the commission's name)
 *   {年}        the year of the record's own day (also {year})
 *   {序号}      the counter of that kind and year (also {n})
 *   {序号3}     the counter with at least 3 digits, 007 (also {n3})
 * exactly one counter; any other {...} is refused.  GB/T 9704-2012 7.2.4
 * (发文字号: 机关代字, 年份, 发文顺序号): 青纪审〔2024〕12号.
 */
#include <stdint.h>

#include "domain/ctx.h"
#include "model/number.h"

struct arena;
struct fielderr;
struct store;

/* A kind of number, for the patterns page. */
struct number_kind {
	const char *code;       /* clue, case_filing, doc_trial_report */
	const char *name;       /* 线索编号, 立案编号, 审理报告文号 */
};

/* pattern with abbr, year and n filled in (in a): no validation */
const char *numbering_format(struct arena *a, const char *pattern, const char *abbr, int year, int64_t n);
/* Why pattern is refused (Chinese, in a), or NULL when it is valid. */
const char *numbering_pattern_refusal(struct arena *a, const char *pattern);
/* 1 when numbering_pattern_refusal has nothing to say */
int numbering_pattern_valid(struct arena *a, const char *pattern);
/* The commission's 机关代字. */
const char *numbering_abbr(struct ctx *c);
/* The next number of kind for a record dated day (YYYY-MM-DD), in the
 * caller's transaction on s: the text in c->a (its counter in *seq when
 * seq), or NULL (no pattern in force on that day, or the store failed).
 * A 线索编号 or 立案编号 another record already holds is skipped. */
const char *numbering_next(struct ctx *c, struct store *s, const char *kind, const char *day, int64_t *seq);

/* A number given from outside (an import) to a record of kind dated day:
 * when it reads as the pattern in force on that day, the counter of
 * kind and year is raised to its counter, so the next number drawn
 * follows it instead of colliding.  0 (also when it does not read as the
 * pattern: nothing to raise), or -1. */
int numbering_note(struct ctx *c, struct store *s, const char *kind, const char *day, const char *number);

/* The kinds, in the page's order, from c->a: their count. */
int numbering_kinds(struct ctx *c, const struct number_kind **out);
const struct number_kind *numbering_kind_find(struct ctx *c, const char *code);
/* Every pattern of kind, newest first: the count, or RES_STORE. */
int numbering_patterns(struct ctx *c, const char *kind, struct number_pattern **out);
/* The number the next record of kind dated day would get (nothing
 * taken): the text, "" without a pattern in force, NULL (store failed). */
const char *numbering_preview(struct ctx *c, const char *kind, const char *day);
/* Adds a pattern of kind from p->effective_from on, with its source
 * (audited number_pattern_edit): RES_DONE, RES_INVALID (messages in fe
 * under pattern, effective_from, source), RES_NOT_FOUND (no such kind),
 * RES_STORE. */
int numbering_pattern_save(struct ctx *c, const char *kind, struct number_pattern *p, struct fielderr *fe);

#endif
