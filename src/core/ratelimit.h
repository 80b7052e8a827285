#ifndef QF_RATELIMIT_H
#define QF_RATELIMIT_H
/*
 * ratelimit: a fixed-size, in-memory table of token buckets keyed by a
 * string (a client address, or a login name with an address).  Its memory
 * is allocated once by ratelimit_new and never grows, whatever the keys
 * a client sends: when the table is full the least recently used bucket
 * is forgotten.  Keys are hashed with a random per-process SipHash key, so
 * a client cannot aim its keys at one slot.  Thread-safe (one mutex).
 *
 * A bucket holds up to `burst` tokens and gains one every `refill`
 * seconds.  An event takes one token.  With lock 0 an empty bucket just
 * waits for its next token; with lock > 0 taking the last token blocks the
 * key for `lock` seconds, after which it starts again with a full bucket.
 * A key never seen is full.
 *
 * The caller owns the table (ratelimit_free).
 */
#include <stdint.h>

struct ratelimit;

struct ratelimit *ratelimit_new(unsigned slots, int burst, int refill, int lock);
void ratelimit_free(struct ratelimit *rl);
/* 1 when the key may go on (it has a token and is not blocked), 0 when not. */
int ratelimit_allowed(struct ratelimit *rl, const char *key, int64_t now);
/* Takes a token: the tokens left afterwards (0: the key is now blocked),
 * or -1 when it was blocked already. */
int ratelimit_take(struct ratelimit *rl, const char *key, int64_t now);
/* 1 when the key has a full bucket (no event counted against it). */
int ratelimit_clean(struct ratelimit *rl, const char *key, int64_t now);

/* The key a client address is counted under: an IPv4 address as it is
 * (also when written IPv4-mapped, ::ffff:a.b.c.d), an IPv6 address as its
 * /64 ("2001:db8:1:2::/64": one host or subscriber usually holds a whole
 * /64, so counting single addresses would give an attacker 2^64 budgets),
 * anything else as given, cut to fit. */
#define QF_ADDR_KEY_MAX 64
void ratelimit_addr_key(const char *ip, char out[QF_ADDR_KEY_MAX]);

#endif
