#ifndef QF_STORE_Q_FIND_H
#define QF_STORE_Q_FIND_H
/*
 * q_find.h: the typed store calls of q_find.c: the matches of a picker
 * or the search box, one kind at a time, within the filter's
 * jurisdiction (scope_user) and, for cases, need-to-know (team_user).
 * Conventions of every store/q_*.h: lists return the row count (>= 0)
 * with an array allocated in `a`, or < 0; counts >= 0 or < 0; strings are
 * copied into `a`.
 */
#include <stdint.h>

#include "model/find.h"
#include "store/store.h"

struct arena;

/* One page (f->page) of the matches of kind k, best first. */
int store_find(struct store *s, struct arena *a, enum find_kind k, const struct find_filter *f,
	       struct find_hit **out);
/* How many matches of kind k there are in all. */
int64_t store_find_count(struct store *s, struct arena *a, enum find_kind k, const struct find_filter *f);

/* After migration 0031: the persons holding an ID number whose tails are
 * not stored yet (ids and ciphertexts, ids above `after`, at most
 * `limit`), and the setter. */
struct find_tail_row {
	int64_t id;
	const char *enc;
};
int store_find_tails_todo(struct store *s, struct arena *a, int64_t after, int limit,
			  struct find_tail_row **out);
/* Sets (or with NULLs clears) a person's tail MACs. */
int store_find_set_tails(struct store *s, int64_t person_id, const char *tail4, const char *tail6);

#endif
