#ifndef QF_MODEL_LIST_H
#define QF_MODEL_LIST_H
/* model/list.h: the list filters (being replaced by one filter per family). */
#include <stdint.h>

/* The filters and page of a list request. */
struct list_query {
	const char *q;          /* free text, "" for none */
	int64_t unit_id;        /* 0 for any */
	const char *kind;       /* unit kind / rank filter, "" for any */
	const char *event;      /* audit: event filter */
	const char *user;       /* audit: user name filter */
	int success;            /* audit: -1 any, 0 failures, 1 successes */
	int64_t from, to;       /* audit: time range, 0 for open */
	const char *state;      /* clues: state, "" for any */
	const char *source;     /* clues: source, "" for any */
	int64_t campaign_id;    /* clues: 0 for any */
	const char *day_from, *day_to;   /* clues: received range, "" for open */
	int overdue;            /* clues: only those with an overdue clock */
	const char *clock_before;  /* set from `overdue`: clocks started on or before it are overdue */
	int offset, limit;
	/* need-to-know: 0 sees all units; else only the units in the scope
	 * of this user id and their descendants */
	int64_t scope_user;
};

/* The filters of the report registry: lq's state, unit_id, day_from/to,
 * paging and scope, plus these ("" / 0 for any). */
struct report_query {
	struct list_query lq;       /* first: the store casts back to it */
	const char *channel;
	const char *category;
	int overdue;                /* only reports with an overdue clock */
	const char *due_before;     /* set from `overdue`: today (a running clock due before it) */
};

/* The case list's filters: lq's state, unit_id, campaign_id, day_from and
 * day_to (filed), page; team_user: 0 sees every case, else only the cases
 * whose team includes that user; overdue_on: "" off, else the cases with
 * a running detention or trial clock due before that day. */
struct case_query {
	struct list_query lq;
	int64_t team_user;
	const char *overdue_on;
};

#endif
