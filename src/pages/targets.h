#ifndef QF_PAGES_TARGETS_H
#define QF_PAGES_TARGETS_H
/*
 * pages/targets: the target tasks family (issue 14): tasks and their
 * ledgers (pages/targets.c), work reminders (pages/reminders.c) and the
 * scoreboard (pages/scores.c).  The handlers the route table names.
 */
struct req;

int page_targets(struct req *r);
int page_target_new(struct req *r);
int page_target_create(struct req *r);
int page_target(struct req *r);
int page_target_edit(struct req *r);
int page_target_update(struct req *r);
int page_target_progress(struct req *r);
int page_target_ledgers(struct req *r);
int page_target_ledger_create(struct req *r);
int page_target_code_put(struct req *r);
int page_targets_xlsx(struct req *r);

int page_reminders(struct req *r);
int page_reminder_new(struct req *r);
int page_reminder_create(struct req *r);
int page_reminder(struct req *r);
int page_reminder_ack(struct req *r);

int page_scores(struct req *r);
int page_score_sheet(struct req *r);
int page_score_criterion_create(struct req *r);
int page_score_save(struct req *r);
int page_score_publish(struct req *r);
int page_scores_xlsx(struct req *r);

/* a code table as select options (table 0 aspects, 1 reminder kinds), in the arena */
struct label;
const struct label *target_code_options(struct req *r, int table);
/* the select of users a task or reminder names (name user_id or leader_id) */
struct strbuf;
void target_user_select(struct req *r, struct strbuf *sb, const char *name, const char *label, int64_t value,
			const char *err, const char *none_label);

#endif
