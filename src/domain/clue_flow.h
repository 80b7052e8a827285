#ifndef QF_CLUE_FLOW_H
#define QF_CLUE_FLOW_H
/*
 * clue_flow: the disposition of problem clues (DOMAIN.md section 2): the
 * four methods or filing, which transitions are allowed from each state,
 * and who may approve a disposition.
 */
#include "domain/labels.h"

/* The states of a clue; after the first approved disposition a clue is in
 * the state its method leads to. */
#define CLUE_REGISTERED "registered"    /* 待处置 */

struct disposition_method {
	const char *code;       /* INTERCHANGE.md method */
	const char *label;
	const char *state;      /* the clue's state once approved (clue_states) */
};

extern const struct disposition_method disposition_methods[];
const struct disposition_method *disposition_method_find(const char *code);
/* The Chinese label of a clue state (clue_states, below). */
const char *clue_state_label(const char *state);

/* 1 when a disposition by `method` may be proposed for a clue in `state`
 * (DOMAIN.md: inquiry first, then filing, is allowed; a closed or filed
 * clue takes no further disposition). */
int clue_transition_allowed(const char *state, const char *method);

/* 1 when a disposition by `method` (transfer: in `direction`) needs the
 * commission's principal leader (主要负责人): filing (监督执纪工作规则 2019
 * art. 38) and a transfer upward (检举控告工作规则 2020 art. 15: what
 * belongs to the level above goes to the principal leader and then up).
 * A county-rank subject is no longer a reason by itself: at a county such
 * a clue is forwarded (jurisdiction.h), not disposed here. */
int disposition_needs_principal(const char *method, const char *direction);
/* 1 when a user of `role` (principal: the commission's principal leader)
 * may approve a disposition that needs_principal (or not): a leader, and
 * the principal one when needed. */
int disposition_approval_allowed(const char *role, int principal, int needs_principal);

/* code tables (labels.h), defined in clue_flow.c */
extern const struct label clue_states[];          /* clues.state: registered, then each method's */
extern const struct label transfer_directions[];  /* dispositions.transfer_direction */

#endif
