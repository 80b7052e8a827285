#ifndef QF_Q_CAMPAIGNS_H
#define QF_Q_CAMPAIGNS_H
/*
 * q_campaigns.h: the typed store calls of q_campaigns.c: special campaigns
 * (专项整治), their working groups and members (0007, 0056), and the
 * statistics of campaigns, recovery kinds and accountability measures
 * (docs/statistics.md).  Campaigns are not bounded by jurisdiction: every
 * office may tag its records to one.
 */
#include <stdint.h>

#include "model/campaign.h"
#include "model/metrics.h"
#include "store/store.h"

struct arena;

int64_t store_campaign_insert(struct store *s, const char *region, const struct campaign *k,
			      int64_t now);
/* name, days, plan and lead office of k->id: 1 changed, 0 no such, < 0 */
int store_campaign_update(struct store *s, const struct campaign *k);
int store_campaign_get(struct store *s, struct arena *a, int64_t id, struct campaign *k);
/* every campaign, the newest first, with its number of groups */
int store_campaign_list(struct store *s, struct arena *a, struct campaign **out);

int64_t store_campaign_group_insert(struct store *s, const struct campaign_group *g, const char *ext_id,
				    int64_t now);
int store_campaign_group_member_add(struct store *s, int64_t group_id, int64_t user_id);
/* one group: 1, 0 no such, < 0 */
int store_campaign_group_get(struct store *s, struct arena *a, int64_t id, struct campaign_group *g);
int store_campaign_groups(struct store *s, struct arena *a, int64_t campaign_id, struct campaign_group **out);

/* case_id's campaign (0: none): 1 changed, 0 no such case, < 0 */
int store_case_set_campaign(struct store *s, int64_t case_id, int64_t campaign_id, int64_t now);

/* the statistics (store/q_metrics.h's type) */
int store_metric_campaign_groups(struct store *db, const struct metric_period *p,
				 const struct metric_scope *s, int64_t *out);
/* money of kind (a recovery_kinds code) on its day */
int store_metric_money_kind(struct store *db, const char *kind, const struct metric_period *p,
			    const struct metric_scope *s, int64_t *out);
/* accountabilities started in the period with measure (a code) among theirs */
int store_metric_measure(struct store *db, const char *measure, const struct metric_period *p,
			 const struct metric_scope *s, int64_t *out);

#endif
