#ifndef QF_DOMAIN_DASH_H
#define QF_DOMAIN_DASH_H
/*
 * dash: the dashboard of the home page (issue 11): for the leaders and
 * the case manager, the roles that see every case and every unit, this
 * year's key figures against last year's (domain/metrics.h) and the
 * breakdowns of model/dash.h.  Other roles keep their to-dos.
 */
#include "model/dash.h"

struct ctx;

/* 1 when the user's home page is the dashboard. */
int dash_shown(const struct ctx *c);

struct metric_value;

/* What the dashboard shows for a year: the breakdowns and the key
 * figures of the year (cur) and of the year before (prev), in the
 * metrics' order, all from the request's arena. */
struct dash_data {
	struct dash_breakdown d;
	struct metric_value *cur, *prev;
	int nc, np;
};

/* The dashboard's data of calendar year `year` (China Standard Time
 * days): computed, or kept from an earlier request of any dashboard user
 * by the rule of domain/kept.h (the dashboard is unscoped: the same for
 * every user who sees it).  0, or -1 on a store error. */
int dash_data(struct ctx *c, int year, struct dash_data *out);

/* The latest year up to `until` with a clue received in it, else `until`. */
int dash_latest_year(struct ctx *c, int until);

/* The year the dashboard opens on: this year, or the latest year with a
 * clue when this year has none yet. */
int dash_default_year(struct ctx *c);

#endif
