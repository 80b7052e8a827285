#ifndef QF_PAGES_CHART_H
#define QF_PAGES_CHART_H
/*
 * chart: charts drawn by the server as inline SVG (issue 11, the
 * dashboard): no JavaScript, readable when printed (every value is
 * written as text beside its bar), accessible (role="img", an aria-label
 * and a <title> naming the chart; each bar's own <title> names its
 * category, series and value), sized by viewBox so it scales down to a
 * phone.  Colours are the stylesheet's: the markup names classes
 * (chart-s0 .. chart-s3), assets/style.css colours them.  The output is
 * a function of the input alone (integer arithmetic, no ids), so a test
 * can compare it.
 *
 * A value with an href becomes a link to the list that makes it
 * (metrics_list_url): the figure -> list drill-down.
 */
#include <stdint.h>

#include "core/strbuf.h"

#define CHART_MAX_SERIES 4

/* One series: a value per category; hrefs (may be NULL, or hold NULLs)
 * the link of each value. */
struct chart_series {
	const char *name;
	const int64_t *values;
	const char *const *hrefs;
};

struct chart {
	const char *title;              /* the chart's name: <title>, aria-label */
	int n;                          /* categories */
	const char *const *labels;      /* n category labels */
	int n_series;                   /* 1 .. CHART_MAX_SERIES */
	const struct chart_series *series;
	int width;                      /* of the viewBox; 0: CHART_W.  A chart shown
					   narrow gets a narrow viewBox, so its text
					   keeps a readable size */
};

/* The geometry of chart_bars, in viewBox units, for tests. */
#define CHART_W 640                     /* the default width */
#define CHART_PLOT_H 200                /* the height of the tallest bar possible */

/* The top of the value axis for max: the smallest 1, 2 or 5 times a power
 * of ten that is >= max (1 for max <= 1). */
int64_t chart_axis_max(int64_t max);

/* A bar's height for value v on an axis up to top, in tenths of a unit
 * (rounded half up): the bars of chart_bars. */
int64_t chart_bar_height10(int64_t v, int64_t top);

/* Vertical bars, grouped by category (one bar per series: this year
 * beside last year; or one series by month). */
void chart_bars(struct strbuf *sb, const struct chart *c);

/* Horizontal bars, a row per category (its label on the left, one bar
 * per series, the value after each bar): for long labels (units,
 * sources).  Bar lengths map as chart_bar_height10 does, on the width
 * right of the labels. */
void chart_hbars(struct strbuf *sb, const struct chart *c);

/* One horizontal bar per series, split into the categories' shares (the
 * four forms), each segment labelled with its value and share in the
 * legend below it. */
void chart_stack(struct strbuf *sb, const struct chart *c);

/* The chart's values as a table under a closed <details> ("数据"): the
 * same numbers and links for a screen reader or the keyboard, which an
 * SVG with role="img" does not offer. */
void chart_table(struct strbuf *sb, const struct chart *c);

#endif
