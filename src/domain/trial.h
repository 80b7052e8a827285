#ifndef QF_TRIAL_H
#define QF_TRIAL_H
/*
 * trial: the trial stage (审理) of a case between acceptance and closure
 * (DOMAIN.md sections 2 and 4; issue 12).  The trial member of the team
 * accepts the case (case_step CASE_TRIAL: the trial clock starts), records
 * the opinion (审理意见: facts found, nature 定性, the proposed sanction of
 * each subject; revisable until closure, every version kept), may send the
 * case back for supplementary investigation (退回补充调查: reason and day;
 * the case returns to investigating, the trial clock pauses; how many
 * times and how long the investigation has are data: step_limits and
 * clock_limits.trial_return), and accepts it again (CASE_TRIAL once more:
 * the clock resumes, its due day moved by the working days it was back),
 * then closes it (CASE_CLOSE: refused while a detention of the case is
 * open).  Investigation team members cannot work these forms, the trial
 * member cannot work the investigation's (case_for_side).
 *
 * Return convention as case.h: > 0 done (or the id), 0 404, -1 refused
 * with fe, -2 the store failed.
 */
#include <stdint.h>

#include "core/date.h"
#include "domain/fielderr.h"
#include "model/case.h"

struct ctx;
struct store;
struct calendar;
struct clock_limit;
struct strbuf;

#define TRIAL_MAX_SUBJECTS 64

struct trial_opinion_input {
	const char *day, *facts, *nature;
	int n;                                  /* proposals */
	int64_t person_ids[TRIAL_MAX_SUBJECTS];
	const char *sanctions[TRIAL_MAX_SUBJECTS];
};
/* An opinion as read (decrypted): names from the case's subjects. */
struct trial_opinion_view {
	int64_t id;
	const char *day, *user_name, *facts, *nature;
	int n;
	int64_t person_ids[TRIAL_MAX_SUBJECTS];
	const char *names[TRIAL_MAX_SUBJECTS];
	const char *sanctions[TRIAL_MAX_SUBJECTS];
};

int64_t trial_opinion_add(struct ctx *c, int64_t case_id, const struct trial_opinion_input *in,
			  struct fielderr *fe);
int64_t trial_return_send(struct ctx *c, int64_t case_id, const char *day, const char *reason,
			  struct fielderr *fe);

/* For a case the actor has read: its opinions (latest first, decrypted)
 * and returns (reason decrypted into reasons[i]).  0 or -1. */
int trial_opinions_read(struct ctx *c, int64_t case_id, struct trial_opinion_view **out, int *n);
int trial_returns_read(struct ctx *c, int64_t case_id, struct trial_return **out, const char ***reasons,
		       int *n);

/* The due day of a trial review accepted on `accepted` whose returns are
 * r[0..n): the limit's due day, moved by the working days of each
 * completed return (after the day sent, up to the day accepted again):
 * the time back is not counted (补充调查期间不计入审理期限). */
qf_day trial_due(const struct calendar *cal, const struct clock_limit *lim, const char *accepted,
		 const struct trial_return *r, int n);

/* ---- for case.c and clock_fill.c, inside a transaction on s ---- */

/* Re-acceptance after a return: 1 done (the return closed, k's state and
 * trial_due set), 0 no open return (a first acceptance), -1 refused with
 * fe or the store failed (fe empty). */
int trial_reaccept(struct ctx *c, struct store *s, struct case_rec *k, const char *day,
		   const struct clock_limit *lim, struct fielderr *fe);
/* The day the trial office last accepted k (after its last return). */
const char *trial_last_accepted(struct ctx *c, struct store *s, const struct case_rec *k);
/* 1 no detention of the case is open; 0 one is (named in fe); -1. */
int trial_no_open_detention(struct ctx *c, struct store *s, int64_t case_id, struct fielderr *fe);
/* The due day of case_id's running trial review on cal: trial_due with
 * its returns; QF_DAY_NONE when the store failed. */
qf_day trial_due_of(struct ctx *c, struct store *s, const struct calendar *cal,
		    const struct clock_limit *lim, int64_t case_id, const char *accepted);

#endif
