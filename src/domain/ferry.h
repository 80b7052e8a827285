#ifndef QF_FERRY_H
#define QF_FERRY_H
/*
 * ferry: the signed batches between the public instance and the intranet
 * (issue 13, docs/interchange.md "Ferry batches").  A batch is one file:
 *
 *   qingfeng-ferry 1 <kind> <128 hex digits: Ed25519 signature of the body>\n
 *   <body: one JSON object>
 *
 * kind "inbox" (public -> intranet): {"kind":"inbox","region":...,
 * "made":"YYYY-MM-DD","items":[{"id","kind","day","sealed"}...]}, the
 * sealed items not yet collected.  kind "replies" (intranet -> public):
 * {"kind":"replies",...,"items":[{"id","status","answer"}...]}, every item
 * the intranet imported: what its reporter may see, and the ids the
 * public side may now delete from its inbox.
 *
 * Export signs with this side's key (sign_secret); import checks the
 * other side's (peer_verify) before reading a byte of the body, and
 * applies the whole batch in one transaction.  Importing a batch again
 * changes nothing (items are keyed by their random ids).
 */
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

struct ctx;
struct json_t;
struct public_item;

struct ferry_counts {
	int items;      /* in the batch */
	int applied;    /* new (inbox) or updated (replies) */
	int skipped;    /* seen before (inbox) or unknown here (replies) */
};

/* Public side: an inbox batch into out, of the items after seq *after
 * (0 for the first), at most 256 MiB of sealed text (a larger single item
 * alone); *after becomes the last item's seq.  1 when items are left for
 * another batch (call again), 0 when this one ends the inbox, -1 with err. */
int ferry_export_inbox(struct ctx *c, int64_t *after, struct strbuf *out, struct strbuf *err);
/* Intranet: the reply batch into out.  0, or -1 with err. */
int ferry_export_replies(struct ctx *c, struct strbuf *out, struct strbuf *err);
/* What the reply batch carries for an item the intranet imported: its
 * status, the answer and (ratings) a detail object the caller owns.
 * 0, or < 0. */
int ferry_item_outcome(struct ctx *c, const struct public_item *it, const char **status,
		       const char **answer, struct json_t **detail);
/* One item's outcome into its public_status row (the status's day becomes
 * `day` when status or answer change): 1 changed, 0 the same or no such
 * row, < 0.  The reply batch's import, and the single-instance purge
 * (domain/public_purge.h), which has no reply batch. */
int ferry_status_apply(struct ctx *c, const char *id, const char *status, const char *answer,
		       struct json_t *detail, const char *day);
/* Either side: checks and applies a batch made by the other side (the
 * kind this side takes).  0 with the counts, or -1 with err (a signature
 * that does not verify, a batch of the wrong kind or region, an item the
 * intranet cannot accept: nothing applied). */
int ferry_import(struct ctx *c, const char *data, size_t len, struct ferry_counts *n,
		 struct strbuf *err);

#endif
