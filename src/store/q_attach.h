#ifndef QF_STORE_Q_ATTACH_H
#define QF_STORE_Q_ATTACH_H
/*
 * q_attach.h: the attachments table (migration 0029).  Conventions of
 * store/q_*.h (docs/architecture.md).
 */
#include <stdint.h>

#include "model/attach.h"
#include "store/store.h"

struct arena;

/* Inserts a (id ignored); its id or < 0. */
int64_t store_attach_put(struct store *s, const struct attachment *a);
/* 1 found, 0 not, < 0 error. */
int store_attach_get(struct store *s, struct arena *a, int64_t id, struct attachment *out);
/* A record's attachments, oldest first (withdrawn ones too): the count or < 0. */
int store_attach_list(struct store *s, struct arena *a, const char *obj_type, int64_t obj_id,
		      struct attachment **out);
/* Marks one withdrawn (only a current one): rows changed (0 or 1) or < 0. */
int store_attach_withdraw(struct store *s, int64_t id, int64_t now, const char *who,
			  const char *reason);
#endif
