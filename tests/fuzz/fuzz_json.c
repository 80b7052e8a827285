/*
 * fuzz_json.c: libFuzzer target for src/http/json_in.c.
 *
 * Whatever json_in_parse accepts is an object no deeper than the limit;
 * serialised again by jansson it must be accepted again (nothing accepted
 * can be turned into something refused: no duplicate keys, no NUL, no bad
 * UTF-8 slipped through).  A refusal always comes with a message.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/json_in.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

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
	char err[256];
	json_t *j, *again;
	char *dump;

	err[0] = 'Z';
	j = json_in_parse((const char *)data, size, err, sizeof(err));
	if (!j) {
		CHECK(err[0] != '\0' && strlen(err) < sizeof(err));
		return 0;
	}
	CHECK(err[0] == '\0');
	CHECK(json_is_object(j));
	CHECK(depth(j) <= JSON_IN_MAX_DEPTH);

	dump = json_dumps(j, JSON_COMPACT);
	CHECK(dump != NULL);
	again = json_in_parse(dump, strlen(dump), err, sizeof(err));
	CHECK(again != NULL);
	CHECK(json_equal(j, again));
	json_decref(again);
	free(dump);
	json_decref(j);
	return 0;
}
