/*
 * test_ix_line.c: the import's plain-line reader (domain/ix_line.c).  Its
 * one promise: a line it reads, jansson (JSON_REJECT_DUPLICATES) reads too,
 * as an object with the same members in the same order and the same
 * values; everything else it declines.  Checked on hand-written hostile
 * lines and on 200,000 mutations (a byte changed, dropped or doubled) of
 * plain lines; and the types' field names as import_record's lookup needs
 * them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/arena.h"
#include "domain/interchange.h"
#include "domain/ix_line.h"

static int same_val(const struct ix_jval *a, const struct ix_jval *b)
{
	if (a->kind != b->kind)
		return 0;
	if (a->kind == IX_J_STR)
		return !strcmp(a->s, b->s);
	if (a->kind == IX_J_INT)
		return a->i == b->i;
	if (a->kind == IX_J_ARRAY) {
		if (a->n != b->n)
			return 0;
		for (int k = 0; k < a->n; k++)
			if (!same_val(&a->e[k], &b->e[k]))
				return 0;
	}
	return 1;
}

/* The reader's answer for line, checked against jansson's: 0 read, 1 declined. */
static int checked(const char *line, size_t len)
{
	static struct ix_line l, j;
	struct arena *a = arena_new(4096);
	json_t *rec;
	int rc = ix_line_read(&l, line, len);

	assert_int_not_equal(rc, -1);
	if (rc == 0) {
		rec = json_loadb(line, len, JSON_REJECT_DUPLICATES, NULL);
		assert_non_null(rec);
		assert_true(json_is_object(rec));
		assert_int_equal(ix_line_from_json(&j, rec, a), 0);
		assert_int_equal(l.n, j.n);
		for (int k = 0; k < l.n; k++) {
			assert_string_equal(l.m[k].key, j.m[k].key);
			assert_true(same_val(&l.m[k].v, &j.m[k].v));
			assert_ptr_equal(ix_line_get(&l, l.m[k].key), &l.m[k].v);
		}
		json_decref(rec);
	}
	arena_free(a);
	return rc;
}

static void test_plain(void **state)
{
	static const char *const ok[] = {
		"{\"type\":\"unit\",\"id\":\"U1\",\"name\":\"测试单位001\",\"kind\":\"department\",\"parent\":null}",
		" {\t\"a\" : 1 , \"b\":-0,\"c\":true,\"d\":false,\"e\":[],\"f\":[ \"x\" , \"乙\" ]}\r\n",
		"{\"n\":999999999999999999,\"m\":-999999999999999999,\"s\":\"\",\"\":\"k\"}",
		"{}", "{\"u\":\"\xf0\x9f\x98\x80\xe4\xb8\x80\xc2\xa9\"}",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		assert_int_equal(checked(ok[i], strlen(ok[i])), 0);
}

static void test_declined(void **state)
{
	static const char *const bad[] = {
		"", "[]", "\"a\"", "1", "{", "{\"a\":1", "{\"a\":1,}", "{\"a\":1} x", "{\"a\" 1}",
		"{\"a\":\"b\\\"c\"}", "{\"a\":\"\\u4e59\"}", "{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":01}",
		"{\"a\":-}", "{\"a\":1234567890123456789}", "{\"a\":99999999999999999999}",
		"{\"a\":{\"b\":1}}", "{\"a\":[1]}", "{\"a\":[[\"x\"]]}", "{\"a\":[\"x\",]}", "{\"a\":tru}",
		"{\"a\":truex}", "{\"a\":nul}", "{\"a\":1,\"a\":2}", "{\"a\":\"\x01\"}", "{\"a\":\"\xff\"}",
		"{\"a\":\"\xc0\xaf\"}", "{\"a\":\"\xed\xa0\x80\"}", "{\"a\":\"\xf4\x90\x80\x80\"}",
		"{\"a\":\"\xe4\xb8\"}", "{\"a\":\"\xe0\x80\x80\"}", "\v{\"a\":1}", "{\"a\":1}\f",
		"{\"a\":1,\"b\":[\"x\" \"y\"]}", "{'a':1}", "{\"a\":\"x\"\"b\":1}",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(checked(bad[i], strlen(bad[i])), 1);
	assert_int_equal(checked("{\"a\":\"x\0y\"}", 11), 1);       /* a NUL byte */
	assert_int_equal(checked("{\"a\":1}\0x", 9), 1);
	assert_int_equal(checked("{\"a\":1}\0", 8), 1);
}

/* a byte of a plain line changed, dropped or doubled: whatever the reader
 * accepts, jansson accepts with the same values (checked) */
static void test_mutations(void **state)
{
	static const char *const seeds[] = {
		"{\"type\":\"clue\",\"id\":\"C1\",\"received\":\"2024-01-03\",\"subjects\":[\"P1\",\"P2\"],\"n\":-12,\"b\":true,\"z\":null}",
		"{\"type\":\"unit\",\"name\":\"测试单位\",\"parent\":false,\"x\":[]}",
	};
	static const char alphabet[] = "{}[]\",:\\ -0123456789tfnrueal\x01\x7f\x80\xbf\xc2\xe4\xed\xf0\xff";
	char buf[256];
	int read = 0;

	(void)state;
	srand(16);
	for (int r = 0; r < 200000; r++) {
		const char *s = seeds[r % 2];
		size_t len = strlen(s), at = (size_t)rand() % len;
		memcpy(buf, s, len);
		switch (rand() % 3) {
		case 0:
			buf[at] = alphabet[rand() % (int)(sizeof(alphabet) - 1)];
			break;
		case 1:
			memmove(buf + at, buf + at + 1, len - at - 1);
			len--;
			break;
		default:
			memmove(buf + at + 1, buf + at, len - at);
			len++;
		}
		read += checked(buf, len) == 0;
	}
	assert_true(read > 1000);        /* the mutations reach the reader's accepting paths */
}

/* import_record finds a member's field by its first match and aborts on a
 * type that breaks this (build_sql): every type's field names distinct,
 * none the line's "type" nor, for a type with ids, "id" */
static void test_field_names(void **state)
{
	(void)state;
	for (int ti = 0; ix_types[ti].type; ti++) {
		const struct ix_type *t = &ix_types[ti];
		for (int i = 0; t->fields[i].name || t->fields[i].kind; i++) {
			const char *a = t->fields[i].name;
			if (!a)
				continue;
			assert_string_not_equal(a, "type");
			assert_false(t->prefix && !strcmp(a, "id"));
			for (int k = 0; k < i; k++)
				assert_false(t->fields[k].name && !strcmp(t->fields[k].name, a));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_declined),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_field_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
