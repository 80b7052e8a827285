#ifndef QF_UNIT_H
#define QF_UNIT_H
/*
 * unit: the unit hierarchy under supervision.  Reads check jurisdiction
 * (authz_unit); writes validate every field with a Chinese message and are
 * audited in their transaction.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "domain/fielderr.h"
#include "model/unit.h"
#include "domain/labels.h"

struct ctx;

/* RES_DONE found and visible, RES_NOT_FOUND absent or denied (denial audited), RES_STORE. */
int unit_get(struct ctx *c, int64_t id, struct unit *u);
/* Rows of one page in *out; total count in *total.  Scope applied. */
int unit_list(struct ctx *c, struct unit_filter *f, struct unit **out, int64_t *total);
/* The units the actor may choose in a form (id, name, parent name), by
 * name, fewer than limit; limit and no rows when there are more. */
int unit_options(struct ctx *c, int limit, struct unit **out);
/* Creates (u->id == 0) or updates.  The new or same id; -1 when fe holds
 * validation messages; RES_STORE; 0 when the unit to update is
 * not visible. */
int64_t unit_save(struct ctx *c, struct unit *u, struct fielderr *fe);

/* code tables (labels.h), defined in unit.c */
extern const struct label unit_kinds[];           /* units.kind */

#endif
