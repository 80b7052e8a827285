/*
 * todo.c: the items of the home page.  Clocks come from the records and
 * the limits in clock_limits, on the working-day calendar; only overdue
 * and due-soon ones are listed (a running clock needs no attention yet).
 * The items come from the providers the families register (todo.h):
 * each counts its items in SQL and adds at most offset + limit of them,
 * its most urgent; todo_list merges them and keeps the slice asked for.
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
#include "domain/kept.h"
#include "store/q_todo.h"
#include "store/store.h"

enum todo_bucket todo_bucket_of(const struct todo *t)
{
	switch (t->kind) {
	case TODO_APPROVAL:
		return TODO_B_APPROVAL;
	case TODO_RETURN:
		return TODO_B_RETURN;
	case TODO_ASSIGNED:
		return TODO_B_ASSIGNED;
	case TODO_CLOCK:
	default:
		return t->state == CLOCK_OVERDUE ? TODO_B_OVERDUE : TODO_B_DUE_SOON;
	}
}

/* The rank of an item's group in the home page's order: overdue, due
 * soon, the rest. */
static int urgency_rank(const struct todo *t)
{
	return t->state == CLOCK_OVERDUE ? 0 : t->state == CLOCK_DUE_SOON ? 1 : 2;
}

static int by_rank_due_seq(const struct todo *a, const struct todo *b, int ra, int rb)
{
	if (ra != rb)
		return ra - rb;
	if (a->due != b->due)
		return (a->due > b->due) - (a->due < b->due);
	return a->seq - b->seq;     /* qsort is not stable */
}

static int by_urgency(const void *pa, const void *pb)
{
	const struct todo *a = pa, *b = pb;
	return by_rank_due_seq(a, b, urgency_rank(a), urgency_rank(b));
}

static int by_group(const void *pa, const void *pb)
{
	const struct todo *a = pa, *b = pb;
	return by_rank_due_seq(a, b, (int)todo_bucket_of(a), (int)todo_bucket_of(b));
}

/* 1 when q lets the items of `office` through: its one office, one of
 * its several, or any. */
static int office_wanted(const struct todo_query *q, const char *office)
{
	if (q->office)
		return !strcmp(office, q->office);
	if (!q->offices)
		return 1;
	for (int i = 0; i < q->noffices; i++)
		if (!strcmp(office, q->offices[i]))
			return 1;
	return 0;
}

int todo_wants(const struct todo_acc *acc, enum todo_bucket b, const char *office)
{
	if (acc->q->overdue_only && b != TODO_B_OVERDUE)
		return 0;
	return !office || office_wanted(acc->q, office);
}

const char *todo_office_filter(const struct todo_acc *acc)
{
	return acc->q->office;
}

int todo_offices_wanted(const struct todo_acc *acc)
{
	return !acc->q->total_only;
}

int todo_tally(struct ctx *c, struct todo_acc *acc, const char *office, enum todo_bucket b, int64_t n)
{
	struct todo_office *o = NULL;

	if (n < 0)
		return -1;
	if (!n || !todo_wants(acc, b, office))
		return 0;
	office = office ? office : "";
	for (int i = 0; i < acc->noffices && !o; i++)
		if (!strcmp(acc->offices[i].office, office))
			o = &acc->offices[i];
	if (!o) {
		o = arena_push(c->a, &acc->offices, &acc->ocap, acc->noffices++, sizeof(*o));
		memset(o, 0, sizeof(*o));
		o->office = office;
	}
	o->n[b] += (int)n;
	o->total += (int)n;
	return 0;
}

void todo_tally_dues(struct ctx *c, struct todo_acc *acc, const struct store_due_count *rows, int n)
{
	for (int i = 0; i < n; i++) {
		todo_tally(c, acc, rows[i].office, TODO_B_OVERDUE, rows[i].overdue);
		todo_tally(c, acc, rows[i].office, TODO_B_DUE_SOON, rows[i].soon);
	}
}

qf_day todo_last_due(const struct todo_acc *acc)
{
	return acc->q->overdue_only ? acc->today - 1 : acc->soon_last;
}

const char *todo_day_text(struct ctx *c, qf_day d)
{
	return date_format(d, arena_alloc(c->a, 11));
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
	if (!todo_wants(acc, st == CLOCK_OVERDUE ? TODO_B_OVERDUE : TODO_B_DUE_SOON, NULL))
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

struct todo *todo_counted(struct ctx *c, struct todo_acc *acc, struct todo *t)
{
	enum todo_bucket b = todo_bucket_of(t);

	if (!todo_wants(acc, b, t->office)) {
		acc->n--;               /* t is the last item added */
		return NULL;
	}
	if (acc->counting)
		todo_tally(c, acc, t->office, b, 1);
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

/* The last due day that is due soon today: due soon is "at most 3
 * working days left", monotonic in the due day. */
static qf_day soon_last(const struct calendar *cal, qf_day today)
{
	qf_day d = today;

	while (d < today + 60 && clock_state(cal, d + 1, QF_DAY_NONE, today) == CLOCK_DUE_SOON)
		d++;
	return d;
}

/* The offices in the order of their first item in v, then the others in
 * the order counted. */
static void order_offices(struct todo_acc *acc, const struct todo *v, int n)
{
	int k = 0;

	for (int i = 0; i < n && k < acc->noffices; i++)
		for (int j = k; j < acc->noffices; j++)
			if (!strcmp(acc->offices[j].office, v[i].office)) {
				struct todo_office t = acc->offices[j];
				memmove(&acc->offices[k + 1], &acc->offices[k], (size_t)(j - k) * sizeof(t));
				acc->offices[k++] = t;
				break;
			}
}

/* ---- the counts, kept per user --------------------------------------------- */

/* A small direct-mapped cache by user id of the counts of the unfiltered
 * list: their total (the badge of every page) always, and by office and
 * group (the home page, /notices; a filter keeps what it lets through)
 * for any number of offices: a national case manager's items fall under
 * ~350 offices (bench/README.md "The to-do providers at 10M").  A slot's
 * offices are one block of its own (the counts, then the names), at most
 * SLOT_BYTES: past that the total alone is kept (a recount on each view
 * of the home page and /notices), so the cache holds at most
 * COUNT_SLOTS * SLOT_BYTES (16 MiB; ~17 KB for 350 offices).  A collision
 * only costs a recount.  Guarded by one mutex (held for a copy, never for
 * a count or an allocation). */
#define COUNT_SLOTS 256
#define SLOT_BYTES (64 * 1024)
struct kept_office {
	size_t name;             /* the name's offset in the block */
	int n[TODO_BUCKETS];
};
static struct count_slot {
	int64_t user_id;
	struct kept_stamp st;
	int total;
	int noffices;            /* -1: too many to keep, the total alone */
	struct kept_office *o;   /* the block (malloc), NULL when noffices <= 0 */
	size_t size;             /* its bytes */
} count_cache[COUNT_SLOTS];
static pthread_mutex_t count_mu = PTHREAD_MUTEX_INITIALIZER;

static struct count_slot *slot_of(int64_t user_id)
{
	return &count_cache[(uint64_t)user_id % COUNT_SLOTS];
}

/* The kept offices of a block as counted, those the query's filters let
 * through (as todo_tally would: an office with nothing wanted is left
 * out). */
static void counts_fill(struct ctx *c, struct todo_acc *acc, const struct kept_office *o, int n)
{
	for (int i = 0; i < n; i++) {
		const char *name = (const char *)o + o[i].name;
		struct todo_office *t = NULL;

		if (!office_wanted(acc->q, name))
			continue;
		for (int b = 0; b < TODO_BUCKETS; b++) {
			if (!o[i].n[b] || !todo_wants(acc, (enum todo_bucket)b, name))
				continue;
			if (!t) {
				t = arena_push(c->a, &acc->offices, &acc->ocap, acc->noffices++, sizeof(*t));
				memset(t, 0, sizeof(*t));
				t->office = name;
			}
			t->n[b] = o[i].n[b];
			t->total += o[i].n[b];
		}
	}
}

/* The user's counts into acc when kept by office and fresh, those the
 * query's filters let through: 1, else 0.  The block is copied into the
 * request's arena under the mutex. */
static int counts_get(struct ctx *c, struct todo_acc *acc, int64_t user_id, const struct kept_stamp *now)
{
	struct count_slot *slot = slot_of(user_id);
	struct kept_office *o = NULL;
	int hit, n = 0;

	pthread_mutex_lock(&count_mu);
	hit = slot->user_id == user_id && slot->noffices >= 0 && kept_fresh(&slot->st, now);
	if (hit && (n = slot->noffices) > 0)
		o = memcpy(arena_alloc(c->a, slot->size), slot->o, slot->size);
	pthread_mutex_unlock(&count_mu);
	if (hit)
		counts_fill(c, acc, o, n);
	return hit;
}

/* 1 when the user's counts are kept by office and fresh. */
static int offices_kept(int64_t user_id, const struct kept_stamp *now)
{
	struct count_slot *slot = slot_of(user_id);
	int hit;

	pthread_mutex_lock(&count_mu);
	hit = slot->user_id == user_id && slot->noffices >= 0 && kept_fresh(&slot->st, now);
	pthread_mutex_unlock(&count_mu);
	return hit;
}

/* The user's kept total when fresh, else -1. */
static int total_get(int64_t user_id, const struct kept_stamp *now)
{
	struct count_slot *slot = slot_of(user_id);
	int total = -1;

	pthread_mutex_lock(&count_mu);
	if (slot->user_id == user_id && kept_fresh(&slot->st, now))
		total = slot->total;
	pthread_mutex_unlock(&count_mu);
	return total;
}

/* acc's offices as a block (malloc): its size in *size; NULL when there
 * are none or they pass SLOT_BYTES (or the allocation fails). */
static struct kept_office *counts_block(const struct todo_acc *acc, size_t *size)
{
	size_t at = (size_t)acc->noffices * sizeof(struct kept_office);
	struct kept_office *o;

	*size = at;
	for (int i = 0; i < acc->noffices; i++)
		*size += strlen(acc->offices[i].office) + 1;
	if (!acc->noffices || *size > SLOT_BYTES || !(o = malloc(*size)))
		return NULL;
	for (int i = 0; i < acc->noffices; i++) {
		size_t len = strlen(acc->offices[i].office) + 1;
		o[i].name = at;
		memcpy((char *)o + at, acc->offices[i].office, len);
		memcpy(o[i].n, acc->offices[i].n, sizeof(o[i].n));
		at += len;
	}
	return o;
}

static void counts_put(const struct todo_acc *acc, int64_t user_id, const struct kept_stamp *st)
{
	struct count_slot now = { .user_id = user_id, .st = *st };
	struct count_slot *slot = slot_of(user_id);
	struct kept_office *old;

	for (int i = 0; i < acc->noffices; i++)
		now.total += acc->offices[i].total;
	/* the badge's count: offices not counted (todo_offices_wanted), the
	 * total alone, so the home page and /notices count theirs */
	now.o = acc->q->total_only ? NULL : counts_block(acc, &now.size);
	now.noffices = now.o || (!acc->noffices && !acc->q->total_only) ? acc->noffices : -1;
	pthread_mutex_lock(&count_mu);
	/* a commit during the count leaves now.st behind: the next call
	 * counts again */
	old = slot->o;
	*slot = now;
	pthread_mutex_unlock(&count_mu);
	free(old);
}

/* Runs provider p: once, or for a query of several offices once per
 * office when p filters by office in SQL (todo_office_filter then names
 * each in turn).  The items of one office come in the order a query of
 * that office alone adds them, so they sort as its do. */
static int provider_run(struct ctx *c, struct todo_acc *acc, const struct todo_provider *p)
{
	const struct todo_query *q = acc->q;
	int rc = 0;

	if (!q->offices || !p->by_office)
		return p->add(c, acc);
	for (int i = 0; i < q->noffices && !rc; i++) {
		struct todo_query one = *q;

		one.offices = NULL;
		one.noffices = 0;
		one.office = q->offices[i];
		acc->q = &one;
		rc = p->add(c, acc);
		acc->q = q;
	}
	return rc;
}

int todo_list(struct ctx *c, const struct todo_query *q, struct todo_page *out)
{
	struct todo_acc acc = { .today = date_today(), .q = q, .counting = 1 };
	struct kept_stamp now = kept_now(c);
	const struct todo_provider *const *p;
	int np, from, known = c->who.id > 0, keep = known && !q->overdue_only && !q->office && !q->offices;

	memset(out, 0, sizeof(*out));
	/* a filtered view (an office, 只看逾期) keeps nothing of its own: it
	 * counts every office first, kept for the views after it, as the
	 * badge did before it counted the total alone (todo_count) */
	if (known && !keep && !q->total_only && !offices_kept(c->who.id, &now)) {
		struct todo_query all = { .limit = 0 };
		struct todo_page pg;

		if (todo_list(c, &all, &pg) < 0)
			return -1;
	}
	acc.soon_last = soon_last(c->cal, acc.today);
	acc.want = (q->offset > 0 ? q->offset : 0) + (q->limit > 0 ? q->limit : 0);
	if (known && counts_get(c, &acc, c->who.id, &now)) {
		acc.counting = 0;
		keep = 0;
		if (!acc.want)
			goto counted;
	}
	if (clock_table_load(c->db, c->a, &acc.clocks) < 0)
		return -1;
	p = QF_SORTED(c->a, todo_providers, by_order, &np);
	for (int i = 0; i < np; i++)
		if (authz_has(&c->who, p[i]->perm) && provider_run(c, &acc, p[i]) < 0)
			return -1;
	if (keep)
		counts_put(&acc, c->who.id, &now);

	if (acc.n > 1)
		qsort(acc.v, (size_t)acc.n, sizeof(*acc.v), q->order == TODO_BY_GROUP ? by_group : by_urgency);
counted:
	from = q->offset > 0 && !q->offices ? q->offset : 0;
	if (from > acc.n)
		from = acc.n;
	out->v = acc.v + from;
	out->all = acc.v;
	out->nall = acc.n;
	/* several offices: every item read, each office's first want among them */
	out->n = (acc.n < acc.want || q->offices ? acc.n : acc.want) - from;
	if (out->n < 0)
		out->n = 0;
	order_offices(&acc, acc.v, acc.n);
	out->offices = acc.offices;
	out->noffices = acc.noffices;
	for (int i = 0; i < acc.noffices; i++) {
		out->total += acc.offices[i].total;
		for (int b = 0; b < TODO_BUCKETS; b++)
			out->n_by[b] += acc.offices[i].n[b];
	}
	return 0;
}

int todo_count(struct ctx *c)
{
	struct todo_query q = { .limit = 0, .total_only = 1 };
	struct todo_page pg;
	struct kept_stamp now;
	int total;

	if (!todo_shown(c))
		return 0;
	if (c->who.id > 0) {
		now = kept_now(c);
		if ((total = total_get(c->who.id, &now)) >= 0)
			return total;
	}
	return todo_list(c, &q, &pg) < 0 ? -1 : pg.total;
}
