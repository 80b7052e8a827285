#ifndef QF_ROLE_H
#define QF_ROLE_H
/*
 * role: the roles of DOMAIN.md section 1 and what each may do.  The table
 * is the single place permissions are granted; routes name a PERM_* and
 * the HTTP layer checks it through authz (domain/authz.h).  A role lists
 * its grants; role_perms gives them as a set (domain/perm.h).
 */
#include "domain/perm.h"

struct role {
	const char *code;
	const char *label;      /* Chinese name, as users see it */
	const enum perm *grants; /* ends with PERM_NONE */
	int admin;              /* one of the three separated admin roles: TOTP required */
	int scoped;             /* sees only the units of its scope */
};

extern const struct role role_table[];
struct label;
/* The roles as a code -> label table (for choices in forms). */
const struct label *role_labels(void);
/* NULL when unknown. */
const struct role *role_find(const char *code);
/* What the role may do; the empty set for NULL. */
struct perms role_perms(const struct role *r);
const char *role_label(const char *code);

#endif
