#ifndef QF_MODEL_UNIT_H
#define QF_MODEL_UNIT_H
/*
 * model/unit.h: the record of a unit (单位).
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

#include "model/filter.h"

struct unit {
	int64_t id;
	int64_t parent_id;
	const char *parent_name;
	const char *region;
	const char *name;
	const char *kind;
	int64_t n_persons;
	int64_t n_children;
	int64_t created_at;
	int64_t updated_at;
};

/* The unit list's filters (query arguments q, kind, parent). */
struct unit_filter {
	struct page_req page;
	int64_t scope_user;         /* set by the domain: 0 all, else this user's units */
	const char *q;              /* name contains */
	const char *kind;           /* unit kind code */
	int64_t parent_id;          /* the children of this unit */
};
extern const struct filter_spec unit_filter_spec;

#endif
