/*
 * demo_org.c: the fictional city of the demo year (青枫市, a county-level
 * city that does not exist): its 38 city departments, 8 townships with
 * their villages, a few enterprises and institutions, the persons working
 * in them across ranks (county, section, staff, village; top leaders,
 * leadership members; party members and not), and the campaigns.  The
 * org chart is the data at the top of this file; names of persons are
 * drawn from the surname and given-name tables by the demo's PRNG, so
 * they are fictional and the same on every run.
 */
#include "cmd/demo.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

#define CITY DEMO_CITY
#define DEMO_MAX_UNITS 256
#define DEMO_MAX_PERSONS 4096

/* The 38 city departments.  tag: the campaign whose field the unit is
 * (its staff are the subjects the campaign's cases draw); head: the title
 * of the top leader ("局长"), the deputies get "副" before it. */
static const struct dept {
	const char *name, *head, *tag;
	int staff;
} depts[] = {
	{ "市委办公室", "主任", NULL, 12 },
	{ "市政府办公室", "主任", NULL, 12 },
	{ "市委组织部", "部长", NULL, 10 },
	{ "市委宣传部", "部长", NULL, 9 },
	{ "市委统战部", "部长", NULL, 8 },
	{ "市委政法委员会", "书记", NULL, 8 },
	{ "市发展和改革局", "局长", "grain", 12 },
	{ "市粮食和物资储备局", "局长", "grain", 14 },
	{ "市教育局", "局长", NULL, 16 },
	{ "市科技和工业信息化局", "局长", NULL, 10 },
	{ "市民政局", "局长", NULL, 12 },
	{ "市司法局", "局长", NULL, 11 },
	{ "市财政局", "局长", "subsidy", 16 },
	{ "市人力资源和社会保障局", "局长", NULL, 14 },
	{ "市自然资源局", "局长", "grain", 15 },
	{ "市生态环境局", "局长", NULL, 10 },
	{ "市住房和城乡建设局", "局长", NULL, 16 },
	{ "市交通运输局", "局长", NULL, 14 },
	{ "市水务局", "局长", NULL, 14 },
	{ "市农业农村局", "局长", "grain", 18 },
	{ "市商务局", "局长", NULL, 10 },
	{ "市文化广电和旅游局", "局长", NULL, 12 },
	{ "市卫生健康局", "局长", "epidemic", 16 },
	{ "市退役军人事务局", "局长", NULL, 8 },
	{ "市应急管理局", "局长", NULL, 11 },
	{ "市审计局", "局长", NULL, 10 },
	{ "市市场监督管理局", "局长", "micro", 16 },
	{ "市统计局", "局长", NULL, 8 },
	{ "市医疗保障局", "局长", "micro", 10 },
	{ "市林业和草原局", "局长", NULL, 12 },
	{ "市信访局", "局长", NULL, 8 },
	{ "市营商环境建设监督局", "局长", "style", 10 },
	{ "市城市管理综合执法局", "局长", "style", 16 },
	{ "市行政审批服务局", "局长", "style", 14 },
	{ "市机关事务服务中心", "主任", NULL, 10 },
	{ "市融媒体中心", "主任", NULL, 10 },
	{ "青枫经济开发区管理委员会", "主任", "grain", 14 },
	{ "市供销合作社联合社", "主任", NULL, 10 },
};

/* enterprises and institutions under a department (parent by name) */
static const struct below {
	const char *name, *kind, *parent, *head;
	int staff;
} belows[] = {
	{ "青枫市第一粮库", "enterprise", "市粮食和物资储备局", "主任", 10 },
	{ "青枫市第二粮库", "enterprise", "市粮食和物资储备局", "主任", 10 },
	{ "青枫市北屯粮库", "enterprise", "市粮食和物资储备局", "主任", 9 },
	{ "青枫市第一中学", "institution", "市教育局", "校长", 8 },
	{ "青枫市人民医院", "institution", "市卫生健康局", "院长", 10 },
	{ "青枫市疾病预防控制中心", "institution", "市卫生健康局", "主任", 8 },
};

/* the 8 townships and how many villages each has */
static const struct town {
	const char *name;
	int villages;
} towns[] = {
	{ "柳溪镇", 12 }, { "松岭镇", 11 }, { "石泉乡", 9 }, { "白桦镇", 13 },
	{ "鹤鸣乡", 10 }, { "云川镇", 12 }, { "枫林乡", 9 }, { "北屯镇", 14 },
};

/* the campaigns (专项整治) of the demo year: code, name, start and end
 * month of the year, lead office, plan, and the working groups (0056):
 * how many, their name (after the ordinal or the field when group_pre) and the area each covers
 * (areas[i], or the townships in order when NULL).  The report: the
 * farm-subsidy campaign 成立8个专项工作组 (one per township), the
 * 能力作风建设年 campaign 成立7个专项监督检查组; every campaign of the
 * grain, development-zone and black-soil fields 搭建专班. */
static const char *const ordinals[] = { "第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八" };
static const char *const grain_areas[] = { "粮食购销领域", "开发区建设领域", "黑土地保护" };
static const char *const style_areas[] = {
	"市直党政机关", "市直政法机关", "市直经济部门", "市直社会事业部门", "窗口服务单位", "国有企业", "乡镇（街道）",
};
static const struct campaign {
	const char *code, *name;
	int from_month, to_month;
	const char *office, *plan;
	int groups;
	int group_pre;          /* 1: the name after the ordinal or the area */
	const char *group_name;
	const char *const *areas;
} campaigns[] = {
	{ "grain", "粮食购销领域、开发区建设领域、黑土地保护专项整治", 3, 12, "第一监督检查室",
	  "聚焦粮食购销领域、开发区建设领域、黑土地保护等重点领域，每个专项整治均搭建专班、制定方案、谋划措施。", 3,
	  1, "专班", grain_areas },
	{ "subsidy", "玉米、大豆和稻谷种植补贴问题专项整治", 4, 12, "第一监督检查室",
	  "《全市玉米、大豆和稻谷种植补贴问题的专项整治工作方案》：重点对村干部为本人或者亲友虚报种植面积和作物种类，"
	  "套取种植者补贴的问题开展监督检查。", 8, 1, "专项工作组", NULL },
	{ "epidemic", "疫情防控监督检查", 1, 12, "第一监督检查室",
	  "立足“监督的再监督”，对隔离管控、区域核酸、货车闭环管理、“五包一”责任落实等开展监督检查。", 1,
	  0, "常态化监督检查组", NULL },
	{ "style", "全市机关“能力作风建设年”活动监督问责", 3, 12, "第一监督检查室",
	  "《全市机关“能力作风建设年”活动监督问责专项工作组工作方案》：把握5项工作原则，突出6项监督重点，"
	  "统筹“室组地”纪检监察干部，以整治“庸懒散慢浮”、行业不良作风、市场主体“办事难”等为重点。", 7,
	  1, "专项监督检查组", style_areas },
	{ "micro", "群众身边“微腐败”专项整治", 5, 11, "第一监督检查室",
	  "《关于开展群众身边“微腐败”专项整治工作方案》：政法机关窗口单位服务不优、食品药品安全、欺诈骗保、"
	  "减税降费四项问题。", 1, 0, "专项监督检查组", NULL },
};

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
	"林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
	"程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾",
	"丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
};

/* given names: two characters (first and second part), or one */
static const char *const given1[] = {
	"建", "志", "海", "春", "秀", "玉", "立", "德", "国", "红", "凤", "长", "文", "晓", "丽", "桂",
	"树", "宏", "振", "淑", "永", "雪", "庆", "卫", "金", "广", "洪", "艳", "成", "占", "继", "福",
	"慧", "俊", "宝", "明", "东", "子", "静", "鸿", "思", "佳", "雅", "嘉", "天", "云",
};
static const char *const given2[] = {
	"国", "强", "峰", "生", "兰", "梅", "新", "明", "庆", "霞", "芝", "青", "斌", "东", "娟", "芳",
	"林", "伟", "华", "珍", "刚", "松", "丰", "军", "凤", "义", "波", "秋", "山", "红", "贵", "敏",
	"杰", "远", "雨", "升", "燕", "豪", "怡", "宇", "涛", "琳", "辉", "鹏", "博", "平",
};
static const char *const given_one[] = {
	"鹏", "磊", "伟", "敏", "静", "强", "军", "勇", "杰", "涛", "超", "明", "丹", "琳", "浩", "平",
};

/* village names: a first and a second part, "村" added */
static const char *const vfirst[] = {
	"东", "西", "南", "北", "前", "后", "新", "大", "小", "上", "下", "红", "兴", "永",
	"太平", "长胜", "富民", "合心", "双河", "三合",
};
static const char *const vsecond[] = {
	"山", "河", "岭", "屯", "沟", "泉", "林", "甸", "岗", "营", "堡", "湾", "桥", "井",
};

static const char *const staff_titles[] = { "科员", "一级科员", "二级科员", "办事员", "工作人员" };
static const char *const town_staff_titles[] = { "科员", "农业服务中心工作人员", "财政所工作人员",
						  "社会事务办工作人员", "村镇建设办工作人员" };
static const char *const village_titles[] = { "村会计", "村报账员", "村委会委员", "村民小组长",
					       "村妇女主任" };

static int add_unit(struct demo *d, const char *name, const char *kind, int parent, const char *tag)
{
	struct demo_unit *u = &d->units[d->n_units];

	demo_id(d, 'U', u->id);
	u->name = name;
	u->kind = kind;
	u->parent = parent;
	u->tag = tag;
	u->township = parent >= 0 ? d->units[parent].township : -1;
	if (!strcmp(kind, "township"))
		u->township = d->n_units;
	return d->n_units++;
}

/* party membership, percent, by rank */
static int party_of(struct demo *d, const char *rank)
{
	int pct = !strcmp(rank, "section") || !strcmp(rank, "county") ? 97
		: !strcmp(rank, "village") ? 55 : 68;
	return demo_rand(d, 100) < pct;
}

/* A name no person of the city has yet. */
static const char *new_name(struct demo *d)
{
	for (;;) {
		const char *s = DEMO_PICK(d, surnames);
		const char *name = demo_rand(d, 8) ? arena_printf(d->a, "%s%s%s", s, DEMO_PICK(d, given1),
								   DEMO_PICK(d, given2))
				 : arena_printf(d->a, "%s%s", s, DEMO_PICK(d, given_one));
		int k = 0;
		while (k < d->n_persons && strcmp(d->persons[k].name, name))
			k++;
		if (k == d->n_persons)
			return name;
	}
}

static void add_person(struct demo *d, int unit, const char *position, const char *rank, int top,
		       int lead)
{
	const char *name = new_name(d);
	struct demo_person *p = &d->persons[d->n_persons++];

	demo_id(d, 'P', p->id);
	p->unit = unit;
	p->name = name;
	p->position = position;
	p->rank = rank;
	p->top = top;
	p->lead = lead || top;
	p->party = top || lead ? 1 : party_of(d, rank);
}

/* "副" + title, kept for the run */
static const char *deputy(struct demo *d, const char *head)
{
	return arena_printf(d->a, "副%s", head);
}

/* The leaders of a department, township or enterprise, then its staff. */
static void staff_unit(struct demo *d, int unit, const char *head, const char *lead_rank, int top,
		       int deputies, int sections, int staff, const char *const *titles, int n_titles)
{
	add_person(d, unit, head, lead_rank, top, 1);
	for (int i = 0; i < deputies; i++)
		add_person(d, unit, deputy(d, head), lead_rank, 0, 1);
	for (int i = 0; i < sections; i++)
		add_person(d, unit, i % 2 ? "二级主任科员" : "一级主任科员", "section", 0, 0);
	for (int i = 0; i < staff; i++)
		add_person(d, unit, demo_pick(d, titles, n_titles), "staff", 0, 0);
}

static char *village_name(struct demo *d, int town, int i)
{
	const char *a = vfirst[(town * 7 + i * 3) % (int)(sizeof(vfirst) / sizeof(vfirst[0]))];
	const char *b = vsecond[(town * 5 + i) % (int)(sizeof(vsecond) / sizeof(vsecond[0]))];
	return arena_printf(d->a, "%s%s村", a, b);
}

static void emit_units(struct demo *d)
{
	for (int i = 0; i < d->n_units; i++) {
		const struct demo_unit *u = &d->units[i];
		json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "type", "unit", "id", u->id, "name", u->name,
				      "kind", u->kind);
		if (u->parent >= 0)
			json_object_set_new(o, "parent", json_string(d->units[u->parent].id));
		demo_emit(d, o);
	}
}

static void emit_persons(struct demo *d)
{
	for (int i = 0; i < d->n_persons; i++)
		demo_emit_person(d, i);
}

void demo_emit_person(struct demo *d, int i)
{
	const struct demo_person *p = &d->persons[i];

	demo_emit(d, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:b}", "type", "person",
			       "id", p->id, "name", p->name, "unit", d->units[p->unit].id,
			       "position", p->position, "rank", p->rank, "top_leader", p->top,
			       "leadership", p->lead, "party_member", p->party));
}

int demo_add_cadre(struct demo *d, int unit, const char *position)
{
	if (d->n_persons >= DEMO_MAX_PERSONS)
		return -1;
	add_person(d, unit, position, "section", 0, 0);
	return d->n_persons - 1;
}

static void emit_campaigns(struct demo *d)
{
	int group = 0;

	for (size_t i = 0; i < sizeof(campaigns) / sizeof(campaigns[0]); i++) {
		const struct campaign *c = &campaigns[i];
		qf_day to = date_add_months(demo_day(d, 0, c->to_month, 1), 1) - 1;
		snprintf(d->campaigns[i], sizeof(d->campaigns[i]), "D%02u-K%04zu", (unsigned)d->year % 100u, i + 1);
		demo_emit(d, json_pack("{s:s, s:s, s:s, s:o, s:o, s:s, s:s}", "type", "campaign", "id", d->campaigns[i],
				       "name", c->name, "start", demo_date(demo_day(d, 0, c->from_month, 1)),
				       "end", demo_date(to), "plan", c->plan, "lead_office", c->office));
		/* its working groups: ids of their own (no draw from the generator,
		   so every other record of the year stays as it was) */
		for (int k = 0; k < c->groups; k++) {
			char id[24], name[128];
			snprintf(id, sizeof(id), "D%02u-J%04d", (unsigned)d->year % 100u, ++group);
			snprintf(name, sizeof(name), "%s%s", c->group_pre ? c->areas == grain_areas ? grain_areas[k]
									    : ordinals[k] : "", c->group_name);
			demo_emit(d, json_pack("{s:s, s:s, s:s, s:s, s:s}", "type", "campaign_group", "id", id,
					       "campaign", d->campaigns[i], "name", name, "area",
					       c->areas ? c->areas[k] : c->groups == 8 ? towns[k].name : "全市"));
		}
	}
}

const char *demo_campaign(struct demo *d, const char *code)
{
	for (size_t i = 0; code && i < sizeof(campaigns) / sizeof(campaigns[0]); i++)
		if (!strcmp(campaigns[i].code, code))
			return d->campaigns[i];
	return NULL;
}

int demo_org(struct demo *d)
{
	int city, n_dept = (int)(sizeof(depts) / sizeof(depts[0]));

	d->units = arena_zalloc(d->a, DEMO_MAX_UNITS * sizeof(*d->units));
	d->persons = arena_zalloc(d->a, DEMO_MAX_PERSONS * sizeof(*d->persons));
	city = add_unit(d, CITY, "other", -1, NULL);
	add_person(d, city, "市委书记", "county", 1, 1);
	d->secretary = d->persons[0].name;
	d->principal = new_name(d);     /* the commission is no unit of the chart */
	add_person(d, city, "市委副书记、市长", "county", 0, 1);
	for (int i = 0; i < 4; i++)
		add_person(d, city, "副市长", "county", 0, 1);
	for (int i = 0; i < n_dept; i++) {
		int u = add_unit(d, depts[i].name, "department", city, depts[i].tag);
		staff_unit(d, u, depts[i].head, "section", 1, 2 + i % 2, 2, depts[i].staff, staff_titles,
			   (int)(sizeof(staff_titles) / sizeof(staff_titles[0])));
		for (size_t k = 0; k < sizeof(belows) / sizeof(belows[0]); k++) {
			if (strcmp(belows[k].parent, depts[i].name))
				continue;
			int b = add_unit(d, belows[k].name, belows[k].kind, u, depts[i].tag);
			staff_unit(d, b, belows[k].head, "staff", 1, 1, 0, belows[k].staff, staff_titles,
				   (int)(sizeof(staff_titles) / sizeof(staff_titles[0])));
		}
	}
	for (int t = 0; t < (int)(sizeof(towns) / sizeof(towns[0])); t++) {
		int u = add_unit(d, towns[t].name, "township", city, NULL);
		add_person(d, u, "党委书记", "section", 1, 1);
		staff_unit(d, u, strstr(towns[t].name, "乡") ? "乡长" : "镇长", "section", 0, 2, 2,
			   14 + t % 3 * 2, town_staff_titles,
			   (int)(sizeof(town_staff_titles) / sizeof(town_staff_titles[0])));
		for (int v = 0; v < towns[t].villages; v++) {
			int vu = add_unit(d, village_name(d, t, v), "village", u, "subsidy");
			add_person(d, vu, "村党支部书记", "village", 1, 1);
			add_person(d, vu, "村委会主任", "village", 0, 1);
			for (int k = 0; k < 4; k++)
				add_person(d, vu, village_titles[(v + k) % 5], "village", 0, 0);
		}
	}
	emit_units(d);
	emit_campaigns(d);
	emit_persons(d);
	return d->failed ? -1 : 0;
}
