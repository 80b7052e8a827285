#ifndef QF_PUBLIC_PURGE_H
#define QF_PUBLIC_PURGE_H
/*
 * public_purge: what the public side keeps per submission, kept for a
 * while instead of forever (issue 13; docs/operations.md "Purging the
 * public side", docs/security.md "What the public side keeps").
 *
 *  - public_submissions (the BLAKE2b hash of a rating page's idempotency
 *    key and the items it made): rows older than the setting
 *    public_key_days (default 7).  A retry with a purged key is a new
 *    submission where the page runs; the intranet still counts it once
 *    (ratings.idem_key and letters.idem_key are UNIQUE there).
 *  - public_status rows with a final status (concluded, not accepted,
 *    transferred, fixed) whose status last changed more than
 *    public_status_days (default 180) ago: the code then answers "wrong
 *    code".  An open item's row stays, however old.
 *
 * In single-instance mode no reply batch keeps the status rows current, so
 * the purge first brings every open row up to date from its record (what
 * a reply batch would carry, ferry_status_apply), the day of a change
 * being today: the months are counted from when the purge first saw the
 * item concluded.
 *
 * Every step is one transaction of at most PUBLIC_PURGE_BATCH rows, and a
 * batch that deletes rows appends one audit entry (public_purge) with the
 * counts, never what was deleted.  The intranet's public_items stay: a
 * batch imported again must find its items (docs/architecture.md).
 */
#include <stdint.h>

struct ctx;

#define PUBLIC_PURGE_BATCH 500

struct public_purge_counts {
	int64_t keys;           /* idempotency keys past public_key_days */
	int64_t recent;         /* public_rating_keys rows past RATING_KEY_DAYS */
	int64_t statuses;       /* final statuses past public_status_days */
	int64_t refreshed;      /* single-instance rows brought up to date */
};

/* Purges (or, dry_run, counts what it would purge: nothing written, no
 * status brought up to date) as of c->now.  0 with the counts, or < 0
 * (the batches before the failure stay done). */
int public_purge(struct ctx *c, int dry_run, struct public_purge_counts *n);

#endif
