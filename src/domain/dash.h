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

/* How long the figures of a year are kept in the process, in seconds, when
 * nothing is committed through it (another process's or server's writes
 * show within this time; this process's at once). */
#define DASH_KEEP_SECS 30

/* The dashboard's data of calendar year `year` (China Standard Time
 * days): computed, or kept from an earlier request of any dashboard user
 * while no transaction has committed in this process, the day is the same
 * and DASH_KEEP_SECS have not passed (the dashboard is unscoped: the same
 * for every user who sees it).  0, or -1 on a store error. */
int dash_data(struct ctx *c, int year, struct dash_data *out);

/* The latest year up to `until` with a clue received in it, else `until`. */
int dash_latest_year(struct ctx *c, int until);

/* The year the dashboard opens on: this year, or the latest year with a
 * clue when this year has none yet. */
int dash_default_year(struct ctx *c);

#endif
