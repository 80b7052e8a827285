/*
 * dash.c: the dashboard on the home page of the leaders and the case
 * manager (issue 11; domain/dash.h).  A year (query argument year; default
 * this year in China Standard Time, or the latest year with a clue when
 * this year has none): its key figures against the year before, the four
 * forms, clues and cases by month, by source and by unit; and the to-dos
 * by office (drawn by home.c's to-do section, which holds them).  Charts
 * are server-drawn SVG (pages/chart.h).  Every number links to the list of
 * the records that make it, with the period and scope as that list's
 * filters, and only when the user may open that list (the route's
 * permission): a link the role cannot follow is plain text.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/clue.h"
#include "domain/dash.h"
#include "domain/labels.h"
#include "domain/todo.h"
#include "http/http.h"
#include "pages/chart.h"
#include "pages/home.h"
#include "pages/page.h"

/* The year of the dashboard: the argument year (2000-2100), or this year
 * unless it has no clue yet (dash_default_year). */
int dash_year(struct req *r)
{
	const char *v = req_arg(r, "year");

	if (v && strlen(v) == 4 && atoi(v) >= 2000 && atoi(v) <= 2100)
		return atoi(v);
	return dash_default_year(&r->c);
}

static const char *month_end(int year, int m, char *buf)
{
	qf_day next = m == 12 ? date_from_ymd(year + 1, 1, 1) : date_from_ymd(year, m + 1, 1);

	return date_format(next - 1, buf);
}

/* Clues received and cases filed by month, each bar its list. */
static void by_month(struct req *r, struct strbuf *sb, int year, const struct dash_breakdown *d)
{
	const char *labels[12], *hc[12], *hk[12];
	struct chart_series s[2] = { { "受理线索", d->clues_by_month, hc },
				     { "立案", d->cases_by_month, hk } };
	const struct chart c = { arena_printf(r->arena, "%d年线索与立案（按月）", year), 12, labels, 2, s,
				 CHART_W };
	char end[11];

	for (int m = 1; m <= 12; m++) {
		const char *from = arena_printf(r->arena, "%04d-%02d-01", year, m);
		const char *to = arena_strdup(r->arena, month_end(year, m, end));
		labels[m - 1] = arena_printf(r->arena, "%d月", m);
		hc[m - 1] = page_href(r, arena_printf(r->arena, "/clues?received_from=%s&received_to=%s",
						       from, to));
		hk[m - 1] = page_href(r, arena_printf(r->arena, "/cases?filed_from=%s&filed_to=%s", from, to));
	}
	strbuf_addstr(sb, "<section class=\"dash-wide\"><h2>线索与立案（按月）</h2><div class=\"dash-desktop\">");
	chart_bars(sb, &c);
	/* a phone gets the months as rows: twelve columns would shrink the text
	 * below reading size (the stylesheet shows one of the two) */
	strbuf_addstr(sb, "</div><div class=\"dash-phone\">");
	chart_hbars(sb, &(struct chart){ c.title, c.n, c.labels, c.n_series, c.series, DASH_NARROW });
	strbuf_addstr(sb, "</div>");
	chart_table(sb, &c);
	strbuf_addstr(sb, "</section>");
}

/* Clues received by source. */
static void by_source(struct req *r, struct strbuf *sb, int year, const struct dash_breakdown *d)
{
	int n = d->n_sources;
	const char **labels = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*labels));
	const char **hrefs = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*hrefs));
	int64_t *v = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*v));
	struct chart_series s = { "受理线索", v, hrefs };
	const struct chart c = { arena_printf(r->arena, "%d年受理线索（按来源）", year), n, labels, 1, &s,
				 DASH_NARROW };

	for (int i = 0; i < n; i++) {
		struct strbuf u = STRBUF_INIT;
		const char *label = label_of(clue_sources, d->sources[i].key);
		labels[i] = label ? label : d->sources[i].key;
		v[i] = d->sources[i].clues;
		strbuf_addf(&u, "/clues?received_from=%04d-01-01&received_to=%04d-12-31&", year, year);
		url_param(&u, "source", d->sources[i].key);
		hrefs[i] = page_href(r, arena_strdup(r->arena, u.buf));
		strbuf_release(&u);
	}
	strbuf_addstr(sb, "<section><h2>线索来源</h2>");
	if (n) {
		chart_hbars(sb, &c);
		chart_table(sb, &c);
	} else {
		strbuf_addstr(sb, "<p class=\"empty\">本年度没有受理线索。</p>");
	}
	strbuf_addstr(sb, "</section>");
}

/* The units with the most clues and cases. */
static void by_unit(struct req *r, struct strbuf *sb, int year, const struct dash_breakdown *d)
{
	int n = d->n_units;
	const char **labels = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*labels));
	const char **hc = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*hc));
	const char **hk = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*hk));
	int64_t *vc = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*vc));
	int64_t *vk = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*vk));
	struct chart_series s[2] = { { "受理线索", vc, hc }, { "立案", vk, hk } };
	const struct chart c = { arena_printf(r->arena, "%d年线索与立案较多的单位", year), n, labels, 2, s,
				 DASH_NARROW };

	for (int i = 0; i < n; i++) {
		labels[i] = d->units[i].key;
		vc[i] = d->units[i].clues;
		vk[i] = d->units[i].cases;
		hc[i] = page_href(r, arena_printf(r->arena, "/clues?received_from=%04d-01-01&received_to="
						   "%04d-12-31&unit_id=%" PRId64, year, year, d->units[i].id));
		hk[i] = page_href(r, arena_printf(r->arena, "/cases?filed_from=%04d-01-01&filed_to="
						   "%04d-12-31&unit_id=%" PRId64, year, year, d->units[i].id));
	}
	strbuf_addstr(sb, "<section><h2>线索与立案（按单位，前八）</h2>");
	if (n) {
		chart_hbars(sb, &c);
		chart_table(sb, &c);
	} else {
		strbuf_addstr(sb, "<p class=\"empty\">本年度没有线索和案件。</p>");
	}
	strbuf_addstr(sb, "</section>");
}

void dash_offices(struct req *r, struct strbuf *sb, const struct todo_page *pg, int k)
{
	const char **labels, **hrefs;
	int64_t *over, *soon;

	if (k <= 0)
		return;
	labels = arena_alloc(r->arena, (size_t)k * sizeof(*labels));
	hrefs = arena_alloc(r->arena, (size_t)k * sizeof(*hrefs));
	over = arena_alloc(r->arena, (size_t)k * sizeof(*over));
	soon = arena_alloc(r->arena, (size_t)k * sizeof(*soon));
	for (int g = 0; g < k; g++) {
		labels[g] = *pg->offices[g].office ? pg->offices[g].office : "未分配科室";
		hrefs[g] = arena_printf(r->arena, "#todo-%d", g + 1);
		over[g] = pg->offices[g].n[TODO_B_OVERDUE];
		soon[g] = pg->offices[g].n[TODO_B_DUE_SOON];
	}
	{
		struct chart_series s[2] = { { "逾期", over, hrefs }, { "临期", soon, hrefs } };
		const struct chart c = { "待办事项（按科室）", k, labels, 2, s, DASH_NARROW };
		strbuf_addstr(sb, k < pg->noffices ? "<h3>逾期与临期事项（按科室，最紧急的前八个）</h3>"
					       : "<h3>逾期与临期事项（按科室）</h3>");
		chart_hbars(sb, &c);
		chart_table(sb, &c);
	}
}

void dash_section(struct req *r, struct strbuf *sb)
{
	struct dash_data dd;
	int year = dash_year(r);

	strbuf_addf(sb, "<nav class=\"dash-years\" aria-label=\"年度\"><a href=\"/?year=%d\">‹ %d年</a> "
		    "<strong>%d年</strong> <a href=\"/?year=%d\">%d年 ›</a></nav>",
		    year - 1, year - 1, year, year + 1, year + 1);
	if (dash_data(&r->c, year, &dd) < 0) {
		html_notice(sb, "error", "统计数据暂时无法读取。");
		return;
	}
	strbuf_addstr(sb, "<div class=\"dash\">");
	dash_figures(r, sb, year, &dd);
	by_month(r, sb, year, &dd.d);
	by_source(r, sb, year, &dd.d);
	by_unit(r, sb, year, &dd.d);
	strbuf_addstr(sb, "</div>");
}
