/*
 * q_grains.c: the split of a period over the rollup's grains
 * (store/q_grains.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "store/q_grains.h"
#include "store/store.h"

static void set(struct grain_split *g, enum grain_part part, const char *from, const char *to)
{
	g->from[part] = from;
	g->to[part] = to;
	g->used[part] = 1;
}

/* YYYY (m 0) or YYYY-MM followed by suffix ("", "-01", "-31") in buf. */
static const char *bound(char buf[16], int y, int m, const char *suffix)
{
	if (!m)
		snprintf(buf, 16, "%04d", y % 10000);
	else
		snprintf(buf, 16, "%04d-%02d%s", y % 10000, m % 100, suffix);
	return buf;
}

/* months counted as y * 12 + (m - 1) */
static void set_months(struct grain_split *g, enum grain_part part, int from, int to)
{
	set(g, part, bound(g->buf[part][0], from / 12, from % 12 + 1, ""),
	    bound(g->buf[part][1], to / 12, to % 12 + 1, ""));
}

void grain_split(const char *from, const char *to, int years, struct grain_split *g)
{
	qf_day a = date_parse(from ? from : ""), b = date_parse(to ? to : "");
	int ya, ma, da, yb, mb, db, first, last, y1, y2;

	for (int i = 0; i < GRAIN_PARTS; i++) {
		set(g, (enum grain_part)i, "1", "0");      /* empty */
		g->used[i] = 0;
	}
	if (a == QF_DAY_NONE || b == QF_DAY_NONE || a > b) {
		set(g, GRAIN_DAYS_HEAD, from ? from : "", to ? to : "");
		return;
	}
	date_to_ymd(a, &ya, &ma, &da);
	date_to_ymd(b, &yb, &mb, &db);
	/* the whole months: from the first that starts in the period to the
	 * last that ends in it (b + 1 is the first of a month) */
	first = ya * 12 + ma - 1 + (da != 1);
	last = yb * 12 + mb - 1;
	if (date_from_ymd(yb, mb, db) + 1 != date_add_months(date_from_ymd(yb, mb, 1), 1))
		last--;
	if (first > last) {
		set(g, GRAIN_DAYS_HEAD, from, to);
		return;
	}
	if (da != 1)    /* the rest of the first month: any day after from in it */
		set(g, GRAIN_DAYS_HEAD, from, bound(g->buf[GRAIN_DAYS_HEAD][1], ya, ma, "-31"));
	if (last < yb * 12 + mb - 1)
		set(g, GRAIN_DAYS_TAIL, bound(g->buf[GRAIN_DAYS_TAIL][0], yb, mb, "-01"), to);
	/* the whole years within the whole months */
	y1 = (first + 11) / 12;
	y2 = (last + 1) / 12 - 1;
	if (!years || y1 > y2) {
		set_months(g, GRAIN_MONTHS_HEAD, first, last);
		return;
	}
	if (first < y1 * 12)
		set_months(g, GRAIN_MONTHS_HEAD, first, y1 * 12 - 1);
	if (last > y2 * 12 + 11)
		set_months(g, GRAIN_MONTHS_TAIL, (y2 + 1) * 12, last);
	set(g, GRAIN_YEARS, bound(g->buf[GRAIN_YEARS][0], y1, 0, ""), bound(g->buf[GRAIN_YEARS][1], y2, 0, ""));
}

int grain_bind(struct store_stmt *st, int i, const struct grain_split *g, const char *const *key,
	       int n_key)
{
	for (int part = 0; part < GRAIN_PARTS; part++) {
		store_bind_int(st, i++, g->used[part]);
		for (int k = 0; k < n_key; k++)
			store_bind_text(st, i++, key[k]);
		store_bind_text(st, i++, g->from[part]);
		store_bind_text(st, i++, g->to[part]);
	}
	return i;
}
