/*
 * ix_trial.c: the interchange type of the trial stage's returns for
 * supplementary investigation (trial_return, issue 12; domain/trial.h).
 * The reason is encrypted at rest bound to its row as trial.c does
 * (case_trial_returns.reason_enc/<id>).  Only completed returns (sent and
 * received back) are imported: an open one means the case is back in
 * investigation, a state the case line cannot say yet.  After each
 * return the running trial review's due day is computed again as the
 * pages compute it (trial_due_of: the time sent back is not counted).
 */
#include "domain/interchange.h"

#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "domain/trial.h"
#include "model/case.h"
#include "store/q_cases.h"
#include "store/q_rules.h"
#include "store/q_trial.h"

#define V(name) ix_value(ix, v, name)

const struct ix_field ix_trial_return_fields[] = {
	{ "case", IX_REF, "case_id", "case", NULL, IX_REQ, NULL },
	{ "seq", IX_INT, "seq", NULL, NULL, IX_REQ, NULL },
	{ "sent", IX_DATE, "sent_day", NULL, NULL, IX_REQ, NULL },
	{ "due", IX_DATE, "due_day", NULL, NULL, IX_REQ, NULL },
	{ "back", IX_DATE, "back_day", NULL, NULL, 0, NULL },
	/* inserted as '' and encrypted with the row's id (IX_EMPTY on a secret) */
	{ "reason", IX_SECRET, "reason_enc", "case_trial_returns.reason_enc", NULL, IX_REQ | IX_EMPTY, NULL },
	{ 0 }
};

int ix_trial_return_prepare(struct ix *ix, struct ix_val *v)
{
	struct case_rec k;
	struct trial_return *r;
	int n, rc = store_case_get(ix_ctx(ix)->db, ix_ctx(ix)->a, V("case")->i, &k);

	if (rc < 0)
		return -1;
	if (rc == 0 || !k.trial_accepted || strcmp(V("sent")->s, k.trial_accepted) < 0)
		return ix_fail(ix, "sent", "a return follows the case's trial acceptance (trial_accepted)");
	if (V("seq")->i < 1)
		return ix_fail(ix, "seq", "the returns are counted from 1");
	if (!V("back")->set)
		return ix_fail(ix, "back", "only a completed return is imported (an open one puts the case back "
				   "in investigation, which the case line cannot say)");
	if (strcmp(V("back")->s, V("sent")->s) < 0)
		return ix_fail(ix, "back", "received back before it was sent");
	/* a closed case was in trial only until it closed */
	if (k.closed && strcmp(V("back")->s, k.closed) > 0)
		return ix_fail(ix, "back", "received back after the case closed (%s)", k.closed);
	/* the seq taken: refused naming the field, not by the unique index */
	if ((n = store_trial_returns(ix_ctx(ix)->db, ix_ctx(ix)->a, k.id, &r)) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		if (r[i].seq == V("seq")->i)
			return ix_fail(ix, "seq", "the case already has return %d", r[i].seq);
		/* one return at a time, in the order of their seq: an overlap
		 * would pause the trial clock twice (trial_due_of) */
		if (r[i].seq < V("seq")->i && (!r[i].back_day || strcmp(V("sent")->s, r[i].back_day) < 0))
			return ix_fail(ix, "sent", "sent before return %d came back (%s)", r[i].seq,
				       r[i].back_day ? r[i].back_day : "not yet");
		if (r[i].seq > V("seq")->i && strcmp(V("back")->s, r[i].sent_day) > 0)
			return ix_fail(ix, "back", "received back after return %d was sent (%s)", r[i].seq,
				       r[i].sent_day);
	}
	return 0;
}

int ix_trial_return_after(struct ix *ix, struct ix_val *v, int64_t id)
{
	struct ctx *c = ix_ctx(ix);
	struct clock_table t;
	const struct clock_limit *l;
	struct case_rec k;
	qf_day due;
	int rc = store_case_get(c->db, c->a, V("case")->i, &k);

	(void)id;
	if (rc <= 0)
		return -1;
	if (strcmp(k.state, "trial") || !k.trial_accepted)
		return 0;       /* a closed case keeps its dates */
	if (clock_table_load(c->db, c->a, &t) < 0)
		return -1;
	if (!(l = clock_find(&t, "trial_review")))
		return 0;
	due = trial_due_of(c, c->db, c->cal, l, k.id, k.trial_accepted);
	if (due == QF_DAY_NONE)
		return -1;
	return store_case_set_trial_due(c->db, k.id, date_format(due, arena_alloc(c->a, 11))) < 0 ? -1 : 0;
}
