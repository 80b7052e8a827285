#ifndef QF_PAGES_CAMPAIGNS_H
#define QF_PAGES_CAMPAIGNS_H
/*
 * pages/campaigns: /campaigns, the special campaigns (专项整治): the list
 * with its form, a campaign's page (plan, lead office, state, working
 * groups, the plan documents, its own figures each linked to the list
 * behind it), the edit form, the group form and the form that tags a case
 * to it (campaigns.c).
 */
struct req;

int page_campaigns(struct req *r);
int page_campaign_create(struct req *r);
int page_campaign(struct req *r);
int page_campaign_edit(struct req *r);
int page_campaign_group_add(struct req *r);
int page_campaign_tag_case(struct req *r);

#endif
