#ifndef QF_MODEL_UNIT_H
#define QF_MODEL_UNIT_H
/*
 * model/unit.h: the record of a unit (单位).
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

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

#endif
