#ifndef QF_QUERIES_H
#define QF_QUERIES_H
/*
 * queries: the typed store calls the domain uses, written once against
 * the driver API of store.h, so every backend runs the same SQL.
 *
 * Conventions: lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0.  Strings in the
 * filled records are copied into `a`.  None of these open a transaction:
 * the caller decides (writes go through store_tx).
 */
#include <stdint.h>

#include "model/audit.h"
#include "model/case.h"
#include "model/clue.h"
#include "model/list.h"
#include "model/outcome.h"
#include "model/person.h"
#include "model/report.h"
#include "model/rules.h"
#include "model/timeline.h"
#include "model/unit.h"
#include "model/user.h"
#include "store/store.h"

struct arena;

/* settings */
int store_setting_get(struct store *s, struct arena *a, const char *key, const char **value);
int store_setting_set(struct store *s, const char *key, const char *value);

/* working-day calendar exceptions */
int store_holiday_put(struct store *s, const char *day, int off_day, const char *name);
int store_holiday_each(struct store *s, void (*fn)(void *arg, const char *day, int off_day,
						   const char *name), void *arg);

/* rules kept as data (0006_rules.sql): arrays allocated in a */
int store_sanction_periods(struct store *s, struct arena *a, struct period_rule **out);
int store_clock_limits(struct store *s, struct arena *a, struct clock_limit_row **out);

/* users and jurisdiction scopes */
int store_user_by_name(struct store *s, struct arena *a, const char *name, struct user *u);
int store_user_by_id(struct store *s, struct arena *a, int64_t id, struct user *u);
int64_t store_user_insert(struct store *s, const struct user *u, const char *pwhash, int64_t now);
int store_user_list(struct store *s, struct arena *a, struct user **out);
int store_user_set_disabled(struct store *s, int64_t id, int disabled);
/* Also drops a pending reset and the reset notice. */
int store_user_set_password(struct store *s, int64_t id, const char *pwhash, int64_t now,
			    int must_change);
/* Accounts of a role that are not disabled. */
int64_t store_user_count_active(struct store *s, const char *role);
int store_user_set_principal(struct store *s, int64_t id, int principal);
int store_user_set_totp(struct store *s, int64_t id, const char *secret_enc, int enabled);
/* Records the TOTP step just accepted; returns 1 when it is newer than the
 * last one (and stores it), 0 when it is not (a replayed code). */
int store_user_totp_step(struct store *s, int64_t id, int64_t step);
/* A password reset awaiting approval: the new hash, who asked, when. */
int store_user_pw_request(struct store *s, int64_t id, const char *pwhash, const char *by,
			  int64_t at);
/* Approves it (the pending hash becomes the password, to be changed at the
 * next login, and the reset notice is set) or, approver NULL, refuses it;
 * 1 done, 0 nothing was pending. */
int store_user_pw_decide(struct store *s, int64_t id, const char *approver, int64_t now);
/* The reset notice shown to the user (by NULL: none). */
int store_user_pw_notice(struct store *s, int64_t id, const char *by, const char *approver,
			 int64_t at);
int store_scope_add(struct store *s, int64_t user_id, int64_t unit_id);
int store_scope_list(struct store *s, struct arena *a, int64_t user_id, struct unit **out);

/* login throttling, per user name whether the account exists or not */
/* Rows are per (name, addr): the lock of an account applies to the address
 * its failures came from (addr "" for counts kept across addresses, such
 * as the second factor's).  get with addr NULL: the latest lock of the
 * name from any address.  clear with addr NULL: every row of the name. */
int store_throttle_get(struct store *s, const char *name, const char *addr, int *failures,
		       int64_t *locked_until);
int store_throttle_fail(struct store *s, const char *name, const char *addr, int64_t now, int max,
			int lock_secs);
int store_throttle_clear(struct store *s, const char *name, const char *addr);
/* Forgets throttle rows not locked and untouched since `before`. */
int store_throttle_purge(struct store *s, int64_t now, int64_t before);

/* sessions (token_hash is the SHA-256 of the cookie token, hex) */
int store_session_insert(struct store *s, const struct session *se, const char *ip);
int store_session_get(struct store *s, struct arena *a, const char *token_hash, struct session *se);
int store_session_touch(struct store *s, const char *token_hash, int64_t now);
int store_session_set_stage(struct store *s, const char *token_hash, int stage);
int store_session_delete(struct store *s, const char *token_hash);
int store_session_delete_user(struct store *s, int64_t user_id);
int store_session_purge(struct store *s, int64_t idle_before, int64_t created_before);

/* audit log */
int store_audit_last(struct store *s, struct arena *a, int64_t *id, const char **mac);
int store_audit_insert(struct store *s, const struct audit_entry *e);
int store_audit_list(struct store *s, struct arena *a, const struct list_query *lq,
		     struct audit_entry **out);
int64_t store_audit_count(struct store *s, const struct list_query *lq);
/* Calls fn for every entry with an id above after, in id order (the
 * arena is cleared before each); stops when fn returns non-zero and
 * returns that value; 0 at the end, < 0 on error. */
int store_audit_each(struct store *s, struct arena *a, int64_t after,
		     int (*fn)(void *arg, const struct audit_entry *e), void *arg);

/* units */
int store_unit_get(struct store *s, struct arena *a, int64_t id, struct unit *u);
int64_t store_unit_insert(struct store *s, const struct unit *u, int64_t now);
int store_unit_update(struct store *s, const struct unit *u, int64_t now);
int store_unit_list(struct store *s, struct arena *a, const struct list_query *lq, struct unit **out);
int64_t store_unit_count(struct store *s, const struct list_query *lq);
/* id, name and (visible) parent name of the units visible to scope_user,
 * by name, at most limit: the choices of a unit field. */
int store_unit_options(struct store *s, struct arena *a, int64_t scope_user, int limit,
		       struct unit **out);
/* 1 when unit_id is in the scope of scope_user (or scope_user is 0) */
int store_unit_visible(struct store *s, int64_t scope_user, int64_t unit_id);
/* 1 when `ancestor` is `id` or one of its ancestors */
int store_unit_is_ancestor(struct store *s, int64_t ancestor, int64_t id);
int store_unit_sibling_exists(struct store *s, const char *region, int64_t parent_id,
			      const char *name, int64_t except_id);

/* persons */
int store_person_get(struct store *s, struct arena *a, int64_t id, struct person *p);
int64_t store_person_insert(struct store *s, const struct person *p, int64_t now);
int store_person_update(struct store *s, const struct person *p, int64_t now);
int store_person_list(struct store *s, struct arena *a, const struct list_query *lq,
		      struct person **out);
int64_t store_person_count(struct store *s, const struct list_query *lq);
/* Sets (or with NULLs clears) the encrypted ID number and its MAC;
 * STORE_CONSTRAINT when another person has the same MAC. */
int store_person_set_idnum(struct store *s, int64_t id, const char *enc, const char *mac);
/* id of a person with this ID-number MAC other than except_id, 0 if none */
int64_t store_person_by_idmac(struct store *s, const char *mac, int64_t except_id);

/* campaigns */
int64_t store_campaign_insert(struct store *s, const char *region, const struct campaign *k,
			      int64_t now);
int store_campaign_get(struct store *s, struct arena *a, int64_t id, struct campaign *k);
int store_campaign_list(struct store *s, struct arena *a, struct campaign **out);

/* clues, their subjects, dispositions, timelines (q_clues.c) */
int store_clue_get(struct store *s, struct arena *a, int64_t id, struct clue *k);
/* Only id, state and received of a clue (the flow's checks): 1, 0, < 0. */
int store_clue_state(struct store *s, struct arena *a, int64_t id, struct clue *k);
int store_clue_list(struct store *s, struct arena *a, const struct list_query *lq, struct clue **out);
int64_t store_clue_count(struct store *s, const struct list_query *lq);
int64_t store_clue_insert(struct store *s, const struct clue *k, int64_t now);
int store_clue_set_summary(struct store *s, int64_t id, const char *summary_enc);
int store_clue_add_subject(struct store *s, int64_t clue_id, int64_t person_id);
/* subjects with id, name, rank, position, unit_id, unit_name filled */
int store_clue_subjects(struct store *s, struct arena *a, int64_t clue_id, struct person **out);
/* Sets the state; first_disposed is set to disposed_day only if not set. */
int store_clue_set_state(struct store *s, int64_t id, const char *state, const char *disposed_day,
			 int64_t now);
/* Clues naming the person that are not closed, other than except_clue. */
int64_t store_open_clues_of_person(struct store *s, int64_t person_id, int64_t except_clue);

int64_t store_disposition_insert(struct store *s, const char *region, const struct disposition *d);
int store_disposition_get(struct store *s, struct arena *a, int64_t id, struct disposition *d);
int store_dispositions_of_clue(struct store *s, struct arena *a, int64_t clue_id,
			       struct disposition **out);
int64_t store_disposition_pending(struct store *s, int64_t clue_id);
/* 1 when the proposed disposition was decided now, 0 when it was not
 * pending any more (decided by someone else meanwhile). */
int store_disposition_decide(struct store *s, int64_t id, const char *state, const char *decided,
			     int64_t by, int64_t at, const char *note);

/* Clues under preliminary verification whose clock started on or before
 * `started_by` (oldest first, at most 1000), with the office of whoever
 * proposed the running verification in handler_office. */
int store_clues_in_verification(struct store *s, struct arena *a, int64_t scope_user,
				const char *started_by, struct clue **out);
/* Dispositions awaiting approval, with their clue's unit name. */
int store_dispositions_pending(struct store *s, struct arena *a, int64_t scope_user,
			       struct disposition **out, const char ***unit_names);

int store_timeline_add(struct store *s, const char *region, const char *object, int64_t at,
		       int64_t user_id, const char *user_name, const char *action, const char *detail);
int store_timeline_list(struct store *s, struct arena *a, const char *object,
			struct timeline_entry **out);

/* ---- cases: need-to-know (q_access.c) ---- */
int store_case_exists(struct store *s, int64_t case_id);
int store_case_team_has(struct store *s, int64_t case_id, int64_t user_id);

/* ---- reports (q_reports.c) ---- */
int store_report_get(struct store *s, struct arena *a, int64_t id, struct report *k);
/* lq is the `lq` member of a struct report_query. */
int store_report_list(struct store *s, struct arena *a, const struct list_query *lq,
		      struct report **out);
int64_t store_report_count(struct store *s, const struct list_query *lq);
int64_t store_report_insert(struct store *s, const struct report *k, int64_t now);
/* Sets the three encrypted fields (each may be NULL). */
int store_report_set_secrets(struct store *s, int64_t id, const char *reporter_enc,
			     const char *contact_enc, const char *summary_enc);
int store_report_add_accused(struct store *s, int64_t report_id, int64_t person_id);
/* accused with id, name, rank, position, unit_id, unit_name filled */
int store_report_accused(struct store *s, struct arena *a, int64_t report_id, struct person **out);
/* One step of a report (model.h), guarded by
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


/* ---- cases (q_cases.c) ---- */
int64_t store_case_insert(struct store *s, const struct case_rec *k, int64_t now);
/* the clue's subjects become the case's */
int store_case_copy_subjects(struct store *s, int64_t case_id, int64_t clue_id);
int store_case_get(struct store *s, struct arena *a, int64_t id, struct case_rec *k);
int store_case_list(struct store *s, struct arena *a, const struct case_query *cq,
		    struct case_rec **out);
int64_t store_case_count(struct store *s, const struct case_query *cq);
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
/* declarations of user_id naming the person or the unit */
int64_t store_conflict_matches(struct store *s, int64_t user_id, int64_t person_id, int64_t unit_id);
/* running detention and trial clocks of the cases whose team includes
 * team_user (0: every case), with the office of each case's lead */
int store_case_clocks(struct store *s, struct arena *a, int64_t team_user, struct case_clock **out);
int store_user_office(struct store *s, struct arena *a, int64_t user_id, const char **office);
int store_user_set_office(struct store *s, int64_t user_id, const char *office);


/* ---- outcomes, execution, clarification, follow-up, accountability, recovery (q_outcomes.c) ---- */
/* The campaign of a case (0 none): 1 found, 0 no such case, < 0 error. */
int store_outcome_case_campaign(struct store *s, int64_t case_id, int64_t *campaign_id);
/* The subjects of a case with id, name, position, unit_name filled. */
int64_t store_outcome_insert(struct store *s, const char *region, const struct outcome *o,
			     int64_t created_by, int64_t now);
int store_outcome_add_measure(struct store *s, int64_t outcome_id, const char *measure);
int store_outcome_get(struct store *s, struct arena *a, int64_t id, struct outcome *o);
/* The person's outcomes (all matters), by effective day then id. */
/* The outcomes of a case (case_id) or else of a clue, by day. */
int store_outcomes_of_matter(struct store *s, struct arena *a, int64_t case_id, int64_t clue_id,
			     struct outcome **out);
int store_outcomes_of_person(struct store *s, struct arena *a, int64_t person_id,
			     struct outcome **out);
/* Sanctioned outcomes whose execution is not fully checked off, within
 * the scope of scope_user (0: all); newest first. */
int store_executions_pending(struct store *s, struct arena *a, const struct list_query *lq,
			     struct outcome **out);
int64_t store_executions_pending_count(struct store *s, const struct list_query *lq);
int store_execution_items(struct store *s, struct arena *a, int64_t outcome_id,
			  struct execution_item **out);
/* STORE_CONSTRAINT when the item is already checked off. */
int store_execution_add(struct store *s, int64_t outcome_id, const char *item, const char *done,
			const char *note, int64_t user_id, int64_t at);
int64_t store_clarification_insert(struct store *s, const char *region, const struct clarification *k,
				   int64_t created_by, int64_t now);
int store_clarifications_of_person(struct store *s, struct arena *a, int64_t person_id,
				   struct clarification **out);
int64_t store_followup_insert(struct store *s, const char *region, const struct followup *f,
			      int64_t created_by, int64_t now);
int store_followups_of_outcome(struct store *s, struct arena *a, int64_t outcome_id,
			       struct followup **out);
int64_t store_accountability_insert(struct store *s, const char *region,
				    const struct accountability *q, int64_t created_by, int64_t now);
/* lq: scope_user, campaign_id, offset, limit */
int store_accountability_list(struct store *s, struct arena *a, const struct list_query *lq,
			      struct accountability **out);
int64_t store_accountability_count(struct store *s, const struct list_query *lq);
int64_t store_recovery_insert(struct store *s, const char *region, const struct recovery *m,
			      int64_t created_by, int64_t now);
/* lq: campaign_id, kind ("" any), offset, limit; *sum_fen: the total of
 * all matching rows */
int store_recovery_list(struct store *s, struct arena *a, const struct list_query *lq,
			struct recovery **out);
int64_t store_recovery_count(struct store *s, const struct list_query *lq, int64_t *sum_fen);
/* The person's clues within the scope (0: all), and the cases whose
 * content the user may see (sees_all, or on the team of user_id). */
int store_clues_of_person(struct store *s, struct arena *a, int64_t person_id, int64_t scope_user,
			  struct clue **out);
int store_cases_of_person(struct store *s, struct arena *a, int64_t person_id, int sees_all,
			  int64_t user_id, struct case_brief **out);


/* ---- import / export (q_interchange.c) ---- */
/* Statements built at run time from the interchange type table (names
 * from the program, never from input), interned for the life of the
 * process so the connection's statement cache can key on them. */
const struct store_sql *store_ix_sql(const char *text);
/* A value to bind: kind 0 NULL, 1 integer, 2 text. */
struct store_ix_value {
	int kind;
	int64_t i;
	const char *s;
};
/* Runs q with the values bound in order: the integer of its first row
 * (RETURNING id, count(*)), 0 without a row, or < 0. */
int64_t store_ix_run(struct store *s, const struct store_sql *q, const struct store_ix_value *v,
		     int n);
/* Runs q with the values bound and calls fn for each row with its ncols
 * columns as text (NULL for SQL NULL); fn returns < 0 to stop.  0 or < 0. */
typedef int (*store_ix_row_fn)(void *arg, int ncols, const char *const *cols);
int store_ix_rows(struct store *s, const struct store_sql *q, const struct store_ix_value *v, int n,
		  int ncols, store_ix_row_fn fn, void *arg);
/* SQL texts (malloc'd, for store_ix_sql): the id of the record of `table`
 * imported with an ext_id; INSERT of `cols` (space-separated) RETURNING id
 * (returning = 0: no id); UPDATE of one column by id; an export id:
 * ext_id, else `prefix` and the id, of the row of `table` whose id is
 * `idexpr`. */
char *store_ix_find_text(const char *table);
/* a row of the table with an external id, if any */
char *store_ix_probe_text(const char *table);
char *store_ix_insert_text(const char *table, const char *cols, int returning);
char *store_ix_update_text(const char *table, const char *column);
char *store_ix_export_id(const char *table, const char *prefix, const char *idexpr);
/* Rows (outcome id, day, probation months or 0, measure) of the person's
 * outcomes dated up to `day`, in date order. */
int store_ix_prior_measures(struct store *s, int64_t person_id, const char *day,
			    store_ix_row_fn fn, void *arg);
/* The unit of a person, 0 when there is no such person, or < 0. */
int64_t store_ix_person_unit(struct store *s, int64_t person_id);
/* A large cache for the connection that imports. */
int store_ix_bulk(struct store *s);


#endif
