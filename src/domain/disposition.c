/*
 * disposition.c: proposing and approving the disposition (处置) of a
 * problem clue: the steps of clue_flow.c's table on the clue's timeline.
 *
 * Guarantees: only the transitions of clue_flow.c; one pending proposal
 * at a time; approval by the role and level clue_flow.c names (the
 * principal leader for a county-rank subject); the first approved
 * decision sets first_disposed (the statistics' 处置问题线索) and later ones
 * never move it; approving file_case files the case (case_file) in the
 * same transaction; each step writes the timeline and the audit log in
 * the same transaction as the change.
 */
#include "domain/disposition.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case.h"
#include "domain/clue.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "store/q_clues.h"

struct propose_arg {
	struct ctx *c;
	struct disposition d;
	int64_t id;
	int refused;            /* found pending or moved on inside the transaction */
};

static int propose_tx(struct store *s, void *arg)
{
	struct propose_arg *pa = arg;
	struct ctx *c = pa->c;
	struct clue k;

	/* again under the write lock: the state and the pending proposal
	 * (a lookup that fails is a store error, not a refusal) */
	int rc = store_clue_get(s, c->a, pa->d.clue_id, &k);

	if (rc == 1 && !clue_transition_allowed(k.state, pa->d.method))
		rc = 0;
	if (rc == 1) {
		int64_t pending = store_disposition_pending(s, pa->d.clue_id);
		rc = pending < 0 ? -1 : !pending;
	}
	pa->refused = rc == 0;
	if (rc != 1)
		return -1;
	pa->id = store_disposition_insert(s, c->cfg->region, &pa->d);
	if (pa->id < 0)
		return -1;
	return clue_record_step(c, pa->d.clue_id, AEV_DISPOSE_PROPOSE,
				arena_printf(c->a, "拟处置：%s", disposition_method_find(pa->d.method)->label),
			   pa->d.reason);
}

int64_t disposition_propose(struct ctx *c, int64_t clue_id, const char *method, const char *reason,
			    struct fielderr *fe)
{
	struct propose_arg pa = { .c = c };
	struct clue k;
	int rc = store_clue_get(c->db, c->a, clue_id, &k);

	if (rc > 0)
		rc = authz_unit(c, k.unit_id, clue_object(c, clue_id));
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	if (!disposition_method_find(method)) {
		fielderr_add(fe, "method", "请选择处置方式");
		return -1;
	}
	if (!clue_transition_allowed(k.state, method)) {
		fielderr_add(fe, "method", arena_printf(c->a, "线索当前为“%s”，不能再提出“%s”",
							clue_state_label(k.state),
							disposition_method_find(method)->label));
		return -1;
	}
	if (!reason || !*reason || utf8_len(reason) > 2000) {
		fielderr_add(fe, "reason", "请填写处置理由（不超过2000字）");
		return -1;
	}
	pa.d.clue_id = clue_id;
	pa.d.method = method;
	pa.d.reason = reason;
	pa.d.proposed_by = c->who.id;
	pa.d.proposed_at = c->now;
	if (store_tx(c->db, propose_tx, &pa) < 0) {
		if (!pa.refused)
			return RES_STORE;
		fielderr_add(fe, "method", "该线索已有待审批的处置意见，或状态已变化，请刷新后再试");
		return RES_INVALID;
	}
	return pa.id;
}

/* 1 when a subject of the clue is of county rank (处级). */
static int county_subject(struct ctx *c, int64_t clue_id)
{
	struct person *v;
	int n = store_clue_subjects(c->db, c->a, clue_id, &v);

	for (int i = 0; i < n; i++)
		if (!strcmp(v[i].rank, "county"))
			return 1;
	return n < 0 ? -1 : 0;
}

struct decide_arg {
	struct ctx *c;
	struct disposition d;
	int approve;
	const char *day, *note;
	int refused;
};

static int decide_tx(struct store *s, void *arg)
{
	struct decide_arg *da = arg;
	struct ctx *c = da->c;
	const struct disposition_method *m = disposition_method_find(da->d.method);
	struct clue k;
	int rc;

	rc = store_clue_get(s, c->a, da->d.clue_id, &k);
	if (rc == 1 && da->approve && !clue_transition_allowed(k.state, da->d.method))
		rc = 0;
	if (rc != 1) {
		da->refused = rc == 0;  /* a failed lookup is a store error */
		return -1;
	}
	rc = store_disposition_decide(s, da->d.id, da->approve ? "approved" : "rejected", da->day,
				      c->who.id, c->now, da->note);
	if (rc <= 0) {
		da->refused = rc == 0;
		return -1;
	}
	if (da->approve && store_clue_set_state(s, k.id, m->state, da->day, c->now) < 0)
		return -1;
	if (clue_record_step(c, k.id, da->approve ? AEV_DISPOSE_APPROVE : AEV_DISPOSE_REJECT,
			arena_printf(c->a, "%s：%s", da->approve ? "批准处置" : "退回处置意见", m->label),
			da->note) < 0)
		return -1;
	/* filing: the case is created in the same transaction */
	return da->approve && !strcmp(da->d.method, "file_case") && case_file(c, &k, da->d.id, da->day) < 0
	       ? -1 : 0;
}

int disposition_decide(struct ctx *c, int64_t id, int approve, const char *day, const char *note,
		       struct fielderr *fe)
{
	struct decide_arg da = { .c = c, .approve = approve, .day = day, .note = note ? note : "" };
	struct clue k;
	qf_day d;
	int county;

	int rc = store_disposition_get(c->db, c->a, id, &da.d);

	if (rc == 1)
		rc = store_clue_get(c->db, c->a, da.d.clue_id, &k);
	if (rc == 1)
		rc = authz_unit(c, k.unit_id, clue_object(c, k.id));
	if (rc != 1)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	if (strcmp(da.d.state, "proposed")) {
		fielderr_add(fe, "state", "该处置意见已审批");
		return -1;
	}
	d = date_parse(day ? day : "");
	if (d == QF_DAY_NONE) {
		fielderr_add(fe, "day", "请填写审批日期（YYYY-MM-DD）");
		return -1;
	}
	if (d > date_today() || strcmp(day, k.received) < 0) {
		fielderr_add(fe, "day", "审批日期应在线索受理日期之后、不晚于今天");
		return -1;
	}
	county = county_subject(c, k.id);
	if (county < 0)
		return -2;
	if (!disposition_approval_allowed(c->who.role, c->who.principal, county)) {
		audit_record(c, AEV_ACCESS_DENIED, arena_printf(c->a, "disposition/%" PRId64, id), 0,
			     county ? "county-rank subject needs the principal leader" : "not an approver");
		fielderr_add(fe, "state", county ? "被反映人为处级干部，须由主要负责人审批"
						 : "您无权审批处置意见");
		return -1;
	}
	if (store_tx(c->db, decide_tx, &da) < 0) {
		if (!da.refused)
			return RES_STORE;
		fielderr_add(fe, "state", "该处置意见已审批或线索状态已变化，请刷新后再试");
		return RES_INVALID;
	}
	return RES_DONE;
}

int64_t disposition_clue_of(struct ctx *c, int64_t disposition_id)
{
	struct disposition d;
	int rc = store_disposition_get(c->db, c->a, disposition_id, &d);

	return rc == 1 ? d.clue_id : res_from_store(rc);
}
