#ifndef QF_JSON_IN_H
#define QF_JSON_IN_H
/*
 * json_in: parsing a JSON request body with jansson, with the limits an
 * API needs: an object at the top, at most JSON_IN_MAX_DEPTH levels, no
 * NUL in strings, valid UTF-8 (jansson checks it).  The caller owns the
 * returned json_t and releases it with json_decref().
 */
#include <stddef.h>

#include <jansson.h>

#define JSON_IN_MAX_DEPTH 16

/* NULL with a precise message (line/column) in err on any failure. */
json_t *json_in_parse(const char *data, size_t len, char *err, size_t errlen);
/* String member or NULL when absent or not a string. */
const char *json_in_str(const json_t *obj, const char *key);

#endif
