#ifndef QF_FERRY_PULL_H
#define QF_FERRY_PULL_H
/*
 * ferry_pull: the ferry as a pull over HTTPS with a shared key (issue 13,
 * docs/operations.md "Pull over HTTPS").  Only the intranet can open a
 * connection to the other side, so the intranet does both legs:
 *
 *   1. GET  BASE/ferry/batch  the public inbox batch (the bytes `ferry
 *      export` writes there), imported as `ferry import` does;
 *   2. POST BASE/ferry/reply  the intranet's reply batch (the bytes its
 *      `ferry export` writes), which the public side imports as its
 *      `ferry import` does (status rows, collected items deleted, points).
 *
 * Same batch bytes, another carrier: the signatures are checked by
 * ferry_import on each side as for files.  Each request carries the MAC
 * of core/pullauth.h under the key files' pull_secret.  A pull stopped
 * between 1 and 2 loses nothing: the public side deletes items only from
 * a reply batch, and the next pull brings them again (import is
 * idempotent).
 */
#include <stdatomic.h>

#include "core/strbuf.h"
#include "domain/ferry.h"

/* The route paths on the public instance (what the MAC covers). */
#define FERRY_PULL_BATCH "/ferry/batch"
#define FERRY_PULL_REPLY "/ferry/reply"

struct ferry_pull_opts {
	const char *base;               /* https://public.example/ (a path prefix is kept) */
	const char *ca;                 /* PEM CA file, or NULL: the system's */
	int allow_http;                 /* plain http:// (tests) */
	const atomic_int *stop;         /* aborts a transfer when set non-zero */
};

/* One pull, on the intranet.  0 with the counts of both imports (in:
 * the inbox here; back: the replies there), or -1 with err; when the
 * first leg was imported and the second failed, in is filled. */
int ferry_pull(struct ctx *c, const struct ferry_pull_opts *o, struct ferry_counts *in,
	       struct ferry_counts *back, struct strbuf *err);

#endif
