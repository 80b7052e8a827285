/*
 * test_json_in.c: unit tests for src/http/json_in.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "http/json_in.h"

static json_t *parse(const char *s, char *err, size_t errlen)
{
	return json_in_parse(s, strlen(s), err, errlen, NULL);
}

/* Asserts that s is refused with an error starting with `prefix`. */
static void refused(const char *s, size_t len, const char *prefix)
{
	char err[256];
	json_t *j = json_in_parse(s, len, err, sizeof(err), NULL);

	if (j) {
		json_decref(j);
		fail_msg("accepted %s", s);
	}
	if (strncmp(err, prefix, strlen(prefix)) != 0)
		fail_msg("error \"%s\" does not start with \"%s\"", err, prefix);
}

static void test_valid_object(void **state)
{
	char err[128] = "junk";
	json_t *j = parse(" {\"name\": \"清风\", \"n\": 1, \"o\": {\"a\": [1, 2]}}\n",
			  err, sizeof(err));

	assert_non_null(j);
	assert_string_equal(err, "");
	assert_true(json_is_object(j));
	assert_string_equal(json_in_str(j, "name"), "清风");
	assert_null(json_in_str(j, "n"));       /* not a string */
	assert_null(json_in_str(j, "o"));
	assert_null(json_in_str(j, "missing"));
	assert_null(json_in_str(NULL, "name"));
	assert_int_equal(json_integer_value(json_object_get(j, "n")), 1);
	json_decref(j);

	j = parse("{}", err, sizeof(err));
	assert_non_null(j);
	assert_int_equal(json_object_size(j), 0);
	json_decref(j);
}

static void test_top_level_must_be_object(void **state)
{
	refused("[1, 2]", 6, "top-level value is not an object");
	refused("[]", 2, "top-level value is not an object");
	refused("1", 1, "line 1 column ");
	refused("\"x\"", 3, "line 1 column ");
	refused("null", 4, "line 1 column ");
	refused("", 0, "line ");
	assert_null(json_in_parse(NULL, 0, NULL, 0, NULL));
}

static void test_trailing_garbage(void **state)
{
	char err[128];
	json_t *j;
	int line, col;

	refused("{\"a\":1} x", 9, "line 1 column ");
	refused("{\"a\":1}{}", 9, "line 1 column ");
	refused("{\"a\":1},", 8, "line 1 column ");
	/* an embedded NUL: the length counts, not strlen */
	refused("{\"a\":1}\0", 8, "line 1 column ");
	/* trailing whitespace is fine */
	j = parse("{\"a\":1}\n\t \r\n", err, sizeof(err));
	assert_non_null(j);
	json_decref(j);
	/* the message locates the problem */
	assert_null(parse("{\n\"a\" 1}", err, sizeof(err)));
	assert_int_equal(sscanf(err, "line %d column %d:", &line, &col), 2);
	assert_int_equal(line, 2);
	assert_true(col > 0);
	assert_non_null(strstr(err, ": "));
}

/* "{"a":" repeated, then the innermost value, then the closing braces */
static void nested(char *buf, size_t size, int levels)
{
	int i;

	buf[0] = '\0';
	for (i = 0; i < levels - 1; i++)
		strncat(buf, i % 2 ? "[" : "{\"a\":", size - strlen(buf) - 1);
	strncat(buf, i % 2 ? "[1" : "{\"a\":1", size - strlen(buf) - 1);
	for (i = levels - 1; i >= 0; i--)
		strncat(buf, i % 2 ? "]" : "}", size - strlen(buf) - 1);
}

static void test_depth(void **state)
{
	char buf[512], err[128];
	json_t *j;

	nested(buf, sizeof(buf), JSON_IN_MAX_DEPTH);
	j = parse(buf, err, sizeof(err));
	if (!j)
		fail_msg("depth 16 refused: %s (%s)", err, buf);
	json_decref(j);

	nested(buf, sizeof(buf), JSON_IN_MAX_DEPTH + 1);
	assert_null(parse(buf, err, sizeof(err)));
	assert_string_equal(err, "nested deeper than 16 levels");

	/* deep inside the second member, after a shallow first one */
	nested(buf, sizeof(buf), JSON_IN_MAX_DEPTH);
	{
		char two[600];
		snprintf(two, sizeof(two), "{\"x\":1,\"y\":%s}", buf);
		assert_null(parse(two, err, sizeof(err)));
		assert_string_equal(err, "nested deeper than 16 levels");
	}
	/* far deeper than jansson's own limit is an error, not a crash */
	{
		static char deep[8192];
		memset(deep, '[', sizeof(deep) - 1);
		deep[0] = '{';
		deep[sizeof(deep) - 1] = '\0';
		assert_null(parse(deep, err, sizeof(err)));
	}
}

static void test_duplicate_keys(void **state)
{
	char err[128];

	assert_null(parse("{\"a\":1,\"a\":2}", err, sizeof(err)));
	assert_non_null(strstr(err, "duplicate"));
	assert_null(parse("{\"o\":{\"k\":1,\"k\":1}}", err, sizeof(err)));
	assert_non_null(strstr(err, "duplicate"));
}

static void test_nul_in_string(void **state)
{
	char err[128];

	struct text_fault tf;

	/* refused by the text rule, as a form refuses %00 */
	assert_null(json_in_parse("{\"a\":\"x\\u0000y\"}", 16, err, sizeof(err), &tf));
	assert_string_equal(err, "field \"a\": NUL byte U+0000 at character 2");
	assert_int_equal(tf.reason, TEXT_NUL);
	assert_null(parse("{\"a\\u0000b\":1}", err, sizeof(err)));
	refused("{\"a\":\"x\0y\"}", 11, "line 1 column ");
}

static void test_invalid_utf8(void **state)
{
	refused("{\"a\":\"\xff\"}", 9, "line 1 column ");
	refused("{\"a\":\"\xc0\xaf\"}", 10, "line 1 column ");
	refused("{\"a\":\"\xed\xa0\x80\"}", 11, "line 1 column ");
	refused("{\"\xe6\xb8\":1}", 8, "line 1 column ");
}

/* Issue 8, failure 6: the API stored what the forms refuse.  Now every
 * string and member name passes text_check, with the forms' table of
 * multi-line fields, and the fault names the member. */
static json_t *parse_tf(const char *s, struct text_fault *tf, char *err, size_t errlen)
{
	return json_in_parse(s, strlen(s), err, errlen, tf);
}

static void refused_tf(const char *s, enum text_reason reason, const char *field, size_t at)
{
	struct text_fault tf;
	char err[256];
	json_t *j = parse_tf(s, &tf, err, sizeof(err));

	if (j) {
		json_decref(j);
		fail_msg("accepted %s", s);
	}
	if (tf.reason != reason || strcmp(tf.field, field) || tf.at != at)
		fail_msg("%s: reason %d field \"%s\" at %zu, want %d \"%s\" %zu (%s)", s,
			 (int)tf.reason, tf.field, tf.at, (int)reason, field, at, err);
}

static void test_text_rule(void **state)
{
	struct text_fault tf;
	char err[256];
	json_t *j;

	refused_tf("{\"name\":\"a\\u001b[31m\"}", TEXT_CONTROL, "name", 2);
	refused_tf("{\"name\":\"a\\u007f\"}", TEXT_CONTROL, "name", 2);
	refused_tf("{\"name\":\"\\u0085\"}", TEXT_CONTROL, "name", 1);
	refused_tf("{\"name\":\"\xc2\x9b\"}", TEXT_CONTROL, "name", 1);
	refused_tf("{\"name\":\"abc\\u202e\"}", TEXT_BIDI, "name", 4);
	refused_tf("{\"name\":\"\xe2\x81\xa6\"}", TEXT_BIDI, "name", 1);      /* U+2066 raw */
	refused_tf("{\"name\":\"a\\r\\n\"}", TEXT_LINEBREAK, "name", 2);
	refused_tf("{\"name\":\"a\\u2029\"}", TEXT_LINEBREAK, "name", 2);
	refused_tf("{\"name\":\"\\t\"}", TEXT_TAB, "name", 1);
	refused_tf("{\"name\":\"\\ufffe\"}", TEXT_NONCHAR, "name", 1);
	refused_tf("{\"name\":\"\\ud83f\\udfff\"}", TEXT_NONCHAR, "name", 1);  /* U+1FFFF */
	/* nested: the innermost member names the field, arrays add the index */
	refused_tf("{\"a\":{\"b\":{\"name\":\"x\\u202ey\"}}}", TEXT_BIDI, "name", 2);
	refused_tf("{\"measures\":[\"ok\",\"x\\u0007\"]}", TEXT_CONTROL, "measures[1]", 2);
	/* member names: one line, never echoed (the object's name instead) */
	refused_tf("{\"x\\u202ey\":1}", TEXT_BIDI, "", 2);
	refused_tf("{\"o\":{\"a\\nb\":1}}", TEXT_LINEBREAK, "o", 2);
	assert_null(parse_tf("{\"k\\u202e\":1}", &tf, err, sizeof(err)));
	assert_string_equal(tf.part, "member name");
	assert_string_equal(err, "member name: bidirectional control character U+202E at character 2");
	/* the multi-line members take line breaks and tabs, nothing more */
	j = parse_tf("{\"summary\":\"a\\r\\nb\\tc\\u2028\",\"note\":\"x\\ny\",\"ext3_note\":\"\\n\"}",
		     &tf, err, sizeof(err));
	if (!j)
		fail_msg("multi-line refused: %s", err);
	json_decref(j);
	refused_tf("{\"summary\":\"a\\r\\n\\u202d\"}", TEXT_BIDI, "summary", 4);
	refused_tf("{\"note\":\"\\u000b\"}", TEXT_CONTROL, "note", 1);
	/* allowed neighbours; a failure of another kind leaves no fault */
	j = parse_tf("{\"name\":\"\\u00a0\\u200e\xe4\xb8\xad\\ud83d\\ude00\",\"n\":1}", &tf, err, sizeof(err));
	if (!j)
		fail_msg("allowed text refused: %s", err);
	json_decref(j);
	assert_int_equal(tf.reason, TEXT_OK);
	assert_null(parse_tf("[1]", &tf, err, sizeof(err)));
	assert_int_equal(tf.reason, TEXT_OK);
}


static void test_small_err_buffer(void **state)
{
	char err[8];

	memset(err, 'Z', sizeof(err));
	assert_null(parse("[1]", err, sizeof(err)));
	assert_int_equal(strlen(err), sizeof(err) - 1);
	assert_null(parse("[1]", NULL, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_object),
		cmocka_unit_test(test_top_level_must_be_object),
		cmocka_unit_test(test_trailing_garbage),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_nul_in_string),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_text_rule),
		cmocka_unit_test(test_small_err_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
