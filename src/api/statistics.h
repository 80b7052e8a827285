#ifndef QF_API_STATISTICS_H
#define QF_API_STATISTICS_H
/*
 * api/statistics: the JSON of computed figures (statistics.c), one
 * format for `qingfeng report --format json` and any API that answers
 * figures (docs/statistics.md, "The command").
 */
#include <jansson.h>

#include "model/metrics.h"

struct arena;

/* {"period": {from, to}, "scope": {...}, "metrics": [{key, zh, kind,
 * value, display, applicable, list}]}: value exact (a count, fen, or
 * {num, den}; null when not applicable), list the link behind the figure.
 * A new reference, NULL when out of memory. */
json_t *api_metrics_json(struct arena *a, const struct metric_period *p, const struct metric_scope *s,
			 const struct metric_value *v, int n);

/* GET /api/statistics: the figures of the period and scope of the query
 * (pages/statistics.h), as above. */
struct req;
int api_statistics(struct req *r);

#endif
