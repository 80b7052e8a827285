#ifndef QF_DOMAIN_INSPECTION_H
#define QF_DOMAIN_INSPECTION_H
/*
 * inspection: inspections (巡察, issue 14; DOMAIN.md sections 2, 4, 5).
 * A round (轮次) of a year holds inspections: one group (巡察组: its
 * leader and members, staff lent from other offices with their home
 * office) inspects one organisation (a unit; a village or community
 * organisation is a unit of kind `village`) with a kind (regular 常规,
 * special 专项, elevated 提级, mobile 机动, village 村(社区)), the days in and
 * out, the feedback day and the rectification report, due 2 calendar
 * months after the feedback (clock inspection_report, limits in data;
 * clocks.c moves an end on a rest day to the next working day).
 *
 * Need-to-know (need_to_know.h, the cases' rule): an inspection's content
 * is visible to its group's members, the inspection office (role
 * `inspection`) and the leaders; anyone else gets RES_NOT_FOUND and an
 * access_denied audit entry.  Writes need PERM_INSPECTION_WRITE.
 *
 * Recusal (recusal.h): a member is checked against the standing
 * declarations (conflict_declare) naming the inspected unit: a statutory
 * ground bars the member, and an `other` one too until a leader decides
 * (per-matter declarations are per case or clue, see
 * docs/architecture.md "Inspections").  Every write and its audit entry
 * in one transaction.  Results as domain/result.h.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/inspection.h"
#include "model/problem.h"

struct clue_input;
struct clue_dup;

struct ctx;

#define INSPECTION_TEXT_MAX 200

extern const struct label inspection_kinds[];   /* regular 常规巡察 ... village 村（社区）巡察 */

/* A round: year, number (unique within the year), name, starts (ends
 * optional).  The id; RES_INVALID with fe; RES_STORE. */
int64_t inspection_round_add(struct ctx *c, const struct inspection_round *r, struct fielderr *fe);
int inspection_round_get(struct ctx *c, int64_t id, struct inspection_round *out);
int inspection_round_list(struct ctx *c, struct inspection_round **out);

/* An inspection in round i->round_id of unit i->unit_id; the leader, when
 * given, becomes the group's first member (the recusal check applies).
 * With a feedback day the report's due day is computed.  The id;
 * RES_INVALID with fe; RES_STORE. */
int64_t inspection_add(struct ctx *c, const struct inspection *i, struct fielderr *fe);
/* RES_DONE with *out; RES_NOT_FOUND (also: not on a need-to-know basis, audited). */
int inspection_get(struct ctx *c, int64_t id, struct inspection *out);
/* The inspections of a round (0: all) the actor may see: the count or RES_STORE. */
int inspection_list(struct ctx *c, int64_t round_id, struct inspection **out);
/* 1 the actor may see inspection id, 0 not (audited) or none, < 0. */
int inspection_access(struct ctx *c, int64_t id);

/* Adds user_id to the group (home_office: a lent member's office, ""
 * own staff): RES_DONE; RES_INVALID with fe (recusal refused: audited);
 * RES_NOT_FOUND; RES_STORE.  The inspection office adds members; a
 * member with a declared `other` recusal ground (not a statutory one)
 * joins only by a leader's decision: a leader (PERM_CASE_OVERRIDE, as for
 * a case team) adds him with override_reason, audited recusal_overridden;
 * the leader adds no one else and never himself. */
int inspection_member_add(struct ctx *c, int64_t id, int64_t user_id, const char *home_office,
			  const char *override_reason, struct fielderr *fe);
int inspection_members(struct ctx *c, int64_t id, struct inspection_member **out);

/* The feedback day (反馈): starts the report's clock.  RES_*. */
int inspection_feedback(struct ctx *c, int64_t id, const char *day, struct fielderr *fe);
/* The rectification report received on day.  RES_*. */
int inspection_reported(struct ctx *c, int64_t id, const char *day, struct fielderr *fe);
/* The report's due day of a feedback day ("YYYY-MM-DD" in the arena),
 * NULL on an error. */
const char *inspection_report_due(struct ctx *c, const char *feedback);
/* The running reports' due days computed again on s with cal (a
 * holiday import, clock_fill.c): 0 or -1. */
struct calendar;
struct store;
int inspection_dues_refill(struct ctx *c, struct store *s, const struct calendar *cal);

/* A finding (巡察发现问题): a problem of the rectification ledger through
 * problem_add_in_tx (source inspection, linked to the inspection; the
 * unit the inspected one when p->unit_id is 0), in one transaction.  The
 * problem's id; RES_INVALID with fe; RES_NOT_FOUND; RES_STORE. */
int64_t inspection_finding_add(struct ctx *c, int64_t id, const struct problem *p, struct fielderr *fe);
/* The findings of inspection id with their rectification state (the
 * caller has had inspection_get answer RES_DONE): the count or RES_STORE. */
int inspection_findings(struct ctx *c, int64_t id, struct problem **out);

/* 移交线索: registers a clue through the clue registry's own call
 * (clue_register: its checks, number, audit) with source inspection, the
 * inspection's name as source_ref when none is given, and the link
 * clues.inspection_id, in the registering transaction.  The clue's id;
 * RES_INVALID with fe; RES_CONFIRM with *dups (clue_register's); RES_NOT_FOUND; RES_STORE. */
int64_t inspection_clue_transfer(struct ctx *c, int64_t id, struct clue_input *in, struct fielderr *fe,
				 struct clue_dup **dups, int *n_dups);
/* The clues inspection id transferred, with their state and disposition. */
int inspection_clues(struct ctx *c, int64_t id, struct inspection_clue **out);
/* The inspection that transferred clue clue_id, 0 none, < 0 (for the clue's page). */
int64_t inspection_of_clue(struct ctx *c, int64_t clue_id);

/* A round's figures from its records (the annual report's): RES_DONE or RES_STORE. */
int inspection_round_figures(struct ctx *c, int64_t round_id, struct inspection_figures *out);

QF_AUDIT_EVENT_DECL(INSPECTION_ROUND_ADD);
QF_AUDIT_EVENT_DECL(INSPECTION_ADD);
QF_AUDIT_EVENT_DECL(INSPECTION_MEMBER_ADD);
QF_AUDIT_EVENT_DECL(INSPECTION_FEEDBACK);
QF_AUDIT_EVENT_DECL(INSPECTION_REPORTED);

#endif
