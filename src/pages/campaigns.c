/*
 * campaigns.c: /campaigns (pages/campaigns.h).  A campaign's figures are
 * the metric keys computed with its scope (domain/campaign.h
 * campaign_figures), each a link to the list behind it
 * (metrics_list_url): the page runs no query of its own for them.
 */
#include "pages/campaigns.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/campaign.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "http/form.h"
#include "http/http.h"
#include "pages/attach.h"
#include "pages/clues.h"
#include "pages/find.h"
#include "pages/kit.h"
#include "pages/page.h"
#include "pages/targets.h"

static const char *days_text(struct req *r, const struct campaign *k)
{
	return arena_printf(r->arena, "%s 至 %s", k->start_day ? k->start_day : "（未定）",
			    k->end_day ? k->end_day : "（未定）");
}

/* the fields of the create and the edit form, from k */
static void campaign_fields(struct req *r, struct strbuf *sb, const struct campaign *k, const struct fielderr *fe)
{
	field_text(sb, "name", "名称", k->name, 1, fielderr_get(fe, "name"), "maxlength=\"100\"");
	field_text(sb, "start", "开始日期", k->start_day, 0, fielderr_get(fe, "start"), "type=\"date\"");
	field_text(sb, "end", "结束日期", k->end_day, 0, fielderr_get(fe, "end"), "type=\"date\"");
	office_select(r, sb, "牵头部门", k->lead_office, 0, fielderr_get(fe, "lead_office"), "未指定");
	field_textarea(sb, "plan", "工作方案", k->plan, 0, fielderr_get(fe, "plan"), 6, 5000,
		       "方案文件可在保存后作为附件上传");
}

static void read_fields(struct req *r, struct campaign *k)
{
	k->name = req_field(r, "name");
	k->start_day = req_field(r, "start");
	k->end_day = req_field(r, "end");
	k->plan = req_field(r, "plan");
	k->lead_office = req_field(r, "office");
}

/* ---- the list ------------------------------------------------------------------ */

static int list_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "专项整治", NULL, NULL };
	static const struct column cols[] = { { "编号", "num" }, { "名称", NULL }, { "起止日期", NULL },
		{ "牵头部门", NULL }, { "工作组", "num" }, { "状态", NULL } };
	struct strbuf sb = STRBUF_INIT;
	struct campaign *v, k = { 0 };
	int n = campaign_list(&r->c, &v);

	if (n < 0)
		return res_error(r, RES_STORE, "campaign list");
	page_begin(r, &sb, "专项整治", crumbs);
	field_errors_summary(&sb, fe);
	table_open(&sb, NULL, "专项整治", cols, 6);
	for (int i = 0; i < n; i++) {
		strbuf_addstr(&sb, "<tr>");
		html_td_id(&sb, "/campaigns", v[i].id);
		html_td_link(&sb, arena_printf(r->arena, "/campaigns/%" PRId64, v[i].id), v[i].name);
		html_td(&sb, days_text(r, &v[i]));
		html_td(&sb, v[i].lead_office);
		html_td(&sb, arena_printf(r->arena, "%d", v[i].groups));
		html_td(&sb, campaign_states[campaign_state_now(&v[i])].label);
		strbuf_addstr(&sb, "</tr>");
	}
	table_close(&sb, n, 6, "尚无专项整治");
	if (authz_has(&r->c.who, PERM_CAMPAIGN_WRITE)) {
		strbuf_addstr(&sb, "<h2>新建专项整治</h2>");
		read_fields(r, &k);
		form_open(r, &sb, "/campaigns", "record-form");
		campaign_fields(r, &sb, &k, fe);
		form_close(&sb, "保存", NULL);
	}
	return page_finish(r, &sb, status);
}

int page_campaigns(struct req *r)
{
	struct fielderr fe = { 0 };

	return list_page(r, &fe, 200);
}

int page_campaign_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct campaign k = { 0 };
	int64_t id;

	read_fields(r, &k);
	id = campaign_create(&r->c, &k, &fe);
	if (id == RES_INVALID)
		return list_page(r, &fe, 422);
	return page_result(r, id, "campaign", arena_printf(r->arena, "/campaigns/%" PRId64 "?ok=created", id));
}

/* ---- a campaign's page ----------------------------------------------------------- */

/* its figures: label, value, the link to the list behind it */
static void figures(struct req *r, struct strbuf *sb, int64_t id)
{
	static const struct column cols[] = { { "项目", NULL }, { "数字", "num" } };
	struct metric_value *v;
	struct metric_period p;
	struct metric_scope s;
	int n, rows = 0;

	strbuf_addstr(sb, "<h2>专项整治数字</h2>");
	if (campaign_figures(&r->c, id, &v, &n, &p, &s) != RES_DONE) {
		html_notice(sb, "error", "数字暂时无法计算");
		return;
	}
	table_open(sb, "list figures", NULL, cols, 2);
	/* in the order of campaign_figure_keys (metrics_compute_keys answers
	 * every registered key in the keys' own order) */
	for (int k = 0; k < campaign_figure_nkeys; k++)
		for (int i = 0; i < n; i++) {
			const struct metric_def *d;
			const char *href;

			if (strcmp(v[i].key, campaign_figure_keys[k]) || !v[i].display)
				continue;
			d = metric_find(v[i].key);
			href = d && v[i].applicable ? metrics_list_url(r->arena, d, &p, &s) : NULL;
			strbuf_addf(sb, "<tr data-key=\"%s\">", v[i].key);
			html_td(sb, v[i].zh);
			if (href)
				html_td_link(sb, href, v[i].display);
			else
				html_td(sb, v[i].display);
			strbuf_addstr(sb, "</tr>");
			rows++;
		}
	table_close(sb, rows, 2, NULL);
}

static void groups(struct req *r, struct strbuf *sb, int64_t id, const struct fielderr *fe)
{
	static const struct column cols[] = { { "工作组", NULL }, { "组长", NULL }, { "负责单位或区域", NULL },
		{ "成员", NULL } };
	struct campaign_group *g;
	int n = campaign_groups(&r->c, id, &g);

	strbuf_addf(sb, "<h2>专项工作组（%d个）</h2>", n < 0 ? 0 : n);
	table_open(sb, NULL, NULL, cols, 4);
	for (int i = 0; i < n; i++) {
		strbuf_addstr(sb, "<tr>");
		html_td(sb, g[i].name);
		html_td(sb, g[i].leader_name);
		html_td(sb, g[i].area);
		html_td(sb, g[i].members);
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, n, 4, "尚未成立工作组");
	if (!authz_has(&r->c.who, PERM_CAMPAIGN_WRITE))
		return;
	{
		long long leader = 0;

		strbuf_addstr(sb, "<h3>成立工作组</h3>");
		form_open(r, sb, arena_printf(r->arena, "/campaigns/%" PRId64 "/groups", id), "record-form");
		field_text(sb, "group_name", "工作组名称", req_field(r, "group_name"), 1,
			   fielderr_get(fe, "group_name"), "maxlength=\"100\"");
		form_get_int(&r->form, "leader_id", &leader);
		target_user_select(r, sb, "leader_id", "组长", leader, fielderr_get(fe, "leader_id"), "未指定");
		field_text(sb, "area", "负责单位或区域", req_field(r, "area"), 0, fielderr_get(fe, "area"),
			   "maxlength=\"200\"");
		field_text(sb, "members", "成员（账号名，以空格或逗号分隔）", req_field(r, "members"), 0,
			   fielderr_get(fe, "members"), "maxlength=\"2000\"");
		form_close(sb, "成立", NULL);
	}
}

static int campaign_page(struct req *r, const struct fielderr *fe, unsigned status, int edit)
{
	static const struct fielderr none = { 0 };
	struct strbuf sb = STRBUF_INIT;
	struct campaign k;
	int rc = campaign_get(&r->c, r->id, &k);
	const char *self;

	if (rc != RES_DONE)
		return res_error(r, rc, "campaign");
	self = arena_printf(r->arena, "/campaigns/%" PRId64, k.id);
	{
		const char *crumbs[] = { "工作台", "/", "专项整治", "/campaigns", k.name, NULL, NULL };
		page_begin(r, &sb, k.name, crumbs);
	}
	field_errors_summary(&sb, fe);
	record_head(&sb, campaign_states[campaign_state_now(&k)].label);
	record_open(&sb);
	record_item(&sb, "名称", k.name);
	record_item(&sb, "起止日期", days_text(r, &k));
	record_item(&sb, "牵头部门", *k.lead_office ? k.lead_office : "未指定");
	record_item(&sb, "工作方案", *k.plan ? k.plan : "（未填写）");
	record_close(&sb);
	attach_section(r, &sb, "campaign", k.id);
	figures(r, &sb, k.id);
	if (authz_has(&r->c.who, PERM_CAMPAIGN_WRITE)) {
		strbuf_addstr(&sb, "<h3>纳入案件</h3>");
		form_open(r, &sb, arena_printf(r->arena, "%s/cases", self), "record-form");
		field_pick(r, &sb, FIND_CASE, "case_id", "案件", 1, edit ? NULL : fielderr_get(fe, "case_id"));
		form_close(&sb, "纳入本专项整治", NULL);
	}
	groups(r, &sb, k.id, edit ? &none : fe);
	if (authz_has(&r->c.who, PERM_CAMPAIGN_WRITE)) {
		struct campaign e = k;

		if (edit)
			read_fields(r, &e);
		fold_open(&sb, "修改专项整治");
		form_open(r, &sb, arena_printf(r->arena, "%s/edit", self), "record-form");
		campaign_fields(r, &sb, &e, edit ? fe : &none);
		form_close(&sb, "保存", NULL);
		fold_close(&sb);
	}
	return page_finish(r, &sb, status);
}

int page_campaign(struct req *r)
{
	struct fielderr fe = { 0 };

	return campaign_page(r, &fe, 200, 0);
}

int page_campaign_edit(struct req *r)
{
	struct fielderr fe = { 0 };
	struct campaign k = { .id = r->id };
	int rc;

	read_fields(r, &k);
	rc = campaign_update(&r->c, &k, &fe);
	if (rc == RES_INVALID)
		return campaign_page(r, &fe, 422, 1);
	return page_result(r, rc, "campaign", arena_printf(r->arena, "/campaigns/%" PRId64 "?ok=saved", r->id));
}

int page_campaign_group_add(struct req *r)
{
	struct fielderr fe = { 0 };
	struct campaign_group g = { .campaign_id = r->id, .name = req_field(r, "group_name"),
		.area = req_field(r, "area") };
	long long leader = 0;
	int64_t id;

	form_get_int(&r->form, "leader_id", &leader);
	g.leader_id = leader;
	id = campaign_group_add(&r->c, &g, req_field(r, "members"), &fe);
	if (id == RES_INVALID)
		return campaign_page(r, &fe, 422, 0);
	return page_result(r, id, "campaign", arena_printf(r->arena, "/campaigns/%" PRId64 "?ok=created", r->id));
}

int page_campaign_tag_case(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t case_id = pick_resolve(r, FIND_CASE, "case_id", &fe);
	int rc;

	if (case_id < 0)
		return res_error(r, RES_STORE, "pick");
	if (fe.n)
		return campaign_page(r, &fe, 422, 0);
	rc = campaign_tag_case(&r->c, r->id, case_id, &fe);
	if (rc == RES_INVALID)
		return campaign_page(r, &fe, 422, 0);
	return page_result(r, rc, "campaign", arena_printf(r->arena, "/campaigns/%" PRId64 "?ok=saved", r->id));
}
