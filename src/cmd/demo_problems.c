/*
 * demo_problems.c: the rectification ledger of the demo year (issue 14):
 * the problems behind the 2022 report's rectification counts, one group
 * per figure, each group found within a period of its own so that every
 * figure is a count of the ledger under a filter (source, found period;
 * docs/statistics.md "Rectification ledger" lists them):
 *   政治监督 发现并督促问题整改13个       political, found 04-01 .. 06-30
 *   两函一书 督促整改问题8个              political, found 08-01 .. 09-30
 *     (both made here, the same draws as before, but written after the
 *     work log by demo_found_problems: each names the entry of its kind,
 *     political_supervision or two_letters, that found it, 0061)
 *   群众评议会 推动涉及民生问题整改13个    other, found 07-01 .. 07-29
 *   派驻机构 跟踪整改问题27个             resident, found 01-10 .. 11-30 (3 still rectifying)
 *   案件质量评查自查 共性问题26个、个性问题13个, 现已全部完成整改
 *                                       case_review, found 02-01 .. 03-31
 *                                       (nature common / individual, 0062)
 *   评查反馈问题整改14个                  case_review, found 10-01 .. 10-31
 *     (the four held too (0062): each names the entry that found it, of
 *     kind mass_appraisal, resident_consultation, case_review and
 *     case_review_upper)
 *   “微腐败”专项整治 发现并督促问题整改16个  campaign (micro), found 05-01 .. 11-30
 * Rectified within the year, confirmed a few days later; the deadline two
 * months after the day found.  The first inspection round's 373 problems
 * (3 concerning top leaders) come with the inspections (demo_inspections.c,
 * source inspection), not from here; the report's 建立整改台账3份 are
 * ledgers, not problems.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/demo.h"
#include "core/arena.h"

struct group {
	const char *source, *campaign;  /* problem_sources code; campaign code or NULL */
	const char *kind;               /* the work log kind that found them (0061), NULL none */
	int n, open;                    /* problems; of them still rectifying at the year's end */
	int m1, d1, m2, d2;             /* found within */
	const char *const *what;        /* the summaries drawn from */
	int nwhat;
	const char *prefix;             /* before the summary ("共性问题："), "" none */
	int n_prefixed;                 /* the first n_prefixed get it, the rest prefix2 */
	const char *prefix2;
	int natured;                    /* 1: the prefixed are 共性 (common), the rest 个性 (0062) */
};

static const char *const political[] = { "贯彻落实上级重大决策部署进度滞后", "监督台账任务责任分工不明确",
	"黑土地保护措施落实不到位", "开发区建设项目审批流程不规范", "粮食购销监管存在薄弱环节" };
static const char *const letters[] = { "主体责任落实不到位，班子成员“一岗双责”履行不力",
	"对下属单位廉政风险防控督促不够", "重点岗位人员轮岗交流制度未落实" };
static const char *const livelihood[] = { "窗口服务事项办理时限过长", "惠民政策宣传不到位，群众知晓率低",
	"便民服务热线接通率低", "群众反映的供暖问题未及时回应" };
static const char *const resident[] = { "驻在单位“三重一大”事项决策程序不规范", "公务接待管理不规范",
	"财务报销审核把关不严", "干部选拔任用程序存在瑕疵", "政府采购内控制度执行不到位" };
static const char *const review[] = { "案件卷宗材料归档不规范", "文书格式不统一", "证据材料收集不完整",
	"审理报告对违纪事实认定表述不准确", "处分决定送达程序不规范" };
static const char *const micro[] = { "窗口单位服务态度生硬", "校园周边食品经营场所证照不全",
	"医保基金违规结算", "减税降费政策落实不到位" };

#define W(list) list, (int)(sizeof(list) / sizeof(list[0]))
static const struct group groups[] = {
	{ "political", NULL, "political_supervision", 13, 0, 4, 1, 6, 30, W(political), "", 0, "", 0 },
	{ "political", NULL, "two_letters", 8, 0, 8, 1, 9, 30, W(letters), "“两函一书”督促：", 8, "", 0 },
	{ "other", NULL, "mass_appraisal", 13, 0, 7, 1, 7, 29, W(livelihood), "群众评议：", 13, "", 0 },
	{ "resident", NULL, "resident_consultation", 27, 3, 1, 10, 11, 30, W(resident), "", 0, "", 0 },
	{ "case_review", NULL, "case_review", 39, 0, 2, 1, 3, 31, W(review), "共性问题：", 26, "个性问题：", 1 },
	{ "case_review", NULL, "case_review_upper", 14, 0, 10, 1, 10, 31, W(review), "评查反馈：", 14, "", 0 },
	{ "campaign", "micro", NULL, 16, 0, 5, 1, 11, 30, W(micro), "", 0, "", 0 },
};

static const char *const measures[] = { "已制定整改方案，明确责任人和时限，完成整改", "已修订相关制度并组织学习",
	"已约谈相关责任人，建立长效机制", "已补齐相关材料并规范流程" };

/* departments and townships rectify */
static int rectifying_unit(struct demo *d)
{
	for (;;) {
		const struct demo_unit *u = &d->units[demo_rand(d, d->n_units)];
		if (!strcmp(u->kind, "department") || !strcmp(u->kind, "township"))
			return (int)(u - d->units);
	}
}

static void problem(struct demo *d, const struct group *g, int i)
{
	char id[16], text[256];
	const struct demo_unit *u = &d->units[rectifying_unit(d)];
	qf_day found = demo_within(d, 0, g->m1, g->d1, g->m2, g->d2);
	int open = i >= g->n - g->open;
	json_t *o;

	snprintf(text, sizeof(text), "%s%s", i < g->n_prefixed ? g->prefix : g->prefix2,
		 demo_pick(d, g->what, g->nwhat));
	o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:o}", "type", "problem", "id", demo_id(d, 'W', id),
		      "unit", u->id, "source", g->source, "summary", text, "found", demo_date(found),
		      "deadline", demo_date(found + 61));
	if (g->campaign)
		json_object_set_new(o, "campaign", json_string(demo_campaign(d, g->campaign)));
	if (g->natured)
		json_object_set_new(o, "nature", json_string(i < g->n_prefixed ? "common" : "individual"));
	json_object_set_new(o, "measures", json_string(DEMO_PICK(d, measures)));
	if (!open) {
		qf_day rect = demo_later(d, found, 10, 40, 0);
		json_object_set_new(o, "rectified", demo_date(rect));
		json_object_set_new(o, "confirmed", demo_date(demo_later(d, rect, 1, 5, 0)));
	}
	if (g->kind && d->n_held < (int)(sizeof(d->held) / sizeof(d->held[0]))) {
		/* made here (the same draws), written after the work log it names */
		d->held[d->n_held].o = o;
		d->held[d->n_held].kind = g->kind;
		d->held[d->n_held++].found = found;
		return;
	}
	if (g->kind)
		d->failed = 1;  /* held[] too small: the generator is wrong */
	demo_emit(d, o);
}

int demo_problems(struct demo *d)
{
	for (size_t k = 0; k < sizeof(groups) / sizeof(groups[0]); k++)
		for (int i = 0; i < groups[k].n; i++)
			problem(d, &groups[k], i);
	return d->failed ? -1 : 0;
}

/* ---- the problems the work log's checks found (0061) -------------------------------- */

/* One figure of the 2022 report that counts the problems found by checks
 * of a kind (and the campaign or category the sentence speaks of): each
 * problem names one of those entries (round robin), found on its day,
 * tagged with its campaign, and rectified within the year.  Entries dated
 * in July are passed over for source `other`, whose July problems are the
 * 群众评议会's (the ledger's filter in docs/statistics.md). */
struct found_group {
	const char *kind, *campaign, *category;   /* the entries' (demo_worklog.c's groups) */
	const char *source;
	int n;
	const char *const *what;
	int nwhat;
};

static const char *const epidemic[] = { "场所码查验不严格", "核酸检测点秩序管理不到位", "隔离点管理制度执行不严",
	"重点人员排查不及时", "防控物资储备不足" };
static const char *const cross[] = { "疫情防控责任落实不到位", "信息报送不及时、不准确", "值班值守不规范" };
static const char *const style[] = { "工作时间上网炒股、玩游戏", "窗口服务“庸懒散慢浮”", "办事推诿扯皮",
	"优化营商环境政策落实不到位" };
static const char *const eight[] = { "公车私用", "违规发放津补贴", "违规公款吃喝", "节日期间违规收送礼品" };
static const char *const four_winds[] = { "隐形变异“四风”问题", "违规操办婚丧喜庆事宜", "形式主义、官僚主义问题" };
static const char *const talk_site[] = { "谈话室安全设施不完善", "监控录像设备运行不正常", "安全预案未及时修订" };
static const char *const grassroots[] = { "村务公开不及时", "集体资金使用不规范", "惠民补贴发放不透明",
	"村民代表大会议事制度不健全" };

static const struct found_group found_groups[] = {
	{ "supervision_bulletin", "epidemic", NULL, "campaign", 960, W(epidemic) },
	{ "cross_check", "epidemic", NULL, "cross_check", 74, W(cross) },
	{ "spot_check", "style", NULL, "spot_check", 50, W(style) },
	{ "spot_check", NULL, "eight_rules", "spot_check", 40, W(eight) },
	{ "cross_check", NULL, "eight_rules", "cross_check", 98, W(four_winds) },
	{ "talk_site_check", NULL, NULL, "other", 45, W(talk_site) },
	{ "grassroots_interview", NULL, NULL, "other", 101, W(grassroots) },
};

static int same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* the entries of g's kind and tags, July's left out for source other: their count */
static int entries_of(struct demo *d, const struct found_group *g, const struct demo_act **out)
{
	int n = 0;

	for (int i = 0; i < d->n_acts; i++) {
		const struct demo_act *a = &d->acts[i];
		if (strcmp(a->kind, g->kind) || !same(a->campaign, g->campaign) || !same(a->category, g->category))
			continue;
		if (!strcmp(g->source, "other") && a->day >= demo_day(d, 0, 7, 1) && a->day <= demo_day(d, 0, 7, 31))
			continue;
		out[n++] = a;
	}
	return n;
}

/* the entry of kind that found a problem of day found: the last one on or
 * before it, else the kind's first; NULL when the log has none */
static const struct demo_act *finder(struct demo *d, const char *kind, qf_day found)
{
	const struct demo_act *best = NULL, *first = NULL;

	for (int i = 0; i < d->n_acts; i++) {
		const struct demo_act *a = &d->acts[i];
		if (strcmp(a->kind, kind))
			continue;
		if (!first || a->day < first->day)
			first = a;
		if (a->day <= found && (!best || a->day > best->day))
			best = a;
	}
	return best ? best : first;
}

int demo_found_problems(struct demo *d)
{
	const struct demo_act **acts = arena_alloc(d->a, sizeof(*acts) * (size_t)(d->n_acts + 1));

	/* the held problems (政治监督 13, 两函一书 8; 0062: 群众评议会 13, 派驻 27, 评查 39 and 14)
	 * with the entry that found them */
	for (int i = 0; i < d->n_held; i++) {
		const struct demo_act *a = finder(d, d->held[i].kind, d->held[i].found);
		if (!a) {
			d->failed = 1;
			continue;       /* demo_release drops it */
		}
		json_object_set_new(d->held[i].o, "activity", json_string(a->id));
		demo_emit(d, d->held[i].o);
		d->held[i].o = NULL;
	}

	for (size_t k = 0; k < sizeof(found_groups) / sizeof(found_groups[0]); k++) {
		const struct found_group *g = &found_groups[k];
		int n = entries_of(d, g, acts);

		for (int i = 0; n && i < g->n; i++) {
			/* the random draws one a statement: an argument list has no order */
			const struct demo_act *a = acts[i % n];
			const char *unit = d->units[rectifying_unit(d)].id;
			const char *what = demo_pick(d, g->what, g->nwhat);
			qf_day rect = demo_later(d, a->day, 5, 30, 0);
			char id[16];
			json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o}", "type", "problem",
					      "id", demo_id(d, 'W', id), "unit", unit, "source", g->source,
					      "activity", a->id, "summary", what, "found", demo_date(a->day),
					      "deadline", demo_date(a->day + 61));
			if (g->campaign)
				json_object_set_new(o, "campaign", json_string(demo_campaign(d, g->campaign)));
			json_object_set_new(o, "measures", json_string(DEMO_PICK(d, measures)));
			json_object_set_new(o, "rectified", demo_date(rect));
			json_object_set_new(o, "confirmed", demo_date(demo_later(d, rect, 1, 5, 0)));
			demo_emit(d, o);
		}
		if (!n)
			d->failed = 1;  /* a group without its entries: the generator is wrong */
	}
	return d->failed ? -1 : 0;
}
