/*
 * fuzz_json.c: libFuzzer target for src/http/json_in.c.
 *
 * Whatever json_in_parse accepts is an object no deeper than the limit
 * whose strings and member names all pass text_check (one line unless the
 * forms' table says otherwise); serialised again by jansson it must be
 * accepted again (nothing accepted can be turned into something refused:
 * no duplicate keys, no NUL, no bad UTF-8 slipped through).  A refusal
 * always comes with a message, and a text fault with a reason.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/form.h"
#include "http/json_in.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

/* 1 when every string and member name under v (the value of member
 * `name`) passes the text rule. */
static int texts_ok(json_t *v, const char *name)
{
	const char *key;
	json_t *child;
	size_t i;

	if (json_is_string(v))
		return text_check(json_string_value(v), json_string_length(v),
				  form_field_flags(name), NULL) == TEXT_OK;
	if (json_is_array(v)) {
		json_array_foreach(v, i, child)
			if (!texts_ok(child, name))
				return 0;
	} else if (json_is_object(v)) {
		json_object_foreach(v, key, child)
			if (text_check(key, strlen(key), TEXT_ONELINE, NULL) != TEXT_OK ||
			    !texts_ok(child, key))
				return 0;
	}
	return 1;
}

static int depth(json_t *v)
{
	const char *key;
	json_t *child;
	size_t i;
	int max = 0, d;

	if (json_is_object(v)) {
		json_object_foreach(v, key, child)
			if ((d = depth(child)) > max)
				max = d;
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, child)
			if ((d = depth(child)) > max)
				max = d;
	} else {
		return 0;
	}
	return max + 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_fault tf;
	char err[256];
	json_t *j, *again;
	char *dump;

	err[0] = 'Z';
	j = json_in_parse((const char *)data, size, err, sizeof(err), &tf);
	if (!j) {
		CHECK(err[0] != '\0' && strlen(err) < sizeof(err));
		CHECK(tf.reason == TEXT_OK || text_reason_code(tf.reason)[0]);
		return 0;
	}
	CHECK(err[0] == '\0');
	CHECK(tf.reason == TEXT_OK);
	CHECK(json_is_object(j));
	CHECK(depth(j) <= JSON_IN_MAX_DEPTH);
	CHECK(texts_ok(j, ""));

	dump = json_dumps(j, JSON_COMPACT);
	CHECK(dump != NULL);
	again = json_in_parse(dump, strlen(dump), err, sizeof(err), NULL);
	CHECK(again != NULL);
	CHECK(json_equal(j, again));
	json_decref(again);
	free(dump);
	json_decref(j);
	return 0;
}
