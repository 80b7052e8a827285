#ifndef QF_DOMAIN_REMINDER_H
#define QF_DOMAIN_REMINDER_H
/*
 * reminder: work reminders (工作提示, issue 14): numbered notices of a
 * kind (常委会议定事项工作提示, 近期重点工作提示: an editable code table,
 * domain/target.h table 1), numbered per kind and year through
 * numbering.c under the kind reminder_<code> (〔2022〕第3期), issued by the
 * case manager's office (PERM_TARGET_MANAGE) to offices (their active
 * members when issued) and users, with a text and optional linked tasks.
 * Each recipient sees it on the home page until acknowledging it (the ack
 * per user, audited reminder_ack); the issuer's office sees who has and
 * has not.  Reminders are not secret: every staff member may read one.
 */
#include <stdint.h>

#include "domain/fielderr.h"
#include "model/target.h"

struct ctx;

#define REMINDER_TITLE_MAX 200
#define REMINDER_BODY_MAX 5000
#define REMINDER_TO_MAX 64

struct reminder_input {
	const char *kind;
	const char *title, *body;
	const char *day;                /* "" today */
	const char *const *offices;     /* n_offices */
	int n_offices;
	const int64_t *users;           /* n_users */
	int n_users;
	const int64_t *tasks;           /* n_tasks */
	int n_tasks;
};

/* Issues one: its id; RES_INVALID with fe (kind, title, text, day, to,
 * tasks); RES_STORE.  The number is drawn in the write's transaction. */
int64_t reminder_issue(struct ctx *c, const struct reminder_input *in, struct fielderr *fe);
/* one, with the actor's own ack (acked_at -1: not a recipient) */
int reminder_get(struct ctx *c, int64_t id, struct reminder *out);
/* the list: the actor's own unless the actor may issue */
int reminder_list(struct ctx *c, struct reminder_filter *f, struct reminder **out, int64_t *total);
/* who it was issued to and who acknowledged (the issuer's office) */
int reminder_recipients(struct ctx *c, int64_t id, struct reminder_recipient **out);
int reminder_tasks(struct ctx *c, int64_t id, struct target_task **out);
/* the actor acknowledges it: RES_DONE (also when acknowledged before),
 * RES_NOT_FOUND, RES_INVALID when the actor is not a recipient (the
 * handlers answer 403), RES_STORE */
int reminder_ack(struct ctx *c, int64_t id);

#endif
