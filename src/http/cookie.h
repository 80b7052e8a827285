#ifndef QF_COOKIE_H
#define QF_COOKIE_H
/*
 * cookie: reading a Cookie request header and writing Set-Cookie values.
 * Parsing is strict about names and tolerant about spacing; values with
 * bytes outside RFC 6265's cookie-octet set are ignored (never returned).
 */
#include <stddef.h>

#include "core/strbuf.h"

/* Copies the value of cookie `name` from the header into out (size outlen,
 * NUL-terminated).  Returns the value's length, -1 when absent, malformed
 * or longer than outlen - 1.  Names match exactly; a malformed pair is
 * skipped as if absent; of repeated names the first well-formed pair wins.
 * Surrounding double quotes are removed from the value. */
int cookie_get(const char *header, const char *name, char *out, size_t outlen);

/* Appends a Set-Cookie value: name=value; Path=/; HttpOnly; SameSite=Strict
 * [; Secure] [; Max-Age=N].  max_age < 0 omits Max-Age, 0 deletes.
 * Returns 0, or -1 with nothing appended when name is not a token, value
 * has a byte outside cookie-octet (it is never escaped), a __Host- or
 * __Secure- name comes without secure (browsers would drop it), or the
 * strbuf's max is reached. */
int cookie_format(struct strbuf *out, const char *name, const char *value,
		  int secure, long max_age);

#endif
