#ifndef QF_STORE_Q_PERSONS_H
#define QF_STORE_Q_PERSONS_H
/*
 * q_persons.h: the typed store calls of q_persons.c: supervised persons.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/person.h"
#include "store/store.h"

struct arena;

int store_person_get(struct store *s, struct arena *a, int64_t id, struct person *p);
int64_t store_person_insert(struct store *s, const struct person *p, int64_t now);
int store_person_update(struct store *s, const struct person *p, int64_t now);
int store_person_list(struct store *s, struct arena *a, const struct person_filter *f,
		      struct person **out);
int64_t store_person_count(struct store *s, const struct person_filter *f);
/* Sets (or with NULLs clears) the encrypted ID number and its MAC;
 * STORE_CONSTRAINT when another person has the same MAC. */
int store_person_set_idnum(struct store *s, int64_t id, const char *enc, const char *mac);
/* id of a person with this ID-number MAC other than except_id, 0 if none */
int64_t store_person_by_idmac(struct store *s, const char *mac, int64_t except_id);

/* The post history (0034): a person's posts, ended ones by their end,
 * the open one last; starting a post (the open one); ending the open
 * post on end_day; the number of open posts (0 or 1). */
int store_person_posts(struct store *s, struct arena *a, int64_t person_id, struct person_post **out);
int64_t store_person_post_start(struct store *s, int64_t person_id, int64_t unit_id, const char *post,
				const char *start_day, int64_t now);
int store_person_post_end(struct store *s, int64_t person_id, const char *end_day);
int64_t store_person_post_open(struct store *s, int64_t person_id);

#endif
