#ifndef QF_API_CAMPAIGNS_H
#define QF_API_CAMPAIGNS_H
/*
 * api/campaigns: /api/campaigns, the special campaigns' JSON twin
 * (campaigns.c): list, create, one with its groups and figures, edit,
 * add a working group, tag a case.
 */
struct req;

int api_campaigns(struct req *r);
int api_campaign_create(struct req *r);
int api_campaign(struct req *r);
int api_campaign_edit(struct req *r);
int api_campaign_group_add(struct req *r);
int api_campaign_tag_case(struct req *r);

#endif
