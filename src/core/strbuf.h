#ifndef QF_STRBUF_H
#define QF_STRBUF_H
/*
 * strbuf: the one growable string type (after git's strbuf.h).
 *
 * Ownership: a strbuf owns its buffer; strbuf_release() frees it and
 * strbuf_detach() hands it to the caller, who then frees it with free().
 * The buffer is never NULL and always NUL-terminated, also right after
 * STRBUF_INIT.  A strbuf may carry a maximum size (strbuf_setmax); an append
 * that would pass it fails with -1, leaves the contents unchanged and sets
 * the sticky `overflow` flag, so a caller can check once at the end.
 * Allocation failure aborts (as git does): a web page cannot render half.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "core/compat.h"

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
	size_t max;     /* 0: no limit */
	int overflow;   /* an append was refused because of max */
};

extern char strbuf_slopbuf[];
#define STRBUF_INIT { strbuf_slopbuf, 0, 0, 0, 0 }

void strbuf_init(struct strbuf *sb, size_t hint);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_setmax(struct strbuf *sb, size_t max);
void strbuf_reset(struct strbuf *sb);
void strbuf_setlen(struct strbuf *sb, size_t len);

int strbuf_grow(struct strbuf *sb, size_t extra);
/* data, and the arguments of strbuf_addf, may point into sb itself. */
int strbuf_add(struct strbuf *sb, const void *data, size_t len);
int strbuf_addstr(struct strbuf *sb, const char *s);
int strbuf_addch(struct strbuf *sb, int c);
/* A whole number in decimal, as "%" PRId64 writes it, without printf. */
int strbuf_add_i64(struct strbuf *sb, int64_t v);
int strbuf_addf(struct strbuf *sb, const char *fmt, ...) QF_PRINTF(2, 3);
int strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap) QF_PRINTF(2, 0);

/* Trims ASCII whitespace at both ends, in place. */
void strbuf_trim(struct strbuf *sb);

#endif
