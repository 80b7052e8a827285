/*
 * disposition.c: proposing and approving the disposition (处置) of a
 * problem clue: the steps of clue_flow.c's table on the clue's timeline.
 *
 * Guarantees: only the transitions of clue_flow.c; one pending proposal
 * at a time; a clue whose subject is managed one level up takes only a
 * transfer upward (jurisdiction.c), checked at proposal and again at
 * approval; approval by the role clue_flow.c names (the principal leader
 * for filing and for a transfer upward); every decision is an approvals
 * row (a refusal needs its reason), a filing a second one for the
 * same-level party committee principal; the first approved decision sets
 * first_disposed (the statistics' 处置问题线索) and later ones never move
 * it; approving file_case files the case (case_file) in the same
 * transaction; approving a transfer stops the clue's forwarding clock;
 * each step writes the timeline and the audit log in the same transaction
 * as the change.
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
#include "domain/case_filing.h"
#include "domain/clue.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/jurisdiction.h"
#include "domain/recusal.h"
#include "domain/result.h"
#include "domain/txmemo.h"
#include "store/q_caserules.h"
#include "store/q_clues.h"
#include "store/q_users.h"

/* the audit events this file writes (audit_events.h), and its objects' type */
QF_AUDIT_EVENT(DISPOSE_PROPOSE, "dispose_propose", "提出处置意见");
QF_AUDIT_EVENT(DISPOSE_APPROVE, "dispose_approve", "批准处置");
QF_AUDIT_EVENT(DISPOSE_REJECT, "dispose_reject", "退回处置意见");
QF_AUDIT_OBJECT(disposition, "处置意见");

/* The label of a method, a transfer with its direction and organ. */
static const char *disposition_label(struct ctx *c, const char *method, const char *direction,
				     const char *to)
{
	const struct disposition_method *m = disposition_method_find(method);

	if (strcmp(method, "transfer") || !direction)
		return m ? m->label : method;
	return arena_printf(c->a, "%s（%s）", label_of(transfer_directions, direction), to ? to : "");
}

struct propose_arg {
	struct ctx *c;
	struct disposition d;
	const struct disposition_input *in;
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
	if (!strcmp(pa->d.method, "transfer") &&
	    store_disposition_set_transfer(s, pa->id, pa->in->transfer_direction, pa->in->transfer_to,
					   pa->in->transfer_ref) < 0)
		return -1;
	return clue_record_step(c, pa->d.clue_id, AEV_DISPOSE_PROPOSE,
				arena_printf(c->a, "拟处置：%s", disposition_label(c, pa->d.method,
										 pa->in->transfer_direction,
										 pa->in->transfer_to)),
				pa->d.reason);
}

int clue_other_level(struct ctx *c, const struct clue *k, const char **why)
{
	struct txmemo_clue *m = txmemo_clue(c, k->id);  /* an import's: its subjects are fixed */
	struct person *v;
	int n, rc;

	if (m && m->level >= 0) {
		*why = m->why;
		return m->level;
	}
	n = store_clue_subjects(c->db, c->a, k->id, &v);
	rc = n < 0 ? -1 : jurisdiction_other_level(c, v, n, k->received, why);
	if (m && rc >= 0) {
		m->level = rc;
		m->why = rc ? txmemo_keep(c, *why) : NULL;
	}
	return rc;
}

/* The jurisdiction rule on a disposition: a clue of another level takes
 * only a transfer upward.  1 allowed, 0 refused (fe), -1 error. */
static int jurisdiction_allows(struct ctx *c, const struct clue *k, const char *method,
			       const char *direction, struct fielderr *fe)
{
	const char *why = NULL;
	int rc = clue_other_level(c, k, &why);

	if (rc <= 0)
		return rc < 0 ? -1 : 1;
	if (!strcmp(method, "transfer") && direction && !strcmp(direction, "upward"))
		return 1;
	fielderr_add(fe, "method", arena_printf(c->a, "%s：不在本级处置，只能“移交上级纪检监察机关”", why));
	return 0;
}

static void validate_transfer(struct arena *a, const struct disposition_input *in, struct fielderr *fe)
{
	if (!in->transfer_direction || !label_of(transfer_directions, in->transfer_direction))
		fielderr_add(fe, "transfer_direction", "请选择移交方向（上级、下级纪检监察机关或组织部门）");
	if (!in->transfer_to || !*in->transfer_to || utf8_len(in->transfer_to) > 100)
		fielderr_add(fe, "transfer_to", "请填写接收移交的机关（不超过100字）");
	fielderr_len(a, fe, "transfer_ref", "移交文号", in->transfer_ref, 100);
}

int64_t disposition_propose(struct ctx *c, int64_t clue_id, const struct disposition_input *in,
			    struct fielderr *fe)
{
	struct propose_arg pa = { .c = c, .in = in };
	const char *method = in->method, *reason = in->reason;
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
	if (!strcmp(method, "transfer")) {
		validate_transfer(c->a, in, fe);
		if (fe->n)
			return -1;
	}
	rc = recusal_clue_ok(c, clue_id, fe);   /* recusal applies to clue handling */
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_INVALID;
	rc = jurisdiction_allows(c, &k, method, in->transfer_direction, fe);
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_INVALID;
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

struct decide_arg {
	struct ctx *c;
	struct disposition d;
	const struct disposition_decision *dd;
	const char *direction, *to;             /* a transfer's */
	int refused;
};

/* The approvals rows of a decision: the approver's, and for a filing the
 * same-level party committee principal's. */
static int record_approvals(struct ctx *c, struct store *s, const struct decide_arg *da)
{
	int filing = !strcmp(da->d.method, "file_case");
	struct approval ap = {
		.object = arena_printf(c->a, "disposition/%" PRId64, da->d.id),
		.kind = filing ? "filing" : "disposition",
		.decision = da->dd->approve ? "approved" : "rejected",
		.user_id = c->who.id, .approver = c->who.name, .day = da->dd->day,
		.reason = da->dd->note ? da->dd->note : "", .at = c->now,
	};

	if (store_approval_insert(s, c->cfg->region, &ap) < 0)
		return -1;
	if (!filing || !da->dd->approve)
		return 0;
	ap.kind = "filing_committee";
	ap.user_id = 0;
	ap.approver = da->dd->filing.committee_by;
	ap.day = da->dd->filing.committee_day;
	ap.reason = "";
	return store_approval_insert(s, c->cfg->region, &ap) < 0 ? -1 : 0;
}

static int decide_tx(struct store *s, void *arg)
{
	struct decide_arg *da = arg;
	const struct disposition_decision *dd = da->dd;
	struct ctx *c = da->c;
	struct clue k;
	const char *office = "";
	int rc;

	rc = store_clue_get(s, c->a, da->d.clue_id, &k);
	if (rc == 1 && dd->approve && !clue_transition_allowed(k.state, da->d.method))
		rc = 0;
	if (rc != 1) {
		da->refused = rc == 0;  /* a failed lookup is a store error */
		return -1;
	}
	rc = store_disposition_decide(s, da->d.id, dd->approve ? "approved" : "rejected", dd->day,
				      c->who.id, c->now, dd->note);
	if (rc <= 0) {
		da->refused = rc == 0;
		return -1;
	}
	if (record_approvals(c, s, da) < 0)
		return -1;
	/* a verification counts under its proposer's office as it is now
	 * (docs/architecture.md "The to-do list, bounded") */
	if (dd->approve && da->d.proposed_by && store_user_office(s, c->a, da->d.proposed_by, &office) < 0)
		return -1;
	if (dd->approve && store_clue_set_state(s, k.id, disposition_method_find(da->d.method)->state,
						dd->day, office, c->now) < 0)
		return -1;
	if (clue_record_step(c, k.id, dd->approve ? AEV_DISPOSE_APPROVE : AEV_DISPOSE_REJECT,
			     arena_printf(c->a, "%s：%s", dd->approve ? "批准处置" : "退回处置意见",
					  disposition_label(c, da->d.method, da->direction, da->to)),
			     dd->note) < 0)
		return -1;
	if (!dd->approve)
		return 0;
	/* a transfer is the forwarding record: its clock stops */
	if (!strcmp(da->d.method, "transfer"))
		return store_clue_set_forward_due(s, k.id, NULL) < 0 ? -1 : 0;
	/* filing: the case is created in the same transaction */
	return !strcmp(da->d.method, "file_case") && case_file(c, &k, da->d.id, dd->day, &dd->filing) < 0
	       ? -1 : 0;
}

/* The date of a decision: 1 good, 0 with the message in fe. */
static int decision_day_ok(struct arena *a, const struct disposition_decision *dd, const struct clue *k,
			   struct fielderr *fe)
{
	qf_day d = date_parse(dd->day ? dd->day : "");

	if (d == QF_DAY_NONE) {
		fielderr_add(fe, "day", fielderr_date_msg(dd->day, "请填写审批日期（YYYY-MM-DD）"));
		return 0;
	}
	if (d > date_today() || strcmp(dd->day, k->received) < 0) {
		fielderr_add(fe, "day", "审批日期应在线索受理日期之后、不晚于今天");
		return 0;
	}
	if (!dd->approve && (!dd->note || !*dd->note)) {
		fielderr_add(fe, "note", "退回处置意见须写明理由");
		return 0;
	}
	if (fielderr_len(a, fe, "note", "审批意见", dd->note, 500))
		return 0;
	return 1;
}

/* The checks of one decision before its transaction: found and visible,
 * pending, a valid day, the actor may approve it, the rules of the
 * jurisdiction and of filing, recusal.  RES_DONE with *da ready for
 * decide_tx; else the refusal (messages in fe). */
static int decide_check(struct ctx *c, int64_t id, const struct disposition_decision *dd,
			struct fielderr *fe, struct decide_arg *da)
{
	struct clue k;
	int need;
	int rc = store_disposition_get(c->db, c->a, id, &da->d);

	da->c = c;
	da->dd = dd;
	if (rc == 1)
		rc = store_clue_get(c->db, c->a, da->d.clue_id, &k);
	if (rc == 1)
		rc = authz_unit(c, k.unit_id, clue_object(c, k.id));
	if (rc != 1)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	if (strcmp(da->d.state, "proposed")) {
		fielderr_add(fe, "state", "该处置意见已审批");
		return -1;
	}
	if (!decision_day_ok(c->a, dd, &k, fe))
		return -1;
	da->direction = da->d.transfer_direction;
	da->to = da->d.transfer_to;
	need = disposition_needs_principal(da->d.method, da->direction);
	if (!disposition_approval_allowed(c->who.role, c->who.principal, need)) {
		audit_record(c, AEV_ACCESS_DENIED, arena_printf(c->a, "disposition/%" PRId64, id), 0,
			     need ? "filing or transfer upward needs the principal leader" : "not an approver");
		fielderr_add(fe, "state", need ? "立案、移交上级须由本委主要负责人审批" : "您无权审批处置意见");
		return -1;
	}
	if (dd->approve) {
		rc = jurisdiction_allows(c, &k, da->d.method, da->direction, fe);
		if (rc <= 0)
			return rc < 0 ? RES_STORE : RES_INVALID;
		rc = strcmp(da->d.method, "file_case") ? 1 : case_filing_valid(c, &dd->filing, dd->day, &k, fe);
		if (rc <= 0)
			return rc < 0 ? RES_STORE : RES_INVALID;
	}
	rc = recusal_clue_ok(c, k.id, fe);      /* recusal applies to the approver too */
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_INVALID;
	return RES_DONE;
}

int disposition_decide(struct ctx *c, int64_t id, const struct disposition_decision *dd,
		       struct fielderr *fe)
{
	struct decide_arg da = { 0 };
	int rc = decide_check(c, id, dd, fe, &da);

	if (rc != RES_DONE)
		return rc;
	if (store_tx(c->db, decide_tx, &da) < 0) {
		if (!da.refused)
			return RES_STORE;
		fielderr_add(fe, "state", "该处置意见已审批或线索状态已变化，请刷新后再试");
		return RES_INVALID;
	}
	return RES_DONE;
}

struct many_arg {
	struct decide_arg *v;
	int n;
	int failed;             /* the index that failed in the transaction */
};

static int many_tx(struct store *s, void *arg)
{
	struct many_arg *ma = arg;

	for (int i = 0; i < ma->n; i++) {
		ma->v[i].refused = 0;
		if (decide_tx(s, &ma->v[i]) < 0) {
			ma->failed = i;
			return -1;
		}
	}
	return 1;
}

int disposition_decide_many(struct ctx *c, const int64_t *ids, int n,
			    const struct disposition_decision *dd, struct fielderr *fe, int *failed)
{
	struct many_arg ma = { .n = n, .failed = -1 };
	int rc;

	*failed = -1;
	if (n <= 0 || n > DISPOSITION_BULK_MAX) {
		fielderr_add(fe, "ids", n <= 0 ? "请至少选择一项处置意见"
				       : arena_printf(c->a, "一次最多审批%d项", DISPOSITION_BULK_MAX));
		return RES_INVALID;
	}
	ma.v = arena_zalloc(c->a, (size_t)n * sizeof(*ma.v));
	/* every item is checked before anything is written: one refused
	 * (not permitted, decided meanwhile, a filing) and none is decided */
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < i; j++)
			if (ids[j] == ids[i]) {
				fielderr_add(fe, "ids", "同一处置意见重复选择");
				*failed = i;
				return RES_INVALID;
			}
		rc = decide_check(c, ids[i], dd, fe, &ma.v[i]);
		if (rc == RES_DONE && !strcmp(ma.v[i].d.method, "file_case")) {
			/* a filing needs its own record (the case's filing form) */
			fielderr_add(fe, "state", "立案审查调查须逐件审批（需填写立案信息）");
			rc = RES_INVALID;
		}
		if (rc == RES_NOT_FOUND)
			fielderr_add(fe, "ids", arena_printf(c->a, "处置意见 %" PRId64 " 不存在或您无权审批", ids[i]));
		if (rc != RES_DONE) {
			*failed = i;
			return rc == RES_NOT_FOUND ? RES_INVALID : rc;
		}
	}
	if (store_tx(c->db, many_tx, &ma) < 0) {
		if (ma.failed < 0 || !ma.v[ma.failed].refused)
			return RES_STORE;
		*failed = ma.failed;
		fielderr_add(fe, "state", "该处置意见已审批或线索状态已变化，请刷新后再试");
		return RES_INVALID;
	}
	return RES_DONE;
}

int disposition_approvals(struct ctx *c, int64_t disposition_id, struct approval **out)
{
	return store_approvals_of(c->db, c->a, arena_printf(c->a, "disposition/%" PRId64, disposition_id), out);
}

int64_t disposition_clue_of(struct ctx *c, int64_t disposition_id)
{
	struct disposition d;
	int rc = store_disposition_get(c->db, c->a, disposition_id, &d);

	return rc == 1 ? d.clue_id : res_from_store(rc);
}
