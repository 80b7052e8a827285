/*
 * api/ferry.c: GET /ferry/batch and POST /ferry/reply (api/ferry.h).
 *
 * Every refusal is JSON {"code","hint","detail"} and logged without the
 * key or the address.  A request without the headers and one with a
 * wrong key or a changed body get the same 401, so the routes tell a
 * caller without the key nothing; only a request with the right MAC
 * hears that its time was off (403) or that it was replayed (403).
 */
#include "api/ferry.h"

#include <string.h>

#include <jansson.h>

#include "core/log.h"
#include "core/pullauth.h"
#include "domain/ferry.h"
#include "domain/ferry_pull.h"
#include "http/http.h"

static int refuse(struct req *r, unsigned status, enum err_code code, const char *detail)
{
	log_warn("ferry pull: %s %s refused: %s", r->method == HM_GET ? "GET" : "POST", r->url,
		 detail);
	return reply_json(r, status, json_pack("{s:i, s:s, s:s}", "code", (int)code, "hint",
					       "摆渡拉取请求被拒绝。", "detail", detail));
}

/* 0 when the request may go on; else it was answered. */
static int authenticate(struct req *r, const char *method, const char *path, int *answered)
{
	static const char *const header[] = { "X-Qf-Time", "X-Qf-Nonce", "X-Qf-Mac" };
	const char *v[3];
	enum pull_verdict pv;

	*answered = 0;
	/* only a public instance with the shared key has these routes */
	if (r->c.keys->has_seal_sk || !r->c.keys->has_pull) {
		*answered = 1;
		return reply_error(r, E_NOT_FOUND, NULL);
	}
	for (int i = 0; i < 3; i++)
		v[i] = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, header[i]);
	pv = pull_check(r->c.keys->pull_key, method, path, v[0], v[1], v[2], r->body.buf,
			r->body.len, r->c.now, r->app->pull_seen);
	if (pv == PULL_OK) {
		r->c.who.name = "ferry-pull";
		return 0;
	}
	*answered = 1;
	switch (pv) {
	case PULL_STALE:
		return refuse(r, 403, E_FORBIDDEN, "the request's time (X-Qf-Time) is more than 300 "
			      "seconds from this server's clock: check both clocks");
	case PULL_REPLAY:
		return refuse(r, 403, E_FORBIDDEN, "the request's nonce (X-Qf-Nonce) was used before: "
			      "a replayed request");
	case PULL_FULL:
		return refuse(r, 503, E_BUSY, "too many pull requests in the last minutes: try again later");
	default:
		return refuse(r, 401, E_LOGIN_REQUIRED, "the request is not authenticated: no valid "
			      "X-Qf-Time, X-Qf-Nonce and X-Qf-Mac under this instance's pull key");
	}
}

int api_ferry_batch(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;
	int answered, rc = authenticate(r, "GET", FERRY_PULL_BATCH, &answered);

	if (answered)
		return rc;
	/* the first batch of the inbox (at most 256 MiB of sealed items):
	 * the reply collects its items, so the next request gets the rest */
	int64_t after = 0;

	if (ferry_export_inbox(&r->c, &after, &sb, &err) < 0) {
		strbuf_release(&sb);
		rc = refuse(r, 500, E_INTERNAL, err.buf);
	} else {
		rc = reply_text(r, 200, "application/octet-stream", &sb);
	}
	strbuf_release(&err);
	return rc;
}

int api_ferry_reply(struct req *r)
{
	struct strbuf err = STRBUF_INIT;
	struct ferry_counts n;
	int answered, rc = authenticate(r, "POST", FERRY_PULL_REPLY, &answered);

	if (answered)
		return rc;
	if (ferry_import(&r->c, r->body.buf ? r->body.buf : "", r->body.len, &n, &err) < 0)
		rc = refuse(r, 422, E_VALIDATION, err.buf);
	else {
		log_info("ferry pull: reply batch imported: %d items, %d applied, %d skipped", n.items,
			 n.applied, n.skipped);
		rc = reply_json(r, 200, json_pack("{s:i, s:i, s:i}", "items", n.items, "applied",
						  n.applied, "skipped", n.skipped));
	}
	strbuf_release(&err);
	return rc;
}
