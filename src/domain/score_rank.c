/*
 * score_rank.c: the scoring arithmetic (domain/score.h): points typed with
 * at most one decimal kept as tenths, totals, competition ranks.  No store,
 * no context: tests/unit/test_score.c checks it alone.
 */
#include "domain/score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int score_parse_tenths(const char *text)
{
	long v = 0;
	int decimals = -1;

	if (!text || !*text)
		return -2;
	for (const char *p = text; *p; p++) {
		if (*p == '.' && decimals < 0 && p != text && p[1]) {
			decimals = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || decimals >= 1 || v > SCORE_POINTS_MAX)
			return -1;
		v = v * 10 + (*p - '0');
		if (decimals >= 0)
			decimals++;
	}
	if (decimals <= 0)
		v *= 10;
	return v > SCORE_POINTS_MAX ? -1 : (int)v;
}

const char *score_tenths_text(int tenths, char buf[16])
{
	if (tenths % 10)
		snprintf(buf, 16, "%d.%d", tenths / 10, tenths % 10);
	else
		snprintf(buf, 16, "%d", tenths / 10);
	return buf;
}

static int by_total(const void *pa, const void *pb)
{
	const struct score_row *a = pa, *b = pb;

	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	return strcmp(a->label, b->label);
}

void score_rank(struct score_row *rows, int nrows, int ncrit)
{
	for (int i = 0; i < nrows; i++) {
		rows[i].total = 0;
		for (int j = 0; j < ncrit; j++)
			if (rows[i].tenths[j] > 0)
				rows[i].total += rows[i].tenths[j];
	}
	if (nrows > 1)
		qsort(rows, (size_t)nrows, sizeof(*rows), by_total);
	for (int i = 0; i < nrows; i++)
		rows[i].rank = i && rows[i].total == rows[i - 1].total ? rows[i - 1].rank : i + 1;
}
