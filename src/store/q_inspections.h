#ifndef QF_Q_INSPECTIONS_H
#define QF_Q_INSPECTIONS_H
/*
 * q_inspections: the typed calls of inspections (巡察, migration 0055,
 * domain/inspection.h).  Need-to-know is the domain's (need_to_know.h):
 * the lists take the user whose inspections to list (0: every one).
 * Results as store.h: ids, counts or negative codes; text in the arena.
 */
#include <stdint.h>

#include "core/arena.h"
#include "model/inspection.h"
#include "model/metrics.h"
#include "store/store.h"

int64_t store_round_insert(struct store *s, const struct inspection_round *r, int64_t user_id, int64_t now);
/* 1 found, 0 not, < 0. */
int store_round_get(struct store *s, struct arena *a, int64_t id, struct inspection_round *out);
/* the id of the round (year, number), 0 none, < 0 */
int64_t store_round_find(struct store *s, int year, int number);
/* every round, the latest first: the row count */
int store_round_list(struct store *s, struct arena *a, struct inspection_round **out);

int64_t store_inspection_insert(struct store *s, const struct inspection *i, int64_t user_id, int64_t now);
int store_inspection_get(struct store *s, struct arena *a, int64_t id, struct inspection *out);
int store_inspection_exists(struct store *s, int64_t id);
/* round_id 0: any round; member 0: every inspection, else those member
 * is on: the row count */
int store_inspection_list(struct store *s, struct arena *a, int64_t round_id, int64_t member,
			  struct inspection **out);
/* the feedback day and the report's due day it starts: changed rows */
int store_inspection_set_feedback(struct store *s, int64_t id, const char *feedback, const char *due);
/* the day the rectification report was received (feedback given): changed rows */
int store_inspection_set_reported(struct store *s, int64_t id, const char *day);

int store_inspection_member_has(struct store *s, int64_t inspection_id, int64_t user_id);
/* 1 added, 0 already a member, < 0 */
int store_inspection_member_add(struct store *s, const struct inspection_member *m, int64_t now);
int store_inspection_members(struct store *s, struct arena *a, int64_t inspection_id,
			     struct inspection_member **out);

/* a round's figures (model/inspection.h), from the records: 0 or < 0 */
int store_round_figures(struct store *s, int64_t round_id, struct inspection_figures *out);
/* the reports not received, due on or before `last`: at most `limit`, the earliest due first */
int store_inspections_due(struct store *s, struct arena *a, const char *last, int limit, struct inspection **out);

/* the inspections whose report runs (feedback given, report not received) */
int store_inspections_running(struct store *s, struct arena *a, struct inspection **out);

/* clues.inspection_id of a clue of source inspection (inside the
 * registering transaction): changed rows */
int store_clue_set_inspection(struct store *s, int64_t clue_id, int64_t inspection_id);
/* the inspection a clue was transferred by, 0 none, < 0 */
int64_t store_clue_inspection(struct store *s, int64_t clue_id);
int store_inspection_clues(struct store *s, struct arena *a, int64_t inspection_id, struct inspection_clue **out);

/* statistics (QF_METRIC in domain/inspection.c): the rounds started in
 * the period (organisations, of a kind, groups, staff lent), the findings
 * found and the clues received in it (of an inspection); scope: the
 * inspected unit, the round */
#define Q_METRIC_INSPECTION_SCOPES (METRIC_SCOPE_UNIT | METRIC_SCOPE_ROUND)
#define Q_METRIC_INSPECTION_FN(NAME) \
	int store_metric_inspection_##NAME(struct store *db, const struct metric_period *p, \
					   const struct metric_scope *s, int64_t *out)
Q_METRIC_INSPECTION_FN(orgs);
Q_METRIC_INSPECTION_FN(orgs_regular);
Q_METRIC_INSPECTION_FN(orgs_elevated);
Q_METRIC_INSPECTION_FN(groups);
Q_METRIC_INSPECTION_FN(problems);
Q_METRIC_INSPECTION_FN(top_leader);
Q_METRIC_INSPECTION_FN(clues);
Q_METRIC_INSPECTION_FN(lent);

#endif
