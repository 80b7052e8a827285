#ifndef QF_CORE_SEENSET_H
#define QF_CORE_SEENSET_H
/*
 * seenset: the idempotency keys of a recent window, in memory (issue 13,
 * rate13c; docs/architecture.md "Recent keys in memory").
 *
 * A key is known by a 16-byte digest (uniformly random: a BLAKE2b) and
 * was "born" at a time the key itself carries (a page's render time).  A
 * key is accepted only while born >= now - window (and not more than
 * slack in the future); the set remembers every key that arrived while
 * such a key could still be accepted, so within the window a key is
 * either known or new, and an older key is refused (SEEN_EXPIRED) rather
 * than answered wrongly.
 *
 * The set is kept in generations (by arrival time and size); a whole
 * generation is dropped once no acceptable key can have arrived in it,
 * or, when the set holds more than cap keys, the oldest one early, which
 * raises the horizon: keys born before its last arrival (+ slack) are
 * refused from then on.  Memory is thus bounded by cap (24 bytes a slot,
 * tables at most half full), whatever the traffic.
 *
 * Each key has three marks: done (its write committed), in flight (a
 * count of requests that claimed it and are not settled; an exclusive
 * claim is alone in flight), and grouped (a writer placed it in the open
 * group: a twin in the same group is told by it).
 *
 * Thread-safe (one mutex); every call is O(generations).
 */
#include <stddef.h>
#include <stdint.h>

#define SEEN_DIGEST 16

struct seenset;

struct seenset *seenset_new(int64_t window, int64_t slack, size_t cap);
void seenset_free(struct seenset *s);

#define SEEN_EXPIRED (-1)       /* born outside the window: refuse it */
#define SEEN_NEW 0              /* claimed: settle it with seenset_release */
#define SEEN_DONE 1             /* committed before: answer the retry */
#define SEEN_BUSY 2             /* a claim that excludes this one is in flight */
/* Claims d (born at `born`, now `now`, both seconds).  An exclusive claim
 * is refused (SEEN_BUSY) while any other is in flight, and refuses all
 * others while it is; shared claims may be in flight together (the writer
 * tells their twins apart with seenset_group_mark). */
int seenset_claim(struct seenset *s, const unsigned char d[SEEN_DIGEST], int64_t born, int64_t now,
		  int exclusive);
/* Settles a claim; committed: the key is done. */
void seenset_release(struct seenset *s, const unsigned char d[SEEN_DIGEST], int committed);
/* The writer, placing a claimed key in its open group: 1 a twin (done, or
 * already in the group: write nothing), 0 marked grouped. */
int seenset_group_mark(struct seenset *s, const unsigned char d[SEEN_DIGEST]);
/* The group ended: its n keys unmarked, done if committed. */
void seenset_group_end(struct seenset *s, const unsigned char (*d)[SEEN_DIGEST], size_t n, int committed);
/* At start, before any claim: a key committed before (arrived at or
 * before now). */
void seenset_load(struct seenset *s, const unsigned char d[SEEN_DIGEST], int64_t now);
/* Keys held, generations, and the horizon (0: none beyond the window). */
void seenset_stats(struct seenset *s, size_t *keys, int *gens, int64_t *horizon);

#endif
