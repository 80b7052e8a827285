/*
 * dash.c: who sees the dashboard, and its breakdowns (domain/dash.h).
 * The counts are unscoped: only the roles that see every case and every
 * unit get the dashboard, so each count is what their lists show.
 */
#include "domain/dash.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/date.h"

#include "domain/authz.h"
#include "domain/case_access.h"
#include "domain/ctx.h"
#include "store/q_dash.h"

int dash_shown(const struct ctx *c)
{
	return case_sees_all(c) && authz_scope_user(c) == 0;
}

int dash_breakdown(struct ctx *c, int year, struct dash_breakdown *d)
{
	char from[16], to[16];

	snprintf(from, sizeof(from), "%04d-01-01", year);
	snprintf(to, sizeof(to), "%04d-12-31", year);
	return store_dash_breakdown(c->db, c->a, from, to, d) < 0 ? -1 : 0;
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
