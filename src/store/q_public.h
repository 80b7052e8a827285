#ifndef QF_STORE_Q_PUBLIC_H
#define QF_STORE_Q_PUBLIC_H
/*
 * q_public.h: the typed store calls of q_public.c: the public channel's
 * inbox and status (public side) and its imported items (intranet),
 * migration 0040.  Conventions of every store/q_*.h (docs/architecture.md,
 * "Store headers").
 */
#include <stdint.h>

#include "model/public.h"
#include "store/store.h"

struct arena;

int store_inbox_put(struct store *s, const char *region, const struct inbox_item *it);
/* At most limit uncollected items after seq `after`, in the order of
 * arrival: the count, array in a. */
int store_inbox_page(struct store *s, struct arena *a, int64_t after, int limit, struct inbox_item **out);
int store_inbox_delete(struct store *s, const char *id);

int store_pstatus_put(struct store *s, const char *region, const char *item_id, int bucket,
		      const char *code_hash, const char *day);
/* The rows of one bucket: the count, array in a. */
int store_pstatus_bucket(struct store *s, struct arena *a, int bucket, struct public_status **out);
/* Sets status and answer of an item: 1 changed, 0 no such item or the
 * same values already, < 0. */
int store_pstatus_set(struct store *s, const char *item_id, const char *status,
		      const char *answer, const char *day);

/* 1 when item_id was imported before, 0 when not, < 0. */
int store_pitem_seen(struct store *s, const char *item_id);
int store_pitem_put(struct store *s, const char *region, const struct public_item *it,
		    const char *imported_day);
int store_pitem_get(struct store *s, struct arena *a, const char *item_id, struct public_item *it);
/* The item a report came from: 1 found, 0 none, < 0. */
int store_pitem_of_report(struct store *s, struct arena *a, int64_t report_id,
			  struct public_item *it);
int store_pmsg_put(struct store *s, const char *region, const struct public_message *m);
/* A report's exchange (follow-ups and replies), oldest first: the count,
 * array in a. */
int store_pmsg_of_report(struct store *s, struct arena *a, int64_t report_id,
			 struct public_message **out);
/* Every imported item: the count, array in a. */
int store_pitem_all(struct store *s, struct arena *a, struct public_item **out);

/* Migration 0042 (ratings through the inbox), public side: a status row
 * of p->kind with its detail; the detail of an item (1 changed, 0 the
 * same or none, < 0); the rating points the reply batch brought (cleared
 * and put anew in the import's transaction); a submission's items by the
 * hash of its idempotency key (1 found, 0 none, < 0). */
int store_pstatus_put_as(struct store *s, const char *region, const struct public_status *p, int bucket);
int store_pstatus_detail(struct store *s, const char *item_id, const char *detail);
int store_ppoint_clear(struct store *s);
int store_ppoint_put(struct store *s, const char *region, const char *token, const char *unit_name);
int store_ppoint_get(struct store *s, struct arena *a, const char *token, const char **unit_name);
int store_psub_get(struct store *s, struct arena *a, const char *key_hash, struct public_submission *out);
int store_psub_put(struct store *s, const char *region, const char *key_hash,
		   const struct public_submission *p);
/* As store_psub_put, but a row with the same key_hash is not an error:
 * 1 added, 0 the key was taken (nothing written), < 0 the store failed. */
int store_psub_add(struct store *s, const char *region, const char *key_hash,
		   const struct public_submission *p);

/* Migration 0057: a rating key's digest appended with its arrival day
 * (0 or < 0); every digest of a day on or after `day`, in arrival order,
 * to each (the count, or < 0); the purge of rows before `before` as
 * store_psub_purge. */
int store_prkey_add(struct store *s, const char *digest, const char *day);
int64_t store_prkey_since(struct store *s, const char *day, void (*each)(const char *digest, void *arg),
			  void *arg);
int64_t store_prkey_purge(struct store *s, const char *before, int limit);

/* The purge (domain/public_purge.h): rows of public_submissions older
 * than the day `before`, or of public_status concluded (a final status)
 * before it; limit 0 counts them, else deletes at most limit of them:
 * the rows, or < 0. */
int64_t store_psub_purge(struct store *s, const char *before, int limit);
int64_t store_pstatus_purge(struct store *s, const char *before, int limit);
/* At most limit item ids of statuses not final, after `after` in id
 * order ("" first): the count, array in a. */
int store_pstatus_open(struct store *s, struct arena *a, const char *after, int limit, const char ***out);

#endif
