#ifndef QF_MODEL_PUBLIC_H
#define QF_MODEL_PUBLIC_H
/*
 * model/public.h: the records of the public channel (issue 13): a sealed
 * item of the public side's inbox, what a reporter may see of it, and the
 * intranet's record of an imported item.  Strings live in the arena of
 * whoever filled the struct.
 */
#include <stdint.h>

#define PUBLIC_ID_CHARS 36      /* a random UUID, 8-4-4-4-12 hex */

/* public_inbox: one sealed submission, until collected. */
struct inbox_item {
	const char *id, *kind, *day;
	const char *sealed;         /* base64 of crypto_box_seal(JSON) */
	int64_t seq;                /* the order of arrival (public_inbox.seq) */
};

/* public_status: what the holder of the query code sees. */
struct public_status {
	const char *item_id;
	const char *code_hash;      /* Argon2id string of the query code */
	const char *status;         /* received, accepted, handling, concluded */
	const char *answer;         /* the handler's replies, each after its day ("" none) */
	const char *day;            /* last change */
	const char *kind;           /* report, letter, review (migration 0042) */
	const char *detail;         /* JSON of the days the citizen may see ("" none) */
};

/* public_submissions (0042, where the page runs): the items one page's
 * idempotency key made, so a retry is answered from them. */
struct public_submission {
	const char *item_id;        /* the rating's item (or the lone letter's) */
	const char *letter_item;    /* the letter's item beside a rating ("" none) */
	int review;                 /* 1: the rating opened a bad review */
	const char *day;            /* the day it was taken */
};

/* public_items (intranet): an item imported once. */
struct public_item {
	const char *item_id, *kind, *day;
	int64_t report_id;          /* 0 when the kind made no report */
};

/* public_messages (intranet): the exchange on a report from the public
 * channel. */
struct public_message {
	int64_t report_id;
	const char *direction;      /* "in": the reporter's follow-up; "out": a reply */
	const char *item_id;        /* the item that carried it (in), a random id (out) */
	const char *day;
	const char *body;           /* encrypted (field key, bound to item_id);
				     * clear text once read by the domain */
};

#endif
