#ifndef QF_ACCOUNTABILITY_H
#define QF_ACCOUNTABILITY_H
/*
 * accountability: procedures started against a unit or a leader for
 * failing its duty (问责), and money recovered (挽回经济损失) or ordered
 * returned (责令退回), DOMAIN.md section 5.  Money is integer fen: typed
 * as a string of yuan with at most two decimals and parsed exactly, never
 * through floating point.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "domain/model.h"

struct ctx;


/* "117526.73" -> 11752673.  Digits, optionally '.' and one or two more;
 * at most 13 digits before the point.  0, or -1 for anything else
 * (signs, spaces, three decimals, exponent, empty). */
int money_parse(const char *s, int64_t *fen);
/* 11752673 -> "117,526.73" (grouped) or "117526.73" (plain). */
void money_format(struct strbuf *sb, int64_t fen, int grouped);

/* Starts an accountability record: its id; RES_INVALID with fe; RES_STORE. */
int64_t accountability_create(struct ctx *c, const struct accountability *q, struct fielderr *fe);
int accountability_list(struct ctx *c, struct list_query *lq, struct accountability **out,
			int64_t *total);

/* Records recovered money (amount: yuan text); case_id 0 for none, else
 * a case the actor may see.  Its id; RES_INVALID with fe; RES_STORE. */
int64_t recovery_create(struct ctx *c, const struct recovery *m, const char *amount,
			struct fielderr *fe);
/* lq: campaign_id, kind; *sum_fen the total of every matching row. */
int recovery_list(struct ctx *c, struct list_query *lq, struct recovery **out, int64_t *total,
		  int64_t *sum_fen);

#endif
