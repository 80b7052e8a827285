/*
 * report_clock.c: the clocks of a report (DOMAIN.md section 4), where they
 * show: the report page and the home page of the intake office and the
 * unscoped readers; the registry's "overdue" filter (report_list in
 * report.c) reads the stored next_due.
 *
 * The due day of each clock is computed here, from clock_limits on the
 * working-day calendar, when the step that starts it is taken, and stored
 * on the record (reports.*_due, migration 0017) together with next_due,
 * the earliest due day of the clocks still running.  A stored due day is
 * kept by later steps (the extension computes the conclusion's again), so
 * the filter, its totals and the home page are plain SQL on next_due,
 * exact at any volume.  Reports stored before 0017 get theirs once from
 * report_dues_fill, and again after 0021 (with the trial reviews',
 * clock_fill.c); a calendar import computes the running ones again
 * (clock_dues_refill).
 *
 * Each kind of report has its own clocks (migration 0021):
 *
 *   any kind
 *     report_transfer        received -> transferred (other-level reports)
 *     report_forwarded_in    received -> accepted, not accepted or passed on
 *                            (channel transfer: forwarded to us)
 *   accusation (检举控告, the rules on handling accusations, 2020)
 *     report_accept_notice   received -> notified_accept (real-name, handled
 *                            here: not repeated, not for other levels)
 *     report_outcome_notice  concluded -> notified_outcome (real-name)
 *   petition (信访, the Regulations on Letters and Visits, 2022)
 *     petition_accept        received -> the acceptance decision or transfer
 *     petition_conclude      accepted -> concluded (+ petition_extension once extended)
 *   other: none of its own
 *
 * The due days follow clock_due (clocks.c): the limit version of the
 * start day and the rest-day rule for calendar-day limits.
 */
#include "domain/report.h"

#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/role.h"
#include "domain/todo.h"
#include "store/q_reports.h"
#include "store/q_settings.h"

static qf_day day_of(const char *s)
{
	return s ? date_parse(s) : QF_DAY_NONE;
}

static const char *day_text(struct ctx *c, qf_day d)
{
	return d == QF_DAY_NONE ? NULL : date_format(d, arena_alloc(c->a, 11));
}

/* Adds a clock started on `start`, due on the stored day `due` when there
 * is one: the clock, or NULL when it has none. */
static struct report_clock *add(struct ctx *c, const struct clock_table *t, qf_day today,
				struct report_clock *out, int *n, const char *clock, const char *start,
				const char *done, const char *due)
{
	const struct clock_limit *l = clock_find(t, clock);
	struct report_clock *k;

	if (!l || day_of(start) == QF_DAY_NONE)
		return NULL;
	k = &out[(*n)++];
	k->clock = l->clock;
	k->label = l->label;
	k->start = day_of(start);
	k->source = clock_version_at(l, k->start)->source;
	k->due = due ? day_of(due) : clock_due(c->cal, l, k->start);
	k->done = day_of(done);
	k->state = clock_state(c->cal, k->due, k->done, today);
	return k;
}

static int is_kind(const struct report *k, const char *kind)
{
	return k->kind && !strcmp(k->kind, kind);
}

int report_clocks(struct ctx *c, const struct clock_table *t, const struct report *k, qf_day today,
		  struct report_clock *out)
{
	int n = 0, accepted = !strcmp(k->state, "accepted") || !strcmp(k->state, "concluded");
	const char *decided = k->accepted ? k->accepted : k->transferred;

	if (k->other_level)
		add(c, t, today, out, &n, "report_transfer", k->received, k->transferred, k->transfer_due);
	if (k->channel && !strcmp(k->channel, "transfer"))
		add(c, t, today, out, &n, "report_forwarded_in", k->received, decided, k->forwarded_due);
	if (is_kind(k, "accusation")) {
		/* not for repeated reports, nor for those forwarded elsewhere */
		if (k->real_name && !k->repeated && !k->other_level && strcmp(k->state, "transferred"))
			add(c, t, today, out, &n, "report_accept_notice", k->received, k->notified_accept,
			    k->accept_notice_due);
		if (k->real_name && k->concluded)
			add(c, t, today, out, &n, "report_outcome_notice", k->concluded,
			    k->notified_outcome, k->outcome_notice_due);
	} else if (is_kind(k, "petition")) {
		add(c, t, today, out, &n, "petition_accept", k->received, decided, k->accept_due);
		if (accepted) {
			struct report_clock *x = add(c, t, today, out, &n, "petition_conclude", k->accepted,
						     k->concluded, k->conclude_due);
			const struct clock_limit *ext = clock_find(t, "petition_extension");
			/* a stored due day has its extension already */
			if (x && k->extended && ext && !k->conclude_due) {
				x->due = clock_due_extended(c->cal, clock_find(t, "petition_conclude"), ext,
							    x->start);
				x->state = clock_state(c->cal, x->due, x->done, today);
			}
		}
	}
	return n;
}

/* The member of k that stores the due day of `clock`, NULL for none. */
static const char **due_member(struct report *k, const char *clock)
{
	static const struct {
		const char *clock;
		size_t off;
	} members[] = {
		{ "petition_accept", offsetof(struct report, accept_due) },
		{ "report_transfer", offsetof(struct report, transfer_due) },
		{ "report_accept_notice", offsetof(struct report, accept_notice_due) },
		{ "petition_conclude", offsetof(struct report, conclude_due) },
		{ "report_outcome_notice", offsetof(struct report, outcome_notice_due) },
		{ "report_forwarded_in", offsetof(struct report, forwarded_due) },
	};

	for (size_t i = 0; i < sizeof(members) / sizeof(members[0]); i++)
		if (!strcmp(members[i].clock, clock))
			return (const char **)((char *)k + members[i].off);
	return NULL;
}

void report_dues(struct ctx *c, const struct clock_table *t, struct report *k)
{
	struct report_clock clk[REPORT_MAX_CLOCKS];
	int n = report_clocks(c, t, k, date_today(), clk);
	qf_day next = QF_DAY_NONE;

	for (int i = 0; i < n; i++) {
		const char **m = due_member(k, clk[i].clock);
		if (m)
			*m = day_text(c, clk[i].due);
		if (clk[i].done == QF_DAY_NONE && clk[i].due != QF_DAY_NONE &&
		    (next == QF_DAY_NONE || clk[i].due < next))
			next = clk[i].due;
	}
	k->next_due = day_text(c, next);
}

/* drops k's stored due days: report_dues computes them all again */
static void dues_clear(struct report *k)
{
	k->accept_due = k->transfer_due = k->accept_notice_due = NULL;
	k->conclude_due = k->outcome_notice_due = k->forwarded_due = NULL;
}

int report_dues_recompute(struct ctx *c, struct store *s, int64_t id)
{
	struct clock_table t;
	struct report k;

	if (store_report_get(s, c->a, id, &k) != 1 || clock_table_load(s, c->a, &t) < 0)
		return -1;
	dues_clear(&k);
	report_dues(c, &t, &k);
	return store_report_set_dues(s, id, &k) < 0 ? -1 : 0;
}

int report_dues_store(struct ctx *c, struct store *s, int64_t id)
{
	struct clock_table t;
	struct report k;

	if (store_report_get(s, c->a, id, &k) != 1 || clock_table_load(s, c->a, &t) < 0)
		return -1;
	report_dues(c, &t, &k);
	return store_report_set_dues(s, id, &k) < 0 ? -1 : 0;
}

#define FILLED_KEY "report_dues_filled"

/* 1 while the fill after the migration is still to be done, 0, or -1. */
static int fill_pending(struct store *s, struct arena *a)
{
	return store_setting_is(s, a, FILLED_KEY, "0");
}

int report_dues_refill(struct ctx *c, struct store *s, const struct calendar *cal)
{
	const struct calendar *saved = c->cal;
	struct clock_table t;
	struct report *v;
	int n, rc = 0;

	if (clock_table_load(s, c->a, &t) < 0)
		return -1;
	n = store_reports_open(s, c->a, &v);
	c->cal = cal;
	for (int i = 0; i < n && !rc; i++) {
		dues_clear(&v[i]);
		report_dues(c, &t, &v[i]);
		rc = store_report_set_dues(s, v[i].id, &v[i]) < 0 ? -1 : 0;
	}
	c->cal = saved;
	return n < 0 ? -1 : rc;
}

static int fill_tx(struct store *s, void *arg)
{
	struct ctx *c = arg;
	int rc = fill_pending(s, c->a);

	if (rc <= 0)
		return rc;      /* 0: another process filled them meanwhile */
	if (clock_dues_refill(c, s, c->cal) < 0)
		return -1;
	return store_setting_set(s, FILLED_KEY, "1") < 0 ? -1 : 0;
}

int report_dues_fill(struct ctx *c)
{
	int rc = fill_pending(c->db, c->a);

	return rc <= 0 ? rc : store_tx(c->db, fill_tx, c);
}

/* The home page (todo.h): the overdue and due-soon clocks of reports, for the
 * intake office (PERM_REPORT_WRITE) and the unscoped readers.  A report has
 * several clocks, worked out in C: the reports with one listed are all read
 * and their clocks counted here (todo_counted). */
static int report_todo(struct ctx *c, struct todo_acc *acc)
{
	struct report_clock clk[REPORT_MAX_CLOCKS];
	struct report *v;
	const char *before;
	int n;

	/* the intake clerks' clocks, and the case manager's overview of
	 * everyone's (leaders read reports but are not chased by them) */
	if (!authz_has(&c->who, PERM_REPORT_WRITE) && strcmp(c->who.role ? c->who.role : "", "case_manager"))
		return 0;
	if (!todo_wants(acc, TODO_B_OVERDUE, "信访室"))
		return 0;
	/* the reports with a clock overdue or due within 3 working days:
	 * due before the 4th working day after today */
	before = day_text(c, calendar_add_workdays(c->cal, acc->today, 4));
	n = store_reports_due(c->db, c->a, authz_scope_user(c), before ? before : "", &v);
	for (int i = 0; i < n; i++) {
		int nc = report_clocks(c, &acc->clocks, &v[i], acc->today, clk);
		for (int j = 0; j < nc; j++) {
			struct todo *t;
			if (clk[j].done != QF_DAY_NONE)
				continue;
			t = todo_add_clock(c, acc, clk[j].clock, NULL, clk[j].start, clk[j].due);
			if (!t)
				continue;
			t->office = "信访室";
			if (!todo_counted(c, acc, t))
				continue;
			t->object = arena_printf(c->a, "信访举报 %" PRId64 "（%s）", v[i].id,
						 *v[i].unit_name ? v[i].unit_name : "未指明单位");
			t->href = arena_printf(c->a, "/reports/%" PRId64, v[i].id);
		}
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER(report_todo_provider, 30, PERM_REPORT_READ, report_todo);
