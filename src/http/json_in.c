/*
 * json_in.c: a JSON request body parsed with jansson (see json_in.h).
 *
 * jansson already guarantees valid UTF-8 (no lone surrogate either, as a
 * \uD800 escape), no NUL in member names and, without
 * JSON_DISABLE_EOF_CHECK, nothing after the value but whitespace;
 * JSON_REJECT_DUPLICATES refuses an object with a key twice, which could
 * otherwise mean one thing to a check and another to the code that acts.
 * A "\u0000" in a string is let through (JSON_ALLOW_NUL) only for
 * text_check to refuse it with the forms' reason "nul".  This file adds
 * what an API wants on top: an object at the top and at most
 * JSON_IN_MAX_DEPTH levels of nesting (the top object is level 1), so no
 * handler walks a tree deeper than it expects; and every string and
 * member name anywhere in the tree checked by the forms' text rule
 * (text_check with the forms' table of multi-line fields, looked up by
 * the member's name; an array's strings by the array's name), so the API
 * stores nothing a form would refuse and refuses it with the same reason.
 * Fuzzed by tests/fuzz/fuzz_json.c.
 */
#include "http/json_in.h"

#include <stdio.h>
#include <string.h>

#include "http/form.h"

static void set_err(char *err, size_t errlen, const char *msg)
{
	if (err && errlen)
		snprintf(err, errlen, "%s", msg);
}

/* 1 when v, found at level `level`, nests no deeper than the limit.  The
 * recursion is bounded by the limit, never by the input. */
static int depth_ok(const json_t *v, int level)
{
	const char *key;
	json_t *child;
	size_t i;

	if (!json_is_object(v) && !json_is_array(v))
		return 1;
	if (level > JSON_IN_MAX_DEPTH)
		return 0;
	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, child)
			if (!depth_ok(child, level + 1))
				return 0;
	} else {
		json_array_foreach(v, i, child)
			if (!depth_ok(child, level + 1))
				return 0;
	}
	return 1;
}

/*
 * Checks v, the value of member `name` (the root: ""; idx >= 0 when v is
 * element idx of that member's array), and everything in it by the text
 * rule.  0, or -1 with *tf filled.  Bounded by the depth already checked.
 */
static int text_ok(const json_t *v, const char *name, long idx, struct text_fault *tf)
{
	const char *key;
	json_t *child;
	size_t i;

	if (json_is_string(v)) {
		if (text_check(json_string_value(v), json_string_length(v),
			       form_field_flags(name), tf) == TEXT_OK)
			return 0;
		text_fault_field(tf, name, strlen(name));
		if (idx >= 0 && strlen(tf->field) + 24 < sizeof(tf->field))
			snprintf(tf->field + strlen(tf->field), 24, "[%ld]", idx);
		return -1;
	}
	if (json_is_array(v)) {
		json_array_foreach(v, i, child)
			if (text_ok(child, name, (long)i, tf) < 0)
				return -1;
		return 0;
	}
	if (!json_is_object(v))
		return 0;
	json_object_foreach((json_t *)v, key, child) {
		if (text_check(key, strlen(key), TEXT_ONELINE, tf) != TEXT_OK) {
			tf->part = "member name";
			text_fault_field(tf, name, strlen(name));
			return -1;
		}
		if (text_ok(child, key, -1, tf) < 0)
			return -1;
	}
	return 0;
}

json_t *json_in_parse(const char *data, size_t len, char *err, size_t errlen,
		      struct text_fault *tf)
{
	struct text_fault scratch;
	json_error_t jerr;
	json_t *root;

	if (!tf)
		tf = &scratch;
	memset(tf, 0, sizeof(*tf));
	set_err(err, errlen, "");
	root = json_loadb(data ? data : "", data ? len : 0,
			  JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
	if (!root) {
		if (err && errlen)
			snprintf(err, errlen, "line %d column %d: %s",
				 jerr.line, jerr.column, jerr.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		set_err(err, errlen, "top-level value is not an object");
		json_decref(root);
		return NULL;
	}
	if (!depth_ok(root, 1)) {
		char msg[64];
		snprintf(msg, sizeof(msg), "nested deeper than %d levels",
			 JSON_IN_MAX_DEPTH);
		set_err(err, errlen, msg);
		json_decref(root);
		return NULL;
	}
	if (text_ok(root, "", -1, tf) < 0) {
		char msg[256];
		set_err(err, errlen, text_fault_en(tf, msg, sizeof(msg)));
		json_decref(root);
		return NULL;
	}
	return root;
}

const char *json_in_str(const json_t *obj, const char *key)
{
	const json_t *v;

	if (!json_is_object(obj) || !key)
		return NULL;
	v = json_object_get(obj, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}
