#ifndef QF_STORE_Q_CASES_H
#define QF_STORE_Q_CASES_H
/*
 * q_cases.h: the typed store calls of q_cases.c: cases, their teams, notes, detentions, conflicts
 * and clocks.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/case.h"
#include "model/person.h"
#include "store/store.h"

struct arena;

int64_t store_case_insert(struct store *s, const struct case_rec *k, int64_t now);
/* the clue's subjects become the case's, with their rank, flags and unit
 * of today (the filing snapshot) */
int store_case_copy_subjects(struct store *s, int64_t case_id, int64_t clue_id);
int store_case_get(struct store *s, struct arena *a, int64_t id, struct case_rec *k);
int store_case_list(struct store *s, struct arena *a, const struct case_filter *f,
		    struct case_rec **out);
int64_t store_case_count(struct store *s, const struct case_filter *f);
/* The detentions behind the figure `detained` (model/case.h), newest
 * start first, with their case's unit. */
int store_detention_list(struct store *s, struct arena *a, const struct detention_filter *f,
			 struct detention **out);
int64_t store_detention_count(struct store *s, const struct detention_filter *f);
/* the step dates and the state, all written at once */
int store_case_set_steps(struct store *s, const struct case_rec *k, int64_t now);
int store_case_subjects(struct store *s, struct arena *a, int64_t case_id, struct person **out);
int store_case_team(struct store *s, struct arena *a, int64_t case_id, struct case_member **out);
int store_case_team_add(struct store *s, int64_t case_id, int64_t user_id, const char *role,
			int64_t by, int64_t at, int64_t override_by, const char *override_reason);
/* 1 removed, 0 was not on the team */
int store_case_team_remove(struct store *s, int64_t case_id, int64_t user_id);
int store_case_notes(struct store *s, struct arena *a, int64_t case_id, struct case_note **out);
int64_t store_case_note_insert(struct store *s, const char *region, int64_t case_id, int64_t at,
			       int64_t user_id);
int store_case_note_set(struct store *s, int64_t id, const char *text_enc);
int store_detentions_of_case(struct store *s, struct arena *a, int64_t case_id,
			     struct detention **out);
int store_detention_get(struct store *s, struct arena *a, int64_t id, struct detention *d);
int64_t store_detention_insert(struct store *s, const char *region, const struct detention *d,
			       int64_t by, int64_t now);
int store_detention_set(struct store *s, int64_t id, const char *due_day, const char *end_day);
/* the extensions of every detention of a case (det_case) or of one
 * detention (det_id), in order */
int store_detention_exts(struct store *s, struct arena *a, int64_t case_id, int64_t det_id,
			 struct detention_ext **out);
int64_t store_detention_ext_insert(struct store *s, const struct detention_ext *e, int64_t user_id,
				   int64_t at);
int store_conflicts_of_user(struct store *s, struct arena *a, int64_t user_id,
			    struct conflict **out);
int64_t store_conflict_insert(struct store *s, const char *region, const struct conflict *cf,
			      int64_t now);
/* A standing declaration of user_id naming the person or the unit: 1
 * with *ground (a statutory one first), 0 none, < 0 error. */
int store_conflict_matches(struct store *s, struct arena *a, int64_t user_id, int64_t person_id,
			   int64_t unit_id, const char **ground);
/* running detention and trial clocks of the cases whose team includes
 * team_user (0: every case), due on or before due_by, of the lead's
 * office `office` (NULL any, "" none), with the office of each case's lead: the
 * first `limit` by due day; and their count per office (q_todo.h: due on
 * or before overdue_by as overdue) */
int store_case_clocks(struct store *s, struct arena *a, int64_t team_user, const char *due_by, const char *office,
		      int limit, struct case_clock **out);
struct store_due_count;
int store_case_clocks_count(struct store *s, struct arena *a, int64_t team_user, const char *overdue_by,
			    const char *due_by, const char *office, struct store_due_count **out);
/* The same for every office as one row of no office (""): the badge's
 * total, without the lead's office of each clock. */
int store_case_clocks_total(struct store *s, struct arena *a, int64_t team_user, const char *overdue_by,
			    const char *due_by, struct store_due_count **out);

#endif
