#ifndef QF_API_COMMON_H
#define QF_API_COMMON_H
/*
 * api/common: what every API handler uses (common.c): the JSON body, its
 * string members, the list reply, optional integers for json_pack; and
 * /api/me.  Returned json_t values are new references the caller owns
 * (reply_json takes them); strings are arena copies.
 */
#include <jansson.h>
#include <stdint.h>

struct req;

int api_me(struct req *r);

/* The request body as a JSON object; NULL after answering 400. */
json_t *api_body(struct req *r);
/* A string member as an arena copy ("" when absent); -1 when present but
 * not a string. */
int api_str(struct req *r, json_t *o, const char *key, const char **out);
/* A step that takes one text member: {key: "..."} passed to
 * fn(ctx, r->id, text, fe), answered by api_result (what, created). */
struct ctx;
struct fielderr;
int api_text_call(struct req *r, const char *key,
		  int (*fn)(struct ctx *, int64_t, const char *, struct fielderr *), const char *what, int created);
/* An integer member's value, 0 when absent or not an integer (ids). */
int64_t api_int(json_t *o, const char *key);
/* An integer member's value for json_pack's "o?": a new JSON integer, or
 * NULL (packed as null) when v is 0, the records' "none" for ids, months.
 * Strings use "s?" directly; jansson has no optional integer format. */
json_t *api_opt_int(int64_t v);
/* {"total": N, "page": P, "items": items}, and "total_capped": true when
 * N is past LIST_COUNT_CAP (a list's count stops at 10,001: more than
 * 10,000, issue 16) */
int api_reply_list(struct req *r, json_t *items, long long total, int page);

#endif
