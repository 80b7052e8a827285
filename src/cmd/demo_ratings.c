/*
 * demo_ratings.c: the "码上问效" part of the demo year (issue 13): 4,950
 * ratings of the city's departments and townships, 4,875 of five stars
 * (98.5%, the 2022 report's 线上评价4950条，五星好评4875条，好评率98.5%),
 * the ten of one or two stars with their bad reviews called back and
 * fixed, and 21 letters (群众信件), 19 of them concluded with an answer in
 * the year (the report's 受理群众信件21件，办结19件).  Deterministic like
 * the rest of the year (the generator's PRNG; the keys are numbered).
 */
#include <stdio.h>
#include <string.h>

#include "cmd/demo.h"

#define RATINGS 4950
/* the stars of the ratings that are not five: 4 x50, 3 x15, 2 x6, 1 x4 */
static const int lower[][2] = { { 4, 50 }, { 3, 15 }, { 2, 6 }, { 1, 4 } };
#define LETTERS 21
#define LETTERS_OPEN 2          /* received in late December, accepted, not yet concluded */

static const char *const good[] = { "办事很快，态度好", "一次就办成了", "工作人员耐心解答", "服务热情周到",
	"流程清楚，不用来回跑" };
static const char *const fair[] = { "排队时间有点长", "窗口人少", "材料清单可以写得更清楚" };
static const char *const bad[] = { "窗口工作人员态度生硬", "让我来回跑了三次", "电话一直打不通",
	"说好的时限没办完", "办事指南与实际要求不一致" };
static const char *const fixes[] = { "已对相关工作人员批评教育，调整窗口服务规范", "已一次性办结群众事项并致歉",
	"已增设咨询电话专人值守", "已修订办事指南并在窗口公示" };
static const char *const topics[] = { "反映村里道路修缮进度慢，希望尽快完工", "建议延长办事大厅周末服务时间",
	"咨询农业补贴的申领条件和发放时间", "反映小区旁施工噪音扰民", "建议公布低保评议结果",
	"反映窗口办理营业执照需要重复提交材料", "咨询医保异地报销办理流程" };
static const char *const answers[] = { "经核实，已督促责任单位加快进度，预计本月完工", "已采纳建议，自下月起周六上午开放",
	"已电话告知申领条件和发放时间，相关政策已在官网公布", "已协调施工单位调整作业时间",
	"已在村务公开栏公示评议结果", "已推行一次告知和容缺受理", "已告知办理流程并提供线上办理入口" };

/* the units citizens rate: departments and townships */
static int rated_unit(struct demo *d)
{
	for (;;) {
		const struct demo_unit *u = &d->units[demo_rand(d, d->n_units)];
		if (!strcmp(u->kind, "department") || !strcmp(u->kind, "township"))
			return (int)(u - d->units);
	}
}

static void rating(struct demo *d, int n, int stars)
{
	char key[40];
	const struct demo_unit *u = &d->units[rated_unit(d)];
	qf_day first = demo_day(d, 0, 1, 1);
	qf_day day = stars <= 2 ? demo_within(d, 0, 1, 1, 12, 10)
				: first + demo_rand(d, (int)(demo_day(d, 1, 1, 1) - first));
	json_t *o;

	snprintf(key, sizeof(key), "demo%d-rating-%05d", d->year, n);
	o = json_pack("{s:s, s:s, s:i, s:o, s:s}", "type", "rating", "unit", u->id, "stars", stars, "date",
		      demo_date(day), "key", key);
	if (stars == 5 && demo_rand(d, 8) == 0)
		json_object_set_new(o, "comment", json_string(DEMO_PICK(d, good)));
	else if (stars == 3 || stars == 4)
		json_object_set_new(o, "comment", json_string(DEMO_PICK(d, fair)));
	if (stars <= 2) {
		/* the bad review: called back the next working day, fixed within two weeks */
		qf_day cb = demo_weekday(day + 1), fx = demo_later(d, cb, 3, 12, 0);
		json_object_set_new(o, "comment", json_string(DEMO_PICK(d, bad)));
		json_object_set_new(o, "called_back", demo_date(cb));
		if (fx > cb)
			json_object_set_new(o, "fixed", demo_date(fx));
		json_object_set_new(o, "note", json_string(DEMO_PICK(d, fixes)));
	}
	demo_emit(d, o);
}

static void letter(struct demo *d, int n)
{
	char key[40];
	const struct demo_unit *u = &d->units[rated_unit(d)];
	int open = n >= LETTERS - LETTERS_OPEN, t = demo_rand(d, (int)(sizeof(topics) / sizeof(topics[0])));
	qf_day rec = open ? demo_within(d, 0, 12, 20, 12, 28) : demo_within(d, 0, 1, 5, 11, 30);
	qf_day acc = demo_later(d, rec, 1, 3, 0), con = demo_later(d, acc, 3, 15, 0);
	json_t *o;

	snprintf(key, sizeof(key), "demo%d-letter-%03d", d->year, n);
	o = json_pack("{s:s, s:s, s:s, s:o, s:o}", "type", "letter", "unit", u->id, "text", topics[t], "received",
		      demo_date(rec), "accepted", demo_date(acc));
	if (!open) {
		json_object_set_new(o, "concluded", demo_date(con));
		json_object_set_new(o, "answer", json_string(answers[t]));
	}
	json_object_set_new(o, "key", json_string(key));
	demo_emit(d, o);
}

int demo_ratings(struct demo *d)
{
	int n = 0, k;

	/* the lower ratings first, spread over the year like the rest */
	for (size_t i = 0; i < sizeof(lower) / sizeof(lower[0]); i++)
		for (k = 0; k < lower[i][1]; k++)
			rating(d, ++n, lower[i][0]);
	while (n < RATINGS)
		rating(d, ++n, 5);
	for (k = 0; k < LETTERS; k++)
		letter(d, k);
	return d->failed ? -1 : 0;
}
