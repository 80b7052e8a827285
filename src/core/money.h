#ifndef QF_MONEY_H
#define QF_MONEY_H
/*
 * money: amounts of money as integer fen (分), converted from and to yuan
 * text exactly, never through floating point.  Writes into the caller's
 * strbuf; nothing to free.
 */
#include <stdint.h>

#include "core/strbuf.h"

/* "117526.73" -> 11752673.  Digits, optionally '.' and one or two more;
 * at most 13 digits before the point.  0, or -1 for anything else
 * (signs, spaces, three decimals, exponent, empty). */
int money_parse(const char *s, int64_t *fen);
/* 11752673 -> "117,526.73" (grouped) or "117526.73" (plain). */
void money_format(struct strbuf *sb, int64_t fen, int grouped);

#endif
