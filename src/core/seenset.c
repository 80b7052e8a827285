/*
 * seenset.c: recent idempotency keys in memory (core/seenset.h).
 *
 * Guarantees: a key is in at most one generation (the one current when it
 * was first claimed or loaded); a generation is dropped only when no key
 * it holds can be accepted any more (its last arrival + slack is before
 * the window), or as the oldest when the set is over cap, and then the
 * horizon is raised past it; each generation is an open-addressing table
 * (linear probing, never deleted from, at most half full).
 */
#include "core/seenset.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

#define GENS 40                 /* the ring; dropping the oldest when full */
#define GEN_SLOTS0 1024

struct slot {
	unsigned char d[SEEN_DIGEST];
	uint32_t inflight;
	uint8_t used, done, grouped, exclusive;
};

struct gen {
	struct slot *t;
	size_t mask, n;
	int64_t first, last;    /* arrivals */
};

struct seenset {
	pthread_mutex_t lock;
	int64_t window, slack, horizon;
	size_t cap, per_gen, total;
	struct gen g[GENS];
	int oldest, count;      /* the ring: g[oldest] .. g[oldest + count - 1] */
};

struct seenset *seenset_new(int64_t window, int64_t slack, size_t cap)
{
	struct seenset *s = xcalloc(1, sizeof(*s));

	pthread_mutex_init(&s->lock, NULL);
	s->window = window;
	s->slack = slack;
	s->cap = cap;
	s->per_gen = cap / 16 ? cap / 16 : 1;
	return s;
}

void seenset_free(struct seenset *s)
{
	if (!s)
		return;
	for (int i = 0; i < GENS; i++)
		free(s->g[i].t);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

static size_t home(const unsigned char d[SEEN_DIGEST], size_t mask)
{
	uint64_t h;

	memcpy(&h, d, sizeof(h));
	return (size_t)h & mask;
}

/* d's slot in g, or the empty slot where it would go */
static struct slot *probe(struct gen *g, const unsigned char d[SEEN_DIGEST])
{
	size_t i = home(d, g->mask);

	while (g->t[i].used && memcmp(g->t[i].d, d, SEEN_DIGEST))
		i = (i + 1) & g->mask;
	return &g->t[i];
}

static struct gen *nth(struct seenset *s, int k)
{
	return &s->g[(s->oldest + k) % GENS];
}

static struct slot *find(struct seenset *s, const unsigned char d[SEEN_DIGEST])
{
	for (int k = s->count - 1; k >= 0; k--) {
		struct gen *g = nth(s, k);
		struct slot *sl;

		if (!g->n)
			continue;
		sl = probe(g, d);
		if (sl->used)
			return sl;
	}
	return NULL;
}

static void drop_oldest(struct seenset *s, int early)
{
	struct gen *g = nth(s, 0);

	if (early && g->last + s->slack > s->horizon)
		s->horizon = g->last + s->slack;
	s->total -= g->n;
	free(g->t);
	memset(g, 0, sizeof(*g));
	s->oldest = (s->oldest + 1) % GENS;
	s->count--;
}

static void grow(struct gen *g)
{
	size_t cap = g->t ? (g->mask + 1) * 2 : GEN_SLOTS0;
	struct slot *old = g->t;
	size_t oldcap = g->t ? g->mask + 1 : 0;

	g->t = xcalloc(cap, sizeof(*g->t));
	g->mask = cap - 1;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].used)
			*probe(g, old[i].d) = old[i];
	free(old);
}

/* The generation new keys go to at now (loading: never a new one). */
static struct gen *current(struct seenset *s, int64_t now, int loading)
{
	struct gen *g;

	while (s->count && nth(s, 0)->last + s->slack < now - s->window)
		drop_oldest(s, 0);
	while (s->count && s->total >= s->cap && !loading)
		drop_oldest(s, 1);
	g = s->count ? nth(s, s->count - 1) : NULL;
	if (!g || (!loading && (g->n >= s->per_gen || now - g->first >= s->window / 24 + 1))) {
		if (s->count == GENS)
			drop_oldest(s, 1);
		g = nth(s, s->count++);
		g->first = g->last = now;
	}
	if ((g->n + 1) * 2 > (g->t ? g->mask + 1 : 0))
		grow(g);
	if (now > g->last)
		g->last = now;
	return g;
}

static struct slot *add(struct seenset *s, const unsigned char d[SEEN_DIGEST], int64_t now, int loading)
{
	struct gen *g = current(s, now, loading);
	struct slot *sl = probe(g, d);

	memcpy(sl->d, d, SEEN_DIGEST);
	sl->used = 1;
	g->n++;
	s->total++;
	return sl;
}

int seenset_claim(struct seenset *s, const unsigned char d[SEEN_DIGEST], int64_t born, int64_t now,
		  int exclusive)
{
	struct slot *sl;
	int rc = SEEN_NEW;

	pthread_mutex_lock(&s->lock);
	if (born < now - s->window || born > now + s->slack || born < s->horizon) {
		rc = SEEN_EXPIRED;
	} else if ((sl = find(s, d))) {
		if (sl->done)
			rc = SEEN_DONE;
		else if (sl->inflight && (exclusive || sl->exclusive))
			rc = SEEN_BUSY;
		else {
			sl->inflight++;
			sl->exclusive = (uint8_t)exclusive;
		}
	} else {
		sl = add(s, d, now, 0);
		sl->inflight = 1;
		sl->exclusive = (uint8_t)exclusive;
	}
	pthread_mutex_unlock(&s->lock);
	return rc;
}

void seenset_release(struct seenset *s, const unsigned char d[SEEN_DIGEST], int committed)
{
	struct slot *sl;

	pthread_mutex_lock(&s->lock);
	if ((sl = find(s, d))) {        /* gone: its generation was dropped */
		if (sl->inflight)
			sl->inflight--;
		if (!sl->inflight)
			sl->exclusive = 0;
		if (committed)
			sl->done = 1;
	}
	pthread_mutex_unlock(&s->lock);
}

int seenset_group_mark(struct seenset *s, const unsigned char d[SEEN_DIGEST])
{
	struct slot *sl;
	int twin;

	pthread_mutex_lock(&s->lock);
	sl = find(s, d);
	if (!sl)        /* dropped early while in flight: count it as new */
		sl = add(s, d, s->count ? nth(s, s->count - 1)->last : 0, 1);
	twin = sl->done || sl->grouped;
	sl->grouped = 1;
	pthread_mutex_unlock(&s->lock);
	return twin;
}

void seenset_group_end(struct seenset *s, const unsigned char (*d)[SEEN_DIGEST], size_t n, int committed)
{
	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < n; i++) {
		struct slot *sl = find(s, d[i]);
		if (!sl)
			continue;
		sl->grouped = 0;
		if (committed)
			sl->done = 1;
	}
	pthread_mutex_unlock(&s->lock);
}

void seenset_load(struct seenset *s, const unsigned char d[SEEN_DIGEST], int64_t now)
{
	struct slot *sl;

	pthread_mutex_lock(&s->lock);
	sl = find(s, d);
	if (!sl)
		sl = add(s, d, now, 1);
	sl->done = 1;
	pthread_mutex_unlock(&s->lock);
}

void seenset_stats(struct seenset *s, size_t *keys, int *gens, int64_t *horizon)
{
	pthread_mutex_lock(&s->lock);
	*keys = s->total;
	*gens = s->count;
	*horizon = s->horizon;
	pthread_mutex_unlock(&s->lock);
}
