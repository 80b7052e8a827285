#ifndef QF_RECUSAL_H
#define QF_RECUSAL_H
/*
 * recusal: 回避 (DOMAIN.md section 2; Supervision Law art. 58 of 2018,
 * kept in the 2024 revision).  A handler declares a conflict either standing (a person
 * or a unit, with its ground) or for one matter (a case or a clue).  The
 * statutory grounds (near relative of the subject or of the reporter;
 * has been a witness in the matter; an interest in it; anything that may
 * affect fair handling) exclude the person, and no one may override them.
 * Any other declared conflict is decided by a leader with a reason, never
 * by the person concerned: per matter on the declaration (recuse or
 * allow), and on a case team by the leader's override when the member is
 * added.  Recusal applies to the case team (investigation and trial
 * members alike) and to clue handling (proposing and approving a
 * disposition).  Sharing a unit with the subject is not a ground: a
 * township or resident-group user's units are their jurisdiction.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/case.h"
#include "model/user.h"

struct ctx;

/* Declares a standing conflict of the actor: person_id or unit_id (0 for
 * none, one of them needed); ground: a recusal_grounds code ("" = other).
 * The id; RES_INVALID with fe; RES_STORE. */
int64_t conflict_declare(struct ctx *c, int64_t person_id, int64_t unit_id, const char *ground,
			 const char *note, struct fielderr *fe);
/* The actor's own declarations. */
int conflict_list(struct ctx *c, struct conflict **out);

/* Declares a recusal for one matter (exactly one of case_id and clue_id):
 * for the actor, or (user_id != 0, PERM_CASE_ASSIGN) recorded by the case
 * manager or a leader for another user.  The matter must be visible to
 * the actor (0 otherwise).  The id; RES_INVALID with fe; RES_NOT_FOUND; RES_STORE. */
int64_t recusal_declare(struct ctx *c, int64_t user_id, int64_t case_id, int64_t clue_id,
			const char *ground, const char *note, struct fielderr *fe);
/* A leader's decision (recuse or allow) with a reason on an `other`
 * declaration of someone else: RES_DONE; RES_INVALID with fe; RES_NOT_FOUND; RES_STORE. */
int recusal_decide(struct ctx *c, int64_t id, const char *decision, const char *reason,
		   struct fielderr *fe);
/* The matter of a per-matter declaration: 1 with *case_id or *clue_id
 * set (the other 0), 0 no such declaration, < 0 error (no access check). */
int recusal_matter(struct ctx *c, int64_t id, int64_t *case_id, int64_t *clue_id);
/* The declarations of the actor (case_id = clue_id = 0), or of a matter. */
int recusal_list(struct ctx *c, int64_t case_id, int64_t clue_id, struct recusal **out);

enum recusal_verdict {
	RECUSAL_NONE,           /* may handle */
	RECUSAL_OPEN,           /* an `other` conflict not decided: a leader may allow it */
	RECUSAL_BARRED,         /* a statutory ground, or a leader decided recusal: final */
};
/* Whether user u may handle case case_id (its team) or clue clue_id (one
 * of them 0): the verdict with *why (Chinese, in the arena), < 0 error. */
int recusal_check(struct ctx *c, int64_t case_id, int64_t clue_id, const struct user *u,
		  const char **why);
/* Whether user u may work on a matter about unit unit_id (named
 * unit_name) without subjects, an inspection of it: the standing
 * declarations naming the unit decide (a statutory ground bars; an
 * `other` one is open, to be decided by a leader).  The verdict with *why,
 * < 0 error. */
int recusal_unit_check(struct ctx *c, int64_t unit_id, const char *unit_name, const struct user *u,
		       const char **why);
/* The actor for clue handling: 1 may, 0 refused with the message in fe
 * (field `state`, audited), < 0 error. */
int recusal_clue_ok(struct ctx *c, int64_t clue_id, struct fielderr *fe);

/* the audit events of recusal (recusal.c) */
QF_AUDIT_EVENT_DECL(CONFLICT_DECLARE);
QF_AUDIT_EVENT_DECL(RECUSAL_DECLARE);
QF_AUDIT_EVENT_DECL(RECUSAL_DECIDE);
QF_AUDIT_EVENT_DECL(RECUSAL_REFUSED);

/* code tables (labels.h), defined in recusal.c */
extern const struct label recusal_grounds[];     /* relative_subject ... other */
extern const struct label recusal_decisions[];   /* recuse, allow */
/* 1 when the ground is statutory (everything but `other`). */
int recusal_statutory(const char *ground);

#endif
