#ifndef QF_DOMAIN_BAD_REVIEW_H
#define QF_DOMAIN_BAD_REVIEW_H
/*
 * bad_review: the loop a rating of 1 or 2 stars opens (差评, DOMAIN.md
 * sections 4 and 5): the unit calls the citizen back within 1 working
 * day (clock bad_rating_callback) and fixes the matter within 15 working
 * days (bad_rating_fix), both counted from the rating's day on the
 * working-day calendar with the limits in clock_limit_versions (0021);
 * the due days are stored when it opens.  The unit's staff (need-to-know:
 * their units) and the commission see it; its clocks are home-page
 * to-dos.  The citizen gives a follow-up rating once, with the code shown
 * after the first rating.  Staff steps are audited in their transaction.
 * Results as domain/result.h.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/rating.h"

struct ctx;
struct store;
struct clock_table;

#define BAD_REVIEW_NOTE_MAX 1000
/* the stars that open a bad review: 1 and 2 */
#define BAD_REVIEW_MAX_STARS 2

extern const struct label bad_review_states[];  /* open, called_back, fixed */

/* Inside a transaction on s: opens the bad review of a rating made on
 * day, its clocks from table t, its follow-up code `shown` (the code the
 * citizen was shown; NULL: derived from idem_key); its id or < 0. */
int64_t bad_review_open(struct ctx *c, struct store *s, const struct clock_table *t, int64_t rating_id,
			int64_t unit_id, const char *day, const char *idem_key, const char *shown);
/* The due days of a review opened on day, on this process's calendar
 * and clock limits (the public side's receipt): 0, or -1. */
int bad_review_dues(struct ctx *c, const char *day, const char **callback_due, const char **fix_due);

/* Inside a transaction on s (a holiday import, holidays.c through
 * clock_dues_refill): the due days of the running reviews on `cal` and the
 * limits as they now are (the call-back's only while it is open).  0 or -1. */
struct calendar;
int bad_review_dues_refill(struct ctx *c, struct store *s, const struct calendar *cal);

int bad_review_get(struct ctx *c, int64_t id, struct bad_review *out);
int bad_review_list(struct ctx *c, struct bad_review_filter *f, struct bad_review **out, int64_t *total);
/* open -> called_back (note: what the citizen was told); called_back ->
 * fixed (note: what was fixed, required).  RES_DONE; RES_NOT_FOUND;
 * RES_INVALID (fe); RES_STORE. */
int bad_review_callback(struct ctx *c, int64_t id, const char *note, struct fielderr *fe);
int bad_review_fix(struct ctx *c, int64_t id, const char *note, struct fielderr *fe);
int bad_review_by_code(struct ctx *c, const char *typed, struct bad_review *out);
/* The follow-up of an inbox item, inside the caller's transaction on
 * c->db: 1 recorded, 0 none (no such code, or given before: the first
 * counts), < 0. */
int bad_review_followup_in_tx(struct ctx *c, const char *typed, int stars, const char *day);

QF_AUDIT_EVENT_DECL(BAD_REVIEW_CALLBACK);
QF_AUDIT_EVENT_DECL(BAD_REVIEW_FIX);

#endif
