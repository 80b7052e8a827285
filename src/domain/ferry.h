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

#include "core/strbuf.h"

struct ctx;

struct ferry_counts {
	int items;      /* in the batch */
	int applied;    /* new (inbox) or updated (replies) */
	int skipped;    /* seen before (inbox) or unknown here (replies) */
};

/* Public side: the inbox batch into out.  0, or -1 with err. */
int ferry_export_inbox(struct ctx *c, struct strbuf *out, struct strbuf *err);
/* Intranet: the reply batch into out.  0, or -1 with err. */
int ferry_export_replies(struct ctx *c, struct strbuf *out, struct strbuf *err);
/* Either side: checks and applies a batch made by the other side (the
 * kind this side takes).  0 with the counts, or -1 with err (a signature
 * that does not verify, a batch of the wrong kind or region, an item the
 * intranet cannot accept: nothing applied). */
int ferry_import(struct ctx *c, const char *data, size_t len, struct ferry_counts *n,
		 struct strbuf *err);

#endif
