/*
 * test_chart.c: the SVG chart kit of the dashboard (src/pages/chart.c,
 * issue 11 "Dashboard": charts drawn by the server, readable when
 * printed, accessible, no JavaScript).
 *
 * Checks: the axis top and the value -> bar height mapping (the tallest
 * bar's height is the plot's, a half-sized value gets half, 0 none); the
 * markup: role="img", aria-label and <title> naming the chart, each value
 * written as text and linked to its list, every text escaped, the size a
 * viewBox (no width/height attributes: it scales to a phone), colours as
 * classes only (the stylesheet's), no script; the output deterministic.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "pages/chart.h"

#define H "Z<b x=\"1\">&Z"

static int count(const char *s, const char *needle)
{
	int n = 0;

	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void test_axis_and_heights(void **state)
{
	(void)state;
	assert_int_equal(chart_axis_max(0), 1);
	assert_int_equal(chart_axis_max(1), 1);
	assert_int_equal(chart_axis_max(3), 5);
	assert_int_equal(chart_axis_max(10), 10);
	assert_int_equal(chart_axis_max(11), 20);
	assert_int_equal(chart_axis_max(184), 200);
	assert_int_equal(chart_axis_max(583), 1000);
	/* tenths of a unit: the top value fills the plot, half of it half */
	assert_int_equal(chart_bar_height10(200, 200), CHART_PLOT_H * 10);
	assert_int_equal(chart_bar_height10(100, 200), CHART_PLOT_H * 5);
	assert_int_equal(chart_bar_height10(0, 200), 0);
	assert_int_equal(chart_bar_height10(172, 200), 1720);
	assert_int_equal(chart_bar_height10(1, 3), 667);      /* 666.7 rounded */
}

/* The bar of value v is `height="H"` with H its tenths. */
static void assert_height(const char *svg, int64_t tenths)
{
	char want[48];

	if (tenths % 10)
		snprintf(want, sizeof(want), "height=\"%lld.%lld\"", (long long)(tenths / 10),
			 (long long)(tenths % 10));
	else
		snprintf(want, sizeof(want), "height=\"%lld\"", (long long)(tenths / 10));
	if (!strstr(svg, want))
		fail_msg("no %s in %s", want, svg);
}

static void test_bars(void **state)
{
	static const char *const labels[] = { "立案", "结案" };
	static const int64_t now[] = { 184, 172 }, last[] = { 100, 0 };
	static const char *const hrefs[] = { "/cases?filed_from=2022-01-01&filed_to=2022-12-31", NULL };
	const struct chart_series series[] = { { "2022年", now, hrefs }, { "2021年", last, NULL } };
	const struct chart c = { "立案与结案", 2, labels, 2, series, 0 };
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

	(void)state;
	chart_bars(&a, &c);
	assert_non_null(strstr(a.buf, "<svg class=\"chart chart-bars\" viewBox=\"0 0 640 "));
	assert_non_null(strstr(a.buf, "role=\"img\" aria-label=\"立案与结案\""));
	assert_non_null(strstr(a.buf, "<title>立案与结案</title>"));
	assert_null(strstr(a.buf, " width=\"640\""));
	assert_null(strstr(a.buf, "<script"));
	assert_null(strstr(a.buf, " id="));
	assert_null(strstr(a.buf, "fill="));
	assert_null(strstr(a.buf, "style="));
	/* 4 bars, each value written as text */
	assert_int_equal(count(a.buf, "<rect class=\"chart-s"), 4 + 2 /* legend */);
	assert_non_null(strstr(a.buf, ">184</text>"));
	assert_non_null(strstr(a.buf, ">172</text>"));
	assert_non_null(strstr(a.buf, ">100</text>"));
	assert_null(strstr(a.buf, ">0</text>"));              /* a 0 only in its title */
	assert_non_null(strstr(a.buf, "<title>结案 · 2021年：0</title>"));
	/* axis to 200: 184 -> 184/200 of the plot, 100 -> half, 0 -> nothing */
	assert_height(a.buf, chart_bar_height10(184, 200));
	assert_int_equal(chart_bar_height10(184, 200), 1840);
	assert_height(a.buf, CHART_PLOT_H * 5);
	assert_height(a.buf, 0);
	/* the one linked value, & escaped in the attribute */
	assert_int_equal(count(a.buf, "<a href="), 1);
	assert_non_null(strstr(a.buf, "<a href=\"/cases?filed_from&#61;2022-01-01&amp;filed_to&#61;2022-12-31\">"));
	assert_non_null(strstr(a.buf, "<title>立案 · 2022年：184</title>"));
	/* the category labels and the legend */
	assert_non_null(strstr(a.buf, ">立案</text>"));
	assert_non_null(strstr(a.buf, ">2021年</text>"));
	/* deterministic */
	chart_bars(&b, &c);
	assert_string_equal(a.buf, b.buf);
	strbuf_release(&a);
	strbuf_release(&b);
}

static void test_stack(void **state)
{
	static const char *const labels[] = { "第一种形态", "第二种形态", "第三种形态", "第四种形态" };
	static const int64_t forms[] = { 404, 120, 40, 19 };
	static const char *const hrefs[] = { "/outcomes?form=1", "/outcomes?form=2", "/outcomes?form=3",
					     "/outcomes?form=4" };
	const struct chart_series series[] = { { "2022年", forms, hrefs } };
	const struct chart c = { "四种形态", 4, labels, 1, series, 0 };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	chart_stack(&sb, &c);
	assert_non_null(strstr(sb.buf, "role=\"img\" aria-label=\"四种形态\""));
	assert_int_equal(count(sb.buf, "<a href=\"/outcomes?form&#61;"), 4);
	/* shares of 583 in the legend: 404 -> 69.3% */
	assert_non_null(strstr(sb.buf, "第一种形态 404（69.3%）"));
	assert_non_null(strstr(sb.buf, "2022年（583）"));
	/* the first segment starts at the margin and is 404/583 of 624 units
	 * wide: 432.4 */
	assert_non_null(strstr(sb.buf, "<rect class=\"chart-s0\" x=\"8\" y=\"20\" width=\"432.4\""));
	/* the segments end at the bar's end: 8 + 624 */
	{
		const char *last = strstr(sb.buf, "<rect class=\"chart-s3\" x=\"");
		double x, w;
		assert_non_null(last);
		assert_int_equal(sscanf(last, "<rect class=\"chart-s3\" x=\"%lf\" y=\"20\" width=\"%lf\"", &x, &w), 2);
		assert_true(x + w > 631.95 && x + w < 632.05);
	}
	strbuf_release(&sb);
}

/* Horizontal bars: a row per category, lengths on the width right of
 * the labels (360 - 8 - 112 - 40 = 200 units: the axis top fills it). */
static void test_hbars(void **state)
{
	static const char *const labels[] = { "市农业农村局", "乙镇" };
	static const int64_t clues[] = { 10, 5 }, cases[] = { 3, 0 };
	static const char *const hrefs[] = { "/clues?unit_id=1", "/clues?unit_id=2" };
	const struct chart_series series[] = { { "受理线索", clues, hrefs }, { "立案", cases, NULL } };
	const struct chart c = { "按单位", 2, labels, 2, series, 360 };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	chart_hbars(&sb, &c);
	assert_non_null(strstr(sb.buf, "viewBox=\"0 0 360 "));
	assert_non_null(strstr(sb.buf, ">市农业农村局</text>"));
	assert_non_null(strstr(sb.buf, "width=\"200\" height=\"12\"><title>市农业农村局 · 受理线索：10</title>"));
	assert_non_null(strstr(sb.buf, "width=\"100\" height=\"12\"><title>乙镇 · 受理线索：5</title>"));
	assert_non_null(strstr(sb.buf, "width=\"60\" height=\"12\"><title>市农业农村局 · 立案：3</title>"));
	assert_int_equal(count(sb.buf, "<a href="), 2);
	/* the same values and links as a table for assistive technology */
	strbuf_reset(&sb);
	chart_table(&sb, &c);
	assert_non_null(strstr(sb.buf, "<caption>按单位</caption>"));
	assert_non_null(strstr(sb.buf, "<th scope=\"col\" class=\"num\">受理线索</th>"));
	assert_non_null(strstr(sb.buf, "<tr><th scope=\"row\">市农业农村局</th><td class=\"num\">"
				       "<a href=\"/clues?unit_id&#61;1\">10</a></td><td class=\"num\">3</td></tr>"));
	strbuf_release(&sb);
}

/* Every text is escaped: titles, labels, series names, links. */
static void test_escaped(void **state)
{
	static const char *const labels[] = { H };
	static const int64_t v[] = { 3 };
	static const char *const hrefs[] = { "/x?" H };
	const struct chart_series series[] = { { H, v, hrefs }, { H, v, hrefs } };
	const struct chart c = { H, 1, labels, 2, series, 0 };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	chart_bars(&sb, &c);
	chart_stack(&sb, &c);
	chart_hbars(&sb, &c);
	chart_table(&sb, &c);
	assert_null(strstr(sb.buf, "<b "));
	assert_null(strstr(sb.buf, "x=\"1\">&Z"));
	assert_non_null(strstr(sb.buf, "Z&lt;b x=&quot;1&quot;&gt;&amp;Z"));
	strbuf_release(&sb);
}

/* No data: an empty chart, no division by zero. */
static void test_empty(void **state)
{
	static const char *const labels[] = { "一月" };
	static const int64_t zero[] = { 0 };
	const struct chart_series series[] = { { "2022年", zero, NULL } };
	const struct chart c = { "空", 1, labels, 1, series, 0 }, none = { "无", 0, NULL, 0, NULL, 0 };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	chart_bars(&sb, &c);
	chart_stack(&sb, &c);
	chart_bars(&sb, &none);
	chart_stack(&sb, &none);
	chart_hbars(&sb, &c);
	chart_hbars(&sb, &none);
	assert_non_null(strstr(sb.buf, "（—）"));
	assert_int_equal(count(sb.buf, "</svg>"), 6);
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_axis_and_heights),
		cmocka_unit_test(test_bars),
		cmocka_unit_test(test_stack),
		cmocka_unit_test(test_hbars),
		cmocka_unit_test(test_escaped),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
