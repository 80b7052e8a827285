#ifndef QF_STORE_Q_REPORTS_H
#define QF_STORE_Q_REPORTS_H
/*
 * q_reports.h: the typed store calls of q_reports.c: reports (信访举报).
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/person.h"
#include "model/report.h"
#include "store/store.h"

struct arena;

int store_report_get(struct store *s, struct arena *a, int64_t id, struct report *k);
int store_report_list(struct store *s, struct arena *a, const struct report_filter *f,
		      struct report **out);
int64_t store_report_count(struct store *s, const struct report_filter *f);
int64_t store_report_insert(struct store *s, const struct report *k, int64_t now);
/* Sets the three encrypted fields (each may be NULL). */
int store_report_set_secrets(struct store *s, int64_t id, const char *reporter_enc,
			     const char *contact_enc, const char *summary_enc);
int store_report_add_accused(struct store *s, int64_t report_id, int64_t person_id);
/* accused with id, name, rank, position, unit_id, unit_name filled */
int store_report_accused(struct store *s, struct arena *a, int64_t report_id, struct person **out);
/* One step of a report (model/report.h), guarded by
 * the state it may follow: 1 done, 0 when the report is not (any more) in
 * that state, < 0 error.  text is the note or the receiving level. */
int store_report_step(struct store *s, enum report_step step, int64_t id, const char *day, const char *text,
		      int64_t now);
/* Links the clue made from an accepted or concluded report: 1, or 0 when
 * it has one already or is in another state. */
int store_report_set_clue(struct store *s, int64_t id, int64_t clue_id, int64_t now);
/* Every report with a clock still running (not concluded and notified,
 * not decided or transferred): the fill of their due days. */
int store_reports_open(struct store *s, struct arena *a, struct report **out);
/* Reports with a running clock due before `before` (next_due), earliest
 * first, within the scope (0: all; a scoped user never sees reports
 * without a unit). */
int store_reports_due(struct store *s, struct arena *a, int64_t scope_user, const char *before,
		      struct report **out);
/* Stores k's due days (accept_due ... next_due, NULL for none) on report id. */
int store_report_set_dues(struct store *s, int64_t id, const struct report *k);
/* Corrects the kind, repeated flag and category of a report not concluded:
 * the rows changed (1, or 0 when it was concluded meanwhile), or < 0. */
int store_report_set_kind(struct store *s, int64_t id, const char *kind, int repeated, const char *category,
			  int64_t now);

#endif
