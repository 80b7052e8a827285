#ifndef QF_MODEL_AUDIT_H
#define QF_MODEL_AUDIT_H
/*
 * model/audit.h: the record of an audit log entry.
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

struct audit_entry {
	int64_t id;
	const char *region;
	int64_t at;
	int64_t user_id;
	const char *user_name;
	const char *role;
	const char *event;
	const char *object;
	int success;
	const char *detail;
	const char *ip;
	const char *prev_mac;
	const char *mac;
	int malformed;          /* stored bytes the fields above cannot show:
				 * a NUL inside a text, a number stored as text */
};

#endif
