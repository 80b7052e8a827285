#ifndef QF_Q_TRIAL_H
#define QF_Q_TRIAL_H
/*
 * q_trial: the trial stage's records (opinions, returns for supplementary
 * investigation), the step limits (step_limits), and the official numbers
 * (number_patterns, number_counters, case_subjects.filing_no,
 * clues.clue_no), migration 0032.
 */
#include <stdint.h>

#include "core/arena.h"
#include "model/case.h"
#include "store/store.h"

/* opinions (审理意见) */
int64_t store_trial_opinion_insert(struct store *s, const char *region, int64_t case_id, const char *day,
				   int64_t user_id, int64_t at);
int store_trial_opinion_set(struct store *s, int64_t id, const char *text_enc);
/* every version, the latest first */
int store_trial_opinions(struct store *s, struct arena *a, int64_t case_id, struct trial_opinion **out);

/* returns (退回补充调查), in order */
int64_t store_trial_return_insert(struct store *s, const char *region, int64_t case_id, int seq,
				  const char *sent_day, const char *due_day, int64_t user_id, int64_t at);
int store_trial_return_set(struct store *s, int64_t id, const char *reason_enc);
/* Sets back_day on the open return of the case: the rows changed. */
int store_trial_return_close(struct store *s, int64_t case_id, const char *back_day);
int store_trial_returns(struct store *s, struct arena *a, int64_t case_id, struct trial_return **out);

/* The max_count of `step` in force on `day`: 1 (*max, *source set), 0
 * none, < 0. */
int store_step_limit(struct store *s, struct arena *a, const char *step, const char *day, int *max,
		     const char **source);

int store_case_subject_set_no(struct store *s, int64_t case_id, int64_t person_id, const char *no);
int store_clue_set_no(struct store *s, int64_t clue_id, const char *no);
/* 1 when a subject of any case has the number, or a clue (kind clue). */
int store_number_taken(struct store *s, const char *kind, const char *no);
/* Every number of the kind given so far (clue: 线索编号, else 立案编号),
 * for a bulk import's set (domain/txmemo.c): the count or < 0. */
int store_numbers_given(struct store *s, struct arena *a, const char *kind, const char ***out);
int store_case_numbers(struct store *s, struct arena *a, int64_t case_id, struct case_number **out);

#endif
