/*
 * bad_review.c: the bad-review loop (domain/bad_review.h): opening with
 * its two clocks, the unit's call-back and fix, the citizen's follow-up
 * rating, the list and the home-page to-dos.
 *
 * Guarantees: the due days come from clock_due on the working-day
 * calendar with the limits of clock_limit_versions in force on the
 * rating's day (DOMAIN.md section 4: call back 1 working day, fix 15
 * working days); a step is taken only from its state and only on a
 * review of the actor's units, audited in its transaction; a follow-up
 * rating is accepted once.
 */
#include "domain/bad_review.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "domain/rating.h"
#include "domain/result.h"
#include "domain/todo.h"
#include "store/q_ratings.h"
#include "store/store.h"

QF_AUDIT_EVENT(BAD_REVIEW_CALLBACK, "bad_review_callback", "差评回访");
QF_AUDIT_EVENT(BAD_REVIEW_FIX, "bad_review_fix", "差评整改");
QF_AUDIT_OBJECT(bad_review, "差评");

const struct label bad_review_states[] = {
	{ "open", "待回访" },
	{ "called_back", "已回访，整改中" },
	{ "fixed", "已整改" },
	{ NULL, NULL }
};

static const char *day_text(struct ctx *c, qf_day d)
{
	char buf[16];

	if (d == QF_DAY_NONE)
		return NULL;
	date_format(d, buf);
	return arena_strdup(c->a, buf);
}

/* The due days of the two clocks of a review opened on day: 0 or -1. */
static int dues(struct ctx *c, const struct calendar *cal, const struct clock_table *t, const char *day,
		const char **callback_due, const char **fix_due)
{
	const struct clock_limit *cb = clock_find(t, "bad_rating_callback");
	const struct clock_limit *fx = clock_find(t, "bad_rating_fix");
	qf_day start = date_parse(day);

	if (!cb || !fx)
		return -1;
	*callback_due = day_text(c, clock_due(cal, cb, start));
	*fix_due = day_text(c, clock_due(cal, fx, start));
	return *callback_due && *fix_due ? 0 : -1;
}

int bad_review_dues(struct ctx *c, const char *day, const char **callback_due, const char **fix_due)
{
	struct clock_table t;

	if (clock_table_load(c->db, c->a, &t) < 0)
		return -1;
	return dues(c, c->cal, &t, day, callback_due, fix_due);
}

int bad_review_dues_refill(struct ctx *c, struct store *s, const struct calendar *cal)
{
	struct clock_table t;
	struct bad_review *v;
	int n;

	if (clock_table_load(s, c->a, &t) < 0)
		return -1;
	n = store_bad_reviews_running(s, c->a, &v);
	for (int i = 0; i < n; i++) {
		const char *cb, *fx;
		if (dues(c, cal, &t, v[i].opened, &cb, &fx) < 0 || store_bad_review_set_dues(s, v[i].id, cb, fx) < 0)
			return -1;
	}
	return n < 0 ? -1 : 0;
}

int64_t bad_review_open(struct ctx *c, struct store *s, const struct clock_table *t, int64_t rating_id,
			int64_t unit_id, const char *day, const char *idem_key, const char *shown)
{
	struct bad_review v = { .rating_id = rating_id, .unit_id = unit_id, .opened = day };
	char code[RATING_CODE_SHOWN + 1], hash[65];

	if (dues(c, c->cal, t, day, &v.callback_due, &v.fix_due) < 0)
		return -1;
	if (shown)
		snprintf(code, sizeof(code), "%s", shown);
	else if (rating_code_of(c, RATING_FOLLOWUP_CODE, idem_key, code) < 0)
		return -1;
	if (rating_code_hash(c, code, hash) < 0)
		return -1;
	return store_bad_review_insert(s, &v, hash);
}

int bad_review_get(struct ctx *c, int64_t id, struct bad_review *out)
{
	/* read, then the jurisdiction of its unit: a denial is audited (authz_unit) */
	int rc = store_bad_review_get(c->db, c->a, id, 0, out);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	rc = authz_unit(c, out->unit_id, arena_printf(c->a, "bad_review/%" PRId64, id));
	return rc < 0 ? RES_STORE : rc ? RES_DONE : RES_NOT_FOUND;
}

int bad_review_list(struct ctx *c, struct bad_review_filter *f, struct bad_review **out, int64_t *total)
{
	f->scope_user = authz_scope_user(c);
	f->due_before = NULL;
	*total = store_bad_review_count(c->db, f);
	if (*total < 0)
		return -1;
	return store_bad_review_list(c->db, c->a, f, out);
}

struct step_arg {
	struct ctx *c;
	int64_t id;
	const char *from, *to, *note;
	const struct audit_event *ev;
	int changed;
};

static int step_tx(struct store *s, void *arg)
{
	struct step_arg *sa = arg;
	struct ctx *c = sa->c;

	sa->changed = store_bad_review_step(s, sa->id, sa->from, sa->to, rating_day_of(c, c->now), sa->note);
	if (sa->changed <= 0)
		return sa->changed < 0 ? -1 : 0;
	return audit_append(c, sa->ev, arena_printf(c->a, "bad_review/%" PRId64, sa->id), 1,
			    label_of(bad_review_states, sa->to));
}

/* one step from `from` to `to`; `what` names it in the refusal of a wrong
 * state (登记回访, 登记整改) */
static int step(struct ctx *c, int64_t id, const char *from, const char *to, const char *what, const char *note,
		const struct audit_event *ev, struct fielderr *fe)
{
	struct step_arg sa = { .c = c, .id = id, .from = from, .to = to, .note = note, .ev = ev };
	struct bad_review v;
	int rc;

	fielderr_len(c->a, fe, "note", "情况说明", note, BAD_REVIEW_NOTE_MAX);
	if (fe->n)
		return RES_INVALID;
	if ((rc = bad_review_get(c, id, &v)) != RES_DONE)
		return rc;
	if (strcmp(v.state, from)) {
		fielderr_add(fe, "state", arena_printf(c->a, "该差评%s，不能%s", label_of(bad_review_states, v.state),
						       what));
		return RES_INVALID;
	}
	if (store_tx(c->db, step_tx, &sa) < 0)
		return RES_STORE;
	if (!sa.changed) {
		fielderr_add(fe, "state", "该差评刚被他人处理，请刷新页面");
		return RES_INVALID;
	}
	return RES_DONE;
}

int bad_review_callback(struct ctx *c, int64_t id, const char *note, struct fielderr *fe)
{
	return step(c, id, "open", "called_back", "登记回访", note, AEV_BAD_REVIEW_CALLBACK, fe);
}

int bad_review_fix(struct ctx *c, int64_t id, const char *note, struct fielderr *fe)
{
	if (!note || !*note)
		fielderr_add(fe, "note", "请填写整改情况");
	return step(c, id, "called_back", "fixed", "登记整改", note, AEV_BAD_REVIEW_FIX, fe);
}

int bad_review_by_code(struct ctx *c, const char *typed, struct bad_review *out)
{
	char hash[65];
	int rc;

	if (rating_code_hash(c, typed, hash) < 0)
		return RES_NOT_FOUND;
	rc = store_bad_review_by_code(c->db, c->a, hash, out);
	return rc < 0 ? RES_STORE : rc ? RES_DONE : RES_NOT_FOUND;
}

int bad_review_followup_in_tx(struct ctx *c, const char *typed, int stars, const char *day)
{
	struct bad_review v;
	int rc;

	if (stars < 1 || stars > 5)
		return 0;
	rc = bad_review_by_code(c, typed, &v);
	if (rc != RES_DONE)
		return rc == RES_NOT_FOUND ? 0 : -1;
	if (v.followup_stars)
		return 0;
	return store_bad_review_followup(c->db, v.id, stars, day);
}

/* ---- the home page's to-dos (DOMAIN.md section 4) ------------------------ */

/* the to-do of one of a review's clocks, when it needs attention */
static void review_clock(struct ctx *c, struct todo_acc *acc, const struct bad_review *v, const char *clock,
			 const char *due)
{
	struct todo *t = todo_add_clock(c, acc, clock, NULL, date_parse(v->opened), date_parse(due));

	if (!t)
		return;
	t->object = arena_printf(c->a, "差评 %" PRId64 "（%s）", v->id, v->unit_name);
	t->href = arena_printf(c->a, "/ratings/bad/%" PRId64, v->id);
	t->office = v->unit_name;
}

static int review_todo(struct ctx *c, struct todo_acc *acc)
{
	struct bad_review_filter f = { .page = { 0, 500 } };
	struct bad_review *v;
	int n;

	f.scope_user = authz_scope_user(c);
	/* a clock not done and due within 3 working days or overdue: due
	 * before the 4th working day after today */
	f.due_before = day_text(c, calendar_add_workdays(c->cal, acc->today, 4));
	n = store_bad_review_list(c->db, c->a, &f, &v);
	for (int i = 0; i < n; i++) {
		if (!strcmp(v[i].state, "open"))
			review_clock(c, acc, &v[i], "bad_rating_callback", v[i].callback_due);
		if (strcmp(v[i].state, "fixed"))
			review_clock(c, acc, &v[i], "bad_rating_fix", v[i].fix_due);
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER(review_todo_provider, 50, PERM_RATING_WORK, review_todo);
