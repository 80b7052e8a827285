/*
 * public_purge.c: the public side's retention (public_purge.h).
 */
#include "domain/public_purge.h"

#include <inttypes.h>
#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/ferry.h"
#include "domain/rating_key.h"
#include "domain/result.h"
#include "store/q_public.h"
#include "store/store.h"

QF_AUDIT_EVENT(PUBLIC_PURGE, "public_purge", "清理公众端过期记录");
QF_AUDIT_OBJECT(public_rows, "公众端留存记录");

struct purge_arg {
	struct ctx *c;
	char key_before[11], status_before[11], today[11], recent_before[11];
	int64_t keys, statuses, recent; /* this batch's */
	const char **ids;               /* refresh: this page's item ids */
	int n_ids;
	int64_t refreshed;
};

/* One batch: at most PUBLIC_PURGE_BATCH rows of each table, audited. */
static int purge_tx(struct store *s, void *arg)
{
	struct purge_arg *pa = arg;

	pa->keys = store_psub_purge(s, pa->key_before, PUBLIC_PURGE_BATCH);
	pa->statuses = pa->keys < 0 ? -1 : store_pstatus_purge(s, pa->status_before, PUBLIC_PURGE_BATCH);
	pa->recent = pa->statuses < 0 ? -1 : store_prkey_purge(s, pa->recent_before, PUBLIC_PURGE_BATCH);
	if (pa->keys < 0 || pa->statuses < 0 || pa->recent < 0)
		return -1;
	if (!pa->keys && !pa->statuses && !pa->recent)
		return 0;
	return audit_append(pa->c, AEV_PUBLIC_PURGE, "public_rows/purge", 1,
			    arena_printf(pa->c->a, "%" PRId64 " idempotency keys older than %s, %" PRId64
					 " concluded statuses older than %s, %" PRId64
					 " recent rating keys older than %s",
					 pa->keys, pa->key_before, pa->statuses, pa->status_before,
					 pa->recent, pa->recent_before));
}

/* Single-instance mode: one page of open status rows brought up to date
 * from their records, as a reply batch would. */
static int refresh_tx(struct store *s, void *arg)
{
	struct purge_arg *pa = arg;
	struct ctx *c = pa->c;

	(void)s;
	pa->refreshed = 0;
	for (int i = 0; i < pa->n_ids; i++) {
		struct public_item it;
		const char *status, *answer;
		json_t *detail = NULL;
		int rc = store_pitem_get(c->db, c->a, pa->ids[i], &it);

		if (rc < 0)
			return -1;
		if (rc == 0)
			continue;       /* not accepted yet: nothing to bring */
		rc = ferry_item_outcome(c, &it, &status, &answer, &detail);
		if (rc >= 0)
			rc = ferry_status_apply(c, it.item_id, status, answer, detail, pa->today);
		json_decref(detail);
		if (rc < 0)
			return -1;
		pa->refreshed += rc > 0;
	}
	return 0;
}

static int refresh_all(struct purge_arg *pa, int64_t *total)
{
	struct ctx *c = pa->c;
	const char *after = "";

	for (;;) {
		/* each page in an arena of its own: a long table is not held */
		struct arena *keep = c->a, *page = arena_new(0);
		int n, rc = 0;

		c->a = page;
		n = store_pstatus_open(c->db, page, after, PUBLIC_PURGE_BATCH, &pa->ids);
		if (n > 0) {
			pa->n_ids = n;
			rc = store_tx(c->db, refresh_tx, pa);
			*total += pa->refreshed;
			after = arena_strdup(keep, pa->ids[n - 1]);
		}
		c->a = keep;
		arena_free(page);
		if (n < 0 || rc < 0)
			return RES_STORE;
		if (n < PUBLIC_PURGE_BATCH)
			return 0;
	}
}

int public_purge(struct ctx *c, int dry_run, struct public_purge_counts *n)
{
	struct purge_arg pa = { .c = c };
	qf_day today = date_from_unix_cst(c->now);

	memset(n, 0, sizeof(*n));
	date_format(today - c->cfg->public_key_days, pa.key_before);
	date_format(today - c->cfg->public_status_days, pa.status_before);
	date_format(today, pa.today);
	/* public_rating_keys: no key of these days can be accepted again
	 * (domain/rating_key.h) */
	date_format(today - RATING_KEY_DAYS, pa.recent_before);
	if (dry_run) {
		n->keys = store_psub_purge(c->db, pa.key_before, 0);
		n->statuses = store_pstatus_purge(c->db, pa.status_before, 0);
		n->recent = store_prkey_purge(c->db, pa.recent_before, 0);
		return n->keys < 0 || n->statuses < 0 || n->recent < 0 ? RES_STORE : 0;
	}
	/* single-instance mode (the sealing secret here): no reply batch
	 * keeps the rows current; a plain intranet has none, nothing to do */
	if (c->keys->has_seal_sk && refresh_all(&pa, &n->refreshed) < 0)
		return RES_STORE;
	do {
		if (store_tx(c->db, purge_tx, &pa) < 0)
			return RES_STORE;
		n->keys += pa.keys;
		n->recent += pa.recent;
		n->statuses += pa.statuses;
	} while (pa.keys == PUBLIC_PURGE_BATCH || pa.statuses == PUBLIC_PURGE_BATCH ||
		 pa.recent == PUBLIC_PURGE_BATCH);
	return 0;
}
