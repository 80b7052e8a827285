#ifndef QF_APPEAL_H
#define QF_APPEAL_H
/*
 * appeal: 申诉 (a sanctioned person's appeal) and 复审复核 (a review)
 * against one sanction of an outcome, recorded with their result
 * (DOMAIN.md section 2): upheld (维持), changed (变更, to another sanction of
 * the same kind) or revoked (撤销).  A changed or revoked sanction ends on
 * the decision date (outcome_measures.ended, by "appeal/N"), a changed one
 * is followed by the new measure decided that day, and the outcome's
 * influence period is computed again from the measures in force.  The
 * outcome keeps its form and its period (it counted when first decided);
 * the appeals, dated, are what the statistics of the period of the change
 * read.
 *
 * Access: as recording an outcome (the matter's team or jurisdiction).
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/outcome.h"

struct ctx;

/* appeal 申诉, review 复审复核 */
extern const struct label appeal_kinds[];
/* upheld 维持原处分, changed 变更处分, revoked 撤销处分 */
extern const struct label appeal_results[];

/* Records one (p: kind, measure, filed, decided, result, new_measure,
 * new_months, note; outcome_id is set from the argument): its id; 0 when
 * the outcome is not visible; -1 with fe; -2 on a store error. */
int64_t appeal_record(struct ctx *c, int64_t outcome_id, struct appeal *p, struct fielderr *fe);
/* The rules of an appeal on outcome o whose measures are v (n): the kind,
 * a sanction in force, the dates, the result and a changed sanction of
 * the same kind, the outcome's rules after the change (sanction.c): fe
 * empty when it may be recorded (p's new_measure cleared unless changed).
 * appeal_apply: its effect once stored as appeal `id`, in the caller's
 * transaction: a changed or revoked sanction ends on p->decided, the new
 * one is added, the influence period computed again; 0 or -1.  The page
 * and import call both (no access check). */
struct period_table;
struct store;
void appeal_validate(struct ctx *c, const struct outcome *o, const struct outcome_measure *v, int n,
		     const struct period_table *pt, struct appeal *p, struct fielderr *fe);
int appeal_apply(struct ctx *c, struct store *s, const struct appeal *p, int64_t id,
		 const struct outcome_measure *v, int n, const struct period_table *pt);
/* The appeals of an outcome the caller has read (outcome_get). */
int appeals_of(struct ctx *c, int64_t outcome_id, struct appeal **out);

QF_AUDIT_EVENT_DECL(APPEAL);

#endif
