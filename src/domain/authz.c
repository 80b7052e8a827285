/* authz.c: permission and jurisdiction checks (see authz.h). */
#include "domain/authz.h"

#include "domain/audit.h"
#include "domain/ctx.h"
#include "store/q_units.h"

int authz_has(const struct actor *who, enum perm p)
{
	return p == PERM_NONE || perm_has(who->perms, p);
}

int64_t authz_scope_user(const struct ctx *c)
{
	return c->who.scoped ? c->who.id : 0;
}

int authz_unit(struct ctx *c, int64_t unit_id, const char *object)
{
	int rc = store_unit_visible(c->db, authz_scope_user(c), unit_id);

	if (rc == 0)
		audit_record(c, AEV_ACCESS_DENIED, object, 0, "outside jurisdiction");
	return rc;
}
