/*
 * ferry.c: writing, checking and applying ferry batches (ferry.h).
 * Which side this process is comes from its keys: the intranet holds the
 * sealing secret, a public instance does not.
 */
#include "domain/ferry.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/fielderr.h"
#include "domain/inbox.h"
#include "domain/public_rating.h"
#include "domain/public_report.h"
#include "domain/result.h"
#include "store/q_public.h"
#include "store/q_settings.h"
#include "store/store.h"

QF_AUDIT_EVENT(FERRY_IMPORT, "ferry_import", "导入摆渡批次");
QF_AUDIT_OBJECT(ferry, "摆渡批次");

#define MAGIC "qingfeng-ferry 1 "
#define SIG_HEX (2 * crypto_sign_BYTES)

static int is_intranet(const struct ctx *c)
{
	return c->keys->has_seal_sk;
}

/* Signs body (a JSON object, consumed) into out. */
static int write_batch(struct ctx *c, const char *kind, json_t *body, struct strbuf *out,
		       struct strbuf *err)
{
	unsigned char sig[crypto_sign_BYTES];
	char hex[SIG_HEX + 1];
	char *text;

	if (!c->keys->has_sign) {
		json_decref(body);
		strbuf_addstr(err, "the key file has no signing key: run 'qingfeng ferry key export' once");
		return -1;
	}
	text = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(body);
	if (!text)
		return -1;
	crypto_sign_detached(sig, NULL, (const unsigned char *)text, strlen(text), c->keys->sign_sk);
	hex_encode(sig, sizeof(sig), hex);
	strbuf_addf(out, MAGIC "%s %s\n%s\n", kind, hex, text);
	free(text);
	return 0;
}

static json_t *batch_body(struct ctx *c, const char *kind)
{
	char day[11];

	json_t *b = json_pack("{s:s, s:s, s:s, s:[]}", "kind", kind, "region", c->cfg->region, "made",
			      date_format(date_from_unix_cst(c->now), day), "items");

	if (b && !strcmp(kind, "replies")) {
		/* the moment it was made, in microseconds: the public side
		 * refuses a reply batch older than one it imported (a replay
		 * of an old, genuine batch would bring back old statuses) */
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		json_object_set_new(b, "points", json_array());
		json_object_set_new(b, "stamp", json_integer((json_int_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000));
	}
	return b;
}

/* the sealed text one inbox batch carries at most (a single larger item
 * goes alone): what `ferry import` reads (FERRY_MAX, cmd/ferry.c) and
 * holds in memory twice stays bounded however long the inbox is */
#define BATCH_SEALED_MAX ((size_t)256 * 1024 * 1024)
#define INBOX_PAGE 32

int ferry_export_inbox(struct ctx *c, int64_t *after, struct strbuf *out, struct strbuf *err)
{
	json_t *body, *items;
	size_t bytes = 0;
	int more = 0;

	if (is_intranet(c)) {
		strbuf_addstr(err, "this is the intranet (its key file holds the sealing secret): "
			      "it exports replies ('ferry export --replies')");
		return -1;
	}
	body = batch_body(c, "inbox");
	items = json_object_get(body, "items");
	while (!more) {
		struct inbox_item *it;
		/* each page in an arena of its own: the JSON keeps its copy */
		struct arena *page = arena_new(0);
		int n = page ? store_inbox_page(c->db, page, *after, INBOX_PAGE, &it) : -1;

		for (int i = 0; i < n; i++) {
			size_t len = strlen(it[i].sealed);
			if (json_array_size(items) && bytes + len > BATCH_SEALED_MAX) {
				more = 1;
				break;
			}
			bytes += len;
			*after = it[i].seq;
			json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:s}", "id", it[i].id, "kind",
							       it[i].kind, "day", it[i].day, "sealed",
							       it[i].sealed));
		}
		arena_free(page);
		if (n < 0) {
			json_decref(body);
			strbuf_addf(err, "cannot read the inbox: %s", store_errmsg(c->db));
			return -1;
		}
		if (n < INBOX_PAGE)
			break;
	}
	return write_batch(c, "inbox", body, out, err) < 0 ? -1 : more;
}

int ferry_item_outcome(struct ctx *c, const struct public_item *it, const char **status,
		       const char **answer, json_t **detail)
{
	const struct inbox_kind *k = inbox_kind_find(it->kind);

	*detail = NULL;
	return k && k->outcome ? k->outcome(c, it, status, answer, detail)
			       : public_outcome(c, it->item_id, status, answer);
}

int ferry_status_apply(struct ctx *c, const char *id, const char *status, const char *answer,
		       json_t *detail, const char *day)
{
	int rc = store_pstatus_set(c->db, id, status, answer, day);

	if (rc >= 0 && json_is_object(detail)) {
		char *d = json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS);
		int dc = d ? store_pstatus_detail(c->db, id, d) : -1;
		free(d);
		rc = dc < 0 ? -1 : rc || dc;
	}
	return rc;
}

int ferry_export_replies(struct ctx *c, struct strbuf *out, struct strbuf *err)
{
	struct public_item *it;
	json_t *body, *items;
	int n;

	if (!is_intranet(c)) {
		strbuf_addstr(err, "this is a public instance: it exports its inbox ('ferry export')");
		return -1;
	}
	n = store_pitem_all(c->db, c->a, &it);
	if (n < 0) {
		strbuf_addf(err, "cannot read the imported items: %s", store_errmsg(c->db));
		return -1;
	}
	body = batch_body(c, "replies");
	items = json_object_get(body, "items");
	for (int i = 0; i < n; i++) {
		const char *status, *answer;
		json_t *detail = NULL, *o;
		int rc = ferry_item_outcome(c, &it[i], &status, &answer, &detail);
		if (rc < 0) {
			json_decref(body);
			strbuf_addf(err, "cannot read the outcome of item %s", it[i].item_id);
			return -1;
		}
		o = json_pack("{s:s, s:s, s:s}", "id", it[i].item_id, "status", status, "answer", answer);
		if (detail)
			json_object_set_new(o, "detail", detail);
		json_array_append_new(items, o);
	}
	if (rating_points_json(c, json_object_get(body, "points")) < 0) {
		json_decref(body);
		strbuf_addstr(err, "cannot read the units' rating points");
		return -1;
	}
	return write_batch(c, "replies", body, out, err);
}

static const char *field_or_empty(json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));
	return v ? v : "";
}

/* Checks the first line and the signature: the body (JSON object) or
 * NULL with err. */
static json_t *read_batch(struct ctx *c, const char *data, size_t len, const char *want,
			  struct strbuf *err)
{
	unsigned char sig[crypto_sign_BYTES];
	const char *nl = memchr(data, '\n', len), *kind, *hex, *body;
	size_t klen = strlen(want), blen;
	json_t *v;

	if (!c->keys->has_peer) {
		strbuf_addstr(err, "the key file has no peer_verify: import the other side's keys "
			      "first ('qingfeng ferry key import FILE')");
		return NULL;
	}
	if (len < strlen(MAGIC) || memcmp(data, MAGIC, strlen(MAGIC)) || !nl) {
		strbuf_addstr(err, "not a ferry batch (the first line must start 'qingfeng-ferry 1')");
		return NULL;
	}
	kind = data + strlen(MAGIC);
	if ((size_t)(nl - kind) != klen + 1 + SIG_HEX || memcmp(kind, want, klen) || kind[klen] != ' ') {
		strbuf_addf(err, "not a batch this side takes (want kind '%s')", want);
		return NULL;
	}
	hex = kind + klen + 1;
	{
		char h[SIG_HEX + 1];
		memcpy(h, hex, SIG_HEX);
		h[SIG_HEX] = '\0';
		if (hex_decode(h, sig, sizeof(sig)) < 0) {
			strbuf_addstr(err, "the batch's signature is malformed");
			return NULL;
		}
	}
	body = nl + 1;
	blen = len - (size_t)(body - data);
	if (blen && body[blen - 1] == '\n')
		blen--;
	if (crypto_sign_verify_detached(sig, (const unsigned char *)body, blen, c->keys->peer_pk)) {
		strbuf_addstr(err, "the batch's signature does not verify: it was changed or made "
			      "by another instance; nothing imported");
		return NULL;
	}
	v = json_loadb(body, blen, 0, NULL);
	if (!json_is_object(v) || !json_is_array(json_object_get(v, "items")) ||
	    strcmp(field_or_empty(v, "kind"), want)) {
		json_decref(v);
		strbuf_addstr(err, "the batch's body is malformed");
		return NULL;
	}
	if (strcmp(field_or_empty(v, "region"), c->cfg->region)) {
		json_decref(v);
		strbuf_addstr(err, "the batch belongs to another commission (region differs)");
		return NULL;
	}
	return v;
}

static const char *field(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

struct apply_arg {
	struct ctx *c;
	json_t *items, *points;
	int64_t stamp;          /* a reply batch's (0: none) */
	struct ferry_counts *n;
	struct strbuf *err;
	int intranet;
};

/* A reply batch older than the newest imported is refused; the same one
 * again passes (an import is idempotent); a newer one becomes the newest.
 * The stamp is the intranet's clock: a clock set back refuses its batches
 * until it passes the last stamp again (docs/operations.md). */
#define REPLY_STAMP_KEY "ferry_reply_stamp"

static int newer_replies(struct apply_arg *aa)
{
	struct ctx *c = aa->c;
	const char *v = NULL;
	int64_t last;

	if (store_setting_get(c->db, c->a, REPLY_STAMP_KEY, &v) < 0) {
		strbuf_addf(aa->err, "cannot read the last reply batch's stamp: %s", store_errmsg(c->db));
		return -1;
	}
	last = v ? strtoll(v, NULL, 10) : 0;
	if (aa->stamp < last) {
		strbuf_addf(aa->err, "this reply batch (stamp %" PRId64 ") is older than one imported before "
			    "(stamp %" PRId64 "): refused, an old batch would bring back old statuses",
			    aa->stamp, last);
		return -1;
	}
	if (aa->stamp > last &&
	    store_setting_set(c->db, REPLY_STAMP_KEY, arena_printf(c->a, "%" PRId64, aa->stamp)) < 0) {
		strbuf_addf(aa->err, "cannot store the reply batch's stamp: %s", store_errmsg(c->db));
		return -1;
	}
	return 0;
}

static int apply_tx(struct store *s, void *arg)
{
	struct apply_arg *aa = arg;
	struct ctx *c = aa->c;
	size_t i;
	json_t *o;
	char day[11];

	(void)s;
	aa->n->applied = aa->n->skipped = 0;
	strbuf_reset(aa->err);
	if (!aa->intranet && newer_replies(aa) < 0)
		return -1;
	date_format(date_from_unix_cst(c->now), day);
	json_array_foreach(aa->items, i, o) {
		int rc;
		if (aa->intranet) {
			struct inbox_item it = { field(o, "id"), field(o, "kind"), field(o, "day"),
						 field(o, "sealed"), 0 };
			struct fielderr fe = { 0 };
			if (!it.id || !it.kind || !it.day || !it.sealed ||
			    strlen(it.id) != PUBLIC_ID_CHARS) {
				strbuf_addf(aa->err, "item %zu of the batch is malformed", i + 1);
				return -1;
			}
			rc = inbox_accept(c, &it, &fe);
			if (rc == RES_INVALID) {
				strbuf_addf(aa->err, "item %s refused: %s", it.id,
					    fe.n ? fe.msg[0] : "invalid");
				return -1;
			}
		} else {
			const char *id = field(o, "id"), *st = field(o, "status"), *ans = field(o, "answer");
			if (!id || !st || !ans || !label_of(public_statuses, st)) {
				strbuf_addf(aa->err, "item %zu of the batch is malformed", i + 1);
				return -1;
			}
			rc = ferry_status_apply(c, id, st, ans, json_object_get(o, "detail"), day);
			if (rc >= 0 && store_inbox_delete(c->db, id) < 0)
				rc = -1;
		}
		if (rc < 0) {
			strbuf_addf(aa->err, "cannot store the batch: %s", store_errmsg(c->db));
			return -1;
		}
		if (rc > 0)
			aa->n->applied++;
		else
			aa->n->skipped++;
	}
	/* the units' rating pages: only tokens and names, replaced as a whole */
	if (!aa->intranet && json_is_array(aa->points) && rating_points_apply(c, aa->points) < 0) {
		strbuf_addf(aa->err, "cannot store the rating points: %s", store_errmsg(c->db));
		return -1;
	}
	if (!aa->n->applied)
		return 0;       /* a batch seen before: nothing changes, not even the log */
	return audit_append(c, AEV_FERRY_IMPORT, aa->intranet ? "ferry/inbox" : "ferry/replies", 1,
			    arena_printf(c->a, "%d new, %d skipped", aa->n->applied, aa->n->skipped));
}

int ferry_import(struct ctx *c, const char *data, size_t len, struct ferry_counts *n,
		 struct strbuf *err)
{
	struct apply_arg aa = { .c = c, .n = n, .err = err, .intranet = is_intranet(c) };
	json_t *body = read_batch(c, data, len, aa.intranet ? "inbox" : "replies", err);
	int rc;

	memset(n, 0, sizeof(*n));
	if (!body)
		return -1;
	aa.items = json_object_get(body, "items");
	aa.points = json_object_get(body, "points");
	aa.stamp = (int64_t)json_integer_value(json_object_get(body, "stamp"));
	n->items = (int)json_array_size(aa.items);
	rc = store_tx(c->db, apply_tx, &aa);
	json_decref(body);
	if (rc < 0 && !err->len)
		strbuf_addf(err, "cannot store the batch: %s", store_errmsg(c->db));
	return rc < 0 ? -1 : 0;
}
