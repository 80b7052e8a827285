/*
 * recusal.c: declared conflicts and the recusal check of a case's team
 * (see recusal.h).  The audit entry of a declaration names the kind of
 * conflict only, not the person.
 */
#include "domain/recusal.h"

#include <inttypes.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "store/q_cases.h"
#include "store/q_persons.h"
#include "store/q_units.h"

/* the audit events this file writes (audit_events.h), and its objects' types */
QF_AUDIT_EVENT(CONFLICT_DECLARE, "conflict_declare", "申报回避事项");
QF_AUDIT_OBJECT(conflict, "回避事项");

struct conflict_arg {
	struct ctx *c;
	struct conflict cf;
	int64_t id;
};

static int declare_tx(struct store *s, void *arg)
{
	struct conflict_arg *ca = arg;

	ca->id = store_conflict_insert(s, ca->c->cfg->region, &ca->cf, ca->c->now);
	if (ca->id < 0)
		return -1;
	return audit_append(ca->c, AEV_CONFLICT_DECLARE, arena_printf(ca->c->a, "conflict/%" PRId64, ca->id),
			    1, ca->cf.person_id ? "person" : "unit");
}

int64_t conflict_declare(struct ctx *c, int64_t person_id, int64_t unit_id, const char *note,
			 struct fielderr *fe)
{
	struct conflict_arg ca = { .c = c };
	struct person p;
	struct unit u;

	if (!person_id && !unit_id)
		fielderr_add(fe, "person_id", "请选择需要回避的人员或单位");
	/* outside the jurisdiction answers as missing (audited): the list of
	 * declarations shows the person's and the unit's names */
	if (person_id && (store_person_get(c->db, c->a, person_id, &p) != 1 ||
			  authz_unit(c, p.unit_id, arena_printf(c->a, "person/%" PRId64, person_id)) != 1))
		fielderr_add(fe, "person_id", "所选人员不存在");
	if (unit_id && (store_unit_get(c->db, c->a, unit_id, &u) != 1 ||
			authz_unit(c, unit_id, arena_printf(c->a, "unit/%" PRId64, unit_id)) != 1))
		fielderr_add(fe, "unit_id", "所选单位不存在");
	if (note && utf8_len(note) > 500)
		fielderr_add(fe, "note", "说明不能超过500字");
	if (fe->n)
		return -1;
	ca.cf.user_id = c->who.id;
	ca.cf.person_id = person_id;
	ca.cf.unit_id = unit_id;
	ca.cf.note = note ? note : "";
	return store_tx(c->db, declare_tx, &ca) < 0 ? -2 : ca.id;
}

int conflict_list(struct ctx *c, struct conflict **out)
{
	return store_conflicts_of_user(c->db, c->a, c->who.id, out);
}

int recusal_check(struct ctx *c, int64_t case_id, const struct user *u, const char **why)
{
	struct person *p;
	int n = store_case_subjects(c->db, c->a, case_id, &p);
	const char *who = *u->display_name ? u->display_name : u->name;

	*why = NULL;
	for (int i = 0; i < n; i++) {
		int64_t m;
		if (u->unit_id && u->unit_id == p[i].unit_id) {
			*why = arena_printf(c->a, "%s与被调查人%s同属%s，应当回避", who, p[i].name,
					    p[i].unit_name);
			return 1;
		}
		m = store_conflict_matches(c->db, u->id, p[i].id, p[i].unit_id);
		if (m < 0)
			return -1;
		if (m) {
			*why = arena_printf(c->a, "%s已申报与被调查人%s（%s）存在需要回避的关系", who,
					    p[i].name, p[i].unit_name);
			return 1;
		}
	}
	return n < 0 ? -1 : 0;
}
