/*
 * kept.c: the rule of figures kept in the process (domain/kept.h), and the
 * home page's kept totals.  A count of a whole large table is a scan on
 * PostgreSQL (25 ms for the persons at 10M records, bench/README.md), paid
 * on every home page view without this.
 */
#include "domain/kept.h"

#include <pthread.h>

#include "domain/authz.h"
#include "domain/ctx.h"
#include "store/store.h"

struct kept_stamp kept_now(const struct ctx *c)
{
	return (struct kept_stamp){ .commits = store_commits(), .day = date_today(), .at = c->now };
}

int kept_fresh(const struct kept_stamp *then, const struct kept_stamp *now)
{
	return then->commits == now->commits && then->day == now->day && then->at <= now->at &&
	       now->at - then->at < KEPT_SECS;
}

int kept_data_version(struct ctx *c, int64_t *v)
{
	return store_data_version(c->db, v) < 0 ? -1 : 0;
}

static struct {
	int set;
	struct kept_stamp st;
	int64_t v;
} totals[KEPT_TOTALS];
static pthread_mutex_t totals_mu = PTHREAD_MUTEX_INITIALIZER;

int64_t kept_total(struct ctx *c, enum kept_total which, int64_t (*count)(struct ctx *c))
{
	struct kept_stamp now = kept_now(c);
	int64_t v = -1;

	if (authz_scope_user(c) != 0 || which < 0 || which >= KEPT_TOTALS)
		return count(c);
	pthread_mutex_lock(&totals_mu);
	if (totals[which].set && kept_fresh(&totals[which].st, &now))
		v = totals[which].v;
	pthread_mutex_unlock(&totals_mu);
	if (v >= 0)
		return v;
	if ((v = count(c)) < 0)
		return v;
	/* a commit during the count leaves now.commits behind: the next view
	 * counts again */
	pthread_mutex_lock(&totals_mu);
	totals[which].set = 1;
	totals[which].st = now;
	totals[which].v = v;
	pthread_mutex_unlock(&totals_mu);
	return v;
}
