#ifndef QF_CASE_ACCESS_H
#define QF_CASE_ACCESS_H
/*
 * case_access: need-to-know on cases (DOMAIN.md section 1).  A case's
 * content is visible to its handling team (case_team), its approvers (the
 * commission's leaders) and the case manager; nobody else, whatever their
 * jurisdiction.  A refused look is audited as access_denied, and callers
 * answer 404 as for a case that does not exist.
 */
#include <stdint.h>

struct ctx;

/* 1 when the actor may see case `case_id` (which exists); 0 when it does
 * not exist or the actor may not (the refusal audited); < 0 on a store
 * error.  Does not audit the read itself: the caller does, once. */
int case_access(struct ctx *c, int64_t case_id);

/* 1 when the actor is on the case's team (may work on it), 0 when not
 * (no audit entry: call case_access first), < 0 on error. */
int case_on_team(struct ctx *c, int64_t case_id);

/* 1 for the roles that see every case (case manager, leader). */
int case_sees_all(const struct ctx *c);

/* "case/N" in the arena, the object name of audit and timeline. */
const char *case_obj(struct ctx *c, int64_t case_id);

#endif
