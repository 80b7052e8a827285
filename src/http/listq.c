/*
 * listq.c: the filters every record list shares (registry pages and their
 * JSON twins read the same query arguments): subject, state, source,
 * unit_id, campaign_id, from, to, overdue.
 */
#include "http/http.h"

#include <string.h>

#include "model/list.h"
#include "http/form.h"

void req_list_query(struct req *r, struct list_query *lq)
{
	long long unit = 0, campaign = 0;
	const char *overdue = req_arg(r, "overdue");

	memset(lq, 0, sizeof(*lq));
	lq->success = -1;
	lq->kind = "";
	lq->q = req_arg(r, "subject");
	lq->state = req_arg(r, "state");
	lq->source = req_arg(r, "source");
	lq->day_from = req_arg(r, "from");
	lq->day_to = req_arg(r, "to");
	form_get_int(&r->query, "unit_id", &unit);
	form_get_int(&r->query, "campaign_id", &campaign);
	lq->unit_id = unit;
	lq->campaign_id = campaign;
	lq->overdue = overdue[0] && strcmp(overdue, "0") != 0;
}

void req_report_query(struct req *r, struct report_query *rq)
{
	memset(rq, 0, sizeof(*rq));
	req_list_query(r, &rq->lq);
	rq->channel = req_arg(r, "channel");
	rq->category = req_arg(r, "category");
	rq->overdue = rq->lq.overdue;
}
