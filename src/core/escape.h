#ifndef QF_ESCAPE_H
#define QF_ESCAPE_H
/*
 * escape: the one escaping layer (after cgit's html.c).  Pages write raw
 * bytes only for string literals; every value goes through the function for
 * its context.  All functions append to `out` and return its append result
 * (0, or -1 when the strbuf's max was reached).  NULL input appends nothing.
 * Input that is not valid UTF-8 is never copied as is: each invalid byte
 * becomes U+FFFD.  An escape is all or nothing: when the max is reached
 * the strbuf is put back as it was before the call (overflow stays set).
 */
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

/* Text content of an element: & < > " ' escaped.  What text_check refuses
 * in every field (C0 controls other than tab, LF, CR; DEL; C1 controls;
 * bidirectional embeddings, overrides and isolates; noncharacters: text
 * stored before the check) becomes U+FFFD. */
int html_txt(struct strbuf *out, const char *s);
/* A double-quoted attribute value: as html_txt plus ` = and control chars
 * (tab, LF, CR as &#9; &#10; &#13;). */
int html_attr(struct strbuf *out, const char *s);
/* One query-string component, percent-encoded (RFC 3986 unreserved kept). */
int url_arg(struct strbuf *out, const char *s);
/* A JSON string literal with its quotes; non-ASCII kept as UTF-8,
 * U+2028/U+2029, controls, DEL, < > & ' and the refused code points of
 * the BMP (C1, bidi controls, noncharacters) escaped as \uXXXX (safe
 * inside HTML too, and lossless). */
int json_str(struct strbuf *out, const char *s);
/* A CSV field (RFC 4180), quoted when needed (, " CR LF, or a space at
 * either end); a leading = + - @ tab CR is prefixed with ' against formula
 * injection, and the field is then quoted too.  Controls as html_txt. */
int csv_field(struct strbuf *out, const char *s);

/* 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates, no NUL),
 * 0 otherwise. */
int utf8_valid(const char *s, size_t len);
/* Number of code points of a valid UTF-8 string (for length limits in
 * characters, as users count them); an invalid byte counts as one. */
size_t utf8_len(const char *s);

/* The value of one hexadecimal digit, -1 when c is not one. */
int hex_value(int c);
/* Decodes %XX and '+' (form encoding) in place; returns the new length or
 * -1 on a malformed escape ("%G1", "%4", "%" at the end) or on "%00",
 * leaving s unchanged.  The result may be invalid UTF-8: check it. */
long url_decode(char *s);

#endif
