/*
 * report_clock.c: the clocks of a report (DOMAIN.md section 4), where they
 * show: the report page, the registry's "overdue" filter, and the home
 * page of the intake office and the unscoped readers.
 *
 *   petition_accept        received -> the acceptance decision or transfer
 *   report_transfer        received -> transferred (other-level reports)
 *   report_accept_notice   received -> notified_accept (real-name)
 *   petition_conclude      accepted -> concluded (+ petition_extension once extended)
 *   report_outcome_notice  concluded -> notified_outcome (real-name)
 */
#include "domain/report.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/role.h"
#include "domain/todo.h"
#include "store/queries.h"

static qf_day day_of(const char *s)
{
	return s ? date_parse(s) : QF_DAY_NONE;
}

/* Adds a clock started on `start`: the clock, or NULL when it has none. */
static struct report_clock *add(struct ctx *c, const struct clock_table *t, qf_day today,
				struct report_clock *out, int *n, const char *clock, const char *start,
				const char *done)
{
	const struct clock_limit *l = clock_find(t, clock);
	struct report_clock *k;

	if (!l || day_of(start) == QF_DAY_NONE)
		return NULL;
	k = &out[(*n)++];
	k->clock = l->clock;
	k->label = l->label;
	k->start = day_of(start);
	k->due = clock_due(c->cal, l, k->start);
	k->done = day_of(done);
	k->state = clock_state(c->cal, k->due, k->done, today);
	return k;
}

int report_clocks(struct ctx *c, const struct clock_table *t, const struct report *k, qf_day today,
		  struct report_clock *out)
{
	int n = 0, accepted = !strcmp(k->state, "accepted") || !strcmp(k->state, "concluded");

	add(c, t, today, out, &n, "petition_accept", k->received,
	    k->accepted ? k->accepted : k->transferred);
	if (k->other_level)
		add(c, t, today, out, &n, "report_transfer", k->received, k->transferred);
	if (k->real_name)
		add(c, t, today, out, &n, "report_accept_notice", k->received, k->notified_accept);
	if (accepted) {
		struct report_clock *x = add(c, t, today, out, &n, "petition_conclude", k->accepted,
					     k->concluded);
		const struct clock_limit *ext = clock_find(t, "petition_extension");
		if (x && k->extended && ext) {
			x->due = clock_due(c->cal, ext, x->due);
			x->state = clock_state(c->cal, x->due, x->done, today);
		}
	}
	if (k->real_name && k->concluded)
		add(c, t, today, out, &n, "report_outcome_notice", k->concluded, k->notified_outcome);
	return n;
}

static int any_overdue(const struct report_clock *v, int n)
{
	for (int i = 0; i < n; i++)
		if (v[i].state == CLOCK_OVERDUE)
			return 1;
	return 0;
}

#define OVERDUE_SCAN 5000

/* The overdue filter is on the working-day calendar, not in SQL: the
 * matching reports are read (up to OVERDUE_SCAN), filtered and paged here. */
static int list_overdue(struct ctx *c, struct report_query *rq, struct report **out, int64_t *total)
{
	struct report_clock clk[REPORT_MAX_CLOCKS];
	struct clock_table t;
	struct report *v;
	int offset = rq->lq.offset, limit = rq->lq.limit, n, kept = 0;
	qf_day today = date_today();

	if (clock_table_load(c->db, c->a, &t) < 0)
		return -1;
	rq->lq.offset = 0;
	rq->lq.limit = OVERDUE_SCAN;
	n = store_report_list(c->db, c->a, &rq->lq, &v);
	rq->lq.offset = offset;
	rq->lq.limit = limit;
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (any_overdue(clk, report_clocks(c, &t, &v[i], today, clk)))
			v[kept++] = v[i];
	*total = kept;
	*out = offset < kept ? v + offset : NULL;
	return offset < kept ? (kept - offset < limit ? kept - offset : limit) : 0;
}

int report_list(struct ctx *c, struct report_query *rq, struct report **out, int64_t *total)
{
	*out = NULL;
	rq->lq.scope_user = authz_scope_user(c);
	if (rq->overdue)
		return list_overdue(c, rq, out, total);
	*total = store_report_count(c->db, &rq->lq);
	if (*total < 0)
		return -1;
	return store_report_list(c->db, c->a, &rq->lq, out);
}

int report_todo(struct ctx *c, struct todo_acc *acc)
{
	struct report_clock clk[REPORT_MAX_CLOCKS];
	struct report *v;
	int n;

	/* the intake clerks' clocks, and the case manager's overview of
	 * everyone's (leaders read reports but are not chased by them) */
	if (!authz_has(&c->who, PERM_REPORT_WRITE) && strcmp(c->who.role ? c->who.role : "", "case_manager"))
		return 0;
	n = store_reports_open(c->db, c->a, authz_scope_user(c), &v);
	for (int i = 0; i < n; i++) {
		int nc = report_clocks(c, &acc->clocks, &v[i], acc->today, clk);
		for (int j = 0; j < nc; j++) {
			struct todo *t;
			if (clk[j].done != QF_DAY_NONE)
				continue;
			t = todo_add_clock(c, acc, clk[j].clock, NULL, clk[j].start, clk[j].due);
			if (!t)
				continue;
			t->object = arena_printf(c->a, "信访举报 %" PRId64 "（%s）", v[i].id,
						 *v[i].unit_name ? v[i].unit_name : "未指明单位");
			t->href = arena_printf(c->a, "/reports/%" PRId64, v[i].id);
			t->office = "信访室";
		}
	}
	return n < 0 ? -1 : 0;
}
