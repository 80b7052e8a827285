/*
 * dash.c: who sees the dashboard, and its breakdowns (domain/dash.h).
 * The counts are unscoped: only the roles that see every case and every
 * unit get the dashboard, so each count is what their lists show.
 */
#include "domain/dash.h"

#include <stdio.h>

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
