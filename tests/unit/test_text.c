/*
 * test_text.c: unit tests for src/core/text.c, the one input rule of the
 * forms and the JSON API (issue 8, failure 6: the API stored ESC, DEL and
 * C1 controls the forms refused; both took bidi overrides and line breaks
 * in one-line names).  Every code point is checked against an independent
 * statement of the rule, under both flags; then the invalid UTF-8 classes,
 * positions, and the messages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/compat.h"
#include "core/text.h"

/* The rule as text.h states it, written out again by ranges. */
static enum text_reason expected(uint32_t cp, int flags)
{
	int multi = flags == TEXT_MULTILINE;

	if (cp == 0)
		return TEXT_NUL;
	if (cp == 0x09)
		return multi ? TEXT_OK : TEXT_TAB;
	if (cp == 0x0a || cp == 0x0d || cp == 0x2028 || cp == 0x2029)
		return multi ? TEXT_OK : TEXT_LINEBREAK;
	if (cp <= 0x1f || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
		return TEXT_CONTROL;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return TEXT_BIDI;
	if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xffff) == 0xfffe || (cp & 0xffff) == 0xffff)
		return TEXT_NONCHAR;
	return TEXT_OK;
}

static size_t encode(uint32_t cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | cp >> 12);
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | cp >> 18);
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Every scalar value, alone and after "中a" (position 3, byte 4), under
 * both flags: the verdict, the code point and the position. */
static void test_every_code_point(void **state)
{
	static const int flags[] = { TEXT_ONELINE, TEXT_MULTILINE };
	size_t refused[2] = { 0, 0 };

	for (uint32_t cp = 0; cp <= 0x10ffff; cp++) {
		char buf[16] = "\xe4\xb8\xad" "a";
		size_t n;

		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		n = encode(cp, buf + 4);
		for (size_t k = 0; k < 2; k++) {
			struct text_fault tf = { 0 };
			enum text_reason want = expected(cp, flags[k]);
			enum text_reason got = text_check(buf, 4 + n, flags[k], &tf);

			if (got != want)
				fail_msg("U+%04X flags %d: %d, want %d", (unsigned)cp, flags[k], got, want);
			if (text_check_cp(cp, flags[k]) != want)
				fail_msg("text_check_cp U+%04X flags %d", (unsigned)cp, flags[k]);
			if (got != TEXT_OK) {
				refused[k]++;
				if (tf.cp != cp || tf.at != 3 || tf.off != 4)
					fail_msg("U+%04X: cp %04X at %zu off %zu", (unsigned)cp,
						 (unsigned)tf.cp, tf.at, tf.off);
			}
		}
	}
	/* C0 but tab, LF, CR 29 + DEL + C1 32 + bidi 9 + U+FDD0-FDEF 32 +
	 * U+xFFFE/U+xFFFF 34 = 137 multi-line; one line adds tab, LF, CR,
	 * U+2028, U+2029 */
	assert_int_equal(refused[1], 137);
	assert_int_equal(refused[0], 142);
}

/* The neighbours of every refused range, and what people type. */
static void test_allowed(void **state)
{
	static const char *const ok[] = {
		"", "张三", "清风 · 廉政", "\xc2\xa0", "\xc2\xa0\xc3\x85",   /* U+00A0 U+00C5 */
		"\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c",     /* LRM RLM ALM: implicit marks */
		"\xe2\x80\x8b\xe2\x80\x8d\xef\xbb\xbf", /* ZWSP ZWJ BOM */
		"\xe2\x80\xa7\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa",   /* U+2027 202F 2065 206A */
		"\xef\xb7\x8f\xef\xb7\xb0\xef\xbf\xbd", /* U+FDCF FDF0 FFFD */
		"\xf0\x9f\x98\x80\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", /* emoji, ZWJ */
		"\xf4\x8f\xbf\xbd", "\xf3\xa0\x80\x81", /* U+10FFFD, a tag character */
		"\xe3\x80\x80", "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./",
	};

	for (size_t i = 0; i < QF_ARRAY_SIZE(ok); i++)
		for (int f = 0; f < 2; f++)
			if (text_check(ok[i], strlen(ok[i]), f, NULL) != TEXT_OK)
				fail_msg("refused #%zu (flags %d)", i, f);
}

static void test_invalid_utf8(void **state)
{
	static const struct {
		const char *s;
		size_t len, at;
		unsigned byte;
	} bad[] = {
		{ "\xff", 1, 1, 0xff }, { "a\xfe", 2, 2, 0xfe }, { "\x80", 1, 1, 0x80 },
		{ "\xbf", 1, 1, 0xbf }, { "\xc0\xaf", 2, 1, 0xc0 }, { "\xc1\xbf", 2, 1, 0xc1 },
		{ "\xe0\x80\xaf", 3, 1, 0xe0 }, { "\xf0\x80\x80\xaf", 4, 1, 0xf0 },
		{ "\xed\xa0\x80", 3, 1, 0xed }, { "\xed\xbf\xbf", 3, 1, 0xed },   /* surrogates */
		{ "\xf4\x90\x80\x80", 4, 1, 0xf4 }, { "\xf5\x80\x80\x80", 4, 1, 0xf5 },
		{ "\xf8\x88\x80\x80\x80", 5, 1, 0xf8 },
		{ "\xe4\xb8", 2, 1, 0xe4 }, { "\xe4\xb8\xad\xe4", 4, 2, 0xe4 },  /* truncated */
		{ "ab\xe4<\xb8", 5, 3, 0xe4 },
	};

	for (size_t i = 0; i < QF_ARRAY_SIZE(bad); i++)
		for (int f = 0; f < 2; f++) {
			struct text_fault tf = { 0 };

			if (text_check(bad[i].s, bad[i].len, f, &tf) != TEXT_UTF8 ||
			    tf.at != bad[i].at || tf.cp != bad[i].byte)
				fail_msg("#%zu: reason %d at %zu byte %02X", i, tf.reason, tf.at,
					 (unsigned)tf.cp);
		}
	/* the length counts, not a NUL: an embedded NUL is found */
	assert_int_equal(text_check("ab\0c", 4, TEXT_MULTILINE, NULL), TEXT_NUL);
	/* and nothing past len is read */
	assert_int_equal(text_check("ab\x1b", 2, TEXT_ONELINE, NULL), TEXT_OK);
	assert_int_equal(text_check("\xe4\xb8\xad", 2, TEXT_ONELINE, NULL), TEXT_UTF8);
}

/* A string with several faults reports the first. */
static void test_first_fault(void **state)
{
	struct text_fault tf = { 0 };

	assert_int_equal(text_check("中文\xe2\x80\xae\x1b\n", 11, TEXT_ONELINE, &tf), TEXT_BIDI);
	assert_int_equal(tf.at, 3);
	assert_int_equal(tf.off, 6);
	assert_int_equal(text_check("a\nb\x1b", 4, TEXT_ONELINE, &tf), TEXT_LINEBREAK);
	assert_int_equal(text_check("a\nb\x1b", 4, TEXT_MULTILINE, &tf), TEXT_CONTROL);
	assert_int_equal(tf.at, 4);
}

static void test_messages(void **state)
{
	struct text_fault tf = { 0 };
	char buf[512];

	assert_int_equal(text_check("ab\xe2\x80\xae", 5, TEXT_ONELINE, &tf), TEXT_BIDI);
	text_fault_field(&tf, "name", 4);
	assert_string_equal(text_fault_en(&tf, buf, sizeof(buf)),
			    "field \"name\": bidirectional control character U+202E at character 3");
	assert_string_equal(text_fault_zh(&tf, buf, sizeof(buf)),
			    "“name”第 3 个字符是改变文字显示方向的控制符"
			    "（U+202E），不能提交，请删除后重新提交。");
	assert_string_equal(text_reason_code(tf.reason), "bidi");

	tf.part = "file name";
	assert_string_equal(text_fault_en(&tf, buf, sizeof(buf)),
			    "field \"name\", file name: bidirectional control character U+202E at character 3");
	assert_non_null(strstr(text_fault_zh(&tf, buf, sizeof(buf)), "“name”的文件名第 3 个字符"));
	tf.part = "member name";
	tf.field[0] = '\0';
	assert_string_equal(text_fault_en(&tf, buf, sizeof(buf)),
			    "member name: bidirectional control character U+202E at character 3");
	assert_non_null(strstr(text_fault_zh(&tf, buf, sizeof(buf)), "成员名第 3 个字符"));

	memset(&tf, 0, sizeof(tf));
	assert_int_equal(text_check("ab\r\n", 4, TEXT_ONELINE, &tf), TEXT_LINEBREAK);
	text_fault_field(&tf, "name", 4);
	assert_string_equal(text_fault_zh(&tf, buf, sizeof(buf)),
			    "“name”只能填写一行，第 3 个字符是换行符（U+000D），请删除后重新提交。");

	memset(&tf, 0, sizeof(tf));
	assert_int_equal(text_check("x\xff", 2, TEXT_ONELINE, &tf), TEXT_UTF8);
	text_fault_field(&tf, "q", 1);
	assert_string_equal(text_fault_en(&tf, buf, sizeof(buf)),
			    "field \"q\": invalid UTF-8 (byte 0xFF) at character 2");
	assert_non_null(strstr(text_fault_zh(&tf, buf, sizeof(buf)), "无效的 UTF-8 编码（字节 0xFF）"));

	/* every reason has a code and both messages; unknown ones do not crash */
	for (int r = TEXT_UTF8; r <= TEXT_NONCHAR; r++) {
		tf.reason = (enum text_reason)r;
		assert_true(strlen(text_reason_code(tf.reason)) > 0);
		assert_true(strlen(text_fault_en(&tf, buf, sizeof(buf))) > 10);
		assert_true(strlen(text_fault_zh(&tf, buf, sizeof(buf))) > 10);
	}
	tf.reason = (enum text_reason)99;
	assert_string_equal(text_reason_code(tf.reason), "");
	/* a small buffer is cut, not overrun */
	assert_int_equal(strlen(text_fault_en(&tf, buf, 8)), 7);
	assert_int_equal(text_reason_code(TEXT_OK)[0], '\0');
}

static void test_shift_and_field(void **state)
{
	struct text_fault tf = { 0 };
	char name[200];

	assert_int_equal(text_check("b\x7f", 2, TEXT_ONELINE, &tf), TEXT_CONTROL);
	text_fault_shift(&tf, "中文a", 7);
	assert_int_equal(tf.at, 5);
	assert_int_equal(tf.off, 8);

	/* a long name is cut at a character boundary and marked */
	memset(name, 0, sizeof(name));
	for (int i = 0; i < 30; i++)
		memcpy(name + 3 * i, "名", 3);
	text_fault_field(&tf, name, strlen(name));
	assert_int_equal(strlen(tf.field), 63 + 3);
	assert_string_equal(tf.field + 63, "...");
	assert_int_equal(text_check(tf.field, strlen(tf.field), TEXT_ONELINE, NULL), TEXT_OK);
	text_fault_field(&tf, "abc", 3);
	assert_string_equal(tf.field, "abc");
	text_fault_field(&tf, name, 63);   /* not too long: kept whole */
	assert_int_equal(strlen(tf.field), 63);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_code_point),
		cmocka_unit_test(test_allowed),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_first_fault),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_shift_and_field),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
