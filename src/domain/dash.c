/*
 * dash.c: who sees the dashboard, and its data (domain/dash.h): the
 * breakdowns and the key figures of a year and the year before.  The
 * counts are unscoped: only the roles that see every case and every unit
 * get the dashboard, so each count is what their lists show, and one
 * year's data serves every dashboard user: it is kept per year in the
 * process (a few slots, each with its own arena) by the rule of
 * domain/kept.h: until a commit, the next day or KEPT_SECS.  At
 * national scale computing it costs about 10 ms of CPU (bench/README.md).
 */
#include "domain/dash.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"

#include "domain/authz.h"
#include "domain/case_access.h"
#include "domain/ctx.h"
#include "domain/kept.h"
#include "domain/metrics.h"
#include "store/q_dash.h"

int dash_shown(const struct ctx *c)
{
	return case_sees_all(c) && authz_scope_user(c) == 0;
}

static int compute(struct store *db, struct arena *a, int year, struct dash_data *v)
{
	struct metric_period pc = metric_year(a, year), pp = metric_year(a, year - 1);
	const struct metric_scope none = { 0 };

	memset(v, 0, sizeof(*v));
	if (store_dash_breakdown(db, a, pc.from, pc.to, &v->d) < 0 ||
	    metrics_compute(db, a, &pc, &none, &v->cur, &v->nc) < 0 ||
	    metrics_compute(db, a, &pp, &none, &v->prev, &v->np) < 0)
		return -1;
	return 0;
}

static struct dash_group *copy_groups(struct arena *a, const struct dash_group *g, int n)
{
	struct dash_group *v = n ? arena_alloc(a, (size_t)n * sizeof(*v)) : NULL;

	for (int i = 0; i < n; i++) {
		v[i] = g[i];
		v[i].key = arena_strdup(a, g[i].key);
	}
	return v;
}

static struct metric_value *copy_values(struct arena *a, const struct metric_value *m, int n)
{
	struct metric_value *v = n ? arena_alloc(a, (size_t)n * sizeof(*v)) : NULL;

	for (int i = 0; i < n; i++) {
		v[i] = m[i];
		v[i].key = arena_strdup(a, m[i].key);
		v[i].zh = arena_strdup(a, m[i].zh);
		v[i].display = arena_strdup(a, m[i].display);
	}
	return v;
}

/* A deep copy of src into arena a. */
static void copy_data(struct arena *a, const struct dash_data *src, struct dash_data *dst)
{
	*dst = *src;
	dst->d.sources = copy_groups(a, src->d.sources, src->d.n_sources);
	dst->d.units = copy_groups(a, src->d.units, src->d.n_units);
	dst->cur = copy_values(a, src->cur, src->nc);
	dst->prev = copy_values(a, src->prev, src->np);
}

#define KEEP_SLOTS 4
static struct kept {
	int year;                /* 0: empty */
	struct kept_stamp st;
	struct arena *a;         /* owns v's arrays and strings */
	struct dash_data v;
} kept[KEEP_SLOTS];
static pthread_mutex_t kept_mu = PTHREAD_MUTEX_INITIALIZER;

int dash_data(struct ctx *c, int year, struct dash_data *out)
{
	struct kept *k = &kept[(unsigned)year % KEEP_SLOTS], now = { .year = year, .st = kept_now(c) };
	struct arena *old;
	int hit;

	pthread_mutex_lock(&kept_mu);
	hit = k->year == year && kept_fresh(&k->st, &now.st);
	if (hit)
		copy_data(c->a, &k->v, out);
	pthread_mutex_unlock(&kept_mu);
	if (hit)
		return 0;
	if (compute(c->db, c->a, year, out) < 0)
		return -1;
	/* kept in an arena of its own; a commit during the computation leaves
	 * now.st.commits behind, so the next request computes again */
	now.a = arena_new(16384);
	copy_data(now.a, out, &now.v);
	pthread_mutex_lock(&kept_mu);
	old = k->a;
	*k = now;
	pthread_mutex_unlock(&kept_mu);
	if (old)
		arena_free(old);
	return 0;
}

/* The latest year up to `until` with a clue received in it; `until`
 * itself when it has one or when there is none at all. */
int dash_latest_year(struct ctx *c, int until)
{
	char last[11];
	const char *day;

	snprintf(last, sizeof(last), "%04d-12-31", until);
	if (store_dash_latest_day(c->db, c->a, last, &day) < 0 || !day)
		return until;
	return atoi(day) < until ? atoi(day) : until;
}

/* This year (China Standard Time); when no clue was received this year
 * yet, the latest year that has one, so a database holding only earlier
 * years (the demo year, a new installation in early January, an imported
 * archive) opens on figures rather than zeros. */
int dash_default_year(struct ctx *c)
{
	int y, m, d;

	date_to_ymd(date_today(), &y, &m, &d);
	return dash_latest_year(c, y);
}
