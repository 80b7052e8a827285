#ifndef QF_DOMAIN_WORKLOG_H
#define QF_DOMAIN_WORKLOG_H
/*
 * worklog: the work log (工作台账, issue 15; DOMAIN.md section 5 "Work
 * log"): activities of an editable catalog of kinds (学习、培训、测试、
 * 会商、明察暗访、交叉互检、督查专报、警示教育 ... the kinds the 2022
 * report counts ship with it, migration 0060), each with its day, count
 * (default 1), participants (人次, for kinds that record them), the unit
 * it concerns (none: the commission itself), the recording office, title,
 * note and the optional tags the annual report scopes by (a campaign, a
 * violation category such as eight_rules for the 四风 work).
 *
 * Who: every staff role records and reads (PERM_WORKLOG); a scoped
 * role (township, resident group) sees the commission's own entries and
 * those of its units, an entry of another unit answered RES_NOT_FOUND
 * (audited) and refused as the unit of a new entry; the case
 * manager edits the catalog (PERM_WORKLOG_KINDS, audited
 * activity_kind_edit); a kind is deactivated, never deleted, and an
 * inactive kind takes no new entries.  Quick entry records several rows
 * all or nothing: one transaction, every row checked first, the refusal
 * naming each bad row (第N行).  Results as domain/result.h.
 *
 * Statistics (docs/statistics.md): `activities` (the sum of counts) and
 * `activity_participants`, scoped by kind=CODE (or CODE+CODE), campaign,
 * category and unit, so the annual template says
 * {{activities|kind=spot_check,category=eight_rules}}.
 */
#include <stdint.h>

#include "domain/fielderr.h"
#include "model/worklog.h"

struct arena;
struct ctx;
struct store;

#define ACTIVITY_TITLE_MAX 200
#define ACTIVITY_NOTE_MAX 2000
#define ACTIVITY_BATCH_MAX 50
#define ACTIVITY_COUNT_MAX 1000000

/* the catalog in its order (inactive too): the count or RES_STORE */
int activity_kinds(struct ctx *c, struct activity_kind **out);
/* adds or changes a kind (PERM_WORKLOG_KINDS, checked by the caller's
 * route): code [a-z][a-z0-9_]*, a name, a unit of count; deactivating
 * keeps every entry.  RES_DONE, RES_INVALID (fe: code, name, unit), RES_STORE */
int activity_kind_put(struct ctx *c, const struct activity_kind *k, struct fielderr *fe);

/* one entry: its id; RES_INVALID with fe (kind, day, count, participants,
 * unit_id, title, note, campaign_id, category); RES_STORE */
int64_t activity_add(struct ctx *c, const struct activity *v, struct fielderr *fe);
/* quick entry: n rows all or nothing: RES_DONE (ids not returned),
 * RES_INVALID with fe under "rows" (第N行：..., N from numbers[i], the
 * grid's row, or i + 1 when numbers is NULL), RES_STORE */
int activity_add_batch(struct ctx *c, const struct activity *rows, int n, const int *numbers,
		       struct fielderr *fe);
int activity_get(struct ctx *c, int64_t id, struct activity *out);
int activity_list(struct ctx *c, struct activity_filter *f, struct activity **out, int64_t *total);
int activity_sums(struct ctx *c, struct activity_filter *f, int64_t *count, int64_t *participants);

/* For the statistics' scope (domain/metrics.c): every "+"-joined code of
 * `codes` is in the catalog: 1; 0 with a Chinese *why; < 0 store error. */
int activity_kinds_valid(struct store *db, struct arena *a, const char *codes, const char **why);
/* The kinds' names for a scope's words: "明察暗访" or "学习、培训". */
const char *activity_kind_words(struct store *db, struct arena *a, const char *codes);

#endif
