#ifndef QF_Q_LISTSCOPE_H
#define QF_Q_LISTSCOPE_H
/*
 * q_listscope: the statistics scope of a list (struct metric_scope,
 * model/metrics.h) as SQL fragments, so the list behind a figure
 * selects exactly the records the figure counts (issue 11).  Private to
 * the q_*.c list queries, composed at compile time like q_scope.h.
 *
 * Each fragment is off when its value is empty or 0.  Fragments name
 * the columns of the record they narrow: the unit column (`within`: the
 * unit and all below it), the case the record belongs to (violation
 * category, handling organ), the clue it came from (source), and the
 * subject snapshot copied on the record (rank, top leader, leadership
 * team; key persons = any of those or section rank), never today's
 * person row.  Each q_bind_* binds its fragment's parameters from index
 * i on and returns the next index.
 */
#include "model/metrics.h"
#include "store/q_scope.h"
#include "store/store.h"

/* COL is the unit `?` or one below it (2 parameters: q_bind_within). */
#define QL_WITHIN(COL) "(? = 0 OR " COL " IN (WITH RECURSIVE " \
	Q_SUBTREE("wn", "SELECT id FROM units WHERE id = ?") " SELECT id FROM wn)) "

/* The case CASE (an id expression, may be NULL) has the violation
 * category `?` (2: q_bind_text2). */
#define QL_CATEGORY(CASE) "(? = '' OR EXISTS (SELECT 1 FROM case_categories cc " \
	"WHERE cc.case_id = " CASE " AND cc.category = ?)) "

/* The clue CLUE (an id expression) came from the source `?` (2). */
#define QL_SOURCE(CLUE) "(? = '' OR EXISTS (SELECT 1 FROM clues sk WHERE sk.id = " CLUE \
	" AND sk.source = ?)) "

/* The case CASE is handled by an organ of kind `?` (2). */
#define QL_ORGAN(CASE) "(? = '' OR EXISTS (SELECT 1 FROM cases ok WHERE ok.id = " CASE \
	" AND ok.organ_kind = ?)) "

/* A subject snapshot with columns RANK, TOP and LEAD matches the subject
 * members (5: q_bind_subject). */
#define QL_SUBJECT(RANK, TOP, LEAD) "(? = '' OR " RANK " = ?) AND (? = 0 OR " TOP " = 1) " \
	"AND (? = 0 OR " LEAD " = 1) AND (? = 0 OR " TOP " = 1 OR " LEAD " = 1 OR " RANK " = 'section') "

/* Some subject of the case, or the person PERSON among them ("" any),
 * matches (1 + 5: q_bind_case_subject). */
#define QL_CASE_SUBJECT(CASE, PERSON) "(? = 0 OR EXISTS (SELECT 1 FROM case_subjects cs " \
	"WHERE cs.case_id = " CASE " " PERSON " AND " \
	QL_SUBJECT("cs.rank", "cs.top_leader", "cs.leadership") ")) "

static inline int q_bind_within(struct store_stmt *st, int i, int64_t unit_id)
{
	store_bind_int(st, i++, unit_id);
	store_bind_int(st, i++, unit_id);
	return i;
}

static inline int q_bind_text2(struct store_stmt *st, int i, const char *v)
{
	store_bind_text(st, i++, v ? v : "");
	store_bind_text(st, i++, v ? v : "");
	return i;
}

/* 1 when any subject member of s is set. */
static inline int q_scope_subject(const struct metric_scope *s)
{
	return (s->rank && *s->rank) || s->top_leader || s->leadership || s->key_persons;
}

static inline int q_bind_subject(struct store_stmt *st, int i, const struct metric_scope *s)
{
	i = q_bind_text2(st, i, s->rank);
	store_bind_int(st, i++, s->top_leader);
	store_bind_int(st, i++, s->leadership);
	store_bind_int(st, i++, s->key_persons);
	return i;
}

static inline int q_bind_case_subject(struct store_stmt *st, int i, const struct metric_scope *s)
{
	store_bind_int(st, i++, q_scope_subject(s));
	return q_bind_subject(st, i, s);
}

#endif
