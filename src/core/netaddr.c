/*
 * netaddr.c: client addresses, trusted-proxy lists and X-Forwarded-For.
 *
 * The server takes a client's address from the socket.  Behind a reverse
 * proxy every socket comes from the proxy, so the proxy's word in
 * X-Forwarded-For is taken instead, but only when the socket's peer is a
 * proxy the operator named (--trusted-proxy or the trusted_proxy setting):
 * anybody else can write the header, and a forged address must not reach
 * the audit log or the per-address limits.  Each proxy appends the
 * address it saw to the right of the list, so the right-most entry that
 * is not one of our proxies is the client; whatever lies left of it was
 * written by the client and is ignored.  Parsing is strict: inet_pton,
 * bounded lengths, no allocation.
 */
#include "core/netaddr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static const unsigned char v4mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

int netaddr_is_v4(const struct netaddr *a)
{
	return !memcmp(a->b, v4mapped, sizeof(v4mapped));
}

static void set_v4(struct netaddr *a, const void *in4)
{
	memcpy(a->b, v4mapped, sizeof(v4mapped));
	memcpy(a->b + 12, in4, 4);
}

int netaddr_parse(const char *s, size_t len, struct netaddr *out)
{
	char buf[NETADDR_STRLEN];
	unsigned char in4[4];

	if (!len || len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (strlen(buf) != len)
		return -1;
	if (inet_pton(AF_INET, buf, in4) == 1) {
		set_v4(out, in4);
		return 0;
	}
	return inet_pton(AF_INET6, buf, out->b) == 1 ? 0 : -1;
}

int netaddr_from_sockaddr(const struct sockaddr *sa, struct netaddr *out)
{
	if (!sa)
		return -1;
	if (sa->sa_family == AF_INET) {
		set_v4(out, &((const struct sockaddr_in *)sa)->sin_addr);
		return 0;
	}
	if (sa->sa_family == AF_INET6) {
		memcpy(out->b, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
		return 0;
	}
	return -1;
}

void netaddr_format(const struct netaddr *a, char *buf)
{
	if (!inet_ntop(netaddr_is_v4(a) ? AF_INET : AF_INET6, netaddr_is_v4(a) ? a->b + 12 : a->b, buf,
		       NETADDR_STRLEN))
		buf[0] = '\0';
}

int netaddr_is_loopback(const struct netaddr *a)
{
	static const unsigned char one[16] = { [15] = 1 };

	return netaddr_is_v4(a) ? a->b[12] == 127 : !memcmp(a->b, one, 16);
}

/* 1 when the first bits of a and b are equal. */
static int prefix_eq(const struct netaddr *a, const struct netaddr *b, unsigned bits)
{
	unsigned whole = bits / 8, rest = bits % 8;

	if (memcmp(a->b, b->b, whole))
		return 0;
	if (!rest)
		return 1;
	return !((a->b[whole] ^ b->b[whole]) & (0xff00u >> rest));
}

/* One entry of a list: ADDRESS or ADDRESS/BITS (BITS of the address's own
 * family).  0 or -1. */
static int parse_range(const char *s, size_t len, struct netaddr *a, unsigned *bits)
{
	const char *slash = memchr(s, '/', len);
	unsigned long n = 0;
	size_t i;

	if (netaddr_parse(s, slash ? (size_t)(slash - s) : len, a) < 0)
		return -1;
	*bits = 128;
	if (!slash)
		return 0;
	if ((size_t)(slash - s) + 1 == len || len - (size_t)(slash - s) - 1 > 3)
		return -1;
	for (i = (size_t)(slash - s) + 1; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		n = n * 10 + (unsigned long)(s[i] - '0');
	}
	if (n > (netaddr_is_v4(a) ? 32u : 128u))
		return -1;
	*bits = (unsigned)n + (netaddr_is_v4(a) ? 96u : 0u);
	return 0;
}

int netaddr_list_parse(struct netaddr_list *l, const char *text, char *err, size_t errlen)
{
	const char *p = text ? text : "";

	memset(l, 0, sizeof(*l));
	for (;;) {
		size_t len;

		p += strspn(p, ", \t");
		if (!*p)
			return 0;
		len = strcspn(p, ", \t");
		if (l->n == NETADDR_LIST_MAX) {
			snprintf(err, errlen, "more than %d trusted proxies", NETADDR_LIST_MAX);
			return -1;
		}
		if (parse_range(p, len, &l->r[l->n].a, &l->r[l->n].bits) < 0) {
			snprintf(err, errlen, "'%.*s' is not an address or CIDR range",
				 len > 60 ? 60 : (int)len, p);
			return -1;
		}
		l->n++;
		p += len;
	}
}

int netaddr_list_has(const struct netaddr_list *l, const struct netaddr *a)
{
	for (unsigned i = 0; i < l->n; i++)
		if (prefix_eq(&l->r[i].a, a, l->r[i].bits))
			return 1;
	return 0;
}

/* 1 when p[0..n) is one or more decimal digits. */
static int all_digits(const char *p, size_t n)
{
	if (!n)
		return 0;
	while (n--)
		if (*p < '0' || *p++ > '9')
			return 0;
	return 1;
}

/* One X-Forwarded-For entry (spaces trimmed): an address, "[v6]" or
 * "[v6]:port", or "v4:port".  0 or -1. */
static int parse_hop(const char *s, size_t len, struct netaddr *a)
{
	const char *colon;
	size_t at;

	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len && s[0] == '[') {
		const char *close = memchr(s, ']', len);
		if (!close)
			return -1;
		at = (size_t)(close - s);
		if (at + 1 != len && (close[1] != ':' || !all_digits(close + 2, len - at - 2)))
			return -1;
		return netaddr_parse(s + 1, at - 1, a);
	}
	if (netaddr_parse(s, len, a) == 0)
		return 0;
	/* v4:port (one colon only: a bare IPv6 address has several) */
	colon = memchr(s, ':', len);
	if (!colon)
		return -1;
	at = (size_t)(colon - s);
	if (!all_digits(colon + 1, len - at - 1) || netaddr_parse(s, at, a) < 0 || !netaddr_is_v4(a))
		return -1;
	return 0;
}

void netaddr_forwarded(const struct netaddr_list *trusted, const struct netaddr *peer,
		       const char *xff, struct netaddr *client)
{
	size_t end;

	*client = *peer;
	if (!xff || !netaddr_list_has(trusted, peer))
		return;
	end = strlen(xff);
	while (end > 0) {
		size_t start = end;
		struct netaddr hop;

		while (start > 0 && xff[start - 1] != ',')
			start--;
		if (parse_hop(xff + start, end - start, &hop) < 0)
			return;             /* garbage: the last hop read stays */
		*client = hop;
		if (!netaddr_list_has(trusted, &hop))
			return;             /* the right-most untrusted entry */
		end = start ? start - 1 : 0;
	}
}
