/*
 * demo_inspections.c: the inspections (巡察) of the demo year (issue 14),
 * the records behind the 2022 report's sentence (docs/statistics.md
 * "Inspections" computes each figure from them):
 *   第一轮巡察: 35个基层党组织, 问题373个 (“一把手”问题3个), 移交问题线索12件
 *     - five groups; the organisations: the units of the subjects of the
 *       year's 12 clues of source inspection (demo_matters.c draws them;
 *       each clue names the first round's inspection of its subject's
 *       unit, emitted here before the clue), then villages to 35;
 *     - the findings: problems of the rectification ledger of source
 *       inspection, rectified and confirmed within the year.  They are
 *       the ledger's only problems of source inspection: the ledger's
 *       other counts (demo_problems.c) are of other sources, so no figure
 *       of the report counts a problem twice;
 *   第二轮巡察: 3个巡察组对4家市直单位常规巡察, 对27个村级党组织提级巡察;
 *     市委水利工程建设专项巡察组进驻市水务局 1个月 (its group apart);
 *   纪检监察机关累计派出参与巡察干部7人: staff accounts of the commission's
 *     offices added as lent members after the import (demo_inspection_staff:
 *     members are user accounts, which no file carries).
 * No random draw before the year's last records: the other generators'
 * bytes stay as they were, only the inspections' lines are added.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "cmd/cmd.h"
#include "cmd/demo.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/strbuf.h"
#include "domain/ctx.h"
#include "domain/fielderr.h"
#include "domain/inspection.h"
#include "domain/result.h"
#include "domain/user.h"
#include "model/inspection.h"

#define ROUND1_ORGS 35
#define ROUND1_PROBLEMS 373
#define ROUND1_TOP_LEADER 3
#define ROUND2_VILLAGES 27

static const char *const r1_groups[] = { "第一巡察组", "第二巡察组", "第三巡察组", "第四巡察组", "第五巡察组" };
static const char *const r2_groups[] = { "第一巡察组", "第二巡察组", "第三巡察组" };
/* the second round's regular inspections: two city units for each of the first two groups */
static const char *const r2_departments[] = { "市民政局", "市商务局", "市统计局", "市供销合作社联合社" };
#define SPECIAL_GROUP "市委水利工程建设专项巡察组"
#define SPECIAL_UNIT "市水务局"

static const char *const findings[] = {
	"村级财务管理不规范，白条入账", "“三资”管理台账不健全，集体资产底数不清", "村务公开不及时、不全面",
	"党组织“三会一课”制度落实不到位", "惠农补贴发放审核把关不严", "集体土地发包未经民主程序",
	"发展党员程序不规范", "意识形态工作责任制落实不到位", "上级巡察反馈问题整改不彻底",
	"工程项目招投标管理不规范", "公务用车管理不规范", "议事决策未严格执行“四议两公开”",
};
static const char *const top_findings[] = {
	"“一把手”履行全面从严治党第一责任人职责不到位", "“一把手”违规决策重大事项，未经集体研究",
	"“一把手”对班子成员日常监督管理不力",
};

/* ---- the rounds and the first round's inspections -------------------------------- */

static qf_day round1_entered(struct demo *d)
{
	return demo_weekday(demo_day(d, 0, 1, 5));
}

int demo_rounds(struct demo *d)
{
	demo_id(d, 'X', d->rounds[0]);
	demo_emit(d, json_pack("{s:s, s:s, s:i, s:i, s:s, s:o, s:o}", "type", "inspection_round", "id", d->rounds[0],
			       "year", d->year, "number", 1, "name", arena_printf(d->a, "%d年第一轮巡察", d->year),
			       "starts", demo_date(demo_weekday(demo_day(d, 0, 1, 4))), "ends",
			       demo_date(demo_day(d, 0, 6, 30))));
	demo_id(d, 'X', d->rounds[1]);
	demo_emit(d, json_pack("{s:s, s:s, s:i, s:i, s:s, s:o}", "type", "inspection_round", "id", d->rounds[1],
			       "year", d->year, "number", 2, "name", arena_printf(d->a, "%d年第二轮巡察", d->year),
			       "starts", demo_date(demo_day(d, 0, 9, 1))));
	return d->failed ? -1 : 0;
}

/* one inspection line: in, out, feedback and report days as given (0 none) */
static void inspection(struct demo *d, char *id, const char *round, int unit, const char *kind, const char *group,
		       qf_day in, qf_day out, qf_day feedback, qf_day reported)
{
	json_t *o;

	demo_id(d, 'I', id);
	o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o}", "type", "inspection", "id", id, "round", round,
		      "unit", d->units[unit].id, "kind", kind, "group_name", group, "entered", demo_date(in), "left_on",
		      demo_date(out));
	if (feedback)
		json_object_set_new(o, "feedback", demo_date(feedback));
	if (reported)
		json_object_set_new(o, "reported", demo_date(reported));
	demo_emit(d, o);
}

const char *demo_inspection_of(struct demo *d, int unit)
{
	struct demo_insp *x;
	int k = d->n_insp1;
	qf_day in = round1_entered(d), out = demo_weekday(in + 58);
	/* each group's feedback a week after the last's; the report a month and a half later */
	qf_day feedback = demo_weekday(out + 40 + 7 * (k % 5));

	for (int i = 0; i < d->n_insp1; i++)
		if (d->insp1[i].unit == unit)
			return d->insp1[i].id;
	if (k == ROUND1_ORGS)
		return NULL;
	x = &d->insp1[d->n_insp1++];
	x->unit = unit;
	inspection(d, x->id, d->rounds[0], unit, strcmp(d->units[unit].kind, "village") ? "regular" : "village",
		   r1_groups[k % 5], in, out, feedback, demo_weekday(feedback + 45));
	return x->id;
}

/* ---- the findings and the second round ------------------------------------------- */

static void finding(struct demo *d, const struct demo_insp *x, int top)
{
	char id[16];
	qf_day found = demo_weekday(round1_entered(d) + demo_between(d, 5, 50));
	qf_day rect = demo_later(d, found, 20, 55, 0);
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:b}", "type", "problem", "id",
			      demo_id(d, 'W', id), "unit", d->units[x->unit].id, "source", "inspection", "inspection",
			      x->id, "summary", top ? top_findings[top - 1] : DEMO_PICK(d, findings), "found",
			      demo_date(found), "deadline", demo_date(found + 61), "top_leader", top != 0);

	json_object_set_new(o, "measures", json_string("已制定整改方案，逐项整改销号"));
	json_object_set_new(o, "rectified", demo_date(rect));
	json_object_set_new(o, "confirmed", demo_date(demo_later(d, rect, 1, 5, 0)));
	demo_emit(d, o);
}

static int unit_named(const struct demo *d, const char *name)
{
	for (int i = 0; i < d->n_units; i++)
		if (!strcmp(d->units[i].name, name))
			return i;
	return -1;
}

static int inspected_in_round1(const struct demo *d, int unit)
{
	for (int i = 0; i < d->n_insp1; i++)
		if (d->insp1[i].unit == unit)
			return 1;
	return 0;
}

static int round2(struct demo *d)
{
	qf_day in = demo_weekday(demo_day(d, 0, 9, 5)), out = demo_weekday(in + 60);
	qf_day special = demo_weekday(demo_day(d, 0, 10, 10));
	char id[16];
	int villages = 0;

	for (size_t i = 0; i < sizeof(r2_departments) / sizeof(r2_departments[0]); i++) {
		int u = unit_named(d, r2_departments[i]);
		if (u < 0)
			return -1;
		inspection(d, id, d->rounds[1], u, "regular", r2_groups[i / 2], in, out, 0, 0);
	}
	for (int u = 0; u < d->n_units && villages < ROUND2_VILLAGES; u++)
		if (!strcmp(d->units[u].kind, "village") && !inspected_in_round1(d, u))
			inspection(d, id, d->rounds[1], u, "elevated", r2_groups[villages++ % 3], in, out, 0, 0);
	if (villages < ROUND2_VILLAGES || unit_named(d, SPECIAL_UNIT) < 0)
		return -1;
	/* 开展为期1个月的上下联动专项巡察 */
	inspection(d, id, d->rounds[1], unit_named(d, SPECIAL_UNIT), "special", SPECIAL_GROUP, special,
		   date_add_months(special, 1), 0, 0);
	return 0;
}

int demo_inspections(struct demo *d)
{
	/* the first round's organisations past the clues' units: villages */
	for (int u = 0; u < d->n_units && d->n_insp1 < ROUND1_ORGS; u++)
		if (!strcmp(d->units[u].kind, "village"))
			demo_inspection_of(d, u);
	if (d->n_insp1 < ROUND1_ORGS)
		return -1;
	for (int i = 0; i < ROUND1_PROBLEMS; i++)
		finding(d, &d->insp1[i % ROUND1_ORGS], i < ROUND1_TOP_LEADER ? i + 1 : 0);
	if (round2(d) < 0)
		return -1;
	return d->failed ? -1 : 0;
}

/* ---- the staff lent (after the import) --------------------------------------------- */

static const struct lent {
	const char *name, *display, *office;
	int round, group;       /* the group (index) of the round (1, 2) he joins */
} lent[] = {
	{ "lent_sunlx", "孙立新", "第一监督检查室", 1, 0 },
	{ "lent_zhouhy", "周海燕", "第二监督检查室", 1, 1 },
	{ "lent_wujg", "吴建国", "第三监督检查室", 1, 2 },
	{ "lent_zhengxd", "郑晓东", "案件监督管理室", 1, 3 },
	{ "lent_fengxm", "冯雪梅", "第一监督检查室", 2, 0 },
	{ "lent_hezq", "何志强", "第二审查调查室", 2, 1 },
	{ "lent_hanlj", "韩丽娟", "第三监督检查室", 2, 2 },
};

/* lent member l on every inspection of his group in his round: 0 or -1 */
static int join(struct cmd_env *env, const struct lent *l, int64_t user_id, int year)
{
	struct inspection_round *rounds;
	struct inspection *v;
	const char *group = l->round == 1 ? r1_groups[l->group] : r2_groups[l->group];
	const char *office = arena_printf(env->a, "市纪委监委%s", l->office);
	int nr = inspection_round_list(&env->c, &rounds), n;

	for (int r = 0; r < nr; r++) {
		if (rounds[r].year != year || rounds[r].number != l->round)
			continue;
		if ((n = inspection_list(&env->c, rounds[r].id, &v)) < 0)
			return -1;
		for (int i = 0; i < n; i++) {
			struct fielderr fe = { 0 };
			if (!strcmp(v[i].group_name, group) &&
			    inspection_member_add(&env->c, v[i].id, user_id, office, NULL, &fe) != RES_DONE)
				return -1;
		}
	}
	return nr < 0 ? -1 : 0;
}

int demo_inspection_staff(struct cmd_env *env, int year)
{
	struct strbuf err = STRBUF_INIT;
	const char *role = env->c.who.role;
	char pw[32];
	int rc = 0;

	/* the demo adds them as the inspection office would (need-to-know) */
	env->c.who.role = "inspection";
	for (size_t i = 0; i < sizeof(lent) / sizeof(lent[0]) && !rc; i++) {
		int64_t id;
		/* an account nobody signs in to: a password never shown, disabled */
		cmd_random_password(pw);
		strbuf_reset(&err);
		id = user_create(&env->c, lent[i].name, "supervisor", lent[i].display, 0, pw, 0, &err);
		if (id <= 0 || user_set_disabled(&env->c, lent[i].name, 1, &err) < 0 ||
		    join(env, &lent[i], id, year) < 0)
			rc = error("cannot add the demo's lent inspection staff '%s': %s", lent[i].name, err.buf);
	}
	env->c.who.role = role;
	sodium_memzero(pw, sizeof(pw));
	strbuf_release(&err);
	return rc;
}
