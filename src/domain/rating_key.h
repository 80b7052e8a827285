#ifndef QF_DOMAIN_RATING_KEY_H
#define QF_DOMAIN_RATING_KEY_H
/*
 * rating_key: the rating pages' idempotency key and the value stored for
 * it in public_submissions (issue 13, gc13b: rows that share pages).
 *
 * The form's key is RATING_KEY_TICK_CHARS lowercase hex digits of the
 * page's render time in 1/64 s ticks, then a random token (32 bytes,
 * base64url).  The stored value is that prefix || BLAKE2b(key) in hex:
 * rows of pages rendered together sort together, so a group of ratings
 * writes a few leaves of public_submissions' key index instead of one
 * random leaf each.  The prefix is a time, not a secret: the value still
 * reveals nothing of the token, and the codes are MACs of the whole key.
 *
 * A key without the prefix (a page rendered before gc13b, a 43-character
 * token; or any other key a client sends) is stored as BLAKE2b(key) alone,
 * as before, so a retry of an old page finds its row.  The rule is a
 * function of the key only: the submission and its retry always compute
 * the same value.
 */
#include <stdint.h>

#include "core/seenset.h"

#define RATING_KEY_TICK_CHARS 10
#define RATING_KEY_CHARS (RATING_KEY_TICK_CHARS + 43)
#define RATING_KEY_HASH_MAX (RATING_KEY_TICK_CHARS + 64 + 1)

/* Recent keys in memory (rate13c; domain/rating_group.h): a key with its
 * render time is accepted for RATING_KEY_WINDOW seconds after it (and at
 * most RATING_KEY_SLACK ahead of this clock: servers behind one address);
 * the set holds at most RATING_KEY_CAP keys (about 100 MiB at most; at a
 * sustained 20,000 ratings a second that is 100 s, after which the window
 * shrinks to what the set holds); the table it is rebuilt from keeps
 * RATING_KEY_DAYS days (rows older cannot be accepted again). */
#define RATING_KEY_WINDOW (24 * 3600)
#define RATING_KEY_SLACK 120
#define RATING_KEY_CAP (2u << 20)
#define RATING_KEY_DAYS 2

/* A new key for a form rendered now. */
void rating_key_new(char out[RATING_KEY_CHARS + 1]);
/* The value stored for key (see above). */
void rating_key_hash(const char *key, char out[RATING_KEY_HASH_MAX]);
/* The render time of key in seconds, or -1 when it carries none. */
int64_t rating_key_born(const char *key);
/* The key's digest for the set in memory and public_rating_keys: the
 * first SEEN_DIGEST bytes of BLAKE2b(key); hex of it (2 * SEEN_DIGEST + 1). */
void rating_key_digest(const char *key, unsigned char d[SEEN_DIGEST]);
void rating_key_digest_hex(const unsigned char d[SEEN_DIGEST], char *hex);

#endif
