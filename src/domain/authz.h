#ifndef QF_AUTHZ_H
#define QF_AUTHZ_H
/*
 * authz: the one authorization helper every page, API and command uses.
 *
 * Routes are checked by permission (authz_has); objects by jurisdiction
 * (authz_unit).  A denied object is audited as "access_denied" and the
 * caller answers as if it did not exist (404), so nobody learns what they
 * may not see.
 */
#include <stdint.h>

#include "domain/perm.h"

struct ctx;
struct actor;

/* 1 when who may do p; always for PERM_NONE. */
int authz_has(const struct actor *who, enum perm p);
/* 1 when the actor may see records of unit_id; 0 when not (audited with
 * `object`, e.g. "person/12"); < 0 on a store error. */
int authz_unit(struct ctx *c, int64_t unit_id, const char *object);
/* The user id whose scope limits list queries (0: no limit). */
int64_t authz_scope_user(const struct ctx *c);

#endif
