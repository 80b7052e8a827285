/*
 * dash_figures.c: the key figures of the dashboard (issue 11): every key
 * of the metrics module (domain/metrics.h, in its order) for the year and
 * the year before, each value linked to the list behind it
 * (metrics_list_url) when the user may open that list; the main counts of
 * both years as grouped bars and the four forms of both years as a
 * stacked chart, each bar and segment linked to its list.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/dash.h"
#include "domain/metrics.h"
#include "http/http.h"
#include "pages/chart.h"
#include "pages/home.h"
#include "pages/page.h"

/* The figure of key in v (n of them), NULL if none. */
static const struct metric_value *value_of(const struct metric_value *v, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(v[i].key, key))
			return &v[i];
	return NULL;
}

void dash_figure_cell(struct req *r, struct strbuf *sb, const struct metric_value *v,
		      const struct metric_period *p, const struct metric_scope *s)
{
	const struct metric_def *d = metric_find(v->key);
	const char *href = v->applicable && d ? page_href(r, metrics_list_url(r->arena, d, p, s)) : NULL;

	strbuf_addstr(sb, "<td class=\"num\">");
	if (href) {
		strbuf_addstr(sb, "<a href=\"");
		html_attr(sb, href);
		strbuf_addstr(sb, "\">");
	}
	html_txt(sb, v->display ? v->display : "");
	if (href)
		strbuf_addstr(sb, "</a>");
	strbuf_addstr(sb, "</td>");
}

/* The change of a count or an amount against last year: "+12", "−3", "0". */
static void delta_cell(struct strbuf *sb, const struct metric_value *a, const struct metric_value *b)
{
	int64_t d;

	strbuf_addstr(sb, "<td class=\"num delta\">");
	if (a->kind == METRIC_COUNT && a->applicable && b && b->applicable) {
		d = a->value - b->value;
		strbuf_addf(sb, d > 0 ? "+%" PRId64 : d < 0 ? "−%" PRId64 : "%" PRId64, d < 0 ? -d : d);
	}
	strbuf_addstr(sb, "</td>");
}

/* The four forms of both years, each segment linked to its outcomes. */
/* the whole commission: the dashboard's figures */
static void figure_cell(struct req *r, struct strbuf *sb, const struct metric_value *v,
			const struct metric_period *p)
{
	const struct metric_scope none = { 0 };

	dash_figure_cell(r, sb, v, p, &none);
}

static void forms_chart(struct req *r, struct strbuf *sb, int year, const struct metric_value *cur,
			int nc, const struct metric_value *prev, int np, const struct metric_period *pc,
			const struct metric_period *pp)
{
	static const char *const keys[] = { "form1", "form2", "form3", "form4" };
	static const char *const labels[] = { "第一种形态", "第二种形态", "第三种形态", "第四种形态" };
	int64_t vc[4] = { 0 }, vp[4] = { 0 };
	const char *hc[4] = { NULL }, *hp[4] = { NULL };
	const struct metric_scope none = { 0 };

	for (int i = 0; i < 4; i++) {
		const struct metric_value *a = value_of(cur, nc, keys[i]), *b = value_of(prev, np, keys[i]);
		const struct metric_def *d = metric_find(keys[i]);
		if (!a || !b || !d)
			return;         /* no form keys registered: no chart */
		vc[i] = a->value;
		vp[i] = b->value;
		hc[i] = page_href(r, metrics_list_url(r->arena, d, pc, &none));
		hp[i] = page_href(r, metrics_list_url(r->arena, d, pp, &none));
	}
	{
		const struct chart_series s[2] = {
			{ arena_printf(r->arena, "%d年", year), vc, hc },
			{ arena_printf(r->arena, "%d年", year - 1), vp, hp } };
		const struct chart c = { arena_printf(r->arena, "%d年与%d年四种形态", year, year - 1), 4,
					 labels, 2, s, DASH_NARROW };
		strbuf_addstr(sb, "<section><h2>四种形态</h2>");
		chart_stack(sb, &c);
		chart_table(sb, &c);
		strbuf_addstr(sb, "</section>");
	}
}

/* The main counts of both years as grouped bars, each linked to its list. */
static void compare_chart(struct req *r, struct strbuf *sb, int year, const struct metric_value *cur,
			  int nc, const struct metric_value *prev, int np, const struct metric_period *pc,
			  const struct metric_period *pp)
{
	static const char *const keys[] = { "clues_disposed", "cases_filed", "cases_closed",
					    "sanctioned", "detained", "transferred" };
	const char *labels[QF_ARRAY_SIZE(keys)], *hc[QF_ARRAY_SIZE(keys)], *hp[QF_ARRAY_SIZE(keys)];
	int64_t vc[QF_ARRAY_SIZE(keys)], vp[QF_ARRAY_SIZE(keys)];
	const struct metric_scope none = { 0 };
	int n = 0;

	for (size_t i = 0; i < QF_ARRAY_SIZE(keys); i++) {
		const struct metric_value *a = value_of(cur, nc, keys[i]), *b = value_of(prev, np, keys[i]);
		const struct metric_def *d = metric_find(keys[i]);
		if (!a || !b || !d || !a->applicable)
			continue;
		labels[n] = a->zh;
		vc[n] = a->value;
		vp[n] = b->value;
		hc[n] = page_href(r, metrics_list_url(r->arena, d, pc, &none));
		hp[n] = page_href(r, metrics_list_url(r->arena, d, pp, &none));
		n++;
	}
	if (!n)
		return;
	{
		const struct chart_series s[2] = {
			{ arena_printf(r->arena, "%d年", year), vc, hc },
			{ arena_printf(r->arena, "%d年", year - 1), vp, hp } };
		const struct chart c = { arena_printf(r->arena, "%d年与%d年主要数字", year, year - 1), n,
					 labels, 2, s, DASH_NARROW };
		strbuf_addstr(sb, "<section><h2>主要数字对比</h2>");
		chart_hbars(sb, &c);
		chart_table(sb, &c);
		strbuf_addstr(sb, "</section>");
	}
}

void dash_figures(struct req *r, struct strbuf *sb, int year, const struct dash_data *dd)
{
	struct metric_period pc = metric_year(r->arena, year), pp = metric_year(r->arena, year - 1);
	const struct metric_value *cur = dd->cur, *prev = dd->prev;
	int nc = dd->nc, np = dd->np;

	strbuf_addstr(sb, "<section class=\"dash-wide\"><h2>主要数字</h2>");
	{
		const struct column cols[] = { { "指标", NULL },
			{ arena_printf(r->arena, "%d年", year), "num" },
			{ arena_printf(r->arena, "%d年", year - 1), "num" }, { "增减", "num" } };
		table_open(sb, "list figures", NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (int i = 0; i < nc; i++) {
		const struct metric_value *b = value_of(prev, np, cur[i].key);
		if (!cur[i].applicable)
			continue;
		strbuf_addstr(sb, "<tr>");
		html_td(sb, cur[i].zh);
		figure_cell(r, sb, &cur[i], &pc);
		if (b)
			figure_cell(r, sb, b, &pp);
		else
			strbuf_addstr(sb, "<td></td>");
		delta_cell(sb, &cur[i], b);
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, nc, 4, "没有统计指标");
	strbuf_addstr(sb, "</section>");
	compare_chart(r, sb, year, cur, nc, prev, np, &pc, &pp);
	forms_chart(r, sb, year, cur, nc, prev, np, &pc, &pp);
}
