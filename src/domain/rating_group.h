#ifndef QF_DOMAIN_RATING_GROUP_H
#define QF_DOMAIN_RATING_GROUP_H
/*
 * rating_group: plain ratings (3-5 stars, no letter) through the group
 * writer (store/groupw.h; issue 13: acknowledged only once durable, at
 * least 20,000 a second).  A plain rating needs no status row, no code
 * and no Argon2id: its job writes only the page key's public_submissions
 * row (a twin with the same key is told by the row count of an INSERT
 * ... ON CONFLICT DO NOTHING: a plain job, no savepoint) and adds the
 * rating to the group's list; the group's hook
 * seals the list as ONE inbox item of kind "ratings" (one crypto_box_seal,
 * 68 us, per group instead of per rating) and, in single-instance mode,
 * accepts it in the same transaction, as inbox_submit does for one item.
 * Ratings of 1-2 stars and letters keep public_rating_submit's path.
 *
 * The job lives in the caller's memory (a parked request's arena) until
 * its notify is called, on the writer's thread, after the group's COMMIT
 * (or its failure): rc >= 0 stored; STORE_CONSTRAINT the key was taken
 * by a twin (answer it as the retry it is); other < 0 nothing stored.
 */
#include <stdatomic.h>
#include <stdint.h>

#include "domain/rating_key.h"
#include "model/public.h"
#include "store/groupw.h"

struct calendar;
struct config;
struct qf_keys;
struct rating_group;

struct rating_job {
	struct groupw_job gj;           /* first: the writer's part */
	struct rating_group *g;
	const char *token, *key, *comment, *day;
	char hash[RATING_KEY_HASH_MAX];  /* rating_key_hash of key */
	int stars;
	int64_t at;                     /* the moment submitted */
	void (*notify)(void *arg);      /* the writer's thread: wake the producer */
	void *arg;
	int rc;                         /* set before notify */
};

/* The process's ratings on writer w (the serve command: once). */
struct rating_group *rating_group_new(struct groupw *w, const struct config *cfg,
				      const struct qf_keys *keys, struct calendar *_Atomic *cal);
void rating_group_free(struct rating_group *g);
/* Queues the job (filled by public_rating_submit, notify and arg set). */
void rating_group_submit(struct rating_group *g, struct rating_job *job);

#endif
