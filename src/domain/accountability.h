#ifndef QF_ACCOUNTABILITY_H
#define QF_ACCOUNTABILITY_H
/*
 * accountability: procedures started against a unit or a leader for
 * failing its duty (问责), and money recovered (收缴, 追缴, 责令退赔, 挽回经济损失;
 * 0056), DOMAIN.md section 5.  Money is integer fen: typed
 * as a string of yuan with at most two decimals and parsed exactly, never
 * through floating point (core/money.h).
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/outcome.h"

struct ctx;


/* Starts an accountability record: its id; RES_INVALID with fe; RES_STORE. */
int64_t accountability_create(struct ctx *c, const struct accountability *q, struct fielderr *fe);
int accountability_list(struct ctx *c, struct accountability_filter *f, struct accountability **out,
			int64_t *total);

/* Records recovered money (amount: yuan text); case_id 0 for none, else
 * a case the actor may see.  Its id; RES_INVALID with fe; RES_STORE. */
int64_t recovery_create(struct ctx *c, const struct recovery *m, const char *amount,
			struct fielderr *fe);
/* lq: campaign_id, kind; *sum_fen the total of every matching row. */
int recovery_list(struct ctx *c, struct recovery_filter *f, struct recovery **out, int64_t *total,
		  int64_t *sum_fen);

/* code tables (labels.h), defined in accountability.c */
extern const struct label recovery_kinds[];       /* confiscated, ordered, returned, recovered */
extern const struct label accountability_measure_kinds[];  /* check, notice, admonish, org_handling, discipline */

#endif
