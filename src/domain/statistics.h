#ifndef QF_DOMAIN_STATISTICS_H
#define QF_DOMAIN_STATISTICS_H
/*
 * domain/statistics: what the statistics page records (issue 11): an
 * export of the figures (who downloaded which period and scope, in which
 * format) is an audit entry of its own; the period as typed is checked
 * here for every front end.
 */
#include "domain/audit_events.h"
#include "model/metrics.h"

struct arena;
struct ctx;

/* The period of year (with quarter or month) or of from and to, each a
 * text as typed (NULL or "" when not given), checked once for the report
 * command, the statistics page and its API: NULL when valid (*p set,
 * from arena a), else a Chinese message naming the problem and *field the
 * argument it is about (year, quarter, month, from, to).  Nothing given
 * is an error on field "year". */
const char *stats_period_of(struct arena *a, const char *year, const char *quarter, const char *month,
			    const char *from, const char *to, struct metric_period *p, const char **field);

QF_AUDIT_EVENT_DECL(STATS_EXPORT);

/* Audits the export of the figures of p and scope (in words) as format
 * (docx, xlsx, html).  0, or -1 when the entry could not be written. */
int stats_export_record(struct ctx *c, const char *format, const struct metric_period *p,
			const char *scope_words);

#endif
