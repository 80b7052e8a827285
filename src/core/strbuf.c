/*
 * strbuf.c: the growable string (see strbuf.h for the contract).
 *
 * Guarantees: buf is never NULL and always NUL-terminated; a refused append
 * (past `max`) leaves the contents as they were and sets `overflow`.
 */
#include "core/strbuf.h"
#include "core/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char strbuf_slopbuf[1];

void strbuf_init(struct strbuf *sb, size_t hint)
{
	sb->buf = strbuf_slopbuf;
	sb->len = sb->alloc = sb->max = 0;
	sb->overflow = 0;
	if (hint)
		(void)strbuf_grow(sb, hint);
}

void strbuf_release(struct strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	strbuf_init(sb, 0);
}

char *strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *res;

	if (!sb->alloc)
		(void)strbuf_grow(sb, 0);
	res = sb->buf;
	if (len)
		*len = sb->len;
	strbuf_init(sb, 0);
	return res;
}

void strbuf_setmax(struct strbuf *sb, size_t max)
{
	sb->max = max;
}

void strbuf_reset(struct strbuf *sb)
{
	strbuf_setlen(sb, 0);
	sb->overflow = 0;
}

void strbuf_setlen(struct strbuf *sb, size_t len)
{
	if (!sb->alloc)
		return;
	if (len > sb->len)
		len = sb->len;
	sb->len = len;
	sb->buf[len] = '\0';
}

int strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t want;

	if (extra > SIZE_MAX - sb->len - 1)
		abort();
	want = sb->len + extra + 1;
	if (sb->max && sb->len + extra > sb->max) {
		sb->overflow = 1;
		return -1;
	}
	if (want <= sb->alloc)
		return 0;
	if (!sb->alloc) {
		size_t n = want < 64 ? 64 : want;
		sb->buf = xmalloc(n);
		sb->buf[0] = '\0';
		sb->alloc = n;
		return 0;
	}
	{
		size_t n = sb->alloc * 2;
		if (n < want)
			n = want;
		sb->buf = xrealloc(sb->buf, n);
		sb->alloc = n;
	}
	return 0;
}

/*
 * data may point into sb's own buffer (strbuf_add(sb, sb->buf, sb->len)):
 * growing may move the buffer, so the source is found again after it.
 */
int strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	uintptr_t d = (uintptr_t)data, b = (uintptr_t)sb->buf;
	int inside = sb->alloc && d >= b && d < b + sb->alloc;

	if (strbuf_grow(sb, len) < 0)
		return -1;
	if (inside)
		data = sb->buf + (d - b);
	if (len)
		memmove(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
	return 0;
}

int strbuf_addstr(struct strbuf *sb, const char *s)
{
	return strbuf_add(sb, s, strlen(s));
}

int strbuf_add_i64(struct strbuf *sb, int64_t v)
{
	char buf[24], *p = buf + sizeof(buf);
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10));
	if (v < 0)
		*--p = '-';
	return strbuf_add(sb, p, (size_t)(buf + sizeof(buf) - p));
}

int strbuf_addch(struct strbuf *sb, int c)
{
	char ch = (char)c;
	return strbuf_add(sb, &ch, 1);
}

/*
 * The arguments may point into sb's own buffer (strbuf_addf(sb, "%s",
 * sb->buf)), so when the buffer must grow the text is formatted into a new
 * one and the old one is freed only afterwards, never realloc'ed under
 * the arguments.
 */
int strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	char *old = NULL;
	char small[256];
	int n;

	/* most appends are short: format once into a local buffer (safe even
	 * when an argument points into sb) and copy */
	va_copy(cp, ap);
	n = vsnprintf(small, sizeof(small), fmt, cp);
	va_end(cp);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof(small))
		return strbuf_add(sb, small, (size_t)n);
	if (sb->alloc && (size_t)n >= sb->alloc - sb->len) {
		size_t want, na;

		if (sb->max && sb->len + (size_t)n > sb->max) {
			sb->overflow = 1;
			return -1;
		}
		if ((size_t)n > SIZE_MAX - sb->len - 1)
			abort();
		want = sb->len + (size_t)n + 1;
		na = sb->alloc < SIZE_MAX / 2 && sb->alloc * 2 > want ? sb->alloc * 2 : want;
		old = sb->buf;
		sb->buf = xmalloc(na);
		memcpy(sb->buf, old, sb->len + 1);
		sb->alloc = na;
	} else if (strbuf_grow(sb, (size_t)n) < 0) {
		return -1;
	}
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
	free(old);
	return 0;
}

int strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
	return rc;
}

/* ASCII only, whatever the locale: isspace() in some locales takes bytes
 * of UTF-8 sequences (0x85, 0xa0) for spaces. */
static int ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void strbuf_trim(struct strbuf *sb)
{
	size_t b = 0, e = sb->len;

	while (b < e && ascii_space(sb->buf[b]))
		b++;
	while (e > b && ascii_space(sb->buf[e - 1]))
		e--;
	if (!sb->alloc)
		return;
	memmove(sb->buf, sb->buf + b, e - b);
	sb->len = e - b;
	sb->buf[sb->len] = '\0';
}
