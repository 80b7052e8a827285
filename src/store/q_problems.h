#ifndef QF_Q_PROBLEMS_H
#define QF_Q_PROBLEMS_H
/*
 * q_problems: the typed calls of the rectification ledger (migration
 * 0052, domain/problem.h).  Lists and lookups are bounded by the scope
 * user's jurisdiction (q_scope.h) on the problem's unit.  Results as
 * store.h: ids, counts or negative codes; text in the arena.
 */
#include <stdint.h>

#include "core/arena.h"
#include "model/metrics.h"
#include "model/problem.h"
#include "store/store.h"

int64_t store_problem_insert(struct store *s, const struct problem *p, int64_t user_id, int64_t now);
/* The fields the office edits (unit, source, links, summary, days, flag): changed rows. */
int store_problem_update(struct store *s, const struct problem *p);
/* 1 found (within scope_user's jurisdiction: 0 any), 0 not, < 0. */
int store_problem_get(struct store *s, struct arena *a, int64_t id, int64_t scope_user, const char *today,
		      struct problem *out);
/* from -> to when the state is still `from` (and unconfirmed): changed
 * rows.  measures NULL keeps them; rectified: the day for "rectified",
 * cleared otherwise. */
int store_problem_set_state(struct store *s, int64_t id, const char *from, const char *to,
			    const char *measures, const char *rectified);
/* rectified and unconfirmed -> confirmed by user on day: changed rows. */
int store_problem_confirm(struct store *s, int64_t id, int64_t user_id, const char *day);
int store_problem_step_add(struct store *s, int64_t problem_id, int64_t at, int64_t user_id,
			   const char *user_name, const char *step, const char *note);
int store_problem_steps(struct store *s, struct arena *a, int64_t problem_id, struct problem_step **out);

int64_t store_problem_count(struct store *s, const struct problem_filter *f);
/* A page of the ledger; count: store_problem_count's answer for the same
 * filter, just taken (< 0: none), which picks a scoped user's statement
 * (q_scope.h Q_SCOPE_PAGE_VARIANT).  The rows do not depend on it. */
int store_problem_list(struct store *s, struct arena *a, const struct problem_filter *f, int64_t count,
		       struct problem **out);
/* Not rectified and due on or before `last` (the to-do): at most `limit`, the earliest due first. */
int store_problems_due(struct store *s, struct arena *a, int64_t scope_user, const char *last, int limit,
		       struct problem **out);
/* The problems per source code under the filter: n rows of (code, count). */
int store_problem_by_source(struct store *s, struct arena *a, const struct problem_filter *f,
			    struct problem_count **out);
/* The interchange: the id of the problem with ext_id, 0 none, < 0. */
int64_t store_problem_by_ext(struct store *s, const char *ext_id);

/* statistics (QF_METRIC in domain/problem.c) */
#define Q_METRIC_PROBLEM_SCOPES \
	(METRIC_SCOPE_UNIT | METRIC_SCOPE_CAMPAIGN | METRIC_SCOPE_CATEGORY | METRIC_SCOPE_KIND)
int store_metric_problems_found(struct store *db, const struct metric_period *p, const struct metric_scope *s,
				int64_t *out);
int store_metric_problems_rectified(struct store *db, const struct metric_period *p,
				    const struct metric_scope *s, int64_t *out);
int store_metric_problems_top_leader(struct store *db, const struct metric_period *p,
				     const struct metric_scope *s, int64_t *out);
/* found in the period, of the nature common (共性) or individual (个性), 0062 */
int store_metric_problems_common(struct store *db, const struct metric_period *p, const struct metric_scope *s,
				 int64_t *out);
int store_metric_problems_individual(struct store *db, const struct metric_period *p,
				     const struct metric_scope *s, int64_t *out);

#endif
