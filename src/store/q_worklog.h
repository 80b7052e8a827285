#ifndef QF_Q_WORKLOG_H
#define QF_Q_WORKLOG_H
/*
 * q_worklog: the statements of the work log (activity_kinds, activities)
 * and the document register (registered_docs), migration 0060.  Counts
 * and ids as results; < 0 a store code.
 */
#include <stdint.h>

#include "model/metrics.h"
#include "model/worklog.h"

struct arena;
struct store;

/* the catalog, in its order (inactive ones too): the count */
int store_activity_kinds(struct store *s, struct arena *a, struct activity_kind **out);
/* one kind: 1, 0 none */
int store_activity_kind_get(struct store *s, struct arena *a, const char *code, struct activity_kind *out);
/* inserts or changes a kind (code the key): 0 */
int store_activity_kind_put(struct store *s, const struct activity_kind *k);
/* the activities of a kind (any day) */
int64_t store_activity_kind_used(struct store *s, const char *code);

int64_t store_activity_insert(struct store *s, const struct activity *v, int64_t user_id, int64_t now);
int store_activity_get(struct store *s, struct arena *a, int64_t id, struct activity *out);
int64_t store_activity_count(struct store *s, const struct activity_filter *f);
int store_activity_list(struct store *s, struct arena *a, const struct activity_filter *f, struct activity **out);
/* sums over the list's filter: count and participants */
int store_activity_sums(struct store *s, struct arena *a, const struct activity_filter *f, int64_t *count,
			int64_t *participants);

int64_t store_regdoc_insert(struct store *s, const struct regdoc *d, int64_t user_id, int64_t now);
/* the reader's view: the title withheld (hidden 1) unless f's reader may see it */
int store_regdoc_get(struct store *s, struct arena *a, int64_t id, struct regdoc *out);
int store_regdoc_set_state(struct store *s, int64_t id, const char *state);
int64_t store_regdoc_count(struct store *s, const struct regdoc_filter *f);
int store_regdoc_list(struct store *s, struct arena *a, const struct regdoc_filter *f, struct regdoc **out);
/* received documents not filed whose due day is on or before `last` */
int store_regdocs_due(struct store *s, struct arena *a, const char *last, int limit, struct regdoc **out);

/* statistics: the sum of count (what 0 participants, 1 participants) of
 * the activities in the period and scope (unit, campaign, category,
 * activity kinds); the documents of direction ("" both) registered in the period */
int store_metric_activities(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			    int what, int64_t *out);
int store_metric_regdocs(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			 const char *direction, int64_t *out);

#endif
