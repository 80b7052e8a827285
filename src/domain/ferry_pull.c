/*
 * ferry_pull.c: one pull of the ferry over HTTPS (ferry_pull.h).
 */
#include "domain/ferry_pull.h"

#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/httpc.h"
#include "core/pullauth.h"
#include "domain/ctx.h"

#define PULL_MAX (512u * 1024 * 1024)     /* as a batch file (cmd/ferry.c) */
#define PULL_TIMEOUT 600L

/* One signed request to BASE + path; the answer's body in resp.  The
 * status, or -1 with err (no answer). */
static long call(struct ctx *c, const struct ferry_pull_opts *o, const char *method,
		 const char *path, const struct strbuf *body, struct strbuf *resp,
		 struct strbuf *err)
{
	struct httpc_opts ho = { o->ca, o->allow_http, PULL_TIMEOUT, o->stop };
	struct pull_sig sig;
	size_t bl = strlen(o->base);
	const char *url = arena_printf(c->a, "%.*s%s", (int)(bl && o->base[bl - 1] == '/' ? bl - 1 : bl),
				       o->base, path);
	const char *h[4];
	long status;

	pull_sign(c->keys->pull_key, method, path, c->now, body ? body->buf : "",
		  body ? body->len : 0, &sig);
	h[0] = arena_printf(c->a, "X-Qf-Time: %s", sig.time);
	h[1] = arena_printf(c->a, "X-Qf-Nonce: %s", sig.nonce);
	h[2] = arena_printf(c->a, "X-Qf-Mac: %s", sig.mac);
	h[3] = NULL;
	strbuf_setmax(resp, PULL_MAX);
	if (httpc_request(&ho, method, url, h, body ? body->buf : NULL, body ? body->len : 0, resp,
			  &status, err) < 0)
		return -1;
	return status;
}

/* The refusal's text: the JSON answer's detail, else what a foreign
 * answer probably means. */
static const char *why(struct ctx *c, long status, const struct strbuf *resp)
{
	json_t *v = json_loadb(resp->buf, resp->len, 0, NULL);
	const char *d = json_string_value(json_object_get(v, "detail"));
	const char *s = d ? arena_strdup(c->a, d)
		: status == 404 ? "no pull route there (not a public instance, or its key file has no "
				  "pull_secret, or it was not restarted since)"
				: "the answer is not the public instance's";

	json_decref(v);
	return s;
}

/* at most this many batches a pull (each up to 256 MiB of sealed items);
 * the rest waits for the next pull */
#define FERRY_PULL_ROUNDS 16

int ferry_pull(struct ctx *c, const struct ferry_pull_opts *o, struct ferry_counts *in,
	       struct ferry_counts *back, struct strbuf *err)
{
	struct strbuf resp = STRBUF_INIT, batch = STRBUF_INIT;
	long st;
	int rc = -1;

	memset(in, 0, sizeof(*in));
	memset(back, 0, sizeof(*back));
	if (!c->keys->has_seal_sk) {
		strbuf_addstr(err, "this is a public instance: the intranet pulls (its key file holds "
			      "the sealing secret)");
		return -1;
	}
	if (!c->keys->has_pull) {
		strbuf_addstr(err, "the key file has no pull_secret: 'qingfeng ferry key pull-secret' "
			      "(docs/operations.md \"Pull over HTTPS\")");
		return -1;
	}
	/* rounds: an inbox past one batch (256 MiB of sealed items, ferry.h)
	 * comes a batch a round, each collected by the round's reply */
	for (int round = 0; round < FERRY_PULL_ROUNDS; round++) {
		struct ferry_counts i1, b1;

		strbuf_reset(&resp);
		strbuf_reset(&batch);
		/* 1: the public inbox, imported here */
		st = call(c, o, "GET", FERRY_PULL_BATCH, NULL, &resp, err);
		if (st < 0)
			goto out;
		if (st != 200) {
			strbuf_addf(err, "GET %s answered %ld: %s", FERRY_PULL_BATCH, st, why(c, st, &resp));
			goto out;
		}
		if (ferry_import(c, resp.buf, resp.len, &i1, err) < 0)
			goto out;
		if (round > 0 && i1.items == 0)
			break;  /* the rest was collected: the replies went already */
		/* 2: the replies, imported there */
		if (ferry_export_replies(c, &batch, err) < 0)
			goto out;
		strbuf_reset(&resp);
		st = call(c, o, "POST", FERRY_PULL_REPLY, &batch, &resp, err);
		if (st < 0)
			goto out;
		if (st != 200) {
			strbuf_addf(err, "POST %s answered %ld: %s", FERRY_PULL_REPLY, st, why(c, st, &resp));
			goto out;
		}
		json_t *v = json_loadb(resp.buf, resp.len, 0, NULL);
		b1.items = (int)json_integer_value(json_object_get(v, "items"));
		b1.applied = (int)json_integer_value(json_object_get(v, "applied"));
		b1.skipped = (int)json_integer_value(json_object_get(v, "skipped"));
		json_decref(v);
		in->items += i1.items;
		in->applied += i1.applied;
		in->skipped += i1.skipped;
		*back = b1;     /* each reply batch is whole: the last one counts */
		if (i1.items == 0)
			break;
	}
	rc = 0;
out:
	strbuf_release(&resp);
	strbuf_release(&batch);
	return rc;
}
