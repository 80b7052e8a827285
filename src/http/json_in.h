#ifndef QF_JSON_IN_H
#define QF_JSON_IN_H
/*
 * json_in: parsing a JSON request body with jansson, with the limits an
 * API needs: an object at the top, at most JSON_IN_MAX_DEPTH levels, and
 * every string and member name passing the forms' text rule (text_check,
 * one-line unless form_field_flags() names the member multi-line).  The
 * caller owns the returned json_t and releases it with json_decref().
 */
#include <stddef.h>

#include <jansson.h>

#include "core/text.h"

#define JSON_IN_MAX_DEPTH 16

/* NULL with a precise message (line/column, or the member and the
 * character) in err on any failure; when the text rule refused a string,
 * also its fault in *tf (tf may be NULL; its reason is TEXT_OK for every
 * other failure). */
json_t *json_in_parse(const char *data, size_t len, char *err, size_t errlen,
		      struct text_fault *tf);
/* String member or NULL when absent or not a string. */
const char *json_in_str(const json_t *obj, const char *key);

#endif
