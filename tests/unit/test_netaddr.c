/*
 * test_netaddr.c: unit tests for src/core/netaddr.c: addresses, trusted
 * proxy lists, and the client named by X-Forwarded-For (issue 8: only a
 * trusted proxy's word counts; a forged header from anybody else, or
 * garbage a proxy passed on, never becomes the client address).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "core/netaddr.h"

/* The address as text, from a static buffer. */
static const char *fmt(const struct netaddr *a)
{
	static char buf[NETADDR_STRLEN];

	netaddr_format(a, buf);
	return buf;
}

static struct netaddr addr(const char *s)
{
	struct netaddr a;

	assert_int_equal(netaddr_parse(s, strlen(s), &a), 0);
	return a;
}

static void test_parse(void **state)
{
	struct netaddr a;
	static const char *bad[] = {
		"", " 1.2.3.4", "1.2.3.4 ", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4x",
		"1.2.3.4/8", "::1%lo", "[::1]", "localhost", "1:2:3:4:5:6:7:8:9", ":::",
		"1.2.3.4:80", "123456789012345678901234567890123456789012345678901234567890",
	};

	assert_string_equal(fmt((a = addr("10.1.2.3"), &a)), "10.1.2.3");
	assert_string_equal(fmt((a = addr("2001:DB8::1"), &a)), "2001:db8::1");
	/* an IPv4 client on a dual-stack socket is the same IPv4 address */
	assert_string_equal(fmt((a = addr("::ffff:127.0.0.1"), &a)), "127.0.0.1");
	assert_true(netaddr_is_loopback((a = addr("127.9.9.9"), &a)));
	assert_true(netaddr_is_loopback((a = addr("::1"), &a)));
	assert_false(netaddr_is_loopback((a = addr("::2"), &a)));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(netaddr_parse(bad[i], strlen(bad[i]), &a), -1);
	/* a NUL inside the given length is not an address */
	assert_int_equal(netaddr_parse("1.2.3.4\0", 8, &a), -1);
}

static void test_sockaddr(void **state)
{
	struct sockaddr_in s4 = { .sin_family = AF_INET };
	struct sockaddr_in6 s6 = { .sin6_family = AF_INET6 };
	struct netaddr a, b;

	inet_pton(AF_INET, "192.0.2.7", &s4.sin_addr);
	inet_pton(AF_INET6, "::ffff:192.0.2.7", &s6.sin6_addr);
	assert_int_equal(netaddr_from_sockaddr((struct sockaddr *)&s4, &a), 0);
	assert_int_equal(netaddr_from_sockaddr((struct sockaddr *)&s6, &b), 0);
	assert_memory_equal(a.b, b.b, 16);
	assert_string_equal(fmt(&a), "192.0.2.7");
	assert_int_equal(netaddr_from_sockaddr(NULL, &a), -1);
}

static void test_list(void **state)
{
	struct netaddr_list l;
	struct netaddr a;
	char err[160];

	assert_int_equal(netaddr_list_parse(&l, "", err, sizeof(err)), 0);
	assert_int_equal(l.n, 0);
	assert_false(netaddr_list_has(&l, (a = addr("127.0.0.1"), &a)));
	assert_int_equal(netaddr_list_parse(&l, " 127.0.0.1, 10.0.0.0/8  fd00::/8,::1 ", err,
					    sizeof(err)), 0);
	assert_int_equal(l.n, 4);
	assert_true(netaddr_list_has(&l, (a = addr("127.0.0.1"), &a)));
	assert_false(netaddr_list_has(&l, (a = addr("127.0.0.2"), &a)));
	assert_true(netaddr_list_has(&l, (a = addr("10.255.0.1"), &a)));
	assert_false(netaddr_list_has(&l, (a = addr("11.0.0.1"), &a)));
	assert_true(netaddr_list_has(&l, (a = addr("fd12::5"), &a)));
	assert_false(netaddr_list_has(&l, (a = addr("fe80::1"), &a)));
	assert_true(netaddr_list_has(&l, (a = addr("::ffff:10.0.0.9"), &a)));
	/* prefixes that are not whole bytes */
	assert_int_equal(netaddr_list_parse(&l, "192.168.4.0/22", err, sizeof(err)), 0);
	assert_true(netaddr_list_has(&l, (a = addr("192.168.7.255"), &a)));
	assert_false(netaddr_list_has(&l, (a = addr("192.168.8.0"), &a)));
	assert_int_equal(netaddr_list_parse(&l, "0.0.0.0/0", err, sizeof(err)), 0);
	assert_true(netaddr_list_has(&l, (a = addr("8.8.8.8"), &a)));
	assert_false(netaddr_list_has(&l, (a = addr("2001:db8::1"), &a)));

	assert_int_equal(netaddr_list_parse(&l, "127.0.0.1,nonsense", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "'nonsense'"));
	assert_int_equal(netaddr_list_parse(&l, "10.0.0.0/33", err, sizeof(err)), -1);
	assert_int_equal(netaddr_list_parse(&l, "fd00::/129", err, sizeof(err)), -1);
	assert_int_equal(netaddr_list_parse(&l, "10.0.0.0/", err, sizeof(err)), -1);
	assert_int_equal(netaddr_list_parse(&l, "10.0.0.0/-1", err, sizeof(err)), -1);
	assert_int_equal(netaddr_list_parse(&l, "10.0.0.0/0008", err, sizeof(err)), -1);
	assert_int_equal(netaddr_list_parse(&l, "10.0.0.0/8/8", err, sizeof(err)), -1);
	/* more entries than fit */
	{
		char many[64 * 12] = "";
		for (int i = 0; i <= NETADDR_LIST_MAX; i++)
			strcat(many, "10.0.0.1, ");
		assert_int_equal(netaddr_list_parse(&l, many, err, sizeof(err)), -1);
	}
}

/* The client for a peer and a header, as text. */
static const char *client(const char *trusted, const char *peer, const char *xff)
{
	struct netaddr_list l;
	struct netaddr p = addr(peer), c;
	char err[160];

	assert_int_equal(netaddr_list_parse(&l, trusted, err, sizeof(err)), 0);
	netaddr_forwarded(&l, &p, xff, &c);
	return fmt(&c);
}

static void test_forwarded(void **state)
{
	/* untrusted peers: the header is ignored, whatever it says */
	assert_string_equal(client("", "127.0.0.1", "203.0.113.7"), "127.0.0.1");
	assert_string_equal(client("10.0.0.1", "127.0.0.1", "203.0.113.7"), "127.0.0.1");
	/* a trusted peer without the header is the client */
	assert_string_equal(client("127.0.0.1", "127.0.0.1", NULL), "127.0.0.1");
	/* the right-most entry the proxy appended */
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "203.0.113.7"), "203.0.113.7");
	/* what the client wrote on the left is not believed */
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "198.51.100.1, 203.0.113.7"),
			    "203.0.113.7");
	/* chains of trusted proxies are skipped */
	assert_string_equal(client("127.0.0.1, 10.0.0.0/8", "127.0.0.1",
				   "198.51.100.1, 203.0.113.7, 10.1.1.1,10.2.2.2"), "203.0.113.7");
	/* all trusted: the left-most */
	assert_string_equal(client("127.0.0.1, 10.0.0.0/8", "127.0.0.1", "10.3.3.3, 10.1.1.1"),
			    "10.3.3.3");
	/* garbage ends the walk at the last address read */
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "203.0.113.7, evil"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1, 10.0.0.0/8", "127.0.0.1", "evil, 10.1.1.1"),
			    "10.1.1.1");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "evil, 203.0.113.7"), "203.0.113.7");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", ""), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", ",,,"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "203.0.113.7,"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", ",203.0.113.7"), "203.0.113.7");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "203.0.113.7\r\nX: y"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "unknown"), "127.0.0.1");
	/* ports and brackets as some proxies write them */
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "203.0.113.7:5678"), "203.0.113.7");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "[2001:db8::9]:443"), "2001:db8::9");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "[2001:db8::9]"), "2001:db8::9");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", " 2001:db8::9 "), "2001:db8::9");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "[2001:db8::9]:"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "[2001:db8::9]x"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "[2001:db8::9"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "203.0.113.7:"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "203.0.113.7:8a"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "127.0.0.1", "2001:db8::9:80"), "2001:db8::9:80");
	/* an IPv4 proxy seen through a dual-stack socket is still trusted */
	assert_string_equal(client("127.0.0.1", "::ffff:127.0.0.1", "203.0.113.7"), "203.0.113.7");
	/* a long hostile list costs one pass and ends on the right */
	{
		static char big[8192];
		size_t n = 0;
		while (n + 16 < sizeof(big) - 20)
			n += (size_t)snprintf(big + n, sizeof(big) - n, "198.51.100.%zu,", n % 250);
		snprintf(big + n, sizeof(big) - n, "203.0.113.7");
		assert_string_equal(client("127.0.0.1", "127.0.0.1", big), "203.0.113.7");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_sockaddr),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_forwarded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
