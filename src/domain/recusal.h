#ifndef QF_RECUSAL_H
#define QF_RECUSAL_H
/*
 * recusal: conflicts a handler declares on his own account (a person or a
 * unit), and the check that refuses him a case whose subject is such a
 * person, works in such a unit, or works in the handler's own unit
 * (users.unit_id).  A leader may override (case_team_add), audited.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "model/case.h"
#include "model/user.h"

struct ctx;

/* Declares a conflict of the actor: person_id or unit_id (0 for none, one
 * of them needed).  The id; RES_INVALID with fe; RES_STORE. */
int64_t conflict_declare(struct ctx *c, int64_t person_id, int64_t unit_id, const char *note,
			 struct fielderr *fe);
/* The actor's own declarations. */
int conflict_list(struct ctx *c, struct conflict **out);

/* Whether user u must not handle case case_id: 1 with *why (Chinese, in
 * the arena), 0 not, < 0 error. */
int recusal_check(struct ctx *c, int64_t case_id, const struct user *u, const char **why);

/* the audit events of recusal (recusal.c) */
QF_AUDIT_EVENT_DECL(CONFLICT_DECLARE);

#endif
