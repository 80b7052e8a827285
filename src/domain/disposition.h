#ifndef QF_DISPOSITION_H
#define QF_DISPOSITION_H
/*
 * disposition: the disposition (处置) of a problem clue, DOMAIN.md section
 * 2: a proposal, then its approval or rejection by the approver
 * clue_flow.c names; approving file_case files the case.  Strings given
 * are the caller's; nothing returned needs freeing.
 */
#include <stdint.h>

#include "domain/fielderr.h"

struct ctx;

/* Proposes a disposition: the id; RES_INVALID with fe (a transition the flow does
 * not allow, one already pending, a bad method); 0 when the clue is not
 * visible; RES_STORE. */
int64_t disposition_propose(struct ctx *c, int64_t clue_id, const char *method, const char *reason,
			    struct fielderr *fe);
/* Approves (approve = 1) or rejects a pending disposition, dated `day`
 * (YYYY-MM-DD; the approval date is when the clue counts as disposed).
 * 1 done; RES_INVALID with fe (not pending, wrong approver, a bad date); 0 not
 * found or not visible; RES_STORE. */
int disposition_decide(struct ctx *c, int64_t id, int approve, const char *day, const char *note,
		       struct fielderr *fe);

/* The clue a disposition belongs to: its id, 0 when there is no such
 * disposition, < 0 on a store error (no jurisdiction check: callers go on
 * to disposition_decide or clue_get, which check). */
int64_t disposition_clue_of(struct ctx *c, int64_t disposition_id);

#endif
