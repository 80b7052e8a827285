/*
 * test_money.c: yuan text <-> integer fen (core/money.c): exact
 * parsing of valid amounts, refusal of hostile strings, and formatting.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/money.h"
#include "core/strbuf.h"

static void test_parse_valid(void **state)
{
	static const struct { const char *s; int64_t fen; } ok[] = {
		{ "117526.73", 11752673 }, { "0", 0 }, { "0.5", 50 }, { "0.05", 5 }, { "12", 1200 },
		{ "007.10", 710 }, { "9999999999999.99", 999999999999999 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		int64_t fen = -1;
		assert_int_equal(money_parse(ok[i].s, &fen), 0);
		assert_int_equal(fen, ok[i].fen);
	}
}

static void test_parse_hostile(void **state)
{
	static const char *const bad[] = {
		"", ".", ".5", "5.", "1.234", "-5", "+5", " 5", "5 ", "1e5", "1,000", "12a", "0x10",
		"１２", "5..1", "1.2.3", "10000000000000", "NaN", "inf", "5\n",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int64_t fen = 42;
		assert_int_equal(money_parse(bad[i], &fen), -1);
		assert_int_equal(fen, 42);
	}
	assert_int_equal(money_parse(NULL, NULL), -1);
}

static void test_format(void **state)
{
	static const struct { int64_t fen; const char *grouped, *plain; } v[] = {
		{ 11752673, "117,526.73", "117526.73" }, { 0, "0.00", "0.00" }, { 5, "0.05", "0.05" },
		{ 100000, "1,000.00", "1000.00" }, { 99999, "999.99", "999.99" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
		int64_t back;
		money_format(&a, v[i].fen, 1);
		money_format(&b, v[i].fen, 0);
		assert_string_equal(a.buf, v[i].grouped);
		assert_string_equal(b.buf, v[i].plain);
		assert_int_equal(money_parse(b.buf, &back), 0);
		assert_int_equal(back, v[i].fen);
		strbuf_release(&a);
		strbuf_release(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_hostile),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
