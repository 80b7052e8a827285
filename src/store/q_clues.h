#ifndef QF_STORE_Q_CLUES_H
#define QF_STORE_Q_CLUES_H
/*
 * q_clues.h: the typed store calls of q_clues.c: campaigns, clues, their subjects, dispositions
 * and timelines.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/clue.h"
#include "model/person.h"
#include "model/timeline.h"
#include "store/store.h"
/* the campaigns the clues are tagged to: their calls moved to q_campaigns.c (0056) */
#include "store/q_campaigns.h"

struct arena;

int store_clue_get(struct store *s, struct arena *a, int64_t id, struct clue *k);
/* Only id, state and received of a clue (the flow's checks): 1, 0, < 0. */
int store_clue_state(struct store *s, struct arena *a, int64_t id, struct clue *k);
/* A page of the registry; count: store_clue_count's answer for the same
 * filter, just taken (< 0: none), which picks a scoped user's statement
 * (q_scope.h Q_SCOPE_PAGE_VARIANT).  The rows do not depend on it. */
int store_clue_list(struct store *s, struct arena *a, const struct clue_filter *f, int64_t count,
		    struct clue **out);
int64_t store_clue_count(struct store *s, const struct clue_filter *f);
int64_t store_clue_insert(struct store *s, const struct clue *k, int64_t now);
int store_clue_set_summary(struct store *s, int64_t id, const char *summary_enc);
/* adds a subject with his snapshot (rank, top-leader and leadership
 * flags, unit) as the person row is now; STORE_CONSTRAINT: no such person */
int store_clue_add_subject(struct store *s, int64_t clue_id, int64_t person_id);
/* the clue's violation categories (issue 11): add one, remove all, the
 * codes in code order (count or < 0) */
int store_clue_add_category(struct store *s, int64_t clue_id, const char *code);
int store_clue_clear_categories(struct store *s, int64_t clue_id);
int store_clue_categories(struct store *s, struct arena *a, int64_t clue_id, const char ***out);
/* subjects with id, name, rank, position, unit_id, unit_name filled */
int store_clue_subjects(struct store *s, struct arena *a, int64_t clue_id, struct person **out);
/* Sets the state; first_disposed is set to disposed_day only if not set.
 * Entering preliminary verification starts its clock on disposed_day and
 * records `office` (NULL as "") as the office handling it; any other state
 * clears both. */
int store_clue_set_state(struct store *s, int64_t id, const char *state, const char *disposed_day,
			 const char *office, int64_t now);
/* The state after a run of decisions, as store_clue_set_state once per
 * decision would leave it: first_disposed from the first (first_day, if
 * not set), the clock and office from the last (last_day) (issue 16: an
 * import writes a clue's decisions in one statement). */
int store_clue_settle(struct store *s, int64_t id, const char *state, const char *first_day,
		      const char *last_day, const char *office, int64_t now);
/* The four columns a clue's decisions write, put as given (NULL: NULL):
 * an import's clue inserted with its decisions' state read ahead, when
 * the decisions that came differ (ix_clue_state.h). */
int store_clue_state_put(struct store *s, int64_t id, const char *state, const char *first_disposed,
			 const char *clock_start, const char *verification_office, int64_t now);
/* Clues naming the person that are not closed, other than except_clue. */
int64_t store_open_clues_of_person(struct store *s, int64_t person_id, int64_t except_clue);

int64_t store_disposition_insert(struct store *s, const char *region, const struct disposition *d);
int store_disposition_get(struct store *s, struct arena *a, int64_t id, struct disposition *d);
int store_dispositions_of_clue(struct store *s, struct arena *a, int64_t clue_id,
			       struct disposition **out);
int64_t store_disposition_pending(struct store *s, int64_t clue_id);
/* 1 when the proposed disposition was decided now, 0 when it was not
 * pending any more (decided by someone else meanwhile). */
int store_disposition_decide(struct store *s, int64_t id, const char *state, const char *decided,
			     int64_t by, int64_t at, const char *note);

/* Clues under preliminary verification whose clock started on or before
 * `started_by`, of the handling office `office` (NULL any, "" none), oldest first, at
 * most `limit`, with the office handling the running verification in
 * verification_office ("" unknown). */
int store_clues_in_verification(struct store *s, struct arena *a, int64_t scope_user,
				const char *started_by, const char *office, int limit, struct clue **out);
/* The same counted per handling office: those started on or before
 * `overdue_by` as overdue, the rest as due soon (q_todo.h). */
struct store_due_count;
int store_clues_in_verification_count(struct store *s, struct arena *a, int64_t scope_user,
				      const char *overdue_by, const char *started_by, const char *office,
				      struct store_due_count **out);
/* Dispositions awaiting approval (the first `limit` proposed), with their
 * clue's unit name; and how many there are. */
int store_dispositions_pending(struct store *s, struct arena *a, int64_t scope_user, int limit,
			       struct disposition **out, const char ***unit_names);
int64_t store_dispositions_pending_count(struct store *s, int64_t scope_user);
/* The user's proposals sent back (rejected) with nothing proposed on
 * their clue since, with decided_at and decision_note (the first `limit`);
 * and how many there are. */
int store_dispositions_returned(struct store *s, struct arena *a, int64_t user_id, int limit,
				struct disposition **out, const char ***unit_names);
int64_t store_dispositions_returned_count(struct store *s, int64_t user_id);
/* Clues assigned to `office` still waiting for a proposal (registered,
 * none pending): id, unit_id, unit_name, assigned_at (the first `limit`);
 * and how many there are. */
int store_clues_assigned(struct store *s, struct arena *a, int64_t scope_user, const char *office, int limit,
			 struct clue **out);
int64_t store_clues_assigned_count(struct store *s, int64_t scope_user, const char *office);
/* Sets a clue's handling office (0033): 0 or < 0. */
int store_clue_assign(struct store *s, int64_t id, const char *office, int64_t now);

int store_timeline_add(struct store *s, const char *region, const char *object, int64_t at,
		       int64_t user_id, const char *user_name, const char *action, const char *detail);
int store_timeline_list(struct store *s, struct arena *a, const char *object,
			struct timeline_entry **out);

#endif
