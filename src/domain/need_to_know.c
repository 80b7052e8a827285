/* need_to_know.c: the need-to-know rule (see need_to_know.h). */
#include "domain/need_to_know.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "domain/audit.h"
#include "domain/ctx.h"

int need_sees_all(const struct ctx *c, const struct need_rule *r)
{
	if (!c->who.role)
		return 0;
	for (const char *const *p = r->sees_all; *p; p++)
		if (!strcmp(c->who.role, *p))
			return 1;
	return 0;
}

int need_member(struct ctx *c, const struct need_rule *r, int64_t id)
{
	return r->member(c->db, id, c->who.id);
}

const char *need_obj(struct ctx *c, const struct need_rule *r, int64_t id)
{
	return arena_printf(c->a, "%s/%" PRId64, r->object, id);
}

int need_to_know(struct ctx *c, const struct need_rule *r, int64_t id)
{
	int rc = r->exists(c->db, id);

	if (rc <= 0)
		return rc;
	if (need_sees_all(c, r))
		return 1;
	rc = need_member(c, r, id);
	if (rc == 0 && audit_record(c, AEV_ACCESS_DENIED, need_obj(c, r, id), 0, r->note) < 0)
		return -1;
	return rc;
}
