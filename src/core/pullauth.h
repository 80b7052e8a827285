#ifndef QF_PULLAUTH_H
#define QF_PULLAUTH_H
/*
 * pullauth: the request MAC of the ferry pull (issue 13, docs/security.md
 * "The ferry pull").  The intranet calls the public instance's two pull
 * routes with three headers:
 *
 *   X-Qf-Time:  the request's Unix time (decimal)
 *   X-Qf-Nonce: 16 random bytes, base64url without padding (22 chars)
 *   X-Qf-Mac:   HMAC-SHA-256 under the shared key (pull_secret, 64 hex
 *               digits), in hex, of the text
 *                 "qingfeng-pull 1\n" METHOD "\n" PATH "\n" TIME "\n"
 *                 NONCE "\n" hex(SHA-256(body)) "\n"
 *
 * PATH is the route's path ("/ferry/batch"), not the URL a proxy may
 * prefix.  The check recomputes the MAC and compares in constant time
 * first; only a request that carries the right MAC learns more: a time
 * more than PULL_SKEW seconds off, or a nonce seen before (kept in an
 * in-memory set, core/pow.h, until its time has left the window), is
 * refused.  So a captured request cannot be replayed, and a caller
 * without the key cannot tell which part of its request was wrong.
 */
#include <stddef.h>
#include <stdint.h>

#define PULL_SKEW 300           /* seconds either way */
#define PULL_NONCE_CHARS 22

struct pow_seen;

struct pull_sig {
	char time[24];
	char nonce[PULL_NONCE_CHARS + 2];
	char mac[65];
};

enum pull_verdict {
	PULL_OK = 0,
	PULL_UNAUTH,            /* missing, malformed or a MAC that does not match */
	PULL_STALE,             /* the right MAC, the time outside the window */
	PULL_REPLAY,            /* the right MAC, a nonce used before */
	PULL_FULL,              /* the nonce set is full: refused (fails closed) */
};

/* Signs a request made now (fresh nonce) into sig. */
void pull_sign(const unsigned char key[32], const char *method, const char *path, int64_t now,
	       const void *body, size_t len, struct pull_sig *sig);
/* Checks the three header values (any may be NULL) of a request for
 * method and path with body; marks the nonce used in seen when all
 * else is right. */
enum pull_verdict pull_check(const unsigned char key[32], const char *method, const char *path,
			     const char *time, const char *nonce, const char *mac,
			     const void *body, size_t len, int64_t now, struct pow_seen *seen);

#endif
