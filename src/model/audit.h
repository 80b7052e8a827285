#ifndef QF_MODEL_AUDIT_H
#define QF_MODEL_AUDIT_H
/*
 * model/audit.h: the record of an audit log entry.
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

#include "model/filter.h"

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

/* Which entries by their result (query argument success: 1, 0, other). */
enum audit_result { AUDIT_ANY, AUDIT_SUCCEEDED, AUDIT_FAILED };

/* The audit log's filters (query arguments q, event, user, success, from,
 * to).  The log is read by the auditors only: no jurisdiction scope. */
struct audit_filter {
	struct page_req page;
	const char *q;              /* object or detail contains */
	const char *event;          /* event code */
	const char *user;           /* user name */
	enum audit_result result;
	const char *day_from, *day_to;  /* YYYY-MM-DD, CST, both included */
	int64_t from_at, to_at;     /* set by the domain from the days: Unix time, 0 open */
};
extern const struct filter_spec audit_filter_spec;

#endif
