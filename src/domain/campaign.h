#ifndef QF_CAMPAIGN_H
#define QF_CAMPAIGN_H
/*
 * campaign: special campaigns (专项整治) that clues, cases, outcomes,
 * problems, accountability and recoveries are tagged to; their plan (text
 * and attached documents of kind "campaign"), lead office and working
 * groups (专班/专项工作组) with their leader and members (accounts).  Lists
 * are in the caller's arena (c->a).
 *
 * Writes answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 * Campaigns are not bounded by jurisdiction (every office tags to them);
 * reading needs PERM_CLUE_READ, writing PERM_CAMPAIGN_WRITE (the routes).
 */
#include <stdint.h>

#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/campaign.h"

struct ctx;

/* Creates one (name, start_day, end_day, plan, lead_office of k): its id;
 * RES_INVALID with fe; RES_STORE.  Audited. */
int64_t campaign_create(struct ctx *c, const struct campaign *k, struct fielderr *fe);
/* Changes k->id's fields: RES_DONE, RES_NOT_FOUND, RES_INVALID, RES_STORE. */
int campaign_update(struct ctx *c, const struct campaign *k, struct fielderr *fe);
/* Every campaign: the count, or < 0. */
int campaign_list(struct ctx *c, struct campaign **out);
/* One: RES_DONE, RES_NOT_FOUND, RES_STORE. */
int campaign_get(struct ctx *c, int64_t id, struct campaign *k);
/* Its state today from its days (a day missing: open on that side). */
enum campaign_state campaign_state(const struct campaign *k, const char *today);
/* The same for today (China Standard Time). */
enum campaign_state campaign_state_now(const struct campaign *k);
extern const struct label campaign_states[];     /* planned, running, ended */

/* Adds a working group to g->campaign_id: name, leader_id (0 none, else
 * an active account), area; members: account names separated by spaces,
 * commas or 、 (each an active account, once).  Its id; RES_NOT_FOUND (no
 * such campaign); RES_INVALID with fe; RES_STORE.  Audited. */
int64_t campaign_group_add(struct ctx *c, const struct campaign_group *g, const char *members,
			   struct fielderr *fe);
int campaign_groups(struct ctx *c, int64_t campaign_id, struct campaign_group **out);

/* Tags case case_id (one the actor may see) to campaign campaign_id, its
 * figures counting it from then on (a case is tagged when filed from a
 * tagged clue; this tags one afterwards).  RES_DONE; RES_NOT_FOUND (no such
 * campaign); RES_INVALID with fe (case_id: no such case or not visible,
 * refusal audited); RES_STORE.  Audited. */
int campaign_tag_case(struct ctx *c, int64_t campaign_id, int64_t case_id, struct fielderr *fe);

/* The figures of a campaign's page (issue 14): the keys, in order, that
 * the page computes with the campaign scope (metrics_compute_keys), and
 * the period it uses: every record tagged to the campaign, whatever day. */
extern const char *const campaign_figure_keys[];
extern const int campaign_figure_nkeys;
struct metric_value;
struct metric_period;
struct metric_scope;
/* Those figures for campaign id as the actor may see them (his
 * jurisdiction: keys without a unit are then not applicable), with the
 * period and scope they were computed for (for metrics_list_url):
 * RES_DONE, RES_STORE. */
int campaign_figures(struct ctx *c, int64_t id, struct metric_value **out, int *n,
		     struct metric_period *p, struct metric_scope *s);

#endif
