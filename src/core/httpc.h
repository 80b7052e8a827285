#ifndef QF_HTTPC_H
#define QF_HTTPC_H
/*
 * httpc: the one HTTP client of qingfeng (libcurl), used by the ferry
 * pull (domain/ferry_pull.h).  HTTPS with the certificate verified
 * against the system's trust store or a given CA file; plain http only
 * when the caller allows it.  No redirects are followed, no proxy from
 * the environment is used, no cookies kept.
 */
#include <stdatomic.h>
#include <stddef.h>

#include "core/strbuf.h"

struct httpc_opts {
	const char *ca;                 /* PEM CA file, or NULL: the system's */
	int allow_http;                 /* 1: a plain http:// URL is allowed */
	long timeout;                   /* seconds for the whole transfer */
	const atomic_int *stop;         /* when set and non-zero: abort */
};

/* Once per process, before any thread: 0 or -1. */
int httpc_setup(void);
/* method "GET" or "POST" (body of len bytes, application/octet-stream);
 * headers NULL-terminated "Name: value" lines.  The answer's body goes to
 * resp (capped at its max), its status to *status.  0 when an answer
 * came (any status), -1 with err when none did. */
int httpc_request(const struct httpc_opts *o, const char *method, const char *url,
		  const char *const *headers, const void *body, size_t len, struct strbuf *resp,
		  long *status, struct strbuf *err);

#endif
