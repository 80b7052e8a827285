#ifndef QF_DOMAIN_TARGET_H
#define QF_DOMAIN_TARGET_H
/*
 * target: the target tasks of the four systems (四个体系, DOMAIN.md
 * section 5, issue 14).  A task belongs to a ledger (台账) of a year, to
 * an aspect (the four systems: an editable code table), names a
 * responsible leader (a user) and office (users' offices), a deadline
 * and its progress notes (the timeline).
 *
 * The state is derived, never stored (target_state): 已完成 when done,
 * else 逾期 the day after the deadline (a calendar day the ledger fixes,
 * not a working-day clock), else 推进中 once a note is recorded, else
 * 未开始.  The home page lists the tasks of the user (as the leader or
 * of the user's office) that are overdue or due within 3 working days
 * on the working-day calendar (todo.h).
 *
 * Need-to-know: tasks are not secret; every staff member reads them
 * (PERM_TARGET_READ).  Writing: the case manager's office creates and
 * edits tasks, ledgers and the code tables (PERM_TARGET_MANAGE); a
 * progress note is recorded by the task's leader, a member of its office
 * or the case manager's office (target_may_write; others 403).  Every
 * write and its audit entry in one transaction.
 */
#include <stdint.h>

#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/target.h"

struct ctx;

#define TARGET_TITLE_MAX 300
#define TARGET_NOTE_MAX 2000
#define TARGET_NAME_MAX 100

enum target_state { TARGET_PENDING = 1, TARGET_RUNNING, TARGET_DONE, TARGET_OVERDUE };
extern const struct label target_states[];      /* pending 未开始 ... overdue 逾期 */

/* the state of t on the day `today` (YYYY-MM-DD) */
enum target_state target_state(const struct target_task *t, const char *today);
const char *target_state_code(enum target_state s);
/* a year typed in a filter (four digits, 2000-2100), else 0 (any) */
int target_year_of(const char *text);
/* today (CST) as text, in c->a */
const char *target_today(struct ctx *c);

/* the code tables (table 0: aspects, 1: reminder kinds): count or RES_STORE */
int target_codes(struct ctx *c, int table, struct target_code **out);
/* adds or renames one (PERM_TARGET_MANAGE; audited): RES_DONE, RES_INVALID */
int target_code_put(struct ctx *c, int table, const char *code, const char *label, int seq,
		    struct fielderr *fe);

/* the staff a task or reminder may name (code: the id) */
int target_staff(struct ctx *c, struct target_code **out);

/* ledgers of a year (0: all) */
int target_ledgers(struct ctx *c, int year, struct target_ledger **out);
int64_t target_ledger_create(struct ctx *c, int year, const char *name, struct fielderr *fe);

/* a task from the form's fields; its id, RES_INVALID with fe, RES_STORE */
int64_t target_create(struct ctx *c, const struct target_task *t, struct fielderr *fe);
int target_update(struct ctx *c, const struct target_task *t, struct fielderr *fe);
int target_get(struct ctx *c, int64_t id, struct target_task *out);
int target_list(struct ctx *c, struct target_filter *f, struct target_task **out, int64_t *total);
int target_notes(struct ctx *c, int64_t id, struct target_note **out);
/* 1 when the actor may record progress on t */
int target_may_write(struct ctx *c, const struct target_task *t);
/* a progress note dated day ("" today), with done 1 the task is done
 * that day: RES_DONE, RES_INVALID (also when the actor may not write: the
 * handlers ask target_may_write first and answer 403), RES_NOT_FOUND,
 * RES_STORE */
int target_progress(struct ctx *c, int64_t id, const char *day, const char *text, int done,
		    struct fielderr *fe);

#endif
