/*
 * rating_units.c: /ratings' table of units (rating_units.h): the units
 * with the most ratings, the rest summed in one row, the exact total.
 */
#include "pages/rating_units.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "core/strbuf.h"
#include "domain/metrics.h"
#include "http/http.h"
#include "pages/kit.h"
#include "pages/page.h"

/* most ratings first; equal counts by name, then id (the order is a
 * total one, so the units shown do not change between two views) */
static int by_ratings(const void *pa, const void *pb)
{
	const struct rating_unit_row *a = pa, *b = pb;
	int c;

	if (a->ratings != b->ratings)
		return a->ratings > b->ratings ? -1 : 1;
	c = strcmp(a->unit_name, b->unit_name);
	if (c)
		return c;
	return a->unit_id < b->unit_id ? -1 : a->unit_id > b->unit_id;
}

/* One row's three figures, after its first cell. */
static void figures(struct req *r, struct strbuf *sb, int64_t n, int64_t five)
{
	strbuf_addf(sb, "<td class=\"num\">%" PRId64 "</td><td class=\"num\">%" PRId64
		    "</td><td class=\"num\">", n, five);
	html_txt(sb, metric_rate_display(r->arena, five, n, 1));
	strbuf_addstr(sb, "</td></tr>");
}

void rating_unit_table(struct req *r, struct strbuf *sb, struct rating_unit_row *u, int n)
{
	static const struct column cols[] = { { "单位", NULL }, { "评价数", "num" }, { "五星好评", "num" },
		{ "好评率", "num" } };
	int shown = n < RATING_UNITS_SHOWN ? n : RATING_UNITS_SHOWN;
	int64_t sum_n = 0, sum_5 = 0, rest_n = 0, rest_5 = 0;

	if (n > 1)   /* none (a period without ratings) gives u NULL: qsort's argument must not be */
		qsort(u, (size_t)n, sizeof(*u), by_ratings);
	for (int i = 0; i < n; i++) {
		sum_n += u[i].ratings;
		sum_5 += u[i].five_star;
		if (i >= shown) {
			rest_n += u[i].ratings;
			rest_5 += u[i].five_star;
		}
	}
	table_open(sb, NULL, n > shown
		   ? arena_printf(r->arena, "各单位评价与好评率（评价数最多的%d个单位，其余%d个单位合为一行，"
				  "用上方“单位（含下级）”筛选可查看任一单位；好评率＝五星好评÷评价数，保留一位小数）",
				  shown, n - shown)
		   : "各单位评价与好评率（好评率＝五星好评÷评价数，保留一位小数）", cols, 4);
	for (int i = 0; i < shown; i++) {
		strbuf_addstr(sb, "<tr>");
		html_td_link(sb, arena_printf(r->arena, "/ratings?within=%" PRId64, u[i].unit_id), u[i].unit_name);
		figures(r, sb, u[i].ratings, u[i].five_star);
	}
	if (n > shown) {
		strbuf_addf(sb, "<tr class=\"rest\"><td>其余%d个单位</td>", n - shown);
		figures(r, sb, rest_n, rest_5);
	}
	table_rows_end(sb, n, 4, "该期间没有评价");
	strbuf_addstr(sb, "<tfoot><tr><th scope=\"row\">合计</th>");
	figures(r, sb, sum_n, sum_5);
	strbuf_addstr(sb, "</tfoot>");
	table_end(sb);
}
