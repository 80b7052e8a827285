/*
 * case_filing.c: the filing record of a case (type, handling organ,
 * violation categories) and the category catalog the case manager edits.
 *
 * Sources: the case type and organ, the categories (political,
 * organisational, integrity, mass, work and life discipline: 《中国共产党
 * 纪律处分条例》(2023) part two; 八项规定精神/四风; 职务违法, 职务犯罪:
 * 《监察法》 art. 11), DOMAIN.md section 2.  The filing approvals
 * themselves are disposition.c's.
 *
 * Guarantees: a case is filed with a type, an organ and at least one
 * category offered on its filing day; a category is never deleted, only
 * retired from a day (the cases filed under it keep it, the statistics of
 * past periods do not move); each catalog change is audited in the same
 * transaction as the change.
 */
#include "domain/case_filing.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "domain/txmemo.h"
#include "store/q_caserules.h"

QF_AUDIT_EVENT(CATEGORY_ADD, "category_add", "新增违纪违法类别");
QF_AUDIT_EVENT(CATEGORY_RETIRE, "category_retire", "停用或恢复违纪违法类别");
QF_AUDIT_EVENT(CASE_FILING, "case_filing", "补录立案信息");
QF_AUDIT_OBJECT(category, "违纪违法类别");

const struct label case_types[] = {
	{ "discipline", "纪律审查" },
	{ "supervision", "监察调查" },
	{ "both", "纪律审查和监察调查" },
	{ NULL, NULL }
};

const struct label case_organs[] = {
	{ "office", "本委审查调查（监督检查）室" },
	{ "resident_group", "派驻纪检监察组" },
	{ "township", "乡镇（街道）纪（工）委" },
	{ NULL, NULL }
};

const char *category_label(const struct violation_category *v, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(v[i].code, code))
			return v[i].label;
	return "";
}

int categories_valid(struct ctx *c, const char *const *codes, int n_codes, const char *day,
		     const char *day_name, struct fielderr *fe)
{
	for (int i = 0; i < n_codes; i++) {
		int rc;

		for (int j = 0; j < i; j++)
			if (!strcmp(codes[i], codes[j])) {
				fielderr_add(fe, "categories", "违纪违法类别重复");
				return 0;
			}
		/* one row per code, not the catalog with its usage counts: import
		 * calls this for every clue and case line */
		if ((rc = txmemo_category_offered(c, codes[i], day)) < 0)
			return -1;
		if (!rc) {
			fielderr_add(fe, "categories", arena_printf(c->a, "“%s”不是%s（%s）可用的违纪违法类别",
								    codes[i], day_name, day));
			return 0;
		}
	}
	return 1;
}

/* 0 (messages in fe), or -1 when the catalog could not be read. */
static int filing_categories_valid(struct ctx *c, const struct case_filing *f, const char *day,
				   struct fielderr *fe)
{
	if (!f->n_categories) {
		fielderr_add(fe, "categories", "请至少选择一个违纪违法类别");
		return 0;
	}
	return categories_valid(c, f->categories, f->n_categories, day, "立案日期", fe) < 0 ? -1 : 0;
}

/* Type, organ and categories: 1 good, 0 with the messages in fe, -1 when
 * the catalog could not be read. */
static int filing_fields_valid(struct ctx *c, const struct case_filing *f, const char *day, struct fielderr *fe)
{
	int before = fe->n;

	if (!f->case_type || !label_of(case_types, f->case_type))
		fielderr_add(fe, "case_type", "请选择案件类型（纪律审查、监察调查或两者）");
	if (!f->organ_kind || !label_of(case_organs, f->organ_kind))
		fielderr_add(fe, "organ_kind", "请选择承办机关类别");
	if (!f->organ_name || !*f->organ_name || utf8_len(f->organ_name) > 100)
		fielderr_add(fe, "organ_name", "请填写承办机关名称（不超过100字）");
	if (filing_categories_valid(c, f, day, fe) < 0)
		return -1;
	return fe->n == before;
}

int case_filing_valid(struct ctx *c, const struct case_filing *f, const char *day, const struct clue *k,
		      struct fielderr *fe)
{
	int before = fe->n, rc = filing_fields_valid(c, f, day, fe);
	qf_day cd;

	if (rc < 0)
		return -1;
	if (!f->committee_by || !*f->committee_by || utf8_len(f->committee_by) > 50)
		fielderr_add(fe, "committee_by", "请填写批准立案的同级党委主要负责人（不超过50字）");
	cd = date_parse(f->committee_day ? f->committee_day : "");
	if (cd == QF_DAY_NONE)
		fielderr_add(fe, "committee_day", fielderr_date_msg(f->committee_day, "请填写同级党委主要负责人批准日期（YYYY-MM-DD）"));
	else if (strcmp(f->committee_day, day) > 0 || strcmp(f->committee_day, k->received) < 0)
		fielderr_add(fe, "committee_day", "同级党委主要负责人批准日期应在线索受理之后、不晚于立案日期");
	return fe->n == before;
}

struct complete_arg {
	struct ctx *c;
	int64_t id;
	const struct case_filing *f;
};

static int complete_tx(struct store *s, void *arg)
{
	struct complete_arg *ca = arg;

	(void)s;
	if (case_filing_store(ca->c, ca->id, ca->f) < 0)
		return -1;
	return case_record(ca->c, ca->id, AEV_CASE_FILING, "补录立案信息（旧规则立案）",
			   arena_printf(ca->c->a, "%s；%s", case_type_text(ca->c, ca->f->case_type),
					case_organ_text(ca->c, ca->f->organ_kind, ca->f->organ_name)));
}

int case_filing_complete(struct ctx *c, int64_t case_id, const struct case_filing *f, struct fielderr *fe)
{
	struct complete_arg ca = { .c = c, .id = case_id, .f = f };
	struct case_rec k;
	int rc = case_get(c, case_id, &k);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	if (k.case_type) {
		fielderr_add(fe, "case_type", "该案件立案时已记录案件类型、承办机关和违纪违法类别");
		return RES_INVALID;
	}
	rc = filing_fields_valid(c, f, k.filed, fe);
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_INVALID;
	return store_tx(c->db, complete_tx, &ca) < 0 ? RES_STORE : RES_DONE;
}

int case_filing_store(struct ctx *c, int64_t case_id, const struct case_filing *f)
{
	if (store_case_set_filing(c->db, case_id, f) < 0)
		return -1;
	for (int i = 0; i < f->n_categories; i++)
		if (store_case_add_category(c->db, case_id, f->categories[i]) < 0)
			return -1;
	return 0;
}

int category_labels_of(struct ctx *c, const char *const *codes, int n_codes, const char ***out)
{
	struct violation_category *v;
	int n = store_categories(c->db, c->a, &v);
	const char **l;

	*out = NULL;
	if (n < 0)
		return -1;
	l = arena_alloc(c->a, sizeof(*l) * (size_t)(n_codes + 1));
	for (int i = 0; i < n_codes; i++)
		l[i] = category_label(v, n, codes[i]);
	*out = l;
	return 0;
}

int case_filed_as(struct ctx *c, int64_t case_id, struct case_filed_as *out)
{
	memset(out, 0, sizeof(*out));
	out->n_categories = store_case_categories(c->db, c->a, case_id, &out->categories);
	out->n_subjects = store_case_snapshots(c->db, c->a, case_id, &out->subjects);
	if (out->n_categories < 0 || out->n_subjects < 0)
		return -1;
	return category_labels_of(c, out->categories, out->n_categories, &out->category_labels);
}

const char *case_type_text(struct ctx *c, const char *case_type)
{
	const char *l = case_type ? label_of(case_types, case_type) : NULL;

	(void)c;
	return l ? l : "未记录（旧规则立案）";
}

const char *case_organ_text(struct ctx *c, const char *organ_kind, const char *organ_name)
{
	const char *l = organ_kind ? label_of(case_organs, organ_kind) : NULL;

	return l ? arena_printf(c->a, "%s：%s", l, organ_name) : "未记录（旧规则立案）";
}

int category_list(struct ctx *c, struct violation_category **out)
{
	return store_categories(c->db, c->a, out);
}

struct catalog_arg {
	struct ctx *c;
	const struct violation_category *v;
	const char *code, *day;
};

static int add_tx(struct store *s, void *arg)
{
	struct catalog_arg *ca = arg;
	struct ctx *c = ca->c;

	if (store_category_insert(s, ca->v, c->now) < 0)
		return -1;
	return audit_append(c, AEV_CATEGORY_ADD, arena_printf(c->a, "category/%s", ca->v->code), 1,
			    arena_printf(c->a, "from %s", ca->v->valid_from));
}

int category_valid(struct arena *a, const struct violation_category *v, struct fielderr *fe)
{
	size_t n = v->code ? strlen(v->code) : 0;
	int before = fe->n;

	if (!n || n > 40 || strspn(v->code, "abcdefghijklmnopqrstuvwxyz0123456789_") != n)
		fielderr_add(fe, "code", "代码须为1至40个小写字母、数字或下划线");
	if (!v->label || !*v->label || utf8_len(v->label) > 60)
		fielderr_add(fe, "label", "请填写类别名称（不超过60字）");
	fielderr_len(a, fe, "source", "依据", v->source, 200);
	if (date_parse(v->valid_from ? v->valid_from : "") == QF_DAY_NONE)
		fielderr_add(fe, "valid_from", fielderr_date_msg(v->valid_from, "请填写启用日期（YYYY-MM-DD）"));
	if (v->retired && *v->retired && date_parse(v->retired) == QF_DAY_NONE)
		fielderr_add(fe, "retired", fielderr_date_msg(v->retired, "停用日期应为YYYY-MM-DD"));
	return fe->n == before;
}

int category_add(struct ctx *c, const struct violation_category *v, struct fielderr *fe)
{
	struct catalog_arg ca = { .c = c, .v = v };
	struct violation_category old;

	if (!authz_has(&c->who, PERM_CATALOG)) {
		fielderr_add(fe, "code", "您无权修改违纪违法类别");
		return RES_INVALID;
	}
	if (!category_valid(c->a, v, fe))
		return RES_INVALID;
	switch (store_category_get(c->db, c->a, v->code, &old)) {
	case 0:
		break;
	case 1:
		fielderr_add(fe, "code", "该代码已存在（类别只能停用，不能删除或改作他用）");
		return RES_INVALID;
	default:
		return RES_STORE;
	}
	return store_tx(c->db, add_tx, &ca) < 0 ? RES_STORE : RES_DONE;
}

static int retire_tx(struct store *s, void *arg)
{
	struct catalog_arg *ca = arg;
	struct ctx *c = ca->c;
	int rc = store_category_retire(s, ca->code, ca->day);

	if (rc <= 0)
		return -1;
	return audit_append(c, AEV_CATEGORY_RETIRE, arena_printf(c->a, "category/%s", ca->code), 1,
			    ca->day ? arena_printf(c->a, "retired from %s", ca->day) : "restored");
}

int category_retire(struct ctx *c, const char *code, const char *day, struct fielderr *fe)
{
	struct catalog_arg ca = { .c = c, .code = code, .day = day && *day ? day : NULL };
	struct violation_category old;
	int rc;

	if (!authz_has(&c->who, PERM_CATALOG)) {
		fielderr_add(fe, "code", "您无权修改违纪违法类别");
		return RES_INVALID;
	}
	rc = store_category_get(c->db, c->a, code ? code : "", &old);
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	if (ca.day && date_parse(ca.day) == QF_DAY_NONE) {
		fielderr_add(fe, "day", fielderr_date_msg(ca.day, "请填写停用日期（YYYY-MM-DD）"));
		return RES_INVALID;
	}
	if (ca.day && strcmp(ca.day, old.valid_from) < 0) {
		fielderr_add(fe, "day", "停用日期不能早于启用日期");
		return RES_INVALID;
	}
	return store_tx(c->db, retire_tx, &ca) < 0 ? RES_STORE : RES_DONE;
}
