#ifndef QF_UNIT_H
#define QF_UNIT_H
/*
 * unit: the unit hierarchy under supervision.  Reads check jurisdiction
 * (authz_unit); writes validate every field with a Chinese message and are
 * audited in their transaction.
 */
#include <stdint.h>

#include "domain/fielderr.h"
#include "model/unit.h"
#include "domain/labels.h"

struct ctx;

/* 1 found and visible, 0 absent or denied (denial audited), < 0 error. */
int unit_get(struct ctx *c, int64_t id, struct unit *u);
/* Rows of one page in *out; total count in *total.  Scope applied. */
int unit_list(struct ctx *c, struct unit_filter *f, struct unit **out, int64_t *total);
/* The units the actor may choose in a form (id, name, parent name), by
 * name, at most limit. */
int unit_options(struct ctx *c, int limit, struct unit **out);
/* Creates (u->id == 0) or updates.  The new or same id; -1 when fe holds
 * validation messages; -2 on a store error; 0 when the unit to update is
 * not visible. */
int64_t unit_save(struct ctx *c, struct unit *u, struct fielderr *fe);

/* code tables (labels.h), defined in unit.c */
extern const struct label unit_kinds[];           /* units.kind */

#endif
