#ifndef QF_CASE_H
#define QF_CASE_H
/*
 * case: cases (立案) from filing to closure, DOMAIN.md sections 1, 2 and 4.
 * A case is filed when a file_case disposition is approved; it is seen on
 * need-to-know only (case_access.h): its team, the leaders and the case
 * manager; every read is audited.  The case manager and the leaders name
 * the handling team (investigators and their leaders in the investigation
 * roles, trial officers as trial members; recusal.h refuses members with a
 * statutory ground, and other declared conflicts unless a leader other
 * than the member overrides); the team works on it: notes (encrypted at
 * rest), detention (detention.h), transfer to prosecution, trial review
 * (its clock from clock_limits) and closure.  Every step writes the case's
 * timeline and the audit log in the same transaction.
 *
 * Return convention of the actions: > 0 done (or the new id); 0 the case
 * does not exist or the actor may not see it (answer 404); -1 refused
 * with messages in fe; RES_STORE.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/audit_events.h"
#include "domain/case_access.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/case.h"
#include "model/caserules.h"
#include "model/clue.h"
#include "model/person.h"
#include "model/timeline.h"

struct ctx;
struct store;

/* Files the case of clue k, decided on `day` by the approval of
 * disposition_id: subjects (with the filing snapshot of their rank, flags
 * and unit), unit and campaign from the clue; type, organ and categories
 * from f (checked by case_filing_valid); timeline entries on the clue and
 * the case and the audit entry.  Runs inside the caller's transaction
 * (disposition_decide).  The case id or < 0. */
int64_t case_file(struct ctx *c, const struct clue *k, int64_t disposition_id, const char *day,
		  const struct case_filing *f);

/* The cases the actor may see (need-to-know in the query), one page. */
int case_list(struct ctx *c, struct case_filter *f, struct case_rec **out, int64_t *total);
/* RES_DONE found and visible (the read audited); 0 absent or refused (the
 * refusal audited as access_denied); RES_STORE. */
int case_get(struct ctx *c, int64_t id, struct case_rec *k);

struct case_detail {
	struct person *subjects;
	int n_subjects;
	struct case_member *team;
	int n_team;
	struct case_note *notes;
	int n_notes;
	struct detention *detentions;
	int n_detentions;
	struct detention_ext *exts;        /* of every detention, in order */
	int n_exts;
	struct timeline_entry *timeline;
	int n_timeline;
};
int case_detail(struct ctx *c, const struct case_rec *k, struct case_detail *d);
/* Gives each subject of the case without a 立案编号 the next number of
 * the filing day's year (numbering.h), in the caller's write transaction
 * (filing; import of a case whose file has none): 0 or -1. */
int case_filing_numbers(struct ctx *c, int64_t case_id, const char *day);
/* The same for the subjects persons[n] (those without a number, in
 * ascending id, the order case_filing_numbers draws in): an import knows
 * them from its file and reads nothing back.  0 or -1. */
int case_filing_numbers_of(struct ctx *c, int64_t case_id, const char *day, const int64_t *persons, int n);
/* The subjects of a case the actor has read with their filing numbers
 * (立案编号, one per person; NULL on cases filed before migration 0032):
 * the count or -1. */
int case_numbers(struct ctx *c, int64_t case_id, struct case_number **out);
/* The clear text of a note of a case the actor has read: 0, or -1. */
int case_note_text(struct ctx *c, const struct case_note *n, struct strbuf *out);

/* 1 when a user of role `user_role` may take `team_role` (lead, member,
 * trial) on a case team: trial only the trial office, lead and member only
 * the roles that investigate (审查调查与审理分离).  A role granted
 * PERM_CASE_WORK has at least one team role open (test_perm.c). */
int case_team_role_open(const char *user_role, const char *team_role);

/* PERM_CASE_ASSIGN.  override_reason: a leader's (PERM_CASE_OVERRIDE)
 * reason to assign a member despite a non-statutory conflict (never his
 * own); "" for none. */
int case_team_add(struct ctx *c, int64_t case_id, int64_t user_id, const char *role,
		  const char *override_reason, struct fielderr *fe);
int case_team_remove(struct ctx *c, int64_t case_id, int64_t user_id, struct fielderr *fe);

/* PERM_CASE_WORK and on the team. */
int64_t case_note_add(struct ctx *c, int64_t case_id, const char *text, struct fielderr *fe);

enum case_step {
	CASE_TRANSFER,          /* 移送司法机关: transferred */
	CASE_TRIAL,             /* 审理受理: trial_accepted, state trial, its clock */
	CASE_CLOSE,             /* 结案: closed, by a trial member only */
};
int case_step(struct ctx *c, int64_t case_id, enum case_step step, const char *day,
	      struct fielderr *fe);

/* ---- shared with detention.c ---- */

/* The case for an action by its team: 1 with *k filled; 0 (404), -1 with
 * fe (not on the team), -2. */
int case_for_work(struct ctx *c, int64_t case_id, struct case_rec *k, struct fielderr *fe);
/* The two sides of a case (审查调查与审理分离): the investigation team
 * (lead, member) works the investigation forms (notes, detention), the
 * trial member the trial forms (accept, opinion, send back, close). */
enum case_side { CASE_SIDE_INVESTIGATION, CASE_SIDE_TRIAL };
/* case_for_work, and the actor on the team on `side` (else refused with
 * fe and audited as access_denied), and the case not closed: as
 * case_for_work. */
int case_for_side(struct ctx *c, int64_t case_id, enum case_side side, struct case_rec *k,
		  struct fielderr *fe);
/* 1 with the message in fe when k is closed (what the rules allow after
 * closure, appeals and execution, are the outcomes'), else 0. */
int case_closed_refuse(struct ctx *c, const struct case_rec *k, struct fielderr *fe);
/* Timeline and audit of one step, in the caller's transaction: the
 * detail (what people typed) on the timeline only. */
int case_record(struct ctx *c, int64_t case_id, const struct audit_event *event, const char *action,
		const char *detail);
/* Same, for a step whose timeline line names a person (留置：<name>): the
 * audit entry gets audit_action, which names nobody. */
int case_record_named(struct ctx *c, int64_t case_id, const struct audit_event *event,
		      const char *audit_action, const char *action, const char *detail);
/* Checks a step's day: a date, not in the future, not before not_before
 * (YYYY-MM-DD, may be NULL; what names it in the message).  1 good, 0
 * with the message in fe. */
int case_day_ok(struct ctx *c, struct fielderr *fe, const char *field, const char *day,
		const char *not_before, const char *what);

/* the audit events of case (case.c) */
QF_AUDIT_EVENT_DECL(TEAM_ADD);
QF_AUDIT_EVENT_DECL(TEAM_REMOVE);
QF_AUDIT_EVENT_DECL(TEAM_OVERRIDE);
QF_AUDIT_EVENT_DECL(TEAM_REFUSED);
QF_AUDIT_EVENT_DECL(CASE_NOTE);
QF_AUDIT_EVENT_DECL(CASE_TRANSFER);
QF_AUDIT_EVENT_DECL(CASE_TRIAL);
QF_AUDIT_EVENT_DECL(CASE_CLOSE);
QF_AUDIT_EVENT_DECL(TRIAL_OPINION);
QF_AUDIT_EVENT_DECL(TRIAL_RETURN);

/* code tables (labels.h), defined in case.c */
extern const struct label case_states[];          /* cases.state: investigating, trial, closed */
extern const struct label case_team_roles[];      /* case_team.role: lead, member, trial */

#endif
