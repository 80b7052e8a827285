#ifndef QF_STORE_Q_DETENTION_H
#define QF_STORE_Q_DETENTION_H
/*
 * q_detention.h: the typed store calls of q_detention.c: the detention
 * rules in force on a day, the notices of a detention, and the recusals
 * declared per matter.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/case.h"
#include "store/store.h"

struct arena;

/* The row of detention_limits for `step` in force on `day` (the latest
 * effective_from not after it). */
int store_detention_limit(struct store *s, struct arena *a, const char *step, const char *day,
			  struct detention_limit *out);
/* Every row, by step and date (the rules page and the unit tests). */
int store_detention_limits(struct store *s, struct arena *a, struct detention_limit **out);
/* 0 stored, 1 that party was already notified, < 0 error. */
int store_detention_notice_insert(struct store *s, int64_t detention_id, const char *party,
				  const char *notified_at, const char *note, int64_t user_id, int64_t at);

/* Running detentions with an announced moment whose family or unit has
 * not been notified, of the cases whose team includes team_user (0:
 * every case), with the office of each case's lead and the case's unit
 * (arrays parallel to *out). */
int store_notice_clocks(struct store *s, struct arena *a, int64_t team_user, struct detention **out,
			const char ***office, const char ***unit);

int64_t store_recusal_insert(struct store *s, const char *region, const struct recusal *r, int64_t at);
int store_recusal_get(struct store *s, struct arena *a, int64_t id, struct recusal *r);
/* user_id 0: every user's; case_id / clue_id 0: any matter.  A case's
 * list includes the declarations on its clue. */
int store_recusals(struct store *s, struct arena *a, int64_t user_id, int64_t case_id, int64_t clue_id,
		   struct recusal **out);
/* Records a leader's decision on an undecided declaration: 1, 0 already
 * decided, < 0. */
int store_recusal_decide(struct store *s, int64_t id, const char *decision, int64_t by, int64_t at,
			 const char *reason);

#endif
