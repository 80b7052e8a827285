/*
 * campaign.c: special campaigns (专项整治), the tags that clues, cases,
 * outcomes, problems, accountability and recoveries carry for the
 * statistics; their plan, lead office and working groups (0056).
 *
 * Guarantees: a name of at most 100 characters, optional well-formed
 * start and end days with the end not before the start, a plan of at most
 * 5000 characters, a lead office of at most 50; a group's leader and
 * members are active accounts, each member once; each write is audited in
 * its transaction.  The state is never stored: campaign_state() computes
 * it from the days.
 */
#include "domain/campaign.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/attach.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case_access.h"
#include "domain/ctx.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "store/q_campaigns.h"
#include "store/q_users.h"

/* the type of the objects its audit entries name (audit_events.h) */
QF_AUDIT_OBJECT(campaign, "专项工作");
QF_AUDIT_EVENT(CAMPAIGN_EDIT, "campaign_edit", "修改专项整治");
QF_AUDIT_EVENT(CAMPAIGN_GROUP, "campaign_group", "成立专项工作组");
QF_AUDIT_EVENT(CAMPAIGN_TAG, "campaign_tag", "案件纳入专项整治");

const struct label campaign_states[] = {
	{ "planned", "未开始" },
	{ "running", "进行中" },
	{ "ended", "已结束" },
	{ NULL, NULL }
};

enum campaign_state campaign_state(const struct campaign *k, const char *today)
{
	if (k->start_day && *k->start_day && strcmp(today, k->start_day) < 0)
		return CAMPAIGN_PLANNED;
	if (k->end_day && *k->end_day && strcmp(today, k->end_day) > 0)
		return CAMPAIGN_ENDED;
	return CAMPAIGN_RUNNING;
}

enum campaign_state campaign_state_now(const struct campaign *k)
{
	char today[16];

	return campaign_state(k, date_format(date_today(), today));
}

static void check(struct ctx *c, struct campaign *k, struct fielderr *fe)
{
	if (!k->name || !*k->name || utf8_len(k->name) > 100)
		fielderr_add(fe, "name", "请填写专项整治名称（不超过100字）");
	if (k->start_day && *k->start_day && date_parse(k->start_day) == QF_DAY_NONE)
		fielderr_add(fe, "start", fielderr_date_msg(k->start_day, "开始日期格式应为 YYYY-MM-DD"));
	if (k->end_day && *k->end_day && date_parse(k->end_day) == QF_DAY_NONE)
		fielderr_add(fe, "end", fielderr_date_msg(k->end_day, "结束日期格式应为 YYYY-MM-DD"));
	if (!fe->n && k->start_day && *k->start_day && k->end_day && *k->end_day &&
	    strcmp(k->end_day, k->start_day) < 0)
		fielderr_add(fe, "end", "结束日期不能早于开始日期");
	fielderr_len(c->a, fe, "plan", "工作方案", k->plan, 5000);
	fielderr_len(c->a, fe, "lead_office", "牵头部门", k->lead_office, 50);
	k->start_day = k->start_day && *k->start_day ? k->start_day : NULL;
	k->end_day = k->end_day && *k->end_day ? k->end_day : NULL;
	k->plan = k->plan ? k->plan : "";
	k->lead_office = k->lead_office ? k->lead_office : "";
}

struct campaign_arg {
	struct ctx *c;
	struct campaign k;
	struct campaign_group g;
	int64_t *members;
	int n_members;
	int64_t id;
};

static int create_tx(struct store *s, void *arg)
{
	struct campaign_arg *ka = arg;

	ka->id = store_campaign_insert(s, ka->c->cfg->region, &ka->k, ka->c->now);
	if (ka->id < 0)
		return -1;
	return audit_append(ka->c, AEV_CREATE, arena_printf(ka->c->a, "campaign/%" PRId64, ka->id), 1,
			    ka->k.name);
}

int64_t campaign_create(struct ctx *c, const struct campaign *k, struct fielderr *fe)
{
	struct campaign_arg ka = { .c = c, .k = *k };

	check(c, &ka.k, fe);
	if (fe->n)
		return RES_INVALID;
	return store_tx(c->db, create_tx, &ka) < 0 ? RES_STORE : ka.id;
}

static int update_tx(struct store *s, void *arg)
{
	struct campaign_arg *ka = arg;
	int rc = store_campaign_update(s, &ka->k);

	if (rc <= 0) {
		ka->id = rc < 0 ? RES_STORE : RES_NOT_FOUND;
		return -1;
	}
	ka->id = RES_DONE;
	return audit_append(ka->c, AEV_CAMPAIGN_EDIT, arena_printf(ka->c->a, "campaign/%" PRId64, ka->k.id), 1,
			    ka->k.name);
}

int campaign_update(struct ctx *c, const struct campaign *k, struct fielderr *fe)
{
	struct campaign_arg ka = { .c = c, .k = *k, .id = RES_STORE };

	check(c, &ka.k, fe);
	if (fe->n)
		return RES_INVALID;
	if (store_tx(c->db, update_tx, &ka) < 0)
		return ka.id == RES_NOT_FOUND ? RES_NOT_FOUND : RES_STORE;
	return RES_DONE;
}

int campaign_list(struct ctx *c, struct campaign **out)
{
	return store_campaign_list(c->db, c->a, out);
}

int campaign_get(struct ctx *c, int64_t id, struct campaign *k)
{
	int rc = store_campaign_get(c->db, c->a, id, k);

	return rc < 0 ? RES_STORE : rc ? RES_DONE : RES_NOT_FOUND;
}

/* ---- working groups ------------------------------------------------------- */

/* The next name of a list separated by spaces, commas or 、: its length
 * from *p (advanced past it), 0 at the end. */
static size_t next_name(const char **p)
{
	const char *s = *p;
	size_t n = 0;

	for (;;) {
		if (*s == ' ' || *s == ',' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (!strncmp(s, "，", 3) || !strncmp(s, "、", 3))
			s += 3;
		else
			break;
	}
	while (s[n] && s[n] != ' ' && s[n] != ',' && s[n] != '\t' && s[n] != '\n' && s[n] != '\r' &&
	       strncmp(s + n, "，", 3) && strncmp(s + n, "、", 3))
		n++;
	*p = s + n;
	return n;
}

/* The members' accounts into ka (active, each once); messages in fe. */
static int resolve_members(struct ctx *c, const char *list, struct campaign_arg *ka, struct fielderr *fe)
{
	const char *p = list ? list : "";
	int cap = 0;
	size_t n;

	while ((n = next_name(&p)) > 0) {
		const char *name = arena_strndup(c->a, p - n, n);
		struct user u;
		int rc = store_user_by_name(c->db, c->a, name, &u);

		if (rc < 0)
			return RES_STORE;
		if (rc == 0 || u.disabled) {
			fielderr_add(fe, "members", arena_printf(c->a, "成员“%s”不是在用的账号", name));
			continue;
		}
		for (int i = 0; i < ka->n_members; i++)
			if (ka->members[i] == u.id) {
				fielderr_add(fe, "members", arena_printf(c->a, "成员“%s”重复", name));
				goto next;
			}
		*(int64_t *)arena_push(c->a, &ka->members, &cap, ka->n_members++, sizeof(int64_t)) = u.id;
next:;
	}
	return 0;
}

static int group_tx(struct store *s, void *arg)
{
	struct campaign_arg *ka = arg;

	ka->id = store_campaign_group_insert(s, &ka->g, NULL, ka->c->now);
	if (ka->id < 0)
		return -1;
	for (int i = 0; i < ka->n_members; i++)
		if (store_campaign_group_member_add(s, ka->id, ka->members[i]) < 0)
			return -1;
	return audit_append(ka->c, AEV_CAMPAIGN_GROUP,
			    arena_printf(ka->c->a, "campaign/%" PRId64, ka->g.campaign_id), 1, ka->g.name);
}

int64_t campaign_group_add(struct ctx *c, const struct campaign_group *g, const char *members,
			   struct fielderr *fe)
{
	struct campaign_arg ka = { .c = c, .g = *g };
	struct campaign k;
	int rc = campaign_get(c, g->campaign_id, &k);

	if (rc != RES_DONE)
		return rc;
	if (!g->name || !*g->name || utf8_len(g->name) > 100)
		fielderr_add(fe, "group_name", "请填写工作组名称（不超过100字）");
	fielderr_len(c->a, fe, "area", "负责单位或区域", g->area, 200);
	if (g->leader_id) {
		struct user u;
		int rc2 = store_user_by_id(c->db, c->a, g->leader_id, &u);

		if (rc2 < 0)
			return RES_STORE;
		if (rc2 == 0 || u.disabled)
			fielderr_add(fe, "leader_id", "组长应为在用的账号");
	}
	if (resolve_members(c, members, &ka, fe) < 0)
		return RES_STORE;
	if (fe->n)
		return RES_INVALID;
	ka.g.area = g->area ? g->area : "";
	return store_tx(c->db, group_tx, &ka) < 0 ? RES_STORE : ka.id;
}

int campaign_groups(struct ctx *c, int64_t campaign_id, struct campaign_group **out)
{
	return store_campaign_groups(c->db, c->a, campaign_id, out);
}

/* ---- tagging a case ------------------------------------------------------------ */

static int tag_tx(struct store *s, void *arg)
{
	struct campaign_arg *ka = arg;
	int rc = store_case_set_campaign(s, ka->id, ka->k.id, ka->c->now);

	if (rc != 1)
		return -1;
	return audit_append(ka->c, AEV_CAMPAIGN_TAG, arena_printf(ka->c->a, "case/%" PRId64, ka->id), 1,
			    arena_printf(ka->c->a, "campaign/%" PRId64 " %s", ka->k.id, ka->k.name));
}

int campaign_tag_case(struct ctx *c, int64_t campaign_id, int64_t case_id, struct fielderr *fe)
{
	struct campaign_arg ka = { .c = c, .id = case_id };
	int rc = campaign_get(c, campaign_id, &ka.k);

	if (rc != RES_DONE)
		return rc;
	rc = case_id > 0 ? case_access(c, case_id) : 0;
	if (rc < 0)
		return RES_STORE;
	if (rc == 0) {
		fielderr_add(fe, "case_id", "所选案件不存在");
		return RES_INVALID;
	}
	return store_tx(c->db, tag_tx, &ka) < 0 ? RES_STORE : RES_DONE;
}

/* ---- the plan documents: attachments of kind campaign (attach.h) ---------- */

static int seen_campaign(struct ctx *c, int64_t id)
{
	struct campaign k;
	return campaign_get(c, id, &k);
}

static int work_campaign(struct ctx *c, int64_t id)
{
	(void)id;
	return authz_has(&c->who, PERM_CAMPAIGN_WRITE);
}

static const struct attach_kind plan_kind = {
	"campaign", "campaigns", "专项整治", PERM_CLUE_READ, seen_campaign, work_campaign };
QF_REGISTER(attach_kinds, &plan_kind);

/* ---- the campaign's page: its figures --------------------------------------- */

const char *const campaign_figure_keys[] = {
	"campaign_groups", "clues_received", "cases_filed", "sanctioned", "detained", "transferred", "form1",
	"problems_found", "problems_rectified", "accountabilities", "accountability_check", "accountability_notice",
	"accountability_admonish", "accountability_org_handling", "accountability_discipline",
	"confiscated", "ordered", "returned", "recovered",
};
const int campaign_figure_nkeys = (int)(sizeof(campaign_figure_keys) / sizeof(campaign_figure_keys[0]));

int campaign_figures(struct ctx *c, int64_t id, struct metric_value **out, int *n,
		     struct metric_period *p, struct metric_scope *s)
{
	/* every record tagged to the campaign, whatever its day */
	*p = (struct metric_period){ "2000-01-01", "2099-12-31" };
	*s = (struct metric_scope){ .campaign_id = id, .scope_user = authz_scope_user(c) };
	return metrics_compute_keys(c->db, c->a, p, s, campaign_figure_keys, campaign_figure_nkeys, out, n) ==
			       RES_DONE ? RES_DONE : RES_STORE;
}

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---- */

static const struct metric_def metric_groups = {
	.key = "campaign_groups",
	.zh = "专项工作组",
	.en = "working groups of the campaigns running in the period (start and end days overlap it)",
	.kind = METRIC_COUNT,
	.order = 178,
	.scopes = METRIC_SCOPE_CAMPAIGN,
	.compute = store_metric_campaign_groups,
	.list = NULL };
QF_METRIC(&metric_groups);
