#ifndef QF_DOMAIN_PROBLEM_H
#define QF_DOMAIN_PROBLEM_H
/*
 * problem: the rectification ledger (问题整改台账, issue 14; DOMAIN.md
 * section 5 "Problem and rectification").  Every problem from every
 * source in one ledger: the rectifying unit, the source kind and its
 * record, the summary, the day found and the deadline (整改时限: a day set
 * per problem by the notice that hands it over, not a working-day clock),
 * the state open (未整改) -> rectifying (整改中) -> rectified (已整改, the
 * unit's 申请销号 with evidence attached), and the supervising office's
 * confirmation (确认销号) or its return (退回) to rectifying.  Overdue (逾期)
 * is computed from the deadline and the state, never stored.
 *
 * Who: the supervising offices (PERM_PROBLEM_WRITE) add, edit, confirm and
 * return; the unit's rectification staff (PERM_PROBLEM_RECTIFY, the
 * scoped role `rectifier`) take the unit's steps and attach evidence;
 * reading is bounded by jurisdiction (q_scope.h), a problem outside it
 * answered RES_NOT_FOUND and audited.  Every write, its timeline row and
 * its audit entry in one transaction.  Results as domain/result.h.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/problem.h"

struct ctx;

#define PROBLEM_SUMMARY_MAX 2000
#define PROBLEM_NOTE_MAX 2000

extern const struct label problem_sources[];     /* inspection 巡察 ... other 其他 */
extern const struct label problem_states[];      /* open 未整改, rectifying 整改中, rectified 已整改 */
extern const struct label problem_natures[];     /* common 共性问题, individual 个性问题 (0062) */
extern const struct label problem_step_labels[]; /* the timeline's steps */

/* Inside the caller's write transaction on c->db (an inspection's
 * findings, an import): checks p (unit and linked records exist, source
 * known, days well-formed, deadline not before the day found), inserts
 * it open, writes its timeline row and its audit entry.  The caller has
 * checked that its actor may do so.  The id; -1 with messages in fe; -2 on
 * a store error (the caller rolls back). */
int64_t problem_add_in_tx(struct ctx *c, const struct problem *p, struct fielderr *fe);
/* The same for the pages, in a transaction of its own, for a unit within
 * the actor's jurisdiction: the id, -1 (fe), -2 store; 0 (RES_NOT_FOUND)
 * when p->activity_id names an activity the actor may not see. */
int64_t problem_add(struct ctx *c, const struct problem *p, struct fielderr *fe);
/* The office's fields of problem p->id (not once confirmed): RES_*
 * (RES_NOT_FOUND also for a newly named activity the actor may not see). */
int problem_edit(struct ctx *c, const struct problem *p, struct fielderr *fe);

int problem_get(struct ctx *c, int64_t id, struct problem *out);
/* The codes a filter names from catalogs (kind: one work-log kind,
 * category: a violation category, both through the problem's activity):
 * RES_DONE when each is "" or in its catalog; RES_INVALID with a Chinese
 * message under the argument's name in fe; RES_STORE. */
int problem_filter_check(struct ctx *c, const struct problem_filter *f, struct fielderr *fe);
int problem_list(struct ctx *c, struct problem_filter *f, struct problem **out, int64_t *total);
int problem_by_source(struct ctx *c, struct problem_filter *f, struct problem_count **out);
int problem_steps(struct ctx *c, int64_t id, struct problem_step **out);

/* The unit's steps: open -> rectifying (measures: 整改措施, required);
 * rectifying -> rectified (申请销号: measures updated when given; at least
 * one evidence attachment not withdrawn). */
int problem_start(struct ctx *c, int64_t id, const char *measures, struct fielderr *fe);
int problem_apply(struct ctx *c, int64_t id, const char *measures, struct fielderr *fe);
/* The supervising office's: rectified -> confirmed (确认销号) by the actor
 * today; rectified -> rectifying with the reason (退回). */
int problem_confirm(struct ctx *c, int64_t id, const char *note, struct fielderr *fe);
int problem_return(struct ctx *c, int64_t id, const char *reason, struct fielderr *fe);

/* The state in words: 未整改, 整改中, 已整改（待确认）, 已整改（已确认）. */
const char *problem_state_text(const struct problem *p);
/* Today's CST day as text, the day overdue is computed on. */
const char *problem_today(struct ctx *c);

QF_AUDIT_EVENT_DECL(PROBLEM_ADD);
QF_AUDIT_EVENT_DECL(PROBLEM_EDIT);
QF_AUDIT_EVENT_DECL(PROBLEM_START);
QF_AUDIT_EVENT_DECL(PROBLEM_APPLY);
QF_AUDIT_EVENT_DECL(PROBLEM_CONFIRM);
QF_AUDIT_EVENT_DECL(PROBLEM_RETURN);

#endif
