/*
 * demo_targets.c: the target tasks of the demo year (issue 14; the 2022
 * report's (六): 近200项目标任务, 工作台帐7份, 常委会议定事项工作提示10期,
 * 近期重点工作提示16期, 季度和年终目标任务考核, 晾晒考核成绩单): 196 tasks
 * over 7 ledgers of the four systems, each with a progress note, all but
 * the last few done by their deadline; 10 + 16 reminders numbered per
 * kind; four quarters and a year-end score of the commission's offices
 * (the demo accounts' offices) and the 8 township commissions on three
 * criteria.  No account is named (the accounts are made after the import,
 * with --accounts).  Deterministic like the rest of the year.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/demo.h"
#include "core/arena.h"

#define TASKS_PER_LEDGER 28     /* 7 x 28 = 196: 近200项 */
#define TASKS_OPEN 6            /* due in late December, still running at the year's end */
#define STANDING 10
#define RECENT 16

static const char *const ledgers[] = { "全面从严治党主体责任落实台账", "日常监督工作台账", "审查调查工作台账",
	"作风建设和“四风”整治台账", "巡察整改监督台账", "群众身边腐败和作风问题整治台账", "纪检监察干部队伍建设台账" };
static const char *const aspects[] = { "leadership", "progress", "assessment", "accountability" };
static const char *const offices[] = { "信访室", "案件监督管理室", "第一监督检查室", "第一审查调查室", "案件审理室",
	"巡察办", "派驻第一纪检监察组" };
static const char *const verbs[] = { "制定", "督促落实", "开展", "完成", "组织", "推动", "健全" };
static const char *const objects[] = { "责任清单", "专项监督检查", "廉政谈话", "问题线索集中清理", "典型案例通报",
	"整改情况回头看", "制度机制", "业务培训", "“一把手”监督工作", "基层监督试点" };
static const char *const notes[] = { "已制定工作方案并部署", "已完成阶段任务，形成情况报告", "已召开推进会，逐项对账销号",
	"已汇总各单位落实情况" };
static const struct { const char *name; int points; } criteria[] = { { "工作推进", 40 }, { "任务完成质量", 40 },
	{ "督导问责落实", 20 } };
static const char *const themes[] = { "落实全面从严治党主体责任", "节日期间纠治“四风”", "巡察整改监督", "问题线索处置",
	"案件质量评查", "基层监督", "干部作风建设", "信访举报办理" };

static int tasks(struct demo *d, char ids[][16])
{
	int n = 0;

	for (int l = 0; l < 7; l++)
		for (int k = 0; k < TASKS_PER_LEDGER; k++, n++) {
			int open = l == 6 && k >= TASKS_PER_LEDGER - TASKS_OPEN;
			qf_day due = open ? demo_within(d, 0, 12, 20, 12, 30) : demo_within(d, 0, 2, 1, 12, 15);
			qf_day started = due - 20 - demo_rand(d, 40), done = due - demo_rand(d, 10);
			char title[160];
			json_t *o;

			snprintf(title, sizeof(title), "%s%s（第%d项）", DEMO_PICK(d, verbs), DEMO_PICK(d, objects), k + 1);
			demo_id(d, 'G', ids[n]);
			o = json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:s, s:o, s:o}", "type", "target", "id", ids[n],
				      "year", d->year, "ledger", ledgers[l], "aspect", aspects[(l + k) % 4], "title", title,
				      "office", offices[(l + k) % 7], "deadline", demo_date(due), "started", demo_date(started));
			if (!open)
				json_object_set_new(o, "done", demo_date(done));
			demo_emit(d, o);
			demo_emit(d, json_pack("{s:s, s:s, s:o, s:s}", "type", "target_note", "target", ids[n], "date",
					       demo_date(open ? started : done), "text", DEMO_PICK(d, notes)));
		}
	return n;
}

static void reminders(struct demo *d, const char *kind, int count, char ids[][16], int ntasks)
{
	for (int k = 0; k < count; k++) {
		char number[40], title[120], id[16];
		/* spread over the year: one a month or so */
		qf_day day = demo_day(d, 0, 1 + k * 12 / count, 5 + demo_rand(d, 20));
		json_t *t = json_array();

		snprintf(number, sizeof(number), "〔%d〕第%d期", d->year, k + 1);
		snprintf(title, sizeof(title), "关于%s的工作提示", themes[(k + (kind[0] == 'r')) % 8]);
		for (int j = 0; j < 2; j++)
			json_array_append_new(t, json_string(ids[demo_rand(d, ntasks)]));
		demo_emit(d, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o}", "type", "reminder", "id",
				       demo_id(d, 'M', id), "kind", kind, "number", number, "title", title, "text",
				       "请各部门对照任务清单抓好落实，按时报送进展情况。", "issued", demo_date(day), "targets", t));
	}
}

static void scores(struct demo *d)
{
	for (int q = 1; q <= 5; q++) {
		int quarter = q % 5;    /* 1-4, then 0: the year end */
		for (size_t c = 0; c < sizeof(criteria) / sizeof(criteria[0]); c++) {
			int max = criteria[c].points * 10;        /* tenths */
			for (size_t o = 0; o < sizeof(offices) / sizeof(offices[0]); o++)
				demo_emit(d, json_pack("{s:s, s:i, s:i, s:s, s:i, s:s, s:i}", "type", "score", "year", d->year,
						       "quarter", quarter, "criterion", criteria[c].name, "max_tenths", max,
						       "office", offices[o], "tenths", max - 5 * demo_rand(d, max / 25)));
			for (int u = 0; u < d->n_units; u++)
				if (!strcmp(d->units[u].kind, "township"))
					demo_emit(d, json_pack("{s:s, s:i, s:i, s:s, s:i, s:s, s:i}", "type", "score", "year",
							       d->year, "quarter", quarter, "criterion", criteria[c].name,
							       "max_tenths", max, "unit", d->units[u].id,
							       "tenths", max - 5 * demo_rand(d, max / 25)));
		}
	}
}

int demo_targets(struct demo *d)
{
	char (*ids)[16] = arena_alloc(d->a, sizeof(*ids) * 7 * TASKS_PER_LEDGER);
	int n = tasks(d, ids);

	reminders(d, "standing", STANDING, ids, n);
	reminders(d, "recent", RECENT, ids, n);
	scores(d);
	return d->failed ? -1 : 0;
}
