#ifndef QF_DETENTION_H
#define QF_DETENTION_H
/*
 * detention: 留置 of a case's subject (DOMAIN.md section 2; the
 * Supervision Law of 2018, art. 43-44, and as revised in force from
 * 2025-06-01, art. 48-50).  Starting it records the approval of the level
 * above (who, the day) and the moment it was announced; the family and
 * the unit are notified within the notice limit (24 hours, a clock from
 * that moment; each notice is a record).  The limits are the rows of
 * detention_limits in force on the day of each step (effective-dated,
 * with their source): 3 months from the day announced; one extension
 * (the level above); from 2025-06-01 one national extension (the National
 * Supervisory Commission, likely sentence of 10 years or more) after the
 * extension, and one recalculation (重新计算), decided only by a
 * commission at or above the row's level (settings `level`), with its
 * approver: the clock restarts on its day and the extensions are
 * available again.  Same return convention as case.h.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/case.h"

struct ctx;
struct store;
struct arena;

struct detention_input {
	int64_t person_id;
	const char *start;          /* YYYY-MM-DD, the day announced */
	const char *start_time;     /* HH:MM (CST), the moment announced */
	const char *approved_by;    /* the level above, e.g. 市纪委监委 */
	const char *approved_day;   /* YYYY-MM-DD */
};
int64_t detention_start(struct ctx *c, int64_t case_id, const struct detention_input *in,
			struct fielderr *fe);

/* kind: extension, national or recalc; approved: the approval day;
 * approver: who approved (text, e.g. 省纪委监委); ten_years: the national
 * extension's ground is stated (likely sentence of 10 years or more). */
struct detention_step {
	const char *kind, *approved, *approver, *note;
	int ten_years;
};
int64_t detention_extend(struct ctx *c, int64_t detention_id, const struct detention_step *in,
			 struct fielderr *fe);
int detention_end(struct ctx *c, int64_t detention_id, const char *day, struct fielderr *fe);
/* party: family or unit; at: YYYY-MM-DDTHH:MM (CST). */
int detention_notify(struct ctx *c, int64_t detention_id, const char *party, const char *at,
		     const char *note, struct fielderr *fe);
/* The case of a detention, 0 none, < 0 error (no access check). */
int64_t detention_case_of(struct ctx *c, int64_t detention_id);

/* Whether step `kind` may follow the steps taken so far (prior, n) when
 * approved on `day` by a commission of `level` (county, prefecture,
 * province): 1 with *rule the row in force; 0 with *why (Chinese, in a);
 * < 0 store error.  The rule of the detention limits; no access check. */
int detention_step_allowed(struct store *s, struct arena *a, const char *level, const char *kind,
			   const char *day, const struct detention_ext *prior, int n,
			   struct detention_limit *rule, const char **why);
/* The rules of a notice (party, moment not in the future, note; with d,
 * also not before the moment announced): 1, or 0 with fe.  The rules of
 * a step's input (kind, approver, the national extension's ground,
 * lengths): 1, or 0 with fe.  Whether the step e (kind, approved) may
 * follow the steps v (n) of d (not ended, approved from the clock's base
 * to the due day, detention_step_allowed): 1 with e->months set, 0 with
 * fe, < 0 store error; detention_step_due: the new due day it gives.
 * The pages and import call these (no access check, no write). */
int detention_notice_valid(struct ctx *c, const struct detention *d, const char *party, const char *at,
			   const char *note, struct fielderr *fe);
int detention_step_input_valid(struct arena *a, const struct detention_step *in, struct fielderr *fe);
int detention_step_valid(struct ctx *c, struct store *s, const struct detention *d,
			 const struct detention_ext *v, int n, struct detention_ext *e, struct fielderr *fe);
const char *detention_step_due(struct ctx *c, const struct detention *d, const struct detention_ext *e);
/* 1 when s is a moment YYYY-MM-DDTHH:MM (a real date and time). */
int detention_moment_valid(const char *s);
/* The deployment's level (settings `level`), "county" when unset. */
const char *detention_level(struct ctx *c);

/* The notice clock of a detention: its due moment (YYYY-MM-DDTHH:MM, in
 * the arena, "" when the detention has no announced moment) and its state
 * now (clocks.h). */
const char *detention_notice_due(struct ctx *c, const struct detention *d);
int detention_notice_state(struct ctx *c, const struct detention *d, const char *due);

/* the audit events of detention (detention.c) */
QF_AUDIT_EVENT_DECL(DETENTION_START);
QF_AUDIT_EVENT_DECL(DETENTION_EXTEND);
QF_AUDIT_EVENT_DECL(DETENTION_END);
QF_AUDIT_EVENT_DECL(DETENTION_NOTICE);

/* code tables (labels.h), defined in detention.c */
extern const struct label detention_ext_kinds[];  /* extension, national, recalc */
extern const struct label detention_parties[];    /* family, unit */
extern const struct label commission_levels[];    /* county, prefecture, province */

#endif
