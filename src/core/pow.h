#ifndef QF_POW_H
#define QF_POW_H
/*
 * pow: the public forms' proof of work (issue 13), hashcash-style and
 * needing no third party.  The challenge is the form's own token
 * (core/crypto.h pretoken: a time, a random nonce and a MAC under the key
 * file's key), so the server keeps no table of challenges it gave out.
 * The page's script (assets/pow.js) finds a nonce, a decimal number, such
 * that SHA-256(challenge || nonce), over their ASCII bytes, starts with
 * `bits` zero bits; checking it costs the server one hash.
 *
 * A solved challenge is good once: pow_seen remembers used challenges in
 * a fixed-size in-memory table until their token would have expired
 * anyway (pretoken_check's max_age).  Keys are a keyed BLAKE2b of the
 * token's decoded bytes (a random per-process key, so a client cannot aim
 * at one slot).  When the slots a challenge may use are all taken by
 * unexpired entries the set answers "full" and the caller refuses the
 * post: it fails closed.  Thread-safe (one mutex).
 */
#include <stdint.h>

#define POW_NONCE_MAX 20        /* digits of a nonce */

struct pow_seen;

/* A set of slots entries (rounded up to a power of two), or NULL. */
struct pow_seen *pow_seen_new(unsigned slots);
void pow_seen_free(struct pow_seen *s);

/* 1 when nonce (1 to POW_NONCE_MAX decimal digits) solves challenge at
 * bits leading zero bits, else 0. */
int pow_solved(const char *challenge, const char *nonce, int bits);

/* Marks challenge (a base64url token) used until `until`: 1 newly marked,
 * 0 used before, -1 the set is full or the challenge is no token. */
int pow_seen_mark(struct pow_seen *s, const char *challenge, int64_t now, int64_t until);

#endif
