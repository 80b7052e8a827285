/*
 * rating_group.c: plain ratings through the group writer
 * (domain/rating_group.h).
 *
 * Guarantees: a rating's key row and the sealed item that carries the
 * rating commit in the same transaction, so a rating is either stored and
 * acknowledged or neither; the item is sealed once per group (its own
 * ephemeral key, discarded), to the intranet's key, as every inbox item.
 */
#include "domain/rating_group.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "domain/ctx.h"
#include "domain/fielderr.h"
#include "domain/inbox.h"
#include "domain/rating_key.h"
#include "store/q_public.h"

struct rating_group {
	struct groupw *w;
	const struct config *cfg;
	const struct qf_keys *keys;
	struct calendar *_Atomic *cal;
	/* the open group (the writer's thread only) */
	char id[PUBLIC_ID_CHARS + 1];
	json_t *list;
	struct arena *a;
	unsigned char (*digests)[SEEN_DIGEST];  /* the group's claimed keys */
	size_t n_digests, cap_digests;
	struct seenset *seen;
};

/* the job's key row: 1 written, 0 a twin (nothing written), < 0 */
static int key_row(struct store *s, struct rating_group *g, struct rating_job *job,
		   const struct public_submission *sub)
{
	char hex[2 * SEEN_DIGEST + 1];
	int rc;

	if (!job->seen)
		return store_psub_add(s, g->cfg->region, job->hash, sub);
	if (seenset_group_mark(g->seen, job->digest))
		return 0;
	if (g->n_digests == g->cap_digests) {
		g->cap_digests = g->cap_digests ? 2 * g->cap_digests : 64;
		g->digests = xrealloc(g->digests, g->cap_digests * sizeof(*g->digests));
	}
	memcpy(g->digests[g->n_digests++], job->digest, SEEN_DIGEST);
	rating_key_digest_hex(job->digest, hex);
	rc = store_prkey_add(s, hex, job->day);
	return rc < 0 ? rc : 1;
}

static int apply(struct store *s, struct groupw_job *gj)
{
	struct rating_job *job = (struct rating_job *)gj;
	struct rating_group *g = job->g;
	struct public_submission sub = { .item_id = g->id, .letter_item = "", .review = 0, .day = job->day };
	json_t *o;
	int rc = key_row(s, g, job, &sub);

	if (rc <= 0)    /* 0: a twin with the same key, nothing written */
		return rc < 0 ? rc : STORE_CONSTRAINT;
	o = json_pack("{s:I, s:s, s:s, s:i, s:s}", "at", (json_int_t)job->at, "key", job->key, "token",
		      job->token, "stars", job->stars, "comment", job->comment ? job->comment : "");
	if (!o || json_array_append_new(g->list, o) < 0)
		return STORE_ERR;
	return 0;
}

static void done(struct groupw_job *gj, int rc)
{
	struct rating_job *job = (struct rating_job *)gj;
	void (*notify)(void *) = job->notify;
	void *arg = job->arg;

	job->rc = rc;
	if (job->seen)
		seenset_release(job->g->seen, job->digest, rc >= 0);
	notify(arg);    /* the job may be gone after this */
}

static void group_begin(void *cls)
{
	struct rating_group *g = cls;

	inbox_new_id(g->id);
	g->list = json_array();
	g->a = arena_new(16384);
}

/* The group's ratings sealed as one item (and accepted at once in
 * single-instance mode), inside the group's transaction. */
static int group_end(struct store *s, void *cls)
{
	struct rating_group *g = cls;
	struct fielderr fe = { 0 };
	struct ctx c = { .db = s, .a = g->a, .cfg = g->cfg, .keys = g->keys, .now = time_now() };
	json_t *payload;
	int rc;

	if (!g->list)
		return STORE_ERR;
	if (!json_array_size(g->list))
		return 0;
	c.cal = atomic_load(g->cal);
	c.who.name = "public";
	c.who.role = "public";
	c.who.ip = "-";
	payload = json_pack("{s:O}", "ratings", g->list);
	if (!payload)
		return STORE_ERR;
	rc = inbox_submit_as(&c, g->id, "ratings", payload, &fe);
	json_decref(payload);
	if (rc < 0)
		log_error("group writer: the ratings item was not stored (%s)",
			  fe.n ? fe.msg[0] : "the store failed");
	return rc < 0 ? STORE_ERR : 0;
}

static void group_after(void *cls, int committed)
{
	struct rating_group *g = cls;

	seenset_group_end(g->seen, (const unsigned char (*)[SEEN_DIGEST])g->digests, g->n_digests, committed);
	g->n_digests = 0;
	json_decref(g->list);
	g->list = NULL;
	arena_free(g->a);
	g->a = NULL;
}

struct load_arg {
	struct seenset *seen;
	int64_t now, bad;
};

static void load_one(const char *hex, void *arg)
{
	struct load_arg *la = arg;
	unsigned char d[SEEN_DIGEST];

	if (hex_decode(hex, d, sizeof(d)) == 0)
		seenset_load(la->seen, d, la->now);
	else
		la->bad++;
}

/* The set rebuilt from the rows of every day a key still acceptable can
 * have arrived on: 0, or -1. */
static int load_keys(struct rating_group *g)
{
	struct load_arg la = { .seen = g->seen, .now = time_now() };
	char day[11];
	int64_t n;
	size_t keys;
	int gens;

	date_format(date_from_unix_cst(la.now - RATING_KEY_WINDOW - RATING_KEY_SLACK), day);
	n = store_prkey_since(groupw_store(g->w), day, load_one, &la);
	if (n < 0) {
		log_error("group writer: the recent rating keys were not read: %s",
			  store_errmsg(groupw_store(g->w)));
		return -1;
	}
	seenset_stats(g->seen, &keys, &gens, &la.now);
	log_info("group writer: %zu recent rating keys (since %s) in memory", keys, day);
	if (la.bad)     /* the intranet still tells them by key (ratings.idem_key) */
		log_error("group writer: %" PRId64 " rows of public_rating_keys are not digests", la.bad);
	return 0;
}

struct rating_group *rating_group_new(struct groupw *w, const struct config *cfg,
				      const struct qf_keys *keys, struct calendar *_Atomic *cal)
{
	struct rating_group *g = xcalloc(1, sizeof(*g));
	struct groupw_hook h = { group_begin, group_end, group_after, g };

	g->w = w;
	g->cfg = cfg;
	g->keys = keys;
	g->cal = cal;
	g->seen = seenset_new(RATING_KEY_WINDOW, RATING_KEY_SLACK, RATING_KEY_CAP);
	if (!groupw_store(w) || load_keys(g) < 0 || groupw_add_hook(w, &h) < 0) {
		rating_group_free(g);
		return NULL;
	}
	return g;
}

void rating_group_free(struct rating_group *g)
{
	if (!g)
		return;
	seenset_free(g->seen);
	free(g->digests);
	free(g);
}

int rating_group_claim(struct rating_group *g, const char *key, int64_t now, int exclusive,
		       unsigned char d[SEEN_DIGEST])
{
	int64_t born = rating_key_born(key);

	if (!g || born < 0)
		return RATING_CLAIM_NONE;
	rating_key_digest(key, d);
	return seenset_claim(g->seen, d, born, now, exclusive);
}

void rating_group_release(struct rating_group *g, const unsigned char d[SEEN_DIGEST], int committed)
{
	seenset_release(g->seen, d, committed);
}

void rating_group_submit(struct rating_group *g, struct rating_job *job)
{
	job->g = g;
	job->gj.apply = apply;
	job->gj.done = done;
	job->gj.plain = 1;      /* one INSERT ... ON CONFLICT DO NOTHING */
	groupw_submit(g->w, &job->gj);
}
