/* case_access.c: need-to-know on cases (see case_access.h). */
#include "domain/case_access.h"

#include <string.h>

#include "core/arena.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "store/q_access.h"

int case_sees_all(const struct ctx *c)
{
	return c->who.role && (!strcmp(c->who.role, "case_manager") || !strcmp(c->who.role, "leader"));
}

const char *case_obj(struct ctx *c, int64_t case_id)
{
	return arena_printf(c->a, "case/%lld", (long long)case_id);
}

int case_on_team(struct ctx *c, int64_t case_id)
{
	return store_case_team_has(c->db, case_id, c->who.id);
}

int case_access(struct ctx *c, int64_t case_id)
{
	int rc = store_case_exists(c->db, case_id);

	if (rc <= 0)
		return rc;
	if (case_sees_all(c))
		return 1;
	rc = case_on_team(c, case_id);
	if (rc == 0 && audit_record(c, AEV_ACCESS_DENIED, case_obj(c, case_id), 0, "not on the case team") < 0)
		return -1;
	return rc;
}
