/*
 * result.c: the one mapping from a domain result (domain/result.h) to an
 * answer, for pages (page_result) and for the API (api_result).  Before
 * it, each handler wrote the mapping by hand (three private helpers and
 * some sixty sites), and every store failure answered 503.  Now a store
 * failure answers 503 only when the database was busy or unreachable and
 * 500 otherwise (reply_error's E_STORE reads store_failure), and the
 * reply logs the store's message under the request id.
 */
#include "http/http.h"

#include <jansson.h>

#include "core/arena.h"

int res_error(struct req *r, long long rc, const char *what)
{
	if (rc == RES_NOT_FOUND)
		return reply_error(r, E_NOT_FOUND, what ? arena_printf(r->arena, "no such %s", what) : NULL);
	if (rc == RES_STORE)
		return reply_error(r, E_STORE, what);
	if (rc == RES_INVALID)      /* a page that had no form to show again */
		return reply_error(r, E_VALIDATION, what);
	return reply_error(r, E_INTERNAL, what);
}

int page_result(struct req *r, long long rc, const char *what, const char *ok_url)
{
	return res_ok(rc) ? reply_redirect(r, ok_url) : res_error(r, rc, what);
}

int api_result(struct req *r, long long rc, const struct fielderr *fe, const char *what,
	       int created)
{
	if (res_ok(rc))
		return created ? reply_json(r, 201, json_pack("{s:I}", "id", (json_int_t)rc))
			       : reply_json(r, 200, json_pack("{s:b}", "ok", 1));
	if (rc == RES_INVALID && fe)
		return reply_fields(r, fe);
	return res_error(r, rc, what);
}
