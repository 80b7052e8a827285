#ifndef QF_Q_LISTSCOPE_H
#define QF_Q_LISTSCOPE_H
/*
 * q_listscope: small pieces of the lists behind the figures (issue 11),
 * private to the q_*.c list queries.  The statistics scope itself
 * (within, campaign, category, source, organ, the subject snapshot) is
 * composed from the metrics module's fragments (store/q_metrics_sql.h),
 * so a list and its figure share one WHERE; here only what those do not
 * cover: a period pair's binding, and `within` on a list whose figure
 * has no unit scope (the accountability ledger).
 */
#include "store/q_scope.h"
#include "store/store.h"

/* COL is the unit `?` or one below it (2 parameters: q_bind_within). */
#define QL_WITHIN(COL) "(? = 0 OR " COL " IN (WITH RECURSIVE " \
	Q_SUBTREE("wn", "SELECT id FROM units WHERE id = ?") " SELECT id FROM wn)) "

static inline int q_bind_within(struct store_stmt *st, int i, int64_t unit_id)
{
	store_bind_int(st, i++, unit_id);
	store_bind_int(st, i++, unit_id);
	return i;
}

/* "(? = '' OR col op ?)": v twice ("" for NULL); the next index. */
static inline int q_bind_text2(struct store_stmt *st, int i, const char *v)
{
	store_bind_text(st, i++, v ? v : "");
	store_bind_text(st, i++, v ? v : "");
	return i;
}

#endif
