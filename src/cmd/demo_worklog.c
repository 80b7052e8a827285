/*
 * demo_worklog.c: the work log and the document register of the demo year
 * (issue 15): one group of activities per figure of the 2022 report the
 * work log gives, tagged with the campaign or the violation category the
 * report's sentence speaks of, so the annual template's placeholders
 * ({{activities|kind=spot_check,category=eight_rules}}, migration 0060)
 * give the report's figures exactly; a group's total is spread over its
 * entries (a few entries of many copies for 份, 册, 篇 and 人次 figures,
 * one entry a time for most 次), and its participants likewise.  Then the
 * 559 documents of 综合办公平台收发文559件: 318 received (every fourth
 * with an answer due; all filed by the year's end but a few of the last
 * days' without one) and 241 sent,
 * numbered 青纪发〔2022〕N号, most 内部, some 公开, a few 秘密 and 机密.
 * The lines come after the problems', so the earlier bytes do not move;
 * each entry's id and day are kept (d->acts) for the problems the checks
 * found (demo_found_problems, after every other line).
 */
#include <stdio.h>
#include <string.h>

#include "cmd/demo.h"
#include "core/arena.h"

struct group {
	const char *kind;
	const char *campaign, *category;    /* campaign code, violation category; NULL none */
	int total, entries, people;         /* the figure, over how many entries; 人次 */
	const char *title;                  /* each entry's title, "（N）" appended */
	const char *office;
};

static const struct group groups[] = {
	{ "study_first_topic", NULL, NULL, 30, 30, 420, "常委会“第一议题”学习", "办公室" },
	{ "study_group", NULL, NULL, 28, 28, 336, "机关集中学习", "办公室" },
	{ "training", NULL, NULL, 12, 12, 144, "专题培训", "组织部" },
	{ "theory_test", NULL, NULL, 9, 9, 53, "理论知识测试", "组织部" },
	{ "political_supervision", NULL, NULL, 6, 6, 0, "政治监督（监督台账任务落实）", "第一监督检查室" },
	{ "consultation", NULL, NULL, 52, 52, 0, "专题会商", "第一监督检查室" },
	{ "inspection_meeting", NULL, NULL, 4, 4, 0, "市委巡察工作领导小组会议", "巡察办" },
	{ "inspection_feedback", NULL, NULL, 2, 2, 0, "省提级巡察反馈会", "巡察办" },
	{ "inspection_briefing", NULL, NULL, 2, 2, 0, "向市委主要领导汇报巡察工作", "巡察办" },
	{ "two_letters", NULL, NULL, 100, 5, 0, "制发“两函一书”", "党风政风监督室" },
	{ "rectify_summary", NULL, NULL, 4, 4, 0, "汇总政治生态考核反馈问题整改推进情况", "党风政风监督室" },
	{ "talk_manual", NULL, NULL, 106, 2, 0, "发放《谈话纪实手册》", "党风政风监督室" },
	{ "supervision_bulletin", "epidemic", NULL, 74, 74, 0, "疫情防控督查专报", "第二监督检查室" },
	{ "case_bulletin", "epidemic", NULL, 4, 4, 0, "疫情防控典型案例通报", "第二监督检查室" },
	{ "cross_check", "epidemic", NULL, 7, 7, 0, "与兄弟县疫情防控交叉互检", "第二监督检查室" },
	{ "spot_check", "style", NULL, 12, 12, 0, "“能力作风建设年”明察暗访", "第一监督检查室" },
	{ "discipline_notice", NULL, "eight_rules", 5, 5, 0, "重要节点纪律要求", "党风政风监督室" },
	{ "spot_check", NULL, "eight_rules", 9, 9, 0, "机关作风明察暗访", "党风政风监督室" },
	{ "pledge", NULL, "eight_rules", 230, 4, 0, "不操办“升学宴”“谢师宴”承诺书", "党风政风监督室" },
	{ "cross_check", NULL, "eight_rules", 5, 5, 0, "“四风”问题交叉互检", "党风政风监督室" },
	{ "case_bulletin", NULL, "eight_rules", 5, 5, 0, "“四风”典型案例通报", "党风政风监督室" },
	{ "special_check", "micro", NULL, 14, 14, 0, "“微腐败”专项监督检查", "第三监督检查室" },
	{ "judicial_meeting", NULL, NULL, 3, 3, 0, "与检察机关研判会议", "案件审理室" },
	{ "case_study_meeting", NULL, NULL, 6, 6, 0, "重大案件班子会议专题研究", "案件审理室" },
	{ "safety_material", NULL, NULL, 34, 1, 0, "编发《审查调查安全学习资料合订本》", "案件监督管理室" },
	{ "safety_training", NULL, NULL, 6, 6, 180, "办案安全全系统集中培训", "案件监督管理室" },
	{ "safety_test", NULL, NULL, 14, 14, 0, "办案安全专题测试", "案件监督管理室" },
	{ "inspected", NULL, NULL, 4, 4, 0, "迎接上级案件监督管理部门检查", "案件监督管理室" },
	{ "talk_site_check", NULL, NULL, 32, 32, 0, "乡镇纪委谈话点安全检查", "案件监督管理室" },
	{ "safety_seminar", NULL, NULL, 4, 4, 114, "办案安全专题研讨", "案件监督管理室" },
	{ "speech_outline", NULL, NULL, 26, 4, 0, "向上级报送研讨发言提纲", "案件监督管理室" },
	{ "leader_first_talk", NULL, NULL, 23, 23, 0, "执行领导首谈制度", "案件监督管理室" },
	{ "safety_first_lesson", NULL, NULL, 62, 62, 197, "安全首课", "案件监督管理室" },
	{ "culture_book", NULL, NULL, 200, 1, 0, "廉洁文化系列丛书《漫画说纪》", "宣传部" },
	{ "warning_bulletin", NULL, NULL, 4, 4, 0, "通报典型违纪违法案例", "宣传部" },
	{ "warning_material", NULL, NULL, 4, 4, 0, "警示教育学习资料", "宣传部" },
	{ "warning_education", NULL, NULL, 5, 5, 3000, "党员干部宣传警示教育", "宣传部" },
	{ "culture_village", NULL, NULL, 24, 24, 0, "廉洁文化“进乡村”活动", "宣传部" },
	{ "culture_event", NULL, NULL, 4, 4, 1000, "廉洁文化活动（文艺汇演、书法作品展、清风大讲堂）", "宣传部" },
	{ "symposium", NULL, NULL, 5, 5, 0, "派驻工作专题座谈会", "派驻机构工作协调室" },
	{ "field_visit", NULL, NULL, 11, 11, 0, "派驻工作实地走访", "派驻机构工作协调室" },
	{ "resident_meeting", NULL, NULL, 184, 46, 0, "派驻机构参加驻在单位会议", "派驻机构工作协调室" },
	{ "resident_consultation", NULL, NULL, 62, 62, 0, "派驻机构会商", "派驻机构工作协调室" },
	{ "grassroots_interview", NULL, NULL, 1200, 12, 0, "“七必访”“四必谈”基层群众访谈", "派驻机构工作协调室" },
	{ "security_pledge", NULL, NULL, 87, 1, 0, "签订网络安全保密责任书及使用管理承诺书", "办公室" },
	{ "security_check", NULL, NULL, 7, 7, 0, "保密安全、网络安全检查", "办公室" },
	{ "online_training", NULL, NULL, 14, 14, 0, "参加上级线上培训", "组织部" },
	{ "lecture", NULL, NULL, 3, 3, 0, "“业务大讲堂”", "组织部" },
	{ "weekly_test", NULL, NULL, 51, 51, 0, "“每周一测”、基本业务+测试", "组织部" },
	{ "seminar", NULL, NULL, 11, 11, 0, "解放思想专题研讨", "办公室" },
	{ "walk_process", NULL, NULL, 73, 6, 0, "领导干部“走流程”", "办公室" },
	{ "research_report", NULL, NULL, 9, 9, 0, "“一把手”和领导班子监督质效调研报告", "办公室" },
	{ "info_written", NULL, NULL, 107, 12, 0, "编撰纪检监察信息", "宣传部" },
	{ "info_internal", NULL, NULL, 17, 17, 0, "信息在省市内网网刊及专刊发表", "宣传部" },
	{ "info_portal", NULL, NULL, 11, 11, 0, "信息在中央、省、市门户网站发表", "宣传部" },
	{ "info_platform", NULL, NULL, 7, 7, 0, "信息在学习强国、人民网等平台发表", "宣传部" },
	{ "warning_film", NULL, NULL, 5, 5, 0, "组织观看专题警示教育片", "组织部" },
	{ "cadre_pledge", NULL, NULL, 291, 3, 0, "签订《忠诚履职承诺书》等承诺书", "组织部" },
	{ "party_day", NULL, NULL, 4, 4, 0, "主题党日活动", "组织部" },
	{ "joint_building", NULL, NULL, 2, 2, 0, "与帮扶村党组织共建活动", "组织部" },
	/* 0062: the checks that found the report's last literal problem counts (before
	 * their problems: demo_problems.c's groups, found 07-01.., 02-01.., 10-01..) */
	{ "mass_appraisal", NULL, NULL, 1, 1, 0, "“转作风 提效能 优环境 促发展”群众评议会（评议6家单位）", "党风政风监督室" },
	{ "case_review", NULL, NULL, 1, 1, 0, "2021年度办结案件质量评查自查", "案件审理室" },
	{ "case_review_upper", NULL, NULL, 1, 1, 0, "配合省纪委监委案件审查卷、审理卷评查", "案件审理室" },
};

/* the kinds dated within a window of their own (0062: the checks held
 * before the problems they found, demo_problems.c); the rest 01-04 .. 12-20 */
static const struct window {
	const char *kind;
	int m1, d1, m2, d2;
} windows[] = {
	{ "mass_appraisal", 6, 27, 6, 30 },
	{ "case_review", 1, 17, 1, 28 },
	{ "case_review_upper", 9, 19, 9, 30 },
};

static qf_day day_of(struct demo *d, const char *kind)
{
	for (size_t k = 0; k < sizeof(windows) / sizeof(windows[0]); k++)
		if (!strcmp(windows[k].kind, kind))
			return demo_within(d, 0, windows[k].m1, windows[k].d1, windows[k].m2, windows[k].d2);
	return demo_within(d, 0, 1, 4, 12, 20);
}

static void activity(struct demo *d, const struct group *g, int i)
{
	char id[16], title[256];
	int count = g->total / g->entries + (i < g->total % g->entries);
	int people = g->people / g->entries + (i < g->people % g->entries);
	json_t *o;

	struct demo_act *a = &d->acts[d->n_acts++];

	snprintf(title, sizeof(title), "%s（%d）", g->title, i + 1);
	*a = (struct demo_act){ g->kind, g->campaign, g->category, "", day_of(d, g->kind) };
	o = json_pack("{s:s, s:s, s:s, s:o, s:i}", "type", "activity", "id", demo_id(d, 'V', id),
		      "kind", g->kind, "date", demo_date(a->day), "count", count);
	memcpy(a->id, id, sizeof(a->id));
	if (people)
		json_object_set_new(o, "participants", json_integer(people));
	json_object_set_new(o, "office", json_string(g->office));
	json_object_set_new(o, "title", json_string(title));
	if (g->campaign)
		json_object_set_new(o, "campaign", json_string(demo_campaign(d, g->campaign)));
	if (g->category)
		json_object_set_new(o, "category", json_string(g->category));
	demo_emit(d, o);
}

#define RECEIVED 318
#define SENT 241

static const char *const senders[] = { "省纪委监委", "市委办公室", "市政府办公室", "牡丹江市纪委监委",
	"市委组织部", "市人民检察院", "市财政局", "市教育局" };
static const char *const in_titles[] = { "关于做好重要节点正风肃纪工作的通知", "关于报送年度工作总结的通知",
	"关于开展专项检查的通知", "关于转办群众反映问题的函", "关于征求意见的函", "会议纪要" };
static const char *const out_titles[] = { "关于印发工作要点的通知", "关于开展明察暗访的通知",
	"关于典型问题的通报", "关于报送有关情况的报告", "廉政提醒函", "关于落实整改的督办函" };
static const char *const receivers[] = { "各乡镇纪委", "各派驻纪检监察组", "市直各单位", "省纪委监委",
	"市委" };

static const char *secrecy(struct demo *d)
{
	int r = demo_rand(d, 100);

	return r < 3 ? "confidential" : r < 10 ? "secret" : r < 30 ? "public" : "internal";
}

static void received(struct demo *d, int i)
{
	char id[16], number[64];
	qf_day day = demo_within(d, 0, 1, 4, 12, 28);
	json_t *o;

	snprintf(number, sizeof(number), "来文〔2022〕%d号", i + 1);
	o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:s}", "type", "register_document",
		      "id", demo_id(d, 'N', id), "direction", "in", "number", number,
		      "title", DEMO_PICK(d, in_titles), "secrecy", secrecy(d), "date", demo_date(day),
		      "counterpart", DEMO_PICK(d, senders));
	/* answered and filed, but a few of the last days' (none with an answer due: the demo's
	 * home pages show no 2022 answer as overdue) */
	json_object_set_new(o, "state", json_string(day < demo_day(d, 0, 12, 20) || i % 4 == 0 ? "filed" : "circulating"));
	json_object_set_new(o, "handler", json_string("办公室"));
	if (i % 4 == 0)
		json_object_set_new(o, "due", demo_date(demo_later(d, day, 5, 15, 0)));
	json_object_set_new(o, "office", json_string("办公室"));
	demo_emit(d, o);
}

static void sent(struct demo *d, int i, qf_day day)
{
	char id[16], number[64];
	json_t *o;

	snprintf(number, sizeof(number), "青纪发〔%d〕%d号", d->year, i + 1);
	o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:s}", "type", "register_document",
		      "id", demo_id(d, 'N', id), "direction", "out", "number", number,
		      "title", DEMO_PICK(d, out_titles), "secrecy", secrecy(d), "date", demo_date(day),
		      "counterpart", DEMO_PICK(d, receivers), "state", "filed", "office", "办公室");
	demo_emit(d, o);
}

int demo_worklog(struct demo *d)
{
	qf_day first = demo_day(d, 0, 1, 4), span = demo_day(d, 0, 12, 28) - first;
	int n = 0;

	for (size_t k = 0; k < sizeof(groups) / sizeof(groups[0]); k++)
		n += groups[k].entries;
	d->acts = arena_alloc(d->a, sizeof(*d->acts) * (size_t)n);
	d->n_acts = 0;
	for (size_t k = 0; k < sizeof(groups) / sizeof(groups[0]); k++)
		for (int i = 0; i < groups[k].entries; i++)
			activity(d, &groups[k], i);
	for (int i = 0; i < RECEIVED; i++)
		received(d, i);
	/* sent in number order through the year */
	for (int i = 0; i < SENT; i++)
		sent(d, i, demo_weekday(first + (qf_day)((int64_t)span * i / SENT)));
	return d->failed ? -1 : 0;
}
