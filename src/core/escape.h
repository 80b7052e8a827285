#ifndef QF_ESCAPE_H
#define QF_ESCAPE_H
/*
 * escape: the one escaping layer (after cgit's html.c).  Pages write raw
 * bytes only for string literals; every value goes through the function for
 * its context.  All functions append to `out` and return its append result
 * (0, or -1 when the strbuf's max was reached).  NULL input appends nothing.
 * Input that is not valid UTF-8 is never copied as is: each invalid byte
 * becomes U+FFFD.
 */
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

/* Text content of an element: & < > " ' escaped. */
int html_txt(struct strbuf *out, const char *s);
/* A double-quoted attribute value: as html_txt plus ` = and control chars. */
int html_attr(struct strbuf *out, const char *s);
/* One query-string component, percent-encoded (RFC 3986 unreserved kept). */
int url_arg(struct strbuf *out, const char *s);
/* A JSON string literal with its quotes; non-ASCII kept as UTF-8,
 * U+2028/U+2029 and < > & escaped as \uXXXX (safe inside HTML too). */
int json_str(struct strbuf *out, const char *s);
/* A CSV field (RFC 4180), quoted when needed; a leading = + - @ is
 * prefixed with ' against formula injection. */
int csv_field(struct strbuf *out, const char *s);

/* 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates, no NUL),
 * 0 otherwise. */
int utf8_valid(const char *s, size_t len);
/* Number of code points of a valid UTF-8 string (for length limits in
 * characters, as users count them). */
size_t utf8_len(const char *s);

/* Decodes %XX and '+' (form encoding) in place; returns the new length or
 * -1 on a malformed escape. */
long url_decode(char *s);

#endif
