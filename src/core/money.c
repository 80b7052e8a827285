/*
 * money.c: yuan text <-> integer fen.  Parsing accepts only plain digits
 * with at most two decimals (no sign, space, exponent or grouping), so
 * what a person typed is either stored exactly or refused; formatting is
 * the inverse, optionally with thousands separators for pages.
 */
#include "core/money.h"

#include <inttypes.h>
#include <stdio.h>

int money_parse(const char *s, int64_t *fen)
{
	int64_t yuan = 0, cents = 0;
	int digits = 0, decimals = 0;

	if (!s)
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 13)
			return -1;
		yuan = yuan * 10 + (*s - '0');
	}
	if (!digits)
		return -1;
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++) {
			if (++decimals > 2)
				return -1;
			cents = cents * 10 + (*s - '0');
		}
		if (!decimals)
			return -1;
		if (decimals == 1)
			cents *= 10;
	}
	if (*s)
		return -1;
	*fen = yuan * 100 + cents;
	return 0;
}

void money_format(struct strbuf *sb, int64_t fen, int grouped)
{
	char digits[24];
	int n, neg = fen < 0;
	uint64_t v = neg ? -(uint64_t)fen : (uint64_t)fen;

	n = snprintf(digits, sizeof(digits), "%" PRIu64, v / 100);
	if (neg)
		strbuf_addch(sb, '-');
	for (int i = 0; i < n; i++) {
		if (grouped && i && (n - i) % 3 == 0)
			strbuf_addch(sb, ',');
		strbuf_addch(sb, digits[i]);
	}
	strbuf_addf(sb, ".%02d", (int)(v % 100));
}

/* 1 when day is a date no later than today. */
