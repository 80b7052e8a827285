#ifndef QF_INBOX_H
#define QF_INBOX_H
/*
 * inbox: the public channel's items (issue 13).  On the public side a
 * submission is sealed at once to the intranet's key (crypto_box_seal of
 * its JSON) and stored in public_inbox under a random id, with its kind
 * and day only; that side cannot open it.  On the intranet (the ferry's
 * import, or in process in single-instance mode) an item is opened and
 * handed to the handler of its kind, registered by the kind's own file:
 *
 *   static const struct inbox_kind k = { "report", accept_report, NULL };
 *   QF_REGISTER(inbox_kinds, &k);
 *
 * accept runs inside the caller's write transaction on c->db with the
 * opened JSON (payload, borrowed) and the item's id; it answers the id of
 * the report it made (> 0), 0 when it made none (a rating), RES_INVALID
 * with messages in fe, RES_STORE.  It runs as the actor "public" (id 0,
 * role "public"): the records it makes are the public channel's.  An
 * item id is accepted at most once
 * (public_items): a batch imported twice changes nothing.
 */
#include <jansson.h>

#include "core/registry.h"
#include "domain/fielderr.h"
#include "model/public.h"

struct ctx;

struct inbox_kind {
	const char *name;
	int (*accept)(struct ctx *c, json_t *payload, const char *item_id, struct fielderr *fe);
	/* optional: what flows back for an item of this kind in the reply
	 * batch (intranet): its status (public_statuses), answer and a
	 * detail object (*detail, new reference, or NULL); 0 or RES_STORE.
	 * NULL: public_outcome (the report the item became). */
	int (*outcome)(struct ctx *c, const struct public_item *it, const char **status,
		       const char **answer, json_t **detail);
};
QF_SET(inbox_kinds, const struct inbox_kind);

/* The registered kind of that name, or NULL. */
const struct inbox_kind *inbox_kind_find(const char *name);

/* A new random item id (UUID version 4 text). */
void inbox_new_id(char out[PUBLIC_ID_CHARS + 1]);

/* Inside a write transaction: seals payload (borrowed) to the intranet's
 * key (c->keys->seal_pk) and stores it as item id of kind, dated today;
 * *stored gets the row (arena strings).  0, or RES_STORE (also without a
 * sealing key, logged). */
int inbox_put(struct ctx *c, const char *id, const char *kind, json_t *payload,
	      struct inbox_item *stored);

/* Inside a write transaction: a new submission of kind with payload
 * under a fresh id (in id): inbox_put, and in single-instance mode (the
 * key file holds the sealing secret) the ferry made internal: the same
 * inbox_accept an import runs, then the item collected at once.  0,
 * RES_INVALID (the handler refused it, messages in fe), RES_STORE. */
int inbox_submit(struct ctx *c, const char *kind, json_t *payload, struct fielderr *fe,
		 char id[PUBLIC_ID_CHARS + 1]);

/* inbox_submit under an id the caller drew (inbox_new_id): the ratings'
 * group writer names its item before the group's ratings are applied. */
int inbox_submit_as(struct ctx *c, const char *id, const char *kind, json_t *payload,
		    struct fielderr *fe);

/* Inside a write transaction on the intranet: opens it (c->keys->seal_sk)
 * and accepts it, unless its id was seen before.  1 accepted, 0 skipped
 * (seen), RES_INVALID (it does not open, an unknown kind, or the handler
 * refused it: the reason in fe under "item"), RES_STORE. */
int inbox_accept(struct ctx *c, const struct inbox_item *it, struct fielderr *fe);

#endif
