#ifndef QF_DETENTION_H
#define QF_DETENTION_H
/*
 * detention: 留置 of a case's subject (DOMAIN.md section 2).  The clock
 * runs from the day detention is announced for clock_limits 'detention';
 * one extension ('detention_extension', approved by the level above), then
 * at most one further extension with national approval
 * ('detention_extension_national', only after an extension), and one
 * recalculation (the clock restarts on its day).  The limits are read from
 * data when the step is taken; the due day is stored with the detention.
 * Same return convention as case.h.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"

struct ctx;

int64_t detention_start(struct ctx *c, int64_t case_id, int64_t person_id, const char *day,
			struct fielderr *fe);
/* kind: extension, national or recalc; approved: the approval day;
 * approver: who approved (text, e.g. 省纪委监委). */
int64_t detention_extend(struct ctx *c, int64_t detention_id, const char *kind, const char *approved,
			 const char *approver, const char *note, struct fielderr *fe);
int detention_end(struct ctx *c, int64_t detention_id, const char *day, struct fielderr *fe);
/* The case of a detention, 0 none, < 0 error (no access check). */
int64_t detention_case_of(struct ctx *c, int64_t detention_id);

/* the audit events of detention (detention.c) */
QF_AUDIT_EVENT_DECL(DETENTION_START);
QF_AUDIT_EVENT_DECL(DETENTION_EXTEND);
QF_AUDIT_EVENT_DECL(DETENTION_END);

/* code tables (labels.h), defined in detention.c */
extern const struct label detention_ext_kinds[];  /* extension, national, recalc */

#endif
