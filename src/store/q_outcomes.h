#ifndef QF_STORE_Q_OUTCOMES_H
#define QF_STORE_Q_OUTCOMES_H
/*
 * q_outcomes.h: the typed store calls of q_outcomes.c: outcomes, execution, clarification, follow-
 * up, accountability, recovery.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/case.h"
#include "model/clue.h"
#include "model/outcome.h"
#include "store/store.h"

struct arena;

/* The campaign of a case (0 none): 1 found, 0 no such case, < 0 error. */
int store_outcome_case_campaign(struct store *s, int64_t case_id, int64_t *campaign_id);
/* The subjects of a case with id, name, position, unit_name filled. */
int64_t store_outcome_insert(struct store *s, const char *region, const struct outcome *o,
			     int64_t created_by, int64_t now);
int store_outcome_add_measure(struct store *s, int64_t outcome_id, const struct outcome_measure *m);
/* Every measure of the outcome, ended ones too, by decision date. */
int store_outcome_measures(struct store *s, struct arena *a, int64_t outcome_id,
			   struct outcome_measure **out);
/* The person's outcome on the matter (one of the ids non-zero): 1 with
 * *id, 0 none, < 0 error. */
int store_outcome_find(struct store *s, int64_t person_id, int64_t case_id, int64_t clue_id,
		       int64_t supervision_id, int64_t *id);
/* Moves the clue's outcomes onto the case filed on it. */
int store_outcomes_move_to_case(struct store *s, int64_t clue_id, int64_t case_id);
int store_outcome_set_bar(struct store *s, int64_t id, const char *bar_until);
/* Ends the measure (in force) on day, by `by` ("appeal/N"). */
int store_outcome_end_measure(struct store *s, int64_t id, const char *measure, const char *day,
			      const char *by);
int64_t store_appeal_insert(struct store *s, const char *region, const struct appeal *p,
			    int64_t created_by, int64_t now);
/* The cases not closed in which the person is a subject (any team). */
int64_t store_person_open_cases(struct store *s, int64_t person_id);
/* The ids of every outcome. */
int store_outcome_ids(struct store *s, struct arena *a, int64_t **out);
int store_appeals_of_outcome(struct store *s, struct arena *a, int64_t outcome_id, struct appeal **out);
int store_outcome_get(struct store *s, struct arena *a, int64_t id, struct outcome *o);
/* The person's outcomes (all matters), by effective day then id. */
/* The outcomes of a case (case_id) or else of a clue, by day. */
int store_outcomes_of_matter(struct store *s, struct arena *a, int64_t case_id, int64_t clue_id,
			     struct outcome **out);
int store_outcomes_of_person(struct store *s, struct arena *a, int64_t person_id,
			     struct outcome **out);
/* Sanctioned outcomes whose execution is not fully checked off, within
 * the scope of scope_user (0: all); newest first. */
int store_executions_pending(struct store *s, struct arena *a, const struct execution_filter *f,
			     struct outcome **out);
int64_t store_executions_pending_count(struct store *s, const struct execution_filter *f);
/* The outcomes behind the figures (model/outcome.h), latest decision
 * first. */
int store_outcome_list(struct store *s, struct arena *a, const struct outcome_filter *f,
		       struct outcome **out);
int64_t store_outcome_count(struct store *s, const struct outcome_filter *f);
int store_execution_items(struct store *s, struct arena *a, int64_t outcome_id,
			  struct execution_item **out);
/* STORE_CONSTRAINT when the item is already checked off. */
int store_execution_add(struct store *s, int64_t outcome_id, const char *item, const char *done,
			const char *note, int64_t user_id, int64_t at);
int64_t store_clarification_insert(struct store *s, const char *region, const struct clarification *k,
				   int64_t created_by, int64_t now);
int store_clarifications_of_person(struct store *s, struct arena *a, int64_t person_id,
				   struct clarification **out);
int64_t store_followup_insert(struct store *s, const char *region, const struct followup *f,
			      int64_t created_by, int64_t now);
int store_followups_of_clarification(struct store *s, struct arena *a, int64_t clarification_id,
				     struct followup **out);
/* The clarifications of a case (case_id) or else of a clue: the count or < 0. */
int store_clarifications_of_matter(struct store *s, struct arena *a, int64_t case_id, int64_t clue_id,
				   struct clarification **out);
int store_clarification_get(struct store *s, struct arena *a, int64_t id, struct clarification *k);
int store_followups_of_outcome(struct store *s, struct arena *a, int64_t outcome_id,
			       struct followup **out);
int64_t store_accountability_insert(struct store *s, const char *region,
				    const struct accountability *q, int64_t created_by, int64_t now);
/* One measure type of accountability id (0056): 0, or STORE_ERR. */
int store_accountability_measure_add(struct store *s, int64_t id, const char *measure);
int store_accountability_list(struct store *s, struct arena *a,
			      const struct accountability_filter *f, struct accountability **out);
int64_t store_accountability_count(struct store *s, const struct accountability_filter *f);
int64_t store_recovery_insert(struct store *s, const char *region, const struct recovery *m,
			      int64_t created_by, int64_t now);
int store_recovery_list(struct store *s, struct arena *a, const struct recovery_filter *f,
			struct recovery **out);
/* The count of the matching rows, stopped at LIST_COUNT_STOP (more than
 * LIST_COUNT_CAP: "more than 10,000"), and *sum_fen the exact sum of all
 * of them, from the rollup (the recovery kinds' stats) when it is live,
 * else the live sum. */
int64_t store_recovery_count(struct store *s, const struct recovery_filter *f, int64_t *sum_fen);
/* The person's clues within the scope (0: all), and the cases whose
 * content the user may see (sees_all, or on the team of user_id). */
int store_clues_of_person(struct store *s, struct arena *a, int64_t person_id, int64_t scope_user,
			  struct clue **out);
int store_cases_of_person(struct store *s, struct arena *a, int64_t person_id, int sees_all,
			  int64_t user_id, struct case_brief **out);

#endif
