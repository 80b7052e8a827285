#ifndef QF_MODEL_FIND_H
#define QF_MODEL_FIND_H
/*
 * model/find.h: what the pickers and the search box find (issue 12):
 * one hit of any kind, and the filter a search runs with.  Plain records,
 * no functions: strings point into the arena the caller passed to the
 * store function that filled them.
 */
#include <stdint.h>

#include "model/filter.h"

/* The kinds a search finds; the order is the search page's. */
enum find_kind {
	FIND_REPORT,
	FIND_CLUE,
	FIND_CASE,
	FIND_PERSON,
	FIND_UNIT,
	FIND_DOCUMENT,          /* by its 文号 (exact) */
	FIND_KINDS
};

/* One match: the record's id, its name (a person's, a unit's, the
 * subjects of a case, clue or report), the unit it belongs to with its
 * name, and a third piece (a person's position, a unit's parent, the day
 * a case was filed, a clue or report received). */
struct find_hit {
	int64_t id;
	int64_t unit_id;
	const char *title;
	const char *unit_name;
	const char *extra;
};

/* A search (set by the domain from the typed text and the viewer). */
struct find_filter {
	struct page_req page;
	int64_t scope_user;         /* jurisdiction: 0 all, else this user's units */
	int64_t team_user;          /* need-to-know on cases: 0 all, else this user's teams */
	const char *exact;          /* the text as typed, trimmed: names contain it, an
				     * exact name or file id (ext_id) comes first */
	int64_t number;             /* the text as a record number, else 0 */
	const char *tail4, *tail6;  /* keyed MACs of an ID number's tail, else "" */
	int64_t unit_id;            /* persons: only this unit's (0 any) */
	struct {                    /* documents: the record pages the viewer may read */
		int cases, clues, reports;
	} may;
};

#endif
