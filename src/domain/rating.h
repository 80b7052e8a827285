#ifndef QF_DOMAIN_RATING_H
#define QF_DOMAIN_RATING_H
/*
 * rating: the "码上问效" channel (DOMAIN.md section 5, issue 13).  A
 * citizen scans a unit's QR code, opens /p/rate/{token} (the token is
 * random, not the unit's id), gives 1-5 stars, may comment, and may leave
 * a letter (群众信件, domain/letter.c) with a contact.  A rating of 1 or 2
 * stars opens a bad review (domain/bad_review.c) with two clocks.
 *
 * The public pages submit through the inbox (domain/public_rating.c, kinds
 * in domain/rating_inbox.c), which calls rating_submit_in_tx with the
 * moment the public side received the submission.
 *
 * Guarantees: a submission carries an idempotency key made by the page;
 * the rating, its letter and its bad review are written in one
 * transaction, and the same key never writes twice (UNIQUE).  The
 * citizen's codes (the letter's, the follow-up rating's) are derived from
 * the key with a keyed MAC (keyed_mac, purposes "rating-letter-code" and
 * "rating-followup-code") on the side that served the page, so a retry
 * shows the same codes; they travel in the sealed item and are stored
 * here only as a keyed hash ("rating-code-hash").  Nothing about the
 * visitor is stored: no address, no user agent, no time of day (the CST
 * day only).  Public submissions write no audit entry (the actor is the
 * public); every staff step does.
 *
 * Writes and lookups answer a result (domain/result.h).
 */
#include <stdint.h>

#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/rating.h"

struct ctx;
struct strbuf;

/* the citizen's codes: 16 digits, shown in groups of four */
#define RATING_CODE_DIGITS 16
#define RATING_CODE_SHOWN 19    /* "1234 5678 9012 3456" */

/* Limits of the public form, in characters. */
#define RATING_COMMENT_MAX 500
#define LETTER_BODY_MAX 2000
#define LETTER_CONTACT_MAX 100

/* One submission, as the inbox item carries it (domain/rating_inbox.c). */
struct rating_input {
	const char *token;      /* the unit's rating token; NULL: unit_id */
	int64_t unit_id;        /* the unit when no token (CLI: demo, import, the inbox) */
	const char *idem_key;   /* 16-64 of [A-Za-z0-9_-], made by the page */
	int stars;              /* 1-5; 0 none (a letter alone) */
	const char *comment;    /* optional */
	const char *letter;     /* optional letter (群众信件) */
	const char *contact;    /* optional contact of the letter */
	int64_t at;             /* the moment submitted (Unix time), 0: now; its CST day counts */
	/* through the public inbox (domain/rating_inbox.c): the codes the
	 * citizen was shown (NULL: derived from idem_key under this side's
	 * key) and the item the rating / the letter came from (NULL: none) */
	const char *letter_code, *followup_code;
	const char *item_id, *letter_item;
	/* where the page runs: the token's unit name when the caller has
	 * looked it up already (rating_token_unit), NULL: looked up */
	const char *unit_name;
};

/* The checks of a submission (with_rating 0: a letter alone), the unit
 * not resolved: 0, or RES_INVALID with fe. */
int rating_check(struct ctx *c, const struct rating_input *in, int with_rating, struct fielderr *fe);
/* Inside the caller's write transaction on c->db (an inbox kind's
 * accept): records a rating (with its letter when in->letter) and its bad
 * review, or with with_rating 0 a letter alone: the rating's (the
 * letter's) id, also for a key used before (nothing new is written: a
 * concurrent twin fails on the UNIQUE key and the caller's transaction
 * with it); RES_INVALID with fe (stars, comment, letter, contact, key);
 * RES_NOT_FOUND no unit has the token; RES_STORE. */
int64_t rating_submit_in_tx(struct ctx *c, const struct rating_input *in, int with_rating,
			    struct fielderr *fe);
/* The unit's rating token, made on first use: RES_DONE with *token;
 * RES_NOT_FOUND the unit is not the actor's; RES_STORE. */
int rating_token(struct ctx *c, int64_t unit_id, const char **token);
/* Every department and township without a rating token gets one (random,
 * as rating_token makes it), in one transaction: the count made, or
 * RES_STORE.  For the CLI (`qingfeng demo` into a database: the demo's
 * bytes are pinned, the tokens are not part of them), no actor. */
int rating_tokens_all(struct ctx *c);
/* The unit of a public token: RES_DONE with its id and name; RES_NOT_FOUND.
 * On a public instance (no sealing secret) the token is looked up in the
 * rating points the reply batch brought (public_points) and *unit_id is 0. */
int rating_token_unit(struct ctx *c, const char *token, int64_t *unit_id, const char **unit_name);
/* The public page of a unit: the `public_base_url` setting (config.c)
 * + "/p/rate/" + token, from the arena; NULL when the setting is empty
 * (the page then names a relative link and asks for the setting). */
const char *rating_url(struct ctx *c, const char *token);

/* A code as typed (spaces and dashes allowed) to its hash (hex, 65 bytes
 * with NUL): 0, or -1 when it is not 16 digits. */
int rating_code_hash(struct ctx *c, const char *typed, char hash[65]);
/* The code derived from key for purpose, shown in groups ("1234 5678 ..."). */
int rating_code_of(struct ctx *c, const char *purpose, const char *key, char out[RATING_CODE_SHOWN + 1]);
#define RATING_LETTER_CODE "rating-letter-code"
#define RATING_FOLLOWUP_CODE "rating-followup-code"

/* The lists, bounded by the actor's jurisdiction. */
int rating_list(struct ctx *c, struct rating_filter *f, struct rating **out, int64_t *total);
/* ratings and five-star ratings per unit for the filter's period */
int rating_units(struct ctx *c, struct rating_filter *f, struct rating_unit_row **out);

/* The days of a Unix time and of today as text, from the arena. */
const char *rating_day_of(struct ctx *c, int64_t t);

#endif
