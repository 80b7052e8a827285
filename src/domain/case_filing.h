#ifndef QF_CASE_FILING_H
#define QF_CASE_FILING_H
/*
 * case_filing: what a case is filed as (DOMAIN.md section 2): its type
 * (纪律审查, 监察调查, both), its handling organ (an office of the
 * commission, a resident group, a township commission) and one or more
 * violation categories from the catalog the case manager edits
 * (violation_categories: a category is added or retired from a day, never
 * deleted, so a case keeps what it was filed under; every change
 * audited).
 */
#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/caserules.h"
#include "model/clue.h"
#include "model/person.h"

struct arena;
struct ctx;

/* code tables (labels.h) */
extern const struct label case_types[];           /* cases.case_type */
extern const struct label case_organs[];          /* cases.organ_kind */

/* 1 when f is a complete filing record for a case filed on `day` from
 * clue k: type, organ and its name, at least one category offered on
 * that day, the same-level party committee principal's name and the date
 * of his approval (not after `day`, not before the clue).  0 with the
 * messages in fe (fields case_type, organ_kind, organ_name, categories,
 * committee_by, committee_day); -1 when the catalog could not be read (a
 * store error, not a refusal). */
int case_filing_valid(struct ctx *c, const struct case_filing *f, const char *day, const struct clue *k,
		      struct fielderr *fe);

/* PERM_CASE_ASSIGN: records the type, organ and categories (f's
 * committee fields unused) of a case filed under the old rules, which has
 * none (0019 left them NULL); refused for a case that has them.  A result
 * (result.h); the case's timeline and the audit log (case_filing) record
 * it. */
int case_filing_complete(struct ctx *c, int64_t case_id, const struct case_filing *f, struct fielderr *fe);

/* Writes f onto the new case (type, organ, categories), in the caller's
 * transaction: 0, or -1. */
int case_filing_store(struct ctx *c, int64_t case_id, const struct case_filing *f);

/* What a case was filed as, for its page and the API: the category
 * codes and labels and the subjects' snapshot at filing. */
struct case_filed_as {
	const char **categories;        /* codes */
	const char **category_labels;
	int n_categories;
	struct person *subjects;        /* rank, flags, unit as at filing */
	int n_subjects;
};
int case_filed_as(struct ctx *c, int64_t case_id, struct case_filed_as *out);
/* "纪律审查；本委…：第一审查调查室" or "未记录（旧规则立案）" */
const char *case_type_text(struct ctx *c, const char *case_type);
const char *case_organ_text(struct ctx *c, const char *organ_kind, const char *organ_name);

/* Codes of the catalog offered on `day` (named day_name in the message,
 * e.g. 立案日期), none given twice: 1 good; 0 with the message in fe
 * (field categories); -1 when the catalog could not be read.  Cases at
 * filing and clues at registration (issue 11) both check with it. */
int categories_valid(struct ctx *c, const char *const *codes, int n_codes, const char *day,
		     const char *day_name, struct fielderr *fe);
/* The labels of codes (in the arena, "" for an unknown code): 0 or -1. */
int category_labels_of(struct ctx *c, const char *const *codes, int n_codes, const char ***out);
/* The catalog, retired categories included: count or < 0. */
int category_list(struct ctx *c, struct violation_category **out);
/* The label of a category code ("" unknown), from a list category_list
 * filled. */
const char *category_label(const struct violation_category *v, int n, const char *code);
/* The rules of a category's fields (code, label, source, valid_from, a
 * retired day if any): 1, or 0 with fe (the page and import); a holds the
 * messages that name a length. */
int category_valid(struct arena *a, const struct violation_category *v, struct fielderr *fe);
/* PERM_CATALOG: adds a category offered from valid_from.  A result
 * (result.h): RES_DONE, RES_INVALID with fe, RES_STORE. */
int category_add(struct ctx *c, const struct violation_category *v, struct fielderr *fe);
/* PERM_CATALOG: retires a category from `day` (no longer offered for new
 * cases; the cases filed under it keep it), or takes it back (day NULL or
 * "").  A result (result.h): RES_DONE, RES_NOT_FOUND (no such code),
 * RES_INVALID with fe, RES_STORE. */
int category_retire(struct ctx *c, const char *code, const char *day, struct fielderr *fe);

QF_AUDIT_EVENT_DECL(CATEGORY_ADD);
QF_AUDIT_EVENT_DECL(CATEGORY_RETIRE);
QF_AUDIT_EVENT_DECL(CASE_FILING);

#endif
