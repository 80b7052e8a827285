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
};

static int apply(struct store *s, struct groupw_job *gj)
{
	struct rating_job *job = (struct rating_job *)gj;
	struct rating_group *g = job->g;
	struct public_submission sub = { .item_id = g->id, .letter_item = "", .review = 0, .day = job->day };
	json_t *o;
	int rc = store_psub_add(s, g->cfg->region, job->hash, &sub);

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

	(void)committed;
	json_decref(g->list);
	g->list = NULL;
	arena_free(g->a);
	g->a = NULL;
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
	if (groupw_add_hook(w, &h) < 0) {
		free(g);
		return NULL;
	}
	return g;
}

void rating_group_free(struct rating_group *g)
{
	free(g);
}

void rating_group_submit(struct rating_group *g, struct rating_job *job)
{
	job->g = g;
	job->gj.apply = apply;
	job->gj.done = done;
	job->gj.plain = 1;      /* one INSERT ... ON CONFLICT DO NOTHING */
	groupw_submit(g->w, &job->gj);
}
