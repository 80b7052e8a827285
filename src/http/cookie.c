/*
 * cookie.c: the Cookie request header and Set-Cookie values (see cookie.h).
 *
 * Reading follows RFC 6265 section 4.2.1: pairs separated by ';', a name
 * that is an RFC 7230 token, a value of cookie-octets, optionally wrapped
 * in double quotes.  Spaces and tabs around ';' and '=' are tolerated.
 * Names match exactly (case-sensitive), so "xsid" is never taken for
 * "sid".  A pair that breaks the grammar is skipped as if it were absent,
 * so a stray cookie set by another application on the same host cannot
 * hide ours, and no byte outside cookie-octet is ever returned.  When a
 * name appears more than once, the first well-formed pair wins (browsers
 * send the most specific path first).
 *
 * Writing refuses, rather than escapes, anything outside those sets: the
 * names and values the platform sets are its own tokens.
 */
#include "http/cookie.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* RFC 7230 tchar */
static int token_char(unsigned char c)
{
	if (c <= 0x20 || c >= 0x7f)
		return 0;
	return strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

/* RFC 6265 cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E */
static int cookie_octet(unsigned char c)
{
	return c == 0x21 || (c >= 0x23 && c <= 0x2b) ||
	       (c >= 0x2d && c <= 0x3a) || (c >= 0x3c && c <= 0x5b) ||
	       (c >= 0x5d && c <= 0x7e);
}

static int ows(char c)
{
	return c == ' ' || c == '\t';
}

static int all_token(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!token_char((unsigned char)s[i]))
			return 0;
	return 1;
}

static int all_octets(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!cookie_octet((unsigned char)s[i]))
			return 0;
	return 1;
}

int cookie_get(const char *header, const char *name, char *out, size_t outlen)
{
	size_t nlen;
	const char *p;

	if (!header || !name || !out || outlen == 0)
		return -1;
	out[0] = '\0';
	nlen = strlen(name);
	if (nlen == 0)
		return -1;
	p = header;
	while (*p) {
		const char *end = strchr(p, ';');
		const char *ns, *ne, *vs, *ve, *eq;

		if (!end)
			end = p + strlen(p);
		ns = p;
		p = *end ? end + 1 : end;

		while (ns < end && ows(*ns))
			ns++;
		eq = memchr(ns, '=', (size_t)(end - ns));
		if (!eq)
			continue;
		ne = eq;
		while (ne > ns && ows(ne[-1]))
			ne--;
		if ((size_t)(ne - ns) != nlen || memcmp(ns, name, nlen) != 0 ||
		    !all_token(ns, nlen))
			continue;
		vs = eq + 1;
		ve = end;
		while (vs < ve && ows(*vs))
			vs++;
		while (ve > vs && ows(ve[-1]))
			ve--;
		if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
			vs++;
			ve--;
		}
		if (!all_octets(vs, (size_t)(ve - vs)))
			continue;
		if ((size_t)(ve - vs) > outlen - 1 || ve - vs > INT_MAX)
			return -1;
		memcpy(out, vs, (size_t)(ve - vs));
		out[ve - vs] = '\0';
		return (int)(ve - vs);
	}
	return -1;
}

int cookie_format(struct strbuf *out, const char *name, const char *value,
		  int secure, long max_age)
{
	char age[32] = "";

	if (!name || !value || !all_token(name, strlen(name)) ||
	    !all_octets(value, strlen(value)))
		return -1;
	/* browsers drop a prefixed cookie that lacks Secure: fail loudly */
	if (!secure && (strncasecmp(name, "__Host-", 7) == 0 ||
			strncasecmp(name, "__Secure-", 9) == 0))
		return -1;
	if (max_age >= 0)
		snprintf(age, sizeof(age), "; Max-Age=%ld", max_age);
	/* one append: on overflow nothing is written */
	return strbuf_addf(out, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s",
			   name, value, secure ? "; Secure" : "", age);
}
