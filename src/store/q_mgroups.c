/*
 * q_mgroups.c: a family's figures read once per period and unit scope, as
 * groups by (kind, category, campaign), and summed here for each key
 * (q_mgroups.h).  Guarantees: a key answered from the groups has the value
 * its per-key statement gives (the same rows: the statement that fills
 * the groups has the per-key statements' period and unit fragments, and
 * the campaign, category and kind tests below are theirs: `? = 0 OR
 * campaign_id = ?`, `? = '' OR category = ?`, and the kind list's LIKE,
 * which for plain codes is membership in the '+'-separated list);
 * anything else (no batch, QF_METRICS_LIVE=1, another member, a list that
 * is not plain codes, more groups than kept) falls back to the per-key
 * statement.  The groups live on this thread until the batch closes.
 */
#include "store/q_mgroups.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/store.h"

#define SLOTS 4                 /* families kept at once (work log, problems) */
#define MAX_GROUPS 65536        /* beyond: the per-key statements */

struct group {
	char *kind, *category;  /* "" for NULL (never equal to a member) */
	int64_t campaign;       /* 0 for NULL (ids start at 1) */
	int64_t v[MGROUP_SUMS];
};

static _Thread_local struct slot {
	const struct store *db;
	const struct store_sql *q;
	char key[96];           /* from|to|scope user|unit */
	struct group *g;
	size_t n;
} slots[SLOTS];
static _Thread_local unsigned next_slot;

static void slot_free(struct slot *sl)
{
	for (size_t i = 0; i < sl->n; i++) {
		free(sl->g[i].kind);
		free(sl->g[i].category);
	}
	free(sl->g);
	memset(sl, 0, sizeof(*sl));
}

void q_mgroups_clear(void)
{
	for (int i = 0; i < SLOTS; i++)
		slot_free(&slots[i]);
	next_slot = 0;
}

int q_mgroups_plain_codes(const char *k)
{
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_' || *k == '+'))
			return 0;
	return 1;
}

int q_mgroups_usable(const struct metric_scope *s)
{
	const char *force = getenv("QF_METRICS_LIVE");
	unsigned other = q_metric_scope_used(s) &
			 ~(unsigned)(METRIC_SCOPE_UNIT | METRIC_SCOPE_CAMPAIGN | METRIC_SCOPE_CATEGORY | METRIC_SCOPE_KIND);

	int kind = s->activity_kind && *s->activity_kind, cat = s->category && *s->category;

	/* without a kind or a category the per-key statement reads its
	 * covering index alone, cheaper than the groups' sort */
	if (!q_metric_batch_open() || (force && !strcmp(force, "1")) || other || (!kind && !cat))
		return 0;
	return !kind || q_mgroups_plain_codes(s->activity_kind);
}

/* kind is one of list's '+'-separated codes (an empty list: any) */
static int kind_in(const char *list, const char *kind)
{
	size_t n = strlen(kind);

	if (!list || !*list)
		return 1;
	for (const char *p = list; *p;) {
		const char *e = strchr(p, '+');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (n && len == n && !memcmp(p, kind, n))
			return 1;
		p += len + (e != NULL);
	}
	return 0;
}

static char *dup_col(struct store_stmt *st, int i)
{
	const char *t = store_col_isnull(st, i) ? "" : store_col_text(st, i);

	return strdup(t ? t : "");
}

/* Reads q's groups into sl: 0, 1 too many (sl empty), or a store code. */
static int fill(struct slot *sl, struct store *db, const struct store_sql *q, const struct metric_period *p,
		const struct metric_scope *s)
{
	struct store_stmt *st = store_prepare(db, q);
	size_t cap = 0;
	int rc, too_many = 0;

	if (!st)
		return STORE_ERR;
	q_metric_bind_all(st, p, s, METRIC_SCOPE_UNIT);
	while ((rc = store_step(st)) == STORE_ROW) {
		struct group *g;
		if (sl->n == MAX_GROUPS) {
			too_many = 1;
			break;
		}
		if (sl->n == cap) {
			struct group *ng = realloc(sl->g, (cap = cap ? 2 * cap : 64) * sizeof(*ng));
			if (!ng) {
				rc = STORE_ERR;
				break;
			}
			sl->g = ng;
		}
		g = &sl->g[sl->n];
		g->kind = dup_col(st, 0);
		g->category = dup_col(st, 1);
		g->campaign = store_col_isnull(st, 2) ? 0 : store_col_int(st, 2);
		for (int k = 0; k < MGROUP_SUMS; k++)
			g->v[k] = store_col_int(st, 3 + k);
		sl->n++;
		if (!g->kind || !g->category) {
			rc = STORE_ERR;
			break;
		}
	}
	store_reset(st);
	if (rc == STORE_DONE && !too_many)
		return 0;
	slot_free(sl);
	return too_many ? 1 : rc < 0 ? rc : STORE_ERR;
}

int q_mgroups_sum(struct store *db, const struct store_sql *q, const struct metric_period *p,
		  const struct metric_scope *s, int col, int64_t *out)
{
	struct slot *sl = NULL;
	char key[sizeof(slots[0].key)];
	const char *cat = s->category ? s->category : "";
	int64_t sum = 0;
	int k, rc;

	k = snprintf(key, sizeof(key), "%s|%s|%" PRId64 "|%" PRId64, p->from, p->to, s->scope_user, s->unit_id);
	if (k < 0 || (size_t)k >= sizeof(key))
		return 1;
	for (int i = 0; i < SLOTS && !sl; i++)
		if (slots[i].q == q && slots[i].db == db && !strcmp(slots[i].key, key))
			sl = &slots[i];
	if (!sl) {
		sl = &slots[next_slot++ % SLOTS];
		slot_free(sl);
		if ((rc = fill(sl, db, q, p, s)) != 0)
			return rc;
		sl->db = db;
		sl->q = q;
		strcpy(sl->key, key);
	}
	for (size_t i = 0; i < sl->n; i++) {
		const struct group *g = &sl->g[i];
		if ((!s->campaign_id || g->campaign == s->campaign_id) && (!*cat || !strcmp(g->category, cat)) &&
		    kind_in(s->activity_kind, g->kind))
			sum += g->v[col];
	}
	*out = sum;
	return 0;
}
