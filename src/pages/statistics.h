#ifndef QF_PAGES_STATISTICS_H
#define QF_PAGES_STATISTICS_H
/*
 * pages/statistics: the staff statistics page (issue 11): a form for the
 * period and the scope, the figures with the lists behind them, and the
 * figures as docx/xlsx/html downloads (pages/statdoc.h).  The query the
 * page reads is shared with its JSON twin (api/statistics.h).
 */
#include "domain/fielderr.h"
#include "model/metrics.h"

struct req;

/* The period and scope of the request's query arguments (year, quarter,
 * month | from, to; unit, campaign_id, category, source, organ, rank,
 * top_leader, leadership, key_persons), within the user's jurisdiction
 * (scope_user).  No period given: this year.  0 valid; 1 invalid, with a
 * Chinese message per argument in fe; -1 the store failed. */
struct stats_query {
	struct metric_period p;
	struct metric_scope s;
	const char *args;       /* the arguments given, as a query string ("year=2022&unit=7") */
};
int stats_query_parse(struct req *r, struct stats_query *q, struct fielderr *fe);

int page_statistics(struct req *r);             /* GET /statistics */
int page_statistics_export(struct req *r);      /* GET /statistics/export?format=docx|xlsx|html */

#endif
