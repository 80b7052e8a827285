#ifndef QF_DISPOSITION_H
#define QF_DISPOSITION_H
/*
 * disposition: the disposition (处置) of a problem clue, DOMAIN.md section
 * 2: a proposal, then its approval or rejection by the approver
 * clue_flow.c names; approving file_case files the case.  Every decision
 * is an approval record (approvals: who, when, the decision, the reason
 * when refused); a filing also records the same-level party committee
 * principal's approval (who, date).  A clue about a subject managed one
 * level up (jurisdiction.h) takes only a transfer upward.  Strings given
 * are the caller's; nothing returned needs freeing.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "model/caserules.h"

struct ctx;

struct disposition_input {
	const char *method, *reason;
	/* method transfer (移交): upward, downward or org_dept; the organ; the
	 * reference (文号), may be empty */
	const char *transfer_direction, *transfer_to, *transfer_ref;
};

/* Proposes a disposition: the id; RES_INVALID with fe (a transition the
 * flow does not allow, one already pending, a bad method, a clue of
 * another level not transferred upward); 0 when the clue is not visible;
 * RES_STORE. */
int64_t disposition_propose(struct ctx *c, int64_t clue_id, const struct disposition_input *in,
			    struct fielderr *fe);

struct disposition_decision {
	int approve;
	const char *day;            /* YYYY-MM-DD: the approval date */
	const char *note;           /* the reason, required when refused */
	struct case_filing filing;  /* approving file_case: the case's filing record */
};

/* Approves or rejects a pending disposition (the approval date is when
 * the clue counts as disposed, the first time only).  1 done; RES_INVALID
 * with fe (not pending, wrong approver, a bad date, a filing without its
 * record); 0 not found or not visible; RES_STORE. */
int disposition_decide(struct ctx *c, int64_t id, const struct disposition_decision *dd,
		       struct fielderr *fe);

/* Approves (or rejects, with dd's note) the pending dispositions
 * ids[0..n) in one transaction, all or nothing (issue 12's bulk
 * approval): each checked as disposition_decide does, before and inside
 * the transaction; a filing (file_case) is refused (it needs its own
 * filing record).  One timeline, audit and approvals entry each.
 * RES_DONE; RES_INVALID with fe and *failed the index refused (an item
 * not found or not visible is RES_INVALID too: nothing is decided);
 * RES_STORE. */
#define DISPOSITION_BULK_MAX 100
int disposition_decide_many(struct ctx *c, const int64_t *ids, int n,
			    const struct disposition_decision *dd, struct fielderr *fe, int *failed);

/* The clue a disposition belongs to: its id, 0 when there is no such
 * disposition, < 0 on a store error (no jurisdiction check: callers go on
 * to disposition_decide or clue_get, which check). */
int64_t disposition_clue_of(struct ctx *c, int64_t disposition_id);

/* The approvals recorded on a disposition, in order: count or < 0. */
int disposition_approvals(struct ctx *c, int64_t disposition_id, struct approval **out);

/* 1 when the clue k's subjects belong to the level above (why set), 0
 * not, < 0 error (jurisdiction.h on the clue's subjects, on its day of
 * receipt). */
struct clue;
struct store;
int clue_other_level(struct ctx *c, const struct clue *k, const char **why);
/* Starts the forwarding clock (clues.forward_due, report_transfer from the
 * day of receipt) of a clue k (id and received set, subjects stored) that
 * belongs to the level above; nothing for one of ours.  In the caller's
 * transaction (clue registration, import): 0, or -1.  clue_forward.c. */
int clue_forward_start(struct ctx *c, struct store *s, const struct clue *k);

/* the audit events of disposition (disposition.c) */
QF_AUDIT_EVENT_DECL(DISPOSE_PROPOSE);
QF_AUDIT_EVENT_DECL(DISPOSE_APPROVE);
QF_AUDIT_EVENT_DECL(DISPOSE_REJECT);

#endif
