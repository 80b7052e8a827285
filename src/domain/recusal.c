/*
 * recusal.c: declared conflicts (standing, and per matter with their
 * ground), the leader's decision on the non-statutory ones, and the check
 * that keeps a handler off a case team or a clue he must not handle (see
 * recusal.h).  The audit entries name the kind of conflict and the
 * ground, never the person.
 */
#include "domain/recusal.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case_access.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "store/q_cases.h"
#include "store/q_clues.h"
#include "store/q_detention.h"
#include "store/q_persons.h"
#include "store/q_units.h"
#include "store/q_users.h"

/* the audit events this file writes (audit_events.h), and its objects' types */
QF_AUDIT_EVENT(CONFLICT_DECLARE, "conflict_declare", "申报回避事项");
QF_AUDIT_EVENT(RECUSAL_DECLARE, "recusal_declare", "申报案件或线索回避");
QF_AUDIT_EVENT(RECUSAL_DECIDE, "recusal_decide", "决定是否回避");
QF_AUDIT_EVENT(RECUSAL_REFUSED, "recusal_refused", "因回避拒绝办理");
QF_AUDIT_OBJECT(conflict, "回避事项");
QF_AUDIT_OBJECT(recusal, "回避申报");

/* the codes of its fields and their Chinese names (labels.h); all but
 * `other` are the statutory grounds of Supervision Law art. 58 (2018) */
const struct label recusal_grounds[] = {
	{ "relative_subject", "是被调查人（被反映人）的近亲属" },
	{ "relative_reporter", "是检举人的近亲属" },
	{ "witness", "担任过本案证人" },
	{ "interest", "本人或近亲属与本案有利害关系" },
	{ "fairness", "有可能影响公正处理的其他情形" },
	{ "other", "其他需要申报的关系（由委领导决定是否回避）" },
	{ NULL, NULL }
};

const struct label recusal_decisions[] = {
	{ "recuse", "回避" },
	{ "allow", "不需回避" },
	{ NULL, NULL }
};

int recusal_statutory(const char *ground)
{
	return ground && strcmp(ground, "other") != 0;
}

/* ---- standing declarations ----------------------------------------------------------- */

struct conflict_arg {
	struct ctx *c;
	struct conflict cf;
	struct recusal r;
	int64_t id;
};

static int declare_tx(struct store *s, void *arg)
{
	struct conflict_arg *ca = arg;

	ca->id = store_conflict_insert(s, ca->c->cfg->region, &ca->cf, ca->c->now);
	if (ca->id < 0)
		return -1;
	return audit_append(ca->c, AEV_CONFLICT_DECLARE, arena_printf(ca->c->a, "conflict/%" PRId64, ca->id),
			    1, arena_printf(ca->c->a, "%s %s", ca->cf.person_id ? "person" : "unit",
					    ca->cf.ground));
}

int64_t conflict_declare(struct ctx *c, int64_t person_id, int64_t unit_id, const char *ground,
			 const char *note, struct fielderr *fe)
{
	struct conflict_arg ca = { .c = c };
	struct person p;
	struct unit u;

	if (!ground || !*ground)
		ground = "other";
	if (!person_id && !unit_id)
		fielderr_add(fe, "person_id", "请选择需要回避的人员或单位");
	if (!label_of(recusal_grounds, ground))
		fielderr_add(fe, "ground", "请选择回避事由");
	/* outside the jurisdiction answers as missing (audited): the list of
	 * declarations shows the person's and the unit's names */
	if (person_id && (store_person_get(c->db, c->a, person_id, &p) != 1 ||
			  authz_unit(c, p.unit_id, arena_printf(c->a, "person/%" PRId64, person_id)) != 1))
		fielderr_add(fe, "person_id", "所选人员不存在");
	if (unit_id && (store_unit_get(c->db, c->a, unit_id, &u) != 1 ||
			authz_unit(c, unit_id, arena_printf(c->a, "unit/%" PRId64, unit_id)) != 1))
		fielderr_add(fe, "unit_id", "所选单位不存在");
	fielderr_len(c->a, fe, "note", "说明", note, 500);
	if (fe->n)
		return -1;
	ca.cf.user_id = c->who.id;
	ca.cf.person_id = person_id;
	ca.cf.unit_id = unit_id;
	ca.cf.ground = ground;
	ca.cf.note = note ? note : "";
	return store_tx(c->db, declare_tx, &ca) < 0 ? -2 : ca.id;
}

int conflict_list(struct ctx *c, struct conflict **out)
{
	return store_conflicts_of_user(c->db, c->a, c->who.id, out);
}

/* ---- per matter ------------------------------------------------------------------------ */

static const char *recusal_obj(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "recusal/%" PRId64, id);
}

static int recusal_tx(struct store *s, void *arg)
{
	struct conflict_arg *ca = arg;
	struct ctx *c = ca->c;

	ca->id = store_recusal_insert(s, c->cfg->region, &ca->r, c->now);
	if (ca->id < 0)
		return -1;
	return audit_append(c, AEV_RECUSAL_DECLARE, recusal_obj(c, ca->id), 1,
			    arena_printf(c->a, "%s/%" PRId64 " user/%" PRId64 " %s",
					 ca->r.case_id ? "case" : "clue",
					 ca->r.case_id ? ca->r.case_id : ca->r.clue_id, ca->r.user_id, ca->r.ground));
}

/* 1 when the actor may see the matter; 0 (audited by the access checks);
 * RES_STORE when a lookup failed (a store failure is not a 404). */
static int matter_visible(struct ctx *c, int64_t case_id, int64_t clue_id)
{
	struct clue k;
	int rc;

	if (case_id)
		rc = case_access(c, case_id);
	else if ((rc = store_clue_get(c->db, c->a, clue_id, &k)) == 1)
		rc = authz_unit(c, k.unit_id, arena_printf(c->a, "clue/%" PRId64, clue_id));
	return rc < 0 ? RES_STORE : rc == 1;
}

int64_t recusal_declare(struct ctx *c, int64_t user_id, int64_t case_id, int64_t clue_id,
			const char *ground, const char *note, struct fielderr *fe)
{
	struct conflict_arg ca = { .c = c };
	struct user u;
	int rc;

	if ((case_id != 0) == (clue_id != 0)) {
		fielderr_add(fe, "case_id", "请指明案件或线索");
		return -1;
	}
	if ((rc = matter_visible(c, case_id, clue_id)) != 1)
		return rc;
	if (user_id && user_id != c->who.id && !authz_has(&c->who, PERM_CASE_ASSIGN)) {
		fielderr_add(fe, "user_id", "只能申报本人的回避事项");
		return -1;
	}
	if (!user_id)
		user_id = c->who.id;
	if ((rc = store_user_by_id(c->db, c->a, user_id, &u)) < 0)
		return RES_STORE;
	if (rc != 1)
		fielderr_add(fe, "user_id", "所选用户不存在");
	if (!label_of(recusal_grounds, ground ? ground : ""))
		fielderr_add(fe, "ground", "请选择回避事由");
	fielderr_len(c->a, fe, "note", "说明", note, 500);
	if (fe->n)
		return -1;
	ca.r.user_id = user_id;
	ca.r.case_id = case_id;
	ca.r.clue_id = clue_id;
	ca.r.ground = ground;
	ca.r.note = note ? note : "";
	return store_tx(c->db, recusal_tx, &ca) < 0 ? -2 : ca.id;
}

struct decide_arg {
	struct ctx *c;
	struct recusal r;
	const char *decision, *reason;
	int refused;
};

static int decide_tx(struct store *s, void *arg)
{
	struct decide_arg *da = arg;
	struct ctx *c = da->c;
	int rc = store_recusal_decide(s, da->r.id, da->decision, c->who.id, c->now, da->reason);

	if (rc <= 0) {
		da->refused = rc == 0;
		return -1;
	}
	return audit_append(c, AEV_RECUSAL_DECIDE, recusal_obj(c, da->r.id), 1, da->decision);
}

int recusal_decide(struct ctx *c, int64_t id, const char *decision, const char *reason,
		   struct fielderr *fe)
{
	struct decide_arg da = { .c = c, .decision = decision, .reason = reason };
	int rc = store_recusal_get(c->db, c->a, id, &da.r);

	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	if ((rc = matter_visible(c, da.r.case_id, da.r.clue_id)) != 1)
		return rc;
	if (!authz_has(&c->who, PERM_CASE_OVERRIDE)) {
		fielderr_add(fe, "decision", "是否回避由委领导决定");
		return -1;
	}
	if (da.r.user_id == c->who.id) {
		audit_record(c, AEV_ACCESS_DENIED, recusal_obj(c, id), 0, "own recusal");
		fielderr_add(fe, "decision", "本人的回避事项不能由本人决定，请由其他委领导决定");
		return -1;
	}
	if (recusal_statutory(da.r.ground)) {
		fielderr_add(fe, "decision", arena_printf(c->a, "“%s”是法定回避情形，应当回避，任何人不得决定不回避",
							  label_of(recusal_grounds, da.r.ground)));
		return -1;
	}
	if (da.r.decision) {
		fielderr_add(fe, "decision", "该回避事项已有决定");
		return -1;
	}
	if (!label_of(recusal_decisions, decision ? decision : ""))
		fielderr_add(fe, "decision", "请选择回避或不需回避");
	if (!reason || !*reason || utf8_len(reason) > 500)
		fielderr_add(fe, "reason", "请填写决定理由（不超过500字）");
	if (fe->n)
		return -1;
	if (store_tx(c->db, decide_tx, &da) < 0) {
		if (!da.refused)
			return -2;
		fielderr_add(fe, "decision", "该回避事项已有决定");
		return -1;
	}
	return 1;
}

int recusal_matter(struct ctx *c, int64_t id, int64_t *case_id, int64_t *clue_id)
{
	struct recusal v;
	int rc = store_recusal_get(c->db, c->a, id, &v);

	*case_id = rc == 1 ? v.case_id : 0;
	*clue_id = rc == 1 ? v.clue_id : 0;
	return res_from_store(rc);
}

int recusal_list(struct ctx *c, int64_t case_id, int64_t clue_id, struct recusal **out)
{
	return store_recusals(c->db, c->a, case_id || clue_id ? 0 : c->who.id, case_id, clue_id, out);
}

/* ---- the check --------------------------------------------------------------------------- */

/* The verdict of the per-matter declarations of u on the matter; *allowed
 * when a leader decided that u need not recuse from it. */
static int matter_verdict(struct ctx *c, int64_t case_id, int64_t clue_id, const struct user *u,
			  const char *who, const char **why, int *allowed)
{
	struct recusal *r;
	int n = store_recusals(c->db, c->a, u->id, case_id, clue_id, &r), open = -1;

	*allowed = 0;
	for (int i = 0; i < n; i++) {
		const char *g = label_of(recusal_grounds, r[i].ground);
		if (recusal_statutory(r[i].ground)) {
			*why = arena_printf(c->a, "%s已申报“%s”，属法定回避情形，应当回避，任何人不得批准例外",
					    who, g);
			return RECUSAL_BARRED;
		}
		if (r[i].decision && !strcmp(r[i].decision, "recuse")) {
			*why = arena_printf(c->a, "%s已由%s决定回避（%s）", who, r[i].decided_by_name,
					    r[i].reason);
			return RECUSAL_BARRED;
		}
		if (!r[i].decision)
			open = i;
		else
			*allowed = 1;
	}
	if (n < 0)
		return -1;
	if (open >= 0) {
		*why = arena_printf(c->a, "%s已申报需要回避的关系（%s），尚待委领导决定", who, r[open].note);
		return RECUSAL_OPEN;
	}
	return RECUSAL_NONE;
}

int recusal_check(struct ctx *c, int64_t case_id, int64_t clue_id, const struct user *u,
		  const char **why)
{
	struct person *p;
	const char *who = *u->display_name ? u->display_name : u->name;
	int allowed, n, verdict = matter_verdict(c, case_id, clue_id, u, who, why, &allowed);

	if (verdict != RECUSAL_NONE)
		return verdict;
	n = case_id ? store_case_subjects(c->db, c->a, case_id, &p) : store_clue_subjects(c->db, c->a, clue_id, &p);
	/* the standing declarations naming a subject or the subject's unit
	 * (sharing a unit with the subject is no ground: a township or
	 * resident-group user's units are their jurisdiction) */
	for (int i = 0; i < n; i++) {
		const char *ground;
		int m = store_conflict_matches(c->db, c->a, u->id, p[i].id, p[i].unit_id, &ground);
		if (m < 0)
			return -1;
		if (!m)
			continue;
		if (recusal_statutory(ground)) {
			*why = arena_printf(c->a, "%s已申报与被调查人%s（%s）的关系：%s，属法定回避情形，应当回避，任何人不得批准例外",
					    who, p[i].name, p[i].unit_name, label_of(recusal_grounds, ground));
			return RECUSAL_BARRED;
		}
		if (allowed)    /* a leader decided on this matter */
			continue;
		*why = arena_printf(c->a, "%s已申报与被调查人%s（%s）存在需要回避的关系", who, p[i].name,
				    p[i].unit_name);
		return RECUSAL_OPEN;
	}
	return n < 0 ? -1 : RECUSAL_NONE;
}

int recusal_unit_check(struct ctx *c, int64_t unit_id, const char *unit_name, const struct user *u,
		       const char **why)
{
	const char *who = *u->display_name ? u->display_name : u->name, *ground;
	int m = store_conflict_matches(c->db, c->a, u->id, 0, unit_id, &ground);

	if (m <= 0)
		return m < 0 ? -1 : RECUSAL_NONE;
	if (recusal_statutory(ground)) {
		*why = arena_printf(c->a, "%s已申报与%s的关系：%s，属法定回避情形，应当回避，任何人不得批准例外", who,
				    unit_name, label_of(recusal_grounds, ground));
		return RECUSAL_BARRED;
	}
	*why = arena_printf(c->a, "%s已申报与%s存在需要回避的关系", who, unit_name);
	return RECUSAL_OPEN;
}

int recusal_clue_ok(struct ctx *c, int64_t clue_id, struct fielderr *fe)
{
	struct user u;
	const char *why;
	int rc;

	if (store_user_by_id(c->db, c->a, c->who.id, &u) != 1)
		return -1;
	rc = recusal_check(c, 0, clue_id, &u, &why);
	if (rc <= RECUSAL_NONE)
		return rc < 0 ? -1 : 1;
	audit_record(c, AEV_RECUSAL_REFUSED, arena_printf(c->a, "clue/%" PRId64, clue_id), 0, "recusal");
	fielderr_add(fe, "state", rc == RECUSAL_OPEN ? arena_printf(c->a, "%s。请由委领导对该线索的回避申报作出决定。", why)
						     : arena_printf(c->a, "%s。", why));
	return 0;
}
