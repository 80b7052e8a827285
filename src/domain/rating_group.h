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
 * Recent keys in memory (rate13c): a key that carries its page's render
 * time (domain/rating_key.h) is told new or seen by the group's set
 * (core/seenset.h), not by public_submissions' index: the page claims it
 * (rating_group_claim) before anything is written, the job appends its
 * digest to public_rating_keys (no index but the rowid) and marks it in
 * the set, and the set marks it done when the group commits.  The set is
 * rebuilt from public_rating_keys by rating_group_new, before the server
 * answers anything, so after a crash it holds every key committed.  A
 * letter's or bad review's key is claimed exclusively and appended in its
 * own transaction (public_rating.c), so a key makes its items once on
 * either path.  A key without render time keeps public_submissions.
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
	int seen;                       /* 1: claimed in the set (digest) */
	unsigned char digest[SEEN_DIGEST];
	int stars;
	int64_t at;                     /* the moment submitted */
	void (*notify)(void *arg);      /* the writer's thread: wake the producer */
	void *arg;
	int rc;                         /* set before notify */
};

/* The process's ratings on writer w (the serve command: once, before
 * groupw_start: the set is loaded from public_rating_keys).  NULL when
 * the hook or the load failed. */
struct rating_group *rating_group_new(struct groupw *w, const struct config *cfg,
				      const struct qf_keys *keys, struct calendar *_Atomic *cal);
/* Claims key at now (exclusive: a letter's or bad review's own
 * transaction) into d: SEEN_NEW (settle with rating_group_release, or
 * through the job: job->seen), SEEN_DONE (a retry), SEEN_BUSY (a claim
 * that excludes it is in flight), SEEN_EXPIRED (rendered before the
 * window), or RATING_CLAIM_NONE: the key carries no render time (g NULL
 * too): public_submissions tells. */
#define RATING_CLAIM_NONE 3
int rating_group_claim(struct rating_group *g, const char *key, int64_t now, int exclusive,
		       unsigned char d[SEEN_DIGEST]);
void rating_group_release(struct rating_group *g, const unsigned char d[SEEN_DIGEST], int committed);
void rating_group_free(struct rating_group *g);
/* Queues the job (filled by public_rating_submit, notify and arg set). */
void rating_group_submit(struct rating_group *g, struct rating_job *job);

#endif
