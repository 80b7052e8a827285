/*
 * todo.c: the items of the home page.  Clocks come from the records and
 * the limits in clock_limits, on the working-day calendar; only overdue
 * and due-soon ones are listed (a running clock needs no attention yet).
 * The items come from the providers the families register (todo.h).
 */
#include "domain/todo.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "store/store.h"

static int by_urgency(const void *pa, const void *pb)
{
	const struct todo *a = pa, *b = pb;
	int ra = a->state == CLOCK_OVERDUE ? 0 : a->state == CLOCK_DUE_SOON ? 1 : 2;
	int rb = b->state == CLOCK_OVERDUE ? 0 : b->state == CLOCK_DUE_SOON ? 1 : 2;

	if (ra != rb)
		return ra - rb;
	if (a->due != b->due)
		return (a->due > b->due) - (a->due < b->due);
	return a->seq - b->seq;     /* qsort is not stable */
}

struct todo *todo_add_clock(struct ctx *c, struct todo_acc *acc, const char *clock, const char *what,
			    qf_day start, qf_day due)
{
	const struct clock_limit *lim = clock_find(&acc->clocks, clock);
	enum clock_state st;
	struct todo *t;

	if (!lim || start == QF_DAY_NONE)
		return NULL;
	if (due == QF_DAY_NONE)
		due = clock_due(c->cal, lim, start);
	st = clock_state(c->cal, due, QF_DAY_NONE, acc->today);
	if (st != CLOCK_OVERDUE && st != CLOCK_DUE_SOON)
		return NULL;
	t = arena_push(c->a, &acc->v, &acc->cap, acc->n++, sizeof(*t));
	memset(t, 0, sizeof(*t));
	t->seq = acc->n - 1;
	t->kind = TODO_CLOCK;
	t->what = what ? what : lim->label;
	t->office = "";
	t->start = start;
	t->due = due;
	t->state = st;
	return t;
}

struct todo *todo_add(struct ctx *c, struct todo_acc *acc, const char *what, qf_day start)
{
	struct todo *t = arena_push(c->a, &acc->v, &acc->cap, acc->n++, sizeof(*t));

	memset(t, 0, sizeof(*t));
	t->seq = acc->n - 1;
	t->kind = TODO_APPROVAL;
	t->what = what;
	t->office = "";
	t->start = start;
	t->due = QF_DAY_NONE;
	t->state = CLOCK_RUNNING;
	return t;
}

static int by_order(const void *pa, const void *pb)
{
	const struct todo_provider *const *a = pa, *const *b = pb;
	return ((*a)->order > (*b)->order) - ((*a)->order < (*b)->order);
}

int todo_shown(const struct ctx *c)
{
	QF_FOREACH(todo_providers, const struct todo_provider, p)
		if (authz_has(&c->who, (*p)->perm))
			return 1;
	return 0;
}

int todo_list(struct ctx *c, struct todo **out)
{
	struct todo_acc acc = { .today = date_today() };
	const struct todo_provider *const *p;
	uint64_t commits = store_commits();
	int np;

	/* the second call of a request (the badge, then the page's list) */
	if (c->todo_memo.a == c->a && c->todo_memo.commits == commits && c->todo_memo.a) {
		*out = (struct todo *)c->todo_memo.v;
		return c->todo_memo.n;
	}
	*out = NULL;
	if (clock_table_load(c->db, c->a, &acc.clocks) < 0)
		return -1;
	p = QF_SORTED(c->a, todo_providers, by_order, &np);
	for (int i = 0; i < np; i++)
		if (authz_has(&c->who, p[i]->perm) && p[i]->add(c, &acc) < 0)
			return -1;

	if (acc.n > 1)
		qsort(acc.v, (size_t)acc.n, sizeof(*acc.v), by_urgency);
	*out = acc.v;
	c->todo_memo.v = acc.v;
	c->todo_memo.n = acc.n;
	c->todo_memo.commits = commits;
	c->todo_memo.a = c->a;
	return acc.n;
}

/* ---- the count of the navigation's badge ---------------------------------- */

/* A small direct-mapped cache by user id: a collision only costs a
 * recount.  Guarded by one mutex (held for a copy, never for a count). */
#define COUNT_SLOTS 256
static struct count_slot {
	int64_t user_id;
	uint64_t commits;
	qf_day day;
	int64_t at;
	int count;
} count_cache[COUNT_SLOTS];
static pthread_mutex_t count_mu = PTHREAD_MUTEX_INITIALIZER;

int todo_count(struct ctx *c)
{
	struct count_slot *slot = &count_cache[(uint64_t)c->who.id % COUNT_SLOTS];
	struct count_slot now = { .user_id = c->who.id, .commits = store_commits(),
				  .day = date_today(), .at = c->now };
	struct todo *v;
	int hit = 0, n;

	if (!todo_shown(c))
		return 0;
	pthread_mutex_lock(&count_mu);
	if (slot->user_id == now.user_id && slot->commits == now.commits && slot->day == now.day &&
	    slot->at <= now.at && now.at - slot->at < TODO_COUNT_TTL) {
		hit = 1;
		n = slot->count;
	}
	pthread_mutex_unlock(&count_mu);
	if (hit)
		return n;
	if ((n = todo_list(c, &v)) < 0)
		return -1;
	now.count = n;
	pthread_mutex_lock(&count_mu);
	/* a commit during the count leaves now.commits behind: the next
	 * call counts again */
	*slot = now;
	pthread_mutex_unlock(&count_mu);
	return n;
}
