/*
 * chart.c: the SVG chart kit (pages/chart.h).  Positions are computed in
 * tenths of a viewBox unit with integer arithmetic and written as
 * "12.3", so the same figures always give the same bytes.  Every text
 * (title, labels, names, links) goes through core/escape.h; the only
 * literals are the markup and the class names the stylesheet colours.
 */
#include <inttypes.h>

#include "core/escape.h"
#include "pages/chart.h"

#define MARGIN 8                /* left and right */
#define LEGEND_H 22             /* the legend row above the bars */
#define VALUE_H 16              /* room for the value above the tallest bar */
#define BASE (LEGEND_H + VALUE_H + CHART_PLOT_H)  /* the bars' baseline */
#define BARS_H (BASE + 30)      /* the category labels below it */
#define STACK_ROW 52            /* a series of chart_stack: its name, its bar */
#define STACK_BAR 24
#define STACK_LEGEND 20         /* a legend row of chart_stack, two entries a row */

int64_t chart_axis_max(int64_t max)
{
	int64_t p = 1;

	if (max <= 1)
		return 1;
	for (;;) {
		if (max <= p)
			return p;
		if (max <= 2 * p)
			return 2 * p;
		if (max <= 5 * p)
			return 5 * p;
		if (p > INT64_MAX / 100)
			return max;
		p *= 10;
	}
}

int64_t chart_bar_height10(int64_t v, int64_t top)
{
	if (v <= 0 || top <= 0)
		return 0;
	if (v > top)
		v = top;
	return (v * CHART_PLOT_H * 10 + top / 2) / top;
}

/* n tenths as "12.3" (or "12" when whole). */
static void add10(struct strbuf *sb, int64_t n)
{
	if (n < 0) {
		strbuf_addch(sb, '-');
		n = -n;
	}
	if (n % 10)
		strbuf_addf(sb, "%" PRId64 ".%" PRId64, n / 10, n % 10);
	else
		strbuf_addf(sb, "%" PRId64, n / 10);
}

static int width_of(const struct chart *c)
{
	return c->width >= 200 ? c->width : CHART_W;
}

/* <svg ...> with the chart's name as aria-label and <title>. */
static void svg_open(struct strbuf *sb, const char *cls, int w, int h, const char *title)
{
	strbuf_addf(sb, "<svg class=\"chart %s\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
		    cls, w, h);
	html_attr(sb, title);
	strbuf_addstr(sb, "\" xmlns=\"http://www.w3.org/2000/svg\"><title>");
	html_txt(sb, title);
	strbuf_addstr(sb, "</title>");
}

static void link_open(struct strbuf *sb, const char *href)
{
	if (!href)
		return;
	strbuf_addstr(sb, "<a href=\"");
	html_attr(sb, href);
	strbuf_addstr(sb, "\">");
}

static void link_close(struct strbuf *sb, const char *href)
{
	if (href)
		strbuf_addstr(sb, "</a>");
}

static const char *href_of(const struct chart_series *s, int i)
{
	return s->hrefs ? s->hrefs[i] : NULL;
}

/* A swatch and its text at (x, y) (the swatch's top left, whole units). */
static void legend_entry(struct strbuf *sb, int k, int x, int y, const char *text)
{
	strbuf_addf(sb, "<rect class=\"chart-s%d\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>"
		    "<text class=\"chart-k\" x=\"%d\" y=\"%d\">", k, x, y, x + 16, y + 11);
	html_txt(sb, text);
	strbuf_addstr(sb, "</text>");
}

/* <title> of one value: "category · series：value". */
static void value_title(struct strbuf *sb, const char *label, const char *series, int64_t v)
{
	strbuf_addstr(sb, "<title>");
	html_txt(sb, label);
	if (series && *series) {
		strbuf_addstr(sb, " · ");
		html_txt(sb, series);
	}
	strbuf_addf(sb, "：%" PRId64 "</title>", v);
}

static int n_series(const struct chart *c)
{
	if (c->n_series < 1)
		return 0;
	return c->n_series > CHART_MAX_SERIES ? CHART_MAX_SERIES : c->n_series;
}

static int64_t max_value(const struct chart *c)
{
	int64_t max = 0;

	for (int s = 0; s < n_series(c); s++)
		for (int i = 0; i < c->n; i++)
			if (c->series[s].values[i] > max)
				max = c->series[s].values[i];
	return max;
}

/* The series' names above the plot, when there are several. */
static void legend(struct strbuf *sb, const struct chart *c)
{
	int ns = n_series(c);

	for (int s = 0; s < ns && ns > 1; s++)
		legend_entry(sb, s, MARGIN + s * 120, 4, c->series[s].name);
}

#define HB_LABEL 112            /* the labels' column of chart_hbars */
#define HB_BAR 14               /* a bar's thickness */
#define HB_VALUE 40             /* room for the value after the longest bar */

void chart_hbars(struct strbuf *sb, const struct chart *c)
{
	int ns = n_series(c), w = width_of(c), row = ns * HB_BAR + 10;
	int top_y = ns > 1 ? LEGEND_H : 4, h = top_y + c->n * row + 4;
	int64_t top = chart_axis_max(max_value(c));
	int64_t span = w - MARGIN - HB_LABEL - HB_VALUE;

	svg_open(sb, "chart-hbars", w, h, c->title);
	legend(sb, c);
	for (int i = 0; i < c->n && ns > 0; i++) {
		int y = top_y + i * row;
		strbuf_addf(sb, "<text class=\"chart-r\" x=\"%d\" y=\"%d\">", MARGIN + HB_LABEL - 6,
			    y + ns * HB_BAR / 2 + 5);
		html_txt(sb, c->labels[i]);
		strbuf_addstr(sb, "</text>");
		for (int s = 0; s < ns; s++) {
			int64_t v = c->series[s].values[i];
			/* chart_bar_height10 maps onto CHART_PLOT_H: rescale to span */
			int64_t l10 = chart_bar_height10(v, top) * span / CHART_PLOT_H;
			const char *href = href_of(&c->series[s], i);
			int by = y + s * HB_BAR;
			link_open(sb, href);
			strbuf_addf(sb, "<rect class=\"chart-s%d\" x=\"%d\" y=\"%d\" width=\"", s,
				    MARGIN + HB_LABEL, by);
			add10(sb, l10);
			strbuf_addf(sb, "\" height=\"%d\">", HB_BAR - 2);
			value_title(sb, c->labels[i], ns > 1 ? c->series[s].name : NULL, v);
			strbuf_addstr(sb, "</rect><text class=\"chart-k\" x=\"");
			add10(sb, (MARGIN + HB_LABEL) * 10 + l10 + 40);
			strbuf_addf(sb, "\" y=\"%d\">%" PRId64 "</text>", by + HB_BAR - 3, v);
			link_close(sb, href);
		}
	}
	strbuf_addstr(sb, "</svg>");
}

void chart_bars(struct strbuf *sb, const struct chart *c)
{
	int ns = n_series(c), w = width_of(c);
	int64_t top = chart_axis_max(max_value(c)), gw10, bw10;

	svg_open(sb, "chart-bars", w, BARS_H, c->title);
	legend(sb, c);
	strbuf_addf(sb, "<line class=\"chart-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
		    MARGIN, BASE, w - MARGIN, BASE);
	if (c->n < 1 || ns < 1) {
		strbuf_addstr(sb, "</svg>");
		return;
	}
	gw10 = (int64_t)(w - 2 * MARGIN) * 10 / c->n;
	bw10 = gw10 * 7 / 10 / ns;
	for (int i = 0; i < c->n; i++) {
		int64_t gx10 = MARGIN * 10 + i * gw10;
		for (int s = 0; s < ns; s++) {
			int64_t v = c->series[s].values[i], h10 = chart_bar_height10(v, top);
			int64_t x10 = gx10 + gw10 * 15 / 100 + s * bw10;
			const char *href = href_of(&c->series[s], i);
			link_open(sb, href);
			strbuf_addf(sb, "<rect class=\"chart-s%d\" x=\"", s);
			add10(sb, x10);
			strbuf_addstr(sb, "\" y=\"");
			add10(sb, BASE * 10 - h10);
			strbuf_addstr(sb, "\" width=\"");
			add10(sb, bw10);
			strbuf_addstr(sb, "\" height=\"");
			add10(sb, h10);
			strbuf_addstr(sb, "\">");
			value_title(sb, c->labels[i], ns > 1 ? c->series[s].name : NULL, v);
			strbuf_addstr(sb, "</rect>");
			if (v) {        /* a 0 stays in the bar's title: the text would crowd */
				strbuf_addstr(sb, "<text class=\"chart-v\" x=\"");
				add10(sb, x10 + bw10 / 2);
				strbuf_addstr(sb, "\" y=\"");
				add10(sb, BASE * 10 - h10 - 40);
				strbuf_addf(sb, "\">%" PRId64 "</text>", v);
			}
			link_close(sb, href);
		}
		strbuf_addstr(sb, "<text class=\"chart-l\" x=\"");
		add10(sb, gx10 + gw10 / 2);
		strbuf_addf(sb, "\" y=\"%d\">", BASE + 18);
		html_txt(sb, c->labels[i]);
		strbuf_addstr(sb, "</text>");
	}
	strbuf_addstr(sb, "</svg>");
}

/* "69.3%" of v in total (per mille rounded half up), "—" for total 0. */
static void add_share(struct strbuf *sb, int64_t v, int64_t total)
{
	int64_t pm;

	if (total <= 0) {
		strbuf_addstr(sb, "—");
		return;
	}
	pm = (v * 1000 + total / 2) / total;
	strbuf_addf(sb, "%" PRId64 ".%" PRId64 "%%", pm / 10, pm % 10);
}

void chart_stack(struct strbuf *sb, const struct chart *c)
{
	int ns = n_series(c), rows = (c->n + 1) / 2, w = width_of(c);
	int h = ns * STACK_ROW + rows * STACK_LEGEND + 8;
	int64_t span10 = (int64_t)(w - 2 * MARGIN) * 10;
	struct strbuf t = STRBUF_INIT;

	svg_open(sb, "chart-stack", w, h, c->title);
	for (int s = 0; s < ns; s++) {
		const struct chart_series *se = &c->series[s];
		int y = s * STACK_ROW;
		int64_t total = 0, cum = 0, x10 = MARGIN * 10;

		for (int i = 0; i < c->n; i++)
			total += se->values[i] > 0 ? se->values[i] : 0;
		strbuf_addf(sb, "<text class=\"chart-k\" x=\"%d\" y=\"%d\">", MARGIN, y + 14);
		html_txt(sb, se->name);
		strbuf_addf(sb, "（%" PRId64 "）</text>", total);
		strbuf_addf(sb, "<rect class=\"chart-empty\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
			    MARGIN, y + 20, w - 2 * MARGIN, STACK_BAR);
		for (int i = 0; i < c->n && total > 0; i++) {
			int64_t v = se->values[i] > 0 ? se->values[i] : 0, end10, w10;
			const char *href = href_of(se, i);
			cum += v;
			end10 = MARGIN * 10 + (cum * span10 + total / 2) / total;
			w10 = end10 - x10;
			if (v) {
				link_open(sb, href);
				strbuf_addf(sb, "<rect class=\"chart-s%d\" x=\"", i % CHART_MAX_SERIES);
				add10(sb, x10);
				strbuf_addf(sb, "\" y=\"%d\" width=\"", y + 20);
				add10(sb, w10);
				strbuf_addf(sb, "\" height=\"%d\">", STACK_BAR);
				value_title(sb, c->labels[i], se->name, v);
				strbuf_addstr(sb, "</rect>");
				if (w10 >= 300) {       /* the value inside, when it fits */
					strbuf_addstr(sb, "<text class=\"chart-in\" x=\"");
					add10(sb, x10 + w10 / 2);
					strbuf_addf(sb, "\" y=\"%d\">%" PRId64 "</text>", y + 20 + 17, v);
				}
				link_close(sb, href);
			}
			x10 = end10;
		}
	}
	/* the legend: each category with its value and share in the first series */
	for (int i = 0; i < c->n; i++) {
		int64_t total = 0, v = ns ? c->series[0].values[i] : 0;
		for (int k = 0; k < c->n && ns; k++)
			total += c->series[0].values[k] > 0 ? c->series[0].values[k] : 0;
		strbuf_reset(&t);
		strbuf_addf(&t, "%s %" PRId64 "（", c->labels[i], v);
		add_share(&t, v, total);
		strbuf_addstr(&t, "）");
		legend_entry(sb, i % CHART_MAX_SERIES, MARGIN + (i % 2) * (w - 2 * MARGIN) / 2,
			     ns * STACK_ROW + (i / 2) * STACK_LEGEND + 4, t.buf);
	}
	strbuf_release(&t);
	strbuf_addstr(sb, "</svg>");
}

void chart_table(struct strbuf *sb, const struct chart *c)
{
	int ns = n_series(c);

	strbuf_addstr(sb, "<details class=\"chart-data\"><summary>数据</summary><table class=\"list\"><caption>");
	html_txt(sb, c->title);
	strbuf_addstr(sb, "</caption><thead><tr><th scope=\"col\"></th>");
	for (int s = 0; s < ns; s++) {
		strbuf_addstr(sb, "<th scope=\"col\" class=\"num\">");
		html_txt(sb, c->series[s].name);
		strbuf_addstr(sb, "</th>");
	}
	strbuf_addstr(sb, "</tr></thead><tbody>");
	for (int i = 0; i < c->n; i++) {
		strbuf_addstr(sb, "<tr><th scope=\"row\">");
		html_txt(sb, c->labels[i]);
		strbuf_addstr(sb, "</th>");
		for (int s = 0; s < ns; s++) {
			const char *href = href_of(&c->series[s], i);
			strbuf_addstr(sb, "<td class=\"num\">");
			link_open(sb, href);
			strbuf_addf(sb, "%" PRId64, c->series[s].values[i]);
			link_close(sb, href);
			strbuf_addstr(sb, "</td>");
		}
		strbuf_addstr(sb, "</tr>");
	}
	strbuf_addstr(sb, "</tbody></table></details>");
}
