#ifndef QF_PAGES_H
#define QF_PAGES_H
/* The handlers of the staff and public HTML pages, one file per family. */
#include <stdint.h>

struct req;

int page_healthz(struct req *r);
int page_readyz(struct req *r);
int page_asset(struct req *r);                 /* assets.c */

int page_login_form(struct req *r);            /* login.c */
int page_login(struct req *r);
int page_totp_form(struct req *r);
int page_totp(struct req *r);
int page_logout(struct req *r);

int page_home(struct req *r);                  /* home.c */
int page_account(struct req *r);               /* account.c */
int page_account_password(struct req *r);
int page_account_totp(struct req *r);

int page_units(struct req *r);                 /* units.c */
int page_unit_new(struct req *r);
int page_unit_create(struct req *r);
int page_unit_show(struct req *r);
int page_unit_edit(struct req *r);
int page_unit_update(struct req *r);

int page_persons(struct req *r);               /* persons.c */
int page_person_new(struct req *r);
int page_person_create(struct req *r);
int page_person_show(struct req *r);
int page_person_edit(struct req *r);
int page_person_update(struct req *r);

int page_users(struct req *r);                 /* users.c */
int page_user_create(struct req *r);
int page_user_action(struct req *r);

int page_audit(struct req *r);                 /* audit.c */

int page_clues(struct req *r);                 /* clues.c */
int page_clue_new(struct req *r);
int page_clue_create(struct req *r);
int page_clue_show(struct req *r);
int page_disposition_create(struct req *r);
int page_disposition_decide(struct req *r);

int page_calendar(struct req *r);              /* calendar.c */
int page_calendar_import(struct req *r);

/* ---- reports.c ---- */
int page_reports(struct req *r);
int page_report_new(struct req *r);
int page_report_create(struct req *r);
int page_report_show(struct req *r);
int page_report_step(struct req *r);
int page_report_clue(struct req *r);
/* Shared with clues.c, where they are defined: a multiple <select> of the
 * persons the user may name (grouped by unit); the positive ids of a
 * repeated form field (count, -1 on a bad one or more than max); the
 * timeline of a record. */
struct strbuf;
struct timeline_entry;
void person_multiselect(struct req *r, struct strbuf *sb, const char *name, const char *label,
			const int64_t *ids, int n_ids, const char *err);
int form_ids(struct req *r, const char *key, int64_t *out, int max);
void page_timeline(struct strbuf *sb, const struct timeline_entry *v, int n);
/* The warning that the persons named have open clues (nothing when
 * n_dups is 0); after: a sentence under the list, or NULL. */
struct clue_dup;
void page_clue_dups(struct strbuf *sb, const struct clue_dup *dups, int n_dups, const char *after);


/* ---- cases.c ---- */
int page_cases(struct req *r);
int page_case_show(struct req *r);
int page_case_team_add(struct req *r);
int page_case_team_remove(struct req *r);
int page_case_note(struct req *r);
int page_detention_start(struct req *r);
int page_detention_extend(struct req *r);
int page_detention_end(struct req *r);
int page_case_transfer(struct req *r);
int page_case_trial(struct req *r);
int page_case_close(struct req *r);
int page_conflicts(struct req *r);
int page_conflict_create(struct req *r);


/* ---- outcomes.c ---- */
/* matter_outcomes.c: the outcomes table (linked[i]: link row i to its
 * page; NULL: all), and a case's or clue's outcomes section with the links
 * to record one when may_record */
struct outcome;
void page_outcome_table(struct strbuf *sb, const struct outcome *v, int n, const int *linked,
			int with_person);
void page_matter_outcomes(struct req *r, struct strbuf *sb, int64_t case_id, int64_t clue_id,
			  int may_record);
int page_outcome_new(struct req *r);
int page_outcome_create(struct req *r);
int page_outcome_show(struct req *r);
int page_execution_check(struct req *r);
int page_followup_create(struct req *r);
int page_executions(struct req *r);
int page_clarification_new(struct req *r);
int page_clarification_create(struct req *r);
int page_accountability(struct req *r);        /* accountability.c */
int page_accountability_create(struct req *r);
int page_recovery_create(struct req *r);
struct strbuf;
struct person;
/* The record section of a person's page (person_record.c): nothing for
 * roles that do not see it. */
void page_person_record(struct req *r, struct strbuf *sb, const struct person *p);


#endif
