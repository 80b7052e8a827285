#ifndef QF_NETADDR_H
#define QF_NETADDR_H
/*
 * netaddr: client addresses as the server keeps them, lists of trusted
 * proxies (addresses and CIDR ranges), and the client address a trusted
 * proxy forwards in X-Forwarded-For.
 *
 * An address is 16 bytes in IPv6 form; an IPv4 address (and an IPv4
 * client seen on a dual-stack socket) is held as ::ffff:a.b.c.d, so both
 * spellings of one client are one address for limits and logs, and it is
 * written back as a.b.c.d.  Plain values, no allocation: nothing to free.
 */
#include <stddef.h>

#include "core/compat.h"

struct sockaddr;

struct netaddr {
	unsigned char b[16];
};

#define NETADDR_LIST_MAX 32
#define NETADDR_STRLEN 46       /* INET6_ADDRSTRLEN */

/* Trusted proxies: up to NETADDR_LIST_MAX ranges (an address is a range
 * of 32 or 128 bits). */
struct netaddr_list {
	unsigned n;
	struct {
		struct netaddr a;
		unsigned bits;      /* prefix length in IPv6 form (v4 /24 is 120) */
	} r[NETADDR_LIST_MAX];
};

/* Parses a numeric IPv4 or IPv6 address of len bytes (no brackets, no
 * port, no zone).  0, or -1 when it is not exactly one address. */
int netaddr_parse(const char *s, size_t len, struct netaddr *out) QF_WUR;
/* The address of an AF_INET or AF_INET6 socket address.  0 or -1. */
int netaddr_from_sockaddr(const struct sockaddr *sa, struct netaddr *out) QF_WUR;
/* Writes the address (IPv4 as a.b.c.d) into buf of NETADDR_STRLEN. */
void netaddr_format(const struct netaddr *a, char *buf);
/* 1 for 127.0.0.0/8 and ::1. */
/* An IPv4 address (held as ::ffff:a.b.c.d). */
int netaddr_is_v4(const struct netaddr *a);
int netaddr_is_loopback(const struct netaddr *a);

/* Parses a list of addresses and CIDR ranges separated by commas and/or
 * spaces ("127.0.0.1, 10.0.0.0/8 ::1"); an empty text is an empty list.
 * 0, or -1 with a message in err (errlen bytes) naming the bad entry. */
int netaddr_list_parse(struct netaddr_list *l, const char *text, char *err, size_t errlen);
/* 1 when a lies in one of the list's ranges. */
int netaddr_list_has(const struct netaddr_list *l, const struct netaddr *a);

/* The client of a request that came from peer with the X-Forwarded-For
 * value xff (NULL when absent; repeated headers joined by commas).  When
 * peer is not in trusted, or xff is NULL, the client is the peer.  Else
 * the entries are read from the right: trusted ones are proxies and are
 * skipped, the first untrusted one is the client; when all are trusted
 * the left-most is.  An entry that is not an address ends the walk: the
 * client is then the last address that was read (the hop that passed the
 * garbage on).  An entry may carry a port ("1.2.3.4:80", "[::1]:80"). */
void netaddr_forwarded(const struct netaddr_list *trusted, const struct netaddr *peer,
		       const char *xff, struct netaddr *client);

#endif
