/*
 * worklog.c: the work log (domain/worklog.h): the catalog's edits, the
 * checks of an entry, single and quick entry (all or nothing), the list,
 * and the statistics `activities` and `activity_participants`.
 */
#include "domain/worklog.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/strbuf.h"
#include "domain/attach.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "domain/user.h"
#include "model/caserules.h"
#include "model/clue.h"
#include "model/unit.h"
#include "store/q_caserules.h"
#include "store/q_clues.h"
#include "store/q_units.h"
#include "store/q_worklog.h"
#include "store/store.h"

QF_AUDIT_EVENT(ACTIVITY_KIND_EDIT, "activity_kind_edit", "修改工作台账类别");
QF_AUDIT_EVENT(ACTIVITY_ADD, "activity_add", "登记工作台账");
QF_AUDIT_OBJECT(activity, "工作台账");
QF_AUDIT_OBJECT(activity_kind, "工作台账类别");

/* ---- the catalog ------------------------------------------------------------ */

int activity_kinds(struct ctx *c, struct activity_kind **out)
{
	int n = store_activity_kinds(c->db, c->a, out);

	return n < 0 ? RES_STORE : n;
}

static int code_ok(const char *s)
{
	if (!s || !(*s >= 'a' && *s <= 'z') || strlen(s) > 40)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

struct kind_arg {
	struct ctx *c;
	const struct activity_kind *k;
	const char *detail;
};

static int kind_tx(struct store *s, void *arg)
{
	struct kind_arg *ka = arg;

	if (store_activity_kind_put(s, ka->k) < 0)
		return -1;
	return audit_append(ka->c, AEV_ACTIVITY_KIND_EDIT,
			    arena_printf(ka->c->a, "activity_kind/%s", ka->k->code), 1, ka->detail);
}

int activity_kind_put(struct ctx *c, const struct activity_kind *k, struct fielderr *fe)
{
	struct activity_kind old;
	struct kind_arg ka = { c, k, NULL };
	int rc;

	if (!code_ok(k->code))
		fielderr_add(fe, "code", "代码应为小写英文字母开头，由小写字母、数字和下划线组成，不超过40个字符");
	if (!k->name || !*k->name)
		fielderr_add(fe, "name", "请填写类别名称");
	fielderr_len(c->a, fe, "name", "类别名称", k->name, 60);
	if (!k->unit || !*k->unit)
		fielderr_add(fe, "unit", "请填写计量单位（次、期、份、篇、人次等）");
	fielderr_len(c->a, fe, "unit", "计量单位", k->unit, 8);
	if (fe->n)
		return RES_INVALID;
	rc = store_activity_kind_get(c->db, c->a, k->code, &old);
	if (rc < 0)
		return RES_STORE;
	ka.detail = rc ? arena_printf(c->a, "%s（%s）→ %s（%s，%s%s）", old.name, old.active ? "在用" : "停用",
				      k->name, k->unit, k->active ? "在用" : "停用",
				      k->participants ? "，记录参加人次" : "")
		       : arena_printf(c->a, "新增 %s（%s，%s）", k->name, k->unit, k->active ? "在用" : "停用");
	return store_tx(c->db, kind_tx, &ka) < 0 ? RES_STORE : RES_DONE;
}

/* ---- entries ---------------------------------------------------------------- */

/* Checks one entry; messages added to fe under field names with `pre`
 * before each message ("" for the form, "第3行：" for a row).  0, or -1
 * when a lookup failed.  The kind's participants flag clears the
 * participants of a kind that does not record them. */
static int check(struct ctx *c, struct activity *v, const char *pre, const char *rowfield, struct fielderr *fe)
{
	struct activity_kind k;
	int rc;
#define ERR(field, msg) fielderr_add(fe, rowfield ? rowfield : (field), arena_printf(c->a, "%s%s", pre, (msg)))

	rc = v->kind && *v->kind ? store_activity_kind_get(c->db, c->a, v->kind, &k) : 0;
	if (rc < 0)
		return -1;
	if (!rc)
		ERR("kind", "请选择活动类别");
	else if (!k.active)
		ERR("kind", arena_printf(c->a, "类别“%s”已停用，不能登记新的活动", k.name));
	if (!v->day || date_check(v->day) != DATE_OK)
		ERR("day", fielderr_date_msg(v->day, "日期格式应为 YYYY-MM-DD"));
	if (v->count < 1 || v->count > ACTIVITY_COUNT_MAX)
		ERR("count", "数量应为 1 至 1000000 的整数");
	if (v->participants < 0 || v->participants > ACTIVITY_COUNT_MAX)
		ERR("participants", "参加人次应为 0 至 1000000 的整数");
	else if (rc > 0 && !k.participants)
		v->participants = 0;
	if (!v->title || !*v->title)
		ERR("title", "请填写标题");
	else if (strlen(v->title) > ACTIVITY_TITLE_MAX * 3)
		ERR("title", "标题过长");
	if (v->note && strlen(v->note) > ACTIVITY_NOTE_MAX * 3)
		ERR("note", "备注过长");
	if (v->unit_id) {
		struct unit u;
		rc = authz_unit(c, v->unit_id, arena_printf(c->a, "unit/%" PRId64, v->unit_id));
		if (rc > 0)
			rc = store_unit_get(c->db, c->a, v->unit_id, &u);
		if (rc < 0)
			return -1;
		if (!rc)
			ERR("unit_id", "所选单位不存在");
	}
	if (v->campaign_id) {
		struct campaign g;
		if ((rc = store_campaign_get(c->db, c->a, v->campaign_id, &g)) < 0)
			return -1;
		if (!rc)
			ERR("campaign_id", "所选专项工作不存在");
	}
	if (v->category && *v->category) {
		struct violation_category vc;
		if ((rc = store_category_get(c->db, c->a, v->category, &vc)) < 0)
			return -1;
		if (!rc)
			ERR("category", "所选违纪违法类别不在类别目录中");
	} else {
		v->category = NULL;
	}
#undef ERR
	return 0;
}

struct add_arg {
	struct ctx *c;
	struct activity *rows;
	int n;
	int64_t id;
};

static int add_tx(struct store *s, void *arg)
{
	struct add_arg *aa = arg;
	struct ctx *c = aa->c;

	for (int i = 0; i < aa->n; i++) {
		struct activity *v = &aa->rows[i];
		aa->id = store_activity_insert(s, v, c->who.id, c->now);
		if (aa->id <= 0)
			return -1;
		if (audit_append(c, AEV_ACTIVITY_ADD, arena_printf(c->a, "activity/%" PRId64, aa->id), 1,
				 arena_printf(c->a, "%s %s ×%" PRId64, v->day, v->title, v->count)) < 0)
			return -1;
	}
	return 0;
}

/* the recording office: the actor's, when the entry names none */
static void default_office(struct ctx *c, struct activity *v)
{
	if (!v->office || !*v->office)
		v->office = c->who.id ? user_office(c, c->who.id) : "";
	if (!v->office)
		v->office = "";
}

int64_t activity_add(struct ctx *c, const struct activity *in, struct fielderr *fe)
{
	struct activity v = *in;
	struct add_arg aa = { c, &v, 1, 0 };

	if (check(c, &v, "", NULL, fe) < 0)
		return RES_STORE;
	if (fe->n)
		return RES_INVALID;
	default_office(c, &v);
	return store_tx(c->db, add_tx, &aa) < 0 ? RES_STORE : aa.id;
}

int activity_add_batch(struct ctx *c, const struct activity *in, int n, const int *numbers,
		       struct fielderr *fe)
{
	struct activity *rows;
	struct add_arg aa = { c, NULL, n, 0 };

	if (n < 1) {
		fielderr_add(fe, "rows", "请至少填写一行");
		return RES_INVALID;
	}
	if (n > ACTIVITY_BATCH_MAX) {
		fielderr_add(fe, "rows", arena_printf(c->a, "一次最多登记 %d 行", ACTIVITY_BATCH_MAX));
		return RES_INVALID;
	}
	rows = arena_alloc(c->a, sizeof(*rows) * (size_t)n);
	for (int i = 0; i < n; i++) {
		rows[i] = in[i];
		if (check(c, &rows[i], arena_printf(c->a, "第%d行：", numbers ? numbers[i] : i + 1), "rows", fe) < 0)
			return RES_STORE;
		default_office(c, &rows[i]);
	}
	if (fe->n)
		return RES_INVALID;
	aa.rows = rows;
	return store_tx(c->db, add_tx, &aa) < 0 ? RES_STORE : RES_DONE;
}

int activity_get(struct ctx *c, int64_t id, struct activity *out)
{
	int rc = store_activity_get(c->db, c->a, id, out);

	if (rc < 0)
		return RES_STORE;
	if (!rc)
		return RES_NOT_FOUND;
	if (out->unit_id && (rc = authz_unit(c, out->unit_id, arena_printf(c->a, "activity/%" PRId64, id))) <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	return RES_DONE;
}

int activity_list(struct ctx *c, struct activity_filter *f, struct activity **out, int64_t *total)
{
	int n;

	f->scope_user = authz_scope_user(c);
	*total = store_activity_count(c->db, f);
	if (*total < 0)
		return RES_STORE;
	n = store_activity_list(c->db, c->a, f, out);
	return n < 0 ? RES_STORE : n;
}

int activity_sums(struct ctx *c, struct activity_filter *f, int64_t *count, int64_t *participants)
{
	f->scope_user = authz_scope_user(c);
	return store_activity_sums(c->db, c->a, f, count, participants) < 0 ? RES_STORE : RES_DONE;
}

/* ---- attachments: the attachment kind (domain/attach.h) -------------------------- */

static int seen_activity(struct ctx *c, int64_t id)
{
	struct activity v;

	return activity_get(c, id, &v);
}

/* whoever records the work log adds to an entry he sees */
static int work_activity(struct ctx *c, int64_t id)
{
	struct activity v;
	int rc;

	if (!authz_has(&c->who, PERM_WORKLOG))
		return 0;
	rc = store_activity_get(c->db, c->a, id, &v);
	return rc < 0 ? rc : rc > 0;
}

static const struct attach_kind activity_attach = {
	"activity", "worklog", "工作台账", PERM_WORKLOG, seen_activity, work_activity };
QF_REGISTER(attach_kinds, &activity_attach);

/* ---- the statistics' scope ---------------------------------------------------- */

int activity_kinds_valid(struct store *db, struct arena *a, const char *codes, const char **why)
{
	char *list = arena_strdup(a, codes), *save = NULL;

	*why = NULL;
	for (char *k = strtok_r(list, "+", &save); k; k = strtok_r(NULL, "+", &save)) {
		struct activity_kind v;
		int rc = store_activity_kind_get(db, a, k, &v);
		if (rc < 0)
			return rc;
		if (!rc) {
			*why = arena_printf(a, "工作台账类别“%s”不在类别目录中", k);
			return 0;
		}
	}
	return 1;
}

const char *activity_kind_words(struct store *db, struct arena *a, const char *codes)
{
	char *list = arena_strdup(a, codes), *save = NULL;
	struct strbuf sb = STRBUF_INIT;
	const char *r;

	for (char *k = strtok_r(list, "+", &save); k; k = strtok_r(NULL, "+", &save)) {
		struct activity_kind v;
		strbuf_addf(&sb, "%s%s", sb.len ? "、" : "", store_activity_kind_get(db, a, k, &v) == 1 ? v.name : k);
	}
	r = arena_strdup(a, sb.len ? sb.buf : codes);
	strbuf_release(&sb);
	return r;
}

/* ---- statistics (docs/statistics.md) ------------------------------------------ */

#define WORKLOG_SCOPES (METRIC_SCOPE_UNIT | METRIC_SCOPE_CAMPAIGN | METRIC_SCOPE_CATEGORY | METRIC_SCOPE_KIND)

static int metric_count(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			int64_t *out)
{
	return store_metric_activities(db, p, s, 0, out);
}

static int metric_people(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			 int64_t *out)
{
	return store_metric_activities(db, p, s, 1, out);
}

static const struct metric_def metric_activities = {
	.key = "activities",
	.zh = "工作台账活动数量",
	.en = "the sum of the counts of the work log's activities dated in the period (kind=CODE narrows to a kind)",
	.kind = METRIC_COUNT,
	.order = 200,
	.scopes = WORKLOG_SCOPES,
	.compute = metric_count,
	.list = "/worklog?" };
QF_METRIC(&metric_activities);
static const struct metric_def metric_activity_participants = {
	.key = "activity_participants",
	.zh = "工作台账参加人次",
	.en = "the sum of the participants (人次) of the work log's activities dated in the period",
	.kind = METRIC_COUNT,
	.order = 201,
	.scopes = WORKLOG_SCOPES,
	.compute = metric_people,
	.list = "/worklog?" };
QF_METRIC(&metric_activity_participants);
