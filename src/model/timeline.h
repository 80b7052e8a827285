#ifndef QF_MODEL_TIMELINE_H
#define QF_MODEL_TIMELINE_H
/*
 * model/timeline.h: the record of one step in an object's timeline.
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

struct timeline_entry {
	int64_t id;
	int64_t at;
	const char *user_name;
	const char *action;
	const char *detail;
};

#endif
