#ifndef QF_MODEL_DASH_H
#define QF_MODEL_DASH_H
/*
 * model/dash.h: the breakdowns of the dashboard (issue 11) beside the key
 * figures of domain/metrics.h: clues received and cases filed by month,
 * clues by source, and the units with the most clues and cases, for one
 * period.  Each count selects exactly the rows of a list (the clue list
 * by received day, the case list by filed day, with source or unit_id),
 * so every bar links to its list and the list shows the same count.
 */
#include <stdint.h>

/* One bar: a clue source code or a unit, its clues and cases. */
struct dash_group {
	int64_t id;                 /* a unit's id; 0 for a source */
	const char *key;            /* a source code, or the unit's name */
	int64_t clues, cases;
};

struct dash_breakdown {
	int64_t clues_by_month[12], cases_by_month[12];
	struct dash_group *sources; /* clues received, by source, most first */
	int n_sources;
	struct dash_group *units;   /* the top units by clues and cases */
	int n_units;
};

#define DASH_TOP_UNITS 8

#endif
