#ifndef QF_PUBLIC_REPORT_H
#define QF_PUBLIC_REPORT_H
/*
 * public_report: reports from the public channel (issue 13).  A citizen's
 * report is sealed into the public inbox with a 16-digit query code that
 * is shown once and kept only as an Argon2id hash (with a 20-bit bucket of
 * an unkeyed hash to find it: docs/security.md has the arithmetic).  On
 * the intranet it becomes a report of the reports family (channel online)
 * in the intake clerk's queue; what flows back is its status and the
 * handler's reply.  In single-instance mode (the key file holds the
 * sealing secret) the item is opened and accepted in the same transaction
 * that stores it, through the very path the ferry's import takes.
 */
#include <stddef.h>
#include <stdint.h>

#include "domain/fielderr.h"
#include "domain/labels.h"

struct ctx;

#define PUBLIC_CODE_DIGITS 16

/* Files a citizen attaches: at most PUBLIC_FILES_MAX, each at most the
 * setting public_file_max, of a type office/filetype.h accepts (by
 * content).  They travel inside the sealed item and become attachments of
 * the report on the intranet (domain/attach.h), served to staff only as
 * downloads. */
#define PUBLIC_FILES_MAX 5

struct public_file {
	const char *name;       /* as uploaded */
	const void *data;
	size_t len;
};

struct public_report_input {
	int real_name;
	const struct public_file *files;
	int n_files;
	const char *reporter, *contact;  /* real-name only */
	const char *unit, *person;       /* whom it concerns, free text */
	const char *summary;             /* what happened */
};

/* Checks and stores a submission: 1 with the query code in code (shown
 * once, never stored in clear); RES_INVALID with messages in fe;
 * RES_STORE. */
int public_report_submit(struct ctx *c, const struct public_report_input *in, struct fielderr *fe,
			 char code[PUBLIC_CODE_DIGITS + 1]);

/* The status row of kind ("report"; "letter", "review": the ratings') of
 * the item the code belongs to: 1 found (in row), 0 no such code, RES_STORE.  Spaces and dashes in code are ignored; costs one
 * Argon2id per item in the code's bucket. */
struct public_status;
int public_code_item(struct ctx *c, const char *code, const char *kind, struct public_status *row);
/* A code as typed to its 20-bit bucket and Argon2id hash (hash holds
 * QF_PWHASH_MAX bytes), for a status row of another kind (the ratings'
 * codes, domain/public_rating.c): 0, or -1 (not 16 digits, or hashing
 * failed). */
int public_code_hash(const char *text, int *bucket, char *hash);

/* What the holder of code may see: 1 with the status code
 * (public_statuses) and the answer ("" none), 0 no such code, RES_STORE.
 * Spaces and dashes in code are ignored.  Costs one Argon2id per item in
 * the code's bucket. */
int public_report_query(struct ctx *c, const char *code, const char **status, const char **answer);

/* The status the reporter of the report made from item sees now, and the
 * handler's replies as one text, each after its day (intranet: the reply
 * batch, and single-instance queries).  0, or RES_STORE. */
int public_outcome(struct ctx *c, const char *item_id, const char **status, const char **answer);

/* 1 when the report came from the public channel, 0 when not, RES_STORE. */
int public_report_is_public(struct ctx *c, int64_t report_id);
/* Adds a reply to its reporter (at most 2000 characters; the reporter
 * reads every reply, each after its day): RES_DONE; RES_INVALID with fe
 * (also for a report not from the public channel); RES_NOT_FOUND (absent
 * or not visible); RES_STORE.  Encrypted at rest, on the timeline and
 * audited, one transaction. */
int public_reply_add(struct ctx *c, int64_t report_id, const char *text, struct fielderr *fe);

/* A follow-up (补充说明, at most 2000 characters) from the holder of code
 * to the report its item became, sealed like the report: 1 sent; 0 no
 * such code; RES_INVALID with fe; RES_STORE. */
int public_message_submit(struct ctx *c, const char *code, const char *text, struct fielderr *fe);
/* The exchange on a report (the reporter's follow-ups and the replies),
 * oldest first, in clear (the caller has read the report: report_get, or
 * is the ferry): their count, RES_STORE. */
struct public_message;
int public_messages(struct ctx *c, int64_t report_id, struct public_message **out);
/* Encrypts a message's text bound to its id (field key) into out: 0 or -1. */
struct strbuf;
int public_message_seal(struct ctx *c, const char *item_id, const char *text, struct strbuf *out);

/* received, accepted, handling, concluded, not_accepted, transferred;
 * a bad review's open, called_back, fixed (the ratings' status rows) */
extern const struct label public_statuses[];

#endif
