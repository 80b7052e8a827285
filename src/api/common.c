/* common.c: JSON helpers shared by the API handlers, and /api/me. */
#include "api/common.h"

#include <string.h>

#include "core/arena.h"
#include "domain/fielderr.h"
#include "domain/role.h"
#include "http/http.h"
#include "http/json_in.h"
#include "model/filter.h"

json_t *api_body(struct req *r)
{
	struct text_fault tf;
	char err[256];
	json_t *j;

	if (r->body_kind != BODY_JSON) {
		reply_error(r, E_BAD_REQUEST, "Content-Type must be application/json");
		return NULL;
	}
	j = json_in_parse(r->body.buf, r->body.len, err, sizeof(err), &tf);
	if (!j)
		reply_text_fault(r, arena_strdup(r->arena, err), &tf);
	return j;
}

int api_str(struct req *r, json_t *o, const char *key, const char **out)
{
	json_t *v = json_object_get(o, key);

	*out = "";
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return -1;
	*out = arena_strdup(r->arena, json_string_value(v));
	return 0;
}

json_t *api_opt_int(int64_t v)
{
	return v ? json_integer(v) : NULL;
}

int api_reply_list(struct req *r, json_t *items, long long total, int page)
{
	json_t *j = json_pack("{s:I, s:i, s:o}", "total", (json_int_t)total, "page", page, "items", items);

	/* the count stopped at the cap (model/filter.h): more than 10,000 */
	if (j && total > LIST_COUNT_CAP)
		json_object_set_new(j, "total_capped", json_true());
	return reply_json(r, 200, j);
}

int api_me(struct req *r)
{
	return reply_json(r, 200, json_pack("{s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)r->user.id,
					    "name", r->user.name, "display_name", r->user.display_name,
					    "role", r->user.role, "csrf", r->sess.csrf));
}

int64_t api_int(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

int api_text_call(struct req *r, const char *key,
		  int (*fn)(struct ctx *, int64_t, const char *, struct fielderr *), const char *what, int created)
{
	json_t *j = api_body(r);
	const char *text = "";
	struct fielderr fe = { 0 };

	if (!j)
		return MHD_YES;
	api_str(r, j, key, &text);
	json_decref(j);
	return api_result(r, fn(&r->c, r->id, text, &fe), &fe, what, created);
}

