/*
 * api/campaigns.c: the special campaigns as JSON (api/campaigns.h),
 * through the same domain calls as the pages; optional members null.  A
 * campaign's figures are the metric keys with its scope (domain/campaign.h
 * campaign_figures), each with the list behind it.
 */
#include "api/campaigns.h"

#include <string.h>

#include "api/common.h"
#include "core/arena.h"
#include "domain/campaign.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "http/http.h"

static json_t *campaign_json(struct req *r, const struct campaign *k)
{
	(void)r;
	return json_pack("{s:I, s:s, s:s?, s:s?, s:s, s:s, s:s, s:i}", "id", (json_int_t)k->id, "name", k->name,
			 "start", k->start_day, "end", k->end_day, "plan", k->plan, "lead_office", k->lead_office,
			 "state", campaign_states[campaign_state_now(k)].code, "groups", k->groups);
}

int api_campaigns(struct req *r)
{
	struct campaign *v;
	int n = campaign_list(&r->c, &v);
	json_t *items;

	if (n < 0)
		return reply_error(r, E_STORE, "campaign list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, campaign_json(r, &v[i]));
	return api_reply_list(r, items, n, 1);
}

/* the members of a create or an edit */
static json_t *read_campaign(struct req *r, struct campaign *k)
{
	json_t *j = api_body(r);

	if (!j)
		return NULL;
	k->name = k->start_day = k->end_day = k->plan = k->lead_office = "";
	api_str(r, j, "name", &k->name);
	api_str(r, j, "start", &k->start_day);
	api_str(r, j, "end", &k->end_day);
	api_str(r, j, "plan", &k->plan);
	api_str(r, j, "lead_office", &k->lead_office);
	return j;
}

int api_campaign_create(struct req *r)
{
	struct campaign k = { 0 };
	struct fielderr fe = { 0 };
	json_t *j = read_campaign(r, &k);

	if (!j)
		return MHD_YES;
	json_decref(j);
	return api_result(r, campaign_create(&r->c, &k, &fe), &fe, "campaign", 1);
}

int api_campaign_edit(struct req *r)
{
	struct campaign k = { .id = r->id };
	struct fielderr fe = { 0 };
	json_t *j = read_campaign(r, &k);

	if (!j)
		return MHD_YES;
	json_decref(j);
	return api_result(r, campaign_update(&r->c, &k, &fe), &fe, "campaign", 0);
}

int api_campaign(struct req *r)
{
	struct campaign k;
	struct campaign_group *g;
	struct metric_value *v;
	struct metric_period p;
	struct metric_scope s;
	int rc = campaign_get(&r->c, r->id, &k), n;
	json_t *o, *groups, *figures;

	if (rc != RES_DONE)
		return res_error(r, rc, "campaign");
	if ((n = campaign_groups(&r->c, k.id, &g)) < 0 || campaign_figures(&r->c, k.id, &v, &rc, &p, &s) != RES_DONE)
		return reply_error(r, E_STORE, "campaign");
	o = campaign_json(r, &k);
	groups = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(groups, json_pack("{s:I, s:s, s:o?, s:s, s:s, s:s, s:i}", "id",
			(json_int_t)g[i].id, "name", g[i].name, "leader_id", api_opt_int(g[i].leader_id),
			"leader", g[i].leader_name, "area", g[i].area, "members", g[i].members, "n_members",
			g[i].n_members));
	figures = json_object();
	for (int i = 0; i < rc; i++) {
		const struct metric_def *d = metric_find(v[i].key);

		if (!v[i].display)
			continue;
		json_object_set_new(figures, v[i].key, json_pack("{s:s, s:o, s:s, s:s?}", "zh", v[i].zh, "value",
			v[i].applicable ? json_integer(v[i].value) : json_null(), "display", v[i].display, "list",
			v[i].applicable && d ? metrics_list_url(r->arena, d, &p, &s) : NULL));
	}
	json_object_set_new(o, "working_groups", groups);
	json_object_set_new(o, "figures", figures);
	return reply_json(r, 200, o);
}

int api_campaign_group_add(struct req *r)
{
	json_t *j = api_body(r), *m;
	struct campaign_group g = { .campaign_id = r->id, .name = "", .area = "" };
	struct fielderr fe = { 0 };
	const char *members = "";

	if (!j)
		return MHD_YES;
	api_str(r, j, "name", &g.name);
	api_str(r, j, "area", &g.area);
	if (json_is_integer(json_object_get(j, "leader_id")))
		g.leader_id = (int64_t)json_integer_value(json_object_get(j, "leader_id"));
	/* members: account names, an array or one string separated by spaces */
	m = json_object_get(j, "members");
	if (json_is_array(m)) {
		size_t i;
		json_t *x;
		json_array_foreach(m, i, x)
			if (json_is_string(x))
				members = arena_printf(r->arena, "%s %s", members, json_string_value(x));
	} else {
		api_str(r, j, "members", &members);
	}
	json_decref(j);
	return api_result(r, campaign_group_add(&r->c, &g, members, &fe), &fe, "campaign", 1);
}

/* {"case_id": N}: the case tagged to the campaign */
int api_campaign_tag_case(struct req *r)
{
	json_t *j = api_body(r), *v;
	struct fielderr fe = { 0 };
	int64_t case_id = 0;

	if (!j)
		return MHD_YES;
	v = json_object_get(j, "case_id");
	if (json_is_integer(v))
		case_id = (int64_t)json_integer_value(v);
	json_decref(j);
	if (case_id <= 0) {
		fielderr_add(&fe, "case_id", "案件应为编号");
		return reply_fields(r, &fe);
	}
	return api_result(r, campaign_tag_case(&r->c, r->id, case_id, &fe), &fe, "campaign", 0);
}
