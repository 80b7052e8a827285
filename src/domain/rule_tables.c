/*
 * rule_tables.c: the rule tables staff edit (rule_tables.h): one
 * definition per table, the versions with the one in force today, and the
 * checked, audited addition of a version.  The domain code that applies
 * each rule reads the same rows by date (measures.c, sanction.c,
 * clocks.c, detention.c, jurisdiction.c), so a version applies to what is
 * decided or started from its valid_from on and to nothing before.
 *
 * Guarantees: a version starts today or later and never replaces one in
 * force, so no past period, due day or form moves; every column is a
 * code of its table or a number in its range; every change is audited in
 * its write, naming the table, the key and the values.
 */
#include "domain/rule_tables.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/detention.h"
#include "domain/fielderr.h"
#include "domain/measures.h"
#include "domain/person.h"
#include "domain/result.h"
#include "store/q_rules.h"
#include "store/store.h"

QF_AUDIT_EVENT(FORM_RULE_ADD, "form_rule_add", "修改四种形态口径");
QF_AUDIT_EVENT(PERIOD_RULE_ADD, "period_rule_add", "修改影响期");
QF_AUDIT_EVENT(CLOCK_RULE_ADD, "clock_rule_add", "修改办理时限");
QF_AUDIT_EVENT(DETENTION_RULE_ADD, "detention_rule_add", "修改留置期限规则");
QF_AUDIT_EVENT(JURISDICTION_RULE_ADD, "jurisdiction_rule_add", "修改管辖规则");
QF_AUDIT_OBJECT(form_rule, "四种形态口径");
QF_AUDIT_OBJECT(period_rule, "影响期");
QF_AUDIT_OBJECT(clock_rule, "办理时限");
QF_AUDIT_OBJECT(detention_rule, "留置期限规则");
QF_AUDIT_OBJECT(jurisdiction_rule, "管辖规则");

static const struct label forms[] = {
	{ "1", "第一种形态" }, { "2", "第二种形态" }, { "3", "第三种形态" }, { "4", "第四种形态" },
	{ NULL, NULL }
};
static const struct label clock_units[] = {
	{ "workdays", "工作日" }, { "days", "日（自然日）" }, { "months", "个月" }, { NULL, NULL }
};
static const struct label detention_steps[] = {
	{ "detention", "留置" },
	{ "extension", "延长（上一级批准）" },
	{ "national", "再延长（国家监委批准）" },
	{ "recalc", "重新计算" },
	{ "notice", "通知单位和家属" },
	{ NULL, NULL }
};
static const struct label detention_units[] = { { "months", "个月" }, { "hours", "小时" }, { NULL, NULL } };

static const struct label *measure_choices(struct ctx *c)
{
	int n = 0;
	struct label *v;

	while (measure_table[n].code)
		n++;
	v = arena_zalloc(c->a, sizeof(*v) * (size_t)(n + 1));
	for (int i = 0; i < n; i++)
		v[i] = (struct label){ measure_table[i].code, measure_table[i].label };
	return v;
}

/* the clocks of clock_limits with their labels (a version must name one) */
static const struct label *clock_choices(struct ctx *c)
{
	struct clock_limit_row *rows;
	int n = store_clock_limits(c->db, c->a, &rows), k = 0;
	struct label *v;

	if (n < 0)
		return NULL;
	v = arena_zalloc(c->a, sizeof(*v) * (size_t)(n + 1));
	for (int i = 0; i < n; i++)
		if (!k || strcmp(v[k - 1].code, rows[i].clock))
			v[k++] = (struct label){ rows[i].clock, rows[i].label };
	return v;
}

static void detention_check(const char *const *v, struct fielderr *fe)
{
	int notice = !strcmp(v[0], "notice");

	if (notice != !strcmp(v[2], "hours"))
		fielderr_add(fe, "unit", notice ? "通知时限以小时计" : "留置、延长和重新计算的期限以月计");
}

static void period_check(const char *const *v, struct fielderr *fe)
{
	if (!strcmp(v[4], "1") && (strcmp(v[1], "0") || strcmp(v[3], "0")))
		fielderr_add(fe, "permanent", "永久影响的不填月数");
	else if (!strcmp(v[2], "1") && strcmp(v[1], "0"))
		fielderr_add(fe, "months", "期限由处分决定载明的（如留党察看），月数填0");
}

#define MEASURE_COL { "measure", "处理措施", RULE_CHOICE, NULL, measure_choices, 0, 0 }

const struct rule_table rule_tables[RULES_N] = {
	[RULES_FORMS] = { RULES_FORMS, "forms", "四种形态口径",
		"每项处理措施计入哪一种形态，自施行日期起适用；处理结果按其首次决定日期施行的口径计算形态，"
		"修改口径不改变此前已决定的处理结果。",
		AEV_FORM_RULE_ADD, "form_rule", 1, 2, {
			MEASURE_COL,
			{ "form", "计入形态", RULE_CHOICE, forms, NULL, 0, 0 } }, NULL },
	[RULES_PERIODS] = { RULES_PERIODS, "periods", "影响期",
		"处分或组织处理的影响期（影响晋升的期间），按处理结果的决定日期施行的规则计算；"
		"修改自施行日期起适用于此后决定的处理结果，此前已决定的处理结果影响期不变。",
		AEV_PERIOD_RULE_ADD, "period_rule", 1, 5, {
			MEASURE_COL,
			{ "months", "影响期（月）", RULE_INT, NULL, NULL, 0, 120 },
			{ "stated", "期限由决定载明", RULE_FLAG, NULL, NULL, 0, 1 },
			{ "extra_months", "期满后另不得晋升（月）", RULE_INT, NULL, NULL, 0, 120 },
			{ "permanent", "永久", RULE_FLAG, NULL, NULL, 0, 1 } }, period_check },
	[RULES_CLOCKS] = { RULES_CLOCKS, "clocks", "办理时限",
		"每项时限按其起算日施行的版本计算到期日；修改自施行日期起适用于此后起算的时限，"
		"此前已起算的时限到期日不变。",
		AEV_CLOCK_RULE_ADD, "clock_rule", 1, 3, {
			{ "clock", "时限", RULE_CHOICE, NULL, clock_choices, 0, 0 },
			{ "amount", "期限", RULE_INT, NULL, NULL, 1, 1000 },
			{ "unit", "单位", RULE_CHOICE, clock_units, NULL, 0, 0 } }, NULL },
	[RULES_DETENTION] = { RULES_DETENTION, "detention", "留置期限规则",
		"留置、延长、再延长、重新计算和通知的期限与批准层级，按采取该措施之日施行的规则适用；"
		"修改自施行日期起适用于此后采取的措施，此前的留置期限不变。",
		AEV_DETENTION_RULE_ADD, "detention_rule", 1, 5, {
			{ "step", "措施", RULE_CHOICE, detention_steps, NULL, 0, 0 },
			{ "amount", "期限", RULE_INT, NULL, NULL, 0, 1000 },
			{ "unit", "单位", RULE_CHOICE, detention_units, NULL, 0, 0 },
			{ "min_level", "最低决定层级", RULE_CHOICE, commission_levels, NULL, 0, 0 },
			{ "approver", "批准机关", RULE_TEXT, NULL, NULL, 0, 100 } }, detention_check },
	[RULES_JURISDICTION] = { RULES_JURISDICTION, "jurisdiction", "管辖规则",
		"本级为该层级时，该职级人员的检举控告和问题线索报送上一级处理（不予处置）；"
		"修改自施行日期起适用于此后收到的检举控告和线索。“报送上一级”选否即终止该规则。",
		AEV_JURISDICTION_RULE_ADD, "jurisdiction_rule", 2, 3, {
			{ "level", "本机关层级", RULE_CHOICE, commission_levels, NULL, 0, 0 },
			{ "rank", "被反映人职级", RULE_CHOICE, person_ranks, NULL, 0, 0 },
			{ "up", "报送上一级", RULE_FLAG, NULL, NULL, 0, 1 } }, NULL },
};

const struct rule_table *rule_table_find(const char *code)
{
	for (int i = 0; code && i < RULES_N; i++)
		if (!strcmp(rule_tables[i].code, code))
			return &rule_tables[i];
	return NULL;
}

const struct label *rule_col_choices(struct ctx *c, const struct rule_table *t, int col)
{
	const struct rule_col *k = &t->cols[col];

	return k->choices ? k->choices : k->load ? k->load(c) : NULL;
}

static int same_key(const struct rule_table *t, const struct rule_row *a, const struct rule_row *b)
{
	for (int i = 0; i < t->nkeys; i++)
		if (strcmp(a->v[i], b->v[i]))
			return 0;
	return 1;
}

int rule_table_read(struct ctx *c, const struct rule_table *t, struct rule_view *out)
{
	const char *today = out->today;

	memset(out, 0, sizeof(*out));
	date_format(date_today(), out->today);
	out->n = store_rule_rows(c->db, c->a, t->id, &out->rows);
	if (out->n < 0)
		return -1;
	out->in_force = arena_zalloc(c->a, (size_t)out->n + 1);
	/* rows come by key then date: the last of a key's rows not after today */
	for (int i = 0; i < out->n; i++) {
		int last = i + 1 >= out->n || !same_key(t, &out->rows[i], &out->rows[i + 1]) ||
			   strcmp(out->rows[i + 1].valid_from, today) > 0;
		out->in_force[i] = strcmp(out->rows[i].valid_from, today) <= 0 && last;
	}
	return 0;
}

/* one column's value: a code of its choices, a number in range, a flag */
static const char *col_check(struct ctx *c, const struct rule_table *t, int i, const char *v, int *store_err)
{
	const struct rule_col *k = &t->cols[i];
	const struct label *ch;
	char *end;
	long n;

	switch (k->kind) {
	case RULE_CHOICE:
		if (!(ch = rule_col_choices(c, t, i))) {
			*store_err = 1;
			return NULL;
		}
		return *v && label_of(ch, v) ? NULL : arena_printf(c->a, "请选择%s", k->label);
	case RULE_FLAG:
		return !strcmp(v, "0") || !strcmp(v, "1") ? NULL : arena_printf(c->a, "%s应为是或否", k->label);
	case RULE_INT:
		n = strtol(v, &end, 10);
		if (!*v || *end || n < k->min || n > k->max)
			return arena_printf(c->a, "%s应为%d至%d之间的整数", k->label, k->min, k->max);
		return NULL;
	case RULE_TEXT:
		return utf8_len(v) > (size_t)k->max ? arena_printf(c->a, "%s不超过%d字", k->label, k->max) : NULL;
	}
	return NULL;
}

struct add_arg {
	struct ctx *c;
	const struct rule_table *t;
	struct rule_row r;
	struct fielderr *fe;
	const char *object, *detail;
};

static int add_tx(struct store *s, void *arg)
{
	struct add_arg *aa = arg;
	struct rule_row *rows;
	char today[11];
	int n = store_rule_rows(s, aa->c->a, aa->t->id, &rows);

	if (n < 0)
		return -1;
	date_format(date_today(), today);
	for (int i = 0; i < n; i++)
		if (same_key(aa->t, &rows[i], &aa->r) && !strcmp(rows[i].valid_from, aa->r.valid_from) &&
		    strcmp(rows[i].valid_from, today) <= 0) {
			fielderr_add(aa->fe, "valid_from", "该日期的版本已经施行，不能替换；请另定施行日期（明天或以后）");
			return 1;
		}
	if (store_rule_put(s, aa->t->id, &aa->r, aa->c->who.id, aa->c->now) < 0)
		return -1;
	return audit_append(aa->c, aa->t->event, aa->object, 1, aa->detail);
}

/* "<key labels> 自 <date> 起：<label> <value>，…；依据：<source>" */
static const char *describe(struct ctx *c, const struct rule_table *t, const struct rule_row *r)
{
	const char *s = "";

	for (int i = 0; i < t->ncols; i++) {
		const struct label *ch = t->cols[i].kind == RULE_CHOICE ? rule_col_choices(c, t, i) : NULL;
		const char *v = ch && label_of(ch, r->v[i]) ? label_of(ch, r->v[i]) : r->v[i];

		if (t->cols[i].kind == RULE_FLAG)
			v = strcmp(r->v[i], "1") ? "否" : "是";
		s = i < t->nkeys ? arena_printf(c->a, "%s%s%s", s, i ? "、" : "", v)
			       : arena_printf(c->a, "%s%s%s %s", s, i == t->nkeys ? "：" : "，", t->cols[i].label, v);
		if (i == t->nkeys - 1)
			s = arena_printf(c->a, "%s 自 %s 起", s, r->valid_from);
	}
	return arena_printf(c->a, "%s；依据：%s", s, r->source);
}

int rule_row_valid(struct ctx *c, const struct rule_table *t, const char *const *v, const char *valid_from,
		   int from_today, const char *source, struct fielderr *fe)
{
	qf_day from = date_parse(valid_from ? valid_from : "");
	int store_err = 0, before = fe->n;

	for (int i = 0; i < t->ncols; i++) {
		const char *m = col_check(c, t, i, v[i] ? v[i] : "", &store_err);

		if (m)
			fielderr_add(fe, t->cols[i].name, m);
	}
	if (store_err)
		return -1;
	if (from == QF_DAY_NONE)
		fielderr_add(fe, "valid_from", fielderr_date_msg(valid_from, "请填写施行日期（YYYY-MM-DD）"));
	else if (from_today && from < date_today())
		fielderr_add(fe, "valid_from", "施行日期不能早于今天：规则的修改不改变此前已决定的事项");
	if (!source || !*source)
		fielderr_add(fe, "source", "请填写依据（文件名称及条款）");
	else if (utf8_len(source) > 500)
		fielderr_add(fe, "source", "依据不超过500字");
	if (fe->n == before && t->check)
		t->check(v, fe);
	return fe->n == before;
}

int rule_version_add(struct ctx *c, const struct rule_table *t, const char *const *v,
		     const char *valid_from, const char *source, struct fielderr *fe)
{
	struct add_arg aa = { .c = c, .t = t, .fe = fe };
	qf_day from = date_parse(valid_from ? valid_from : "");
	int rc;

	for (int i = 0; i < t->ncols; i++)
		aa.r.v[i] = v[i] ? v[i] : "";
	rc = rule_row_valid(c, t, aa.r.v, valid_from, 1, source, fe);
	if (rc < 0)
		return RES_STORE;
	if (!rc)
		return RES_INVALID;
	aa.r.valid_from = date_format(from, arena_alloc(c->a, 11));     /* as stored: YYYY-MM-DD */
	aa.r.source = source;
	aa.object = t->nkeys == 1 ? arena_printf(c->a, "%s/%s", t->object, aa.r.v[0])
				  : arena_printf(c->a, "%s/%s:%s", t->object, aa.r.v[0], aa.r.v[1]);
	aa.detail = describe(c, t, &aa.r);
	rc = store_tx(c->db, add_tx, &aa);
	if (rc < 0)
		return RES_STORE;
	return fe->n ? RES_INVALID : RES_DONE;
}
