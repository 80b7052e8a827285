#ifndef QF_DOMAIN_PUBLIC_RATING_H
#define QF_DOMAIN_PUBLIC_RATING_H
/*
 * public_rating: the "码上问效" pages' submissions through the public
 * inbox (issue 13; docs/architecture.md "The public channel").
 *
 * Where the page runs (domain/public_rating.c, both modes): a rating, a
 * letter and a follow-up rating are sealed with inbox_submit as kinds
 * "rating", "letter" (a rating with a letter makes two items: each code
 * has its own item) and "followup".  The citizen's codes are derived on
 * that side from the page's idempotency key (rating_code_of under this
 * side's key) and travel inside the sealed payload; on a public instance
 * they are stored only as Argon2id hashes in public_status rows of kind
 * "letter" / "review", and the hash of the key maps a retry to the items
 * it made (public_submissions), so a retry is answered and not stored
 * twice.  In single-instance mode the pages read the intranet's records.
 *
 * On the intranet (domain/rating_inbox.c): the kinds' accept writes with
 * rating_submit_in_tx, linking the records to their items; their outcome
 * sends back per item what the citizen may see (a letter's state, answer
 * and days; a bad review's state and days); the reply batch also carries
 * every unit's rating token and name (rating_points_json), which the
 * public side keeps in public_points (rating_points_apply).
 *
 * Results as domain/result.h.
 */
#include <jansson.h>

#include "domain/fielderr.h"
#include "domain/rating.h"
#include "model/rating.h"

struct ctx;

/* What the citizen is told after a submission. */
struct public_rating_receipt {
	const char *unit_name;
	int stars;                  /* 0 on a retry (not kept) */
	int replay;                 /* 1: the key was used before */
	char letter_code[RATING_CODE_SHOWN + 1];   /* "" no letter */
	char followup_code[RATING_CODE_SHOWN + 1]; /* "" no bad review */
	const char *callback_due, *fix_due;        /* the bad review's due days */
};

/* A rating (with_rating 1, its letter when in->letter) or a letter alone
 * from the page of in->token: RES_DONE with the receipt (also for a retry
 * with the same key: nothing new is stored); RES_INVALID with fe;
 * RES_NOT_FOUND no such token; RES_STORE.  With job (not NULL), a new
 * plain rating (3-5 stars, no letter) is not stored here: job is filled
 * and PUBLIC_RATING_QUEUED answered; the caller queues it on the group
 * writer (rating_group_submit) and, once notified, answers with
 * public_rating_finish.  Ratings of 1-2 stars and letters (a code, a
 * status row, an Argon2id hash each) keep their own transaction.
 *
 * With job, job->g (the process's rating group, or NULL) tells keys with
 * a render time by its set in memory (domain/rating_group.h): a key
 * rendered more than a day before is refused (RES_INVALID, fe's idem_key
 * RATING_KEY_EXPIRED: the page is shown again with a new key), and while
 * a letter or bad review of the same key is being stored the answer is
 * PUBLIC_RATING_LATER (nothing stored by this one). */
#define PUBLIC_RATING_QUEUED 2
#define RATING_KEY_EXPIRED "此页面打开已超过24小时，请重新提交。如您此前已提交成功，则无需再次提交"
struct rating_job;
int public_rating_submit(struct ctx *c, const struct rating_input *in, int with_rating,
			 struct public_rating_receipt *out, struct fielderr *fe, struct rating_job *job);
/* The receipt of a queued rating once its group is done: RES_DONE (stored,
 * or a twin's retry: out->replay), PUBLIC_RATING_LATER (nothing stored:
 * the writer is stopping or the database was busy; the citizen may send
 * it again, a 503), RES_STORE (nothing was stored). */
#define PUBLIC_RATING_LATER (-10)
int public_rating_finish(struct ctx *c, const struct rating_job *job, struct public_rating_receipt *out);
/* The citizen's view of a letter / a bad review by its code: RES_DONE;
 * RES_NOT_FOUND no such code; RES_STORE. */
int public_letter_view(struct ctx *c, const char *code, struct letter *out);
int public_review_view(struct ctx *c, const char *code, struct bad_review *out);
/* The follow-up rating with the code: RES_DONE; RES_NOT_FOUND no such
 * code; RES_INVALID (fe: stars, or given already); RES_STORE. */
int public_followup_submit(struct ctx *c, const char *code, int stars, struct fielderr *fe);

/* The reply batch (domain/ferry.c): every unit's token and name appended
 * to arr (intranet); the public side's points replaced by arr's, inside
 * the import's transaction.  0 or -1. */
int rating_points_json(struct ctx *c, json_t *arr);
int rating_points_apply(struct ctx *c, json_t *arr);
/* The detail objects of the status rows (new references). */
json_t *rating_review_detail(const struct bad_review *b);
json_t *rating_letter_detail(const struct letter *v);

#endif
