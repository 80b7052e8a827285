/*
 * unit.c: validation and persistence of units.  A unit's parent must exist
 * and be visible to the actor; a unit cannot become its own ancestor; two
 * siblings cannot share a name.
 */
#include "domain/unit.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/labels.h"
#include "domain/result.h"
#include "store/q_units.h"

/* the type of the objects its audit entries name (audit_events.h) */
QF_AUDIT_OBJECT(unit, "单位");

/* the codes of its fields and their Chinese names (labels.h) */
const struct label unit_kinds[] = {
	{ "department", "市直部门" },
	{ "township", "乡镇（街道）" },
	{ "village", "村（社区）" },
	{ "enterprise", "国有企业" },
	{ "institution", "事业单位" },
	{ "other", "其他" },
	{ NULL, NULL }
};

/* A scoped user sees the units of its jurisdiction, not what lies above
 * them: the parent of a top unit of the scope is not named. */
static void hide_parent(struct ctx *c, struct unit *u)
{
	if (c->who.scoped && u->parent_id &&
	    store_unit_visible(c->db, authz_scope_user(c), u->parent_id) != 1) {
		u->parent_id = 0;
		u->parent_name = "";
	}
}

int unit_get(struct ctx *c, int64_t id, struct unit *u)
{
	int rc = store_unit_get(c->db, c->a, id, u);

	if (rc <= 0)
		return res_from_store(rc);
	rc = authz_unit(c, id, arena_printf(c->a, "unit/%" PRId64, id));
	if (rc == 1)
		hide_parent(c, u);
	return res_from_store(rc);
}

int unit_list(struct ctx *c, struct unit_filter *lq, struct unit **out, int64_t *total)
{
	lq->scope_user = authz_scope_user(c);
	*total = store_unit_count(c->db, lq);
	if (*total < 0)
		return -1;
	return store_unit_list(c->db, c->a, lq, out);   /* parents outside the scope not joined */
}

int unit_options(struct ctx *c, int limit, struct unit **out)
{
	return store_unit_options(c->db, c->a, authz_scope_user(c), limit, out);
}

/* Adds the messages of u's fields to fe: 0, or RES_STORE when a lookup
 * failed (a failed lookup is not a wrong field: 503/500, not 422). */
static int validate(struct ctx *c, struct unit *u, struct fielderr *fe)
{
	size_t n = u->name ? utf8_len(u->name) : 0;
	int rc;

	if (n == 0)
		fielderr_add(fe, "name", "请填写单位名称");
	else
		fielderr_len(c->a, fe, "name", "单位名称", u->name, 100);
	if (!label_of(unit_kinds, u->kind))
		fielderr_add(fe, "kind", "请选择单位类别");
	if (u->parent_id) {
		struct unit p;
		rc = store_unit_get(c->db, c->a, u->parent_id, &p);
		if (rc > 0)
			rc = authz_unit(c, u->parent_id, arena_printf(c->a, "unit/%" PRId64, u->parent_id));
		if (rc < 0)
			return RES_STORE;
		if (rc != 1)
			fielderr_add(fe, "parent_id", "上级单位不存在");
		else if (u->id && (rc = store_unit_is_ancestor(c->db, u->id, u->parent_id)) != 0) {
			if (rc < 0)
				return RES_STORE;
			fielderr_add(fe, "parent_id", "上级单位不能是本单位或其下级单位");
		}
	} else if (c->who.scoped) {
		fielderr_add(fe, "parent_id", "请选择管辖范围内的上级单位");
	}
	if (n && !fielderr_get(fe, "name")) {
		rc = store_unit_sibling_exists(c->db, c->cfg->region, u->parent_id, u->name, u->id);
		if (rc < 0)
			return RES_STORE;
		if (rc)
			fielderr_add(fe, "name", "同一上级单位下已有同名单位");
	}
	return 0;
}

struct save_arg {
	struct ctx *c;
	struct unit *u;
	int64_t id;
};

static int save_tx(struct store *s, void *arg)
{
	struct save_arg *sa = arg;
	int creating = sa->u->id == 0;

	/* again under the write lock: a concurrent move must not close a cycle */
	if (!creating && sa->u->parent_id && store_unit_is_ancestor(s, sa->u->id, sa->u->parent_id) != 0)
		return -1;
	if (creating)
		sa->id = store_unit_insert(s, sa->u, sa->c->now);
	else
		sa->id = store_unit_update(s, sa->u, sa->c->now) < 0 ? -1 : sa->u->id;
	if (sa->id < 0)
		return -1;
	return audit_append(sa->c, creating ? AEV_CREATE : AEV_UPDATE,
			    arena_printf(sa->c->a, "unit/%" PRId64, sa->id), 1, sa->u->name);
}

int64_t unit_save(struct ctx *c, struct unit *u, struct fielderr *fe)
{
	struct save_arg sa = { c, u, 0 };

	u->region = c->cfg->region;
	if (u->id) {
		struct unit old;
		int rc = unit_get(c, u->id, &old);
		if (rc <= 0)
			return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	}
	if (validate(c, u, fe) < 0)   /* adds to what the caller found */
		return RES_STORE;
	if (fe->n)
		return RES_INVALID;
	if (store_tx(c->db, save_tx, &sa) < 0)
		return RES_STORE;
	return sa.id;
}
