#ifndef QF_Q_DASH_H
#define QF_Q_DASH_H
/*
 * q_dash.h: the dashboard's breakdowns (model/dash.h) as GROUP BY counts
 * over the same columns the lists filter on (clues.received, cases.filed,
 * clues.source, unit_id), one statement each, both backends.
 */
#include "core/arena.h"
#include "model/dash.h"
#include "store/store.h"

/* Fills d for the days from .. to (inclusive, YYYY-MM-DD, within one
 * year: months are the days' months).  0, or a negative store code. */
int store_dash_breakdown(struct store *s, struct arena *a, const char *from, const char *to,
			 struct dash_breakdown *d);

/* The latest day a clue was received on or before `until` into *day (from
 * a; NULL when there is none).  0, or a negative store code. */
int store_dash_latest_day(struct store *s, struct arena *a, const char *until, const char **day);

/* At the end of a bulk import, what 0095's triggers keep and skipped while
 * the import had the rollup off (PostgreSQL: person_years from the
 * integrity updates and detentions, cases.lead_office of the cases with a
 * lead); nothing on SQLite, whose triggers ran.  0, or a negative store
 * code. */
int store_dash_kept_recount(struct store *s);

#endif
