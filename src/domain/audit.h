#ifndef QF_AUDIT_H
#define QF_AUDIT_H
/*
 * audit: the append-only log of logins, failures, denials, reads of
 * protected records and all writes, each entry chained to the previous by
 * a MAC keyed outside the database (crypto.h audit_mac), so that whoever
 * can write the database file still cannot forge or silently edit the
 * chain.  The chained bytes are: the previous entry's MAC (hex) followed by
 * each field as "<byte length>:<bytes>" in column order, id included, so
 * no field can bleed into another.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/model.h"

struct ctx;
struct store;
struct qf_keys;

/* Appends one entry for c->who.  Must run inside the caller's write
 * transaction, so the entry commits (or not) with the write it records. */
int audit_append(struct ctx *c, const char *event, const char *object, int success,
		 const char *detail);
/* Same, in a transaction of its own (reads, denials, failed logins). */
int audit_record(struct ctx *c, const char *event, const char *object, int success,
		 const char *detail);

/* Walks the chain.  0 when every entry's MAC holds; 1 with *bad_id set and a
 * message naming the entry in msg when one does not; -1 on a store error. */
int audit_verify(struct store *s, const struct qf_keys *k, int64_t *bad_id, int64_t *count,
		 struct strbuf *msg);

/* Computes an entry's MAC (hex, 64 chars + NUL) from its fields and
 * prev_mac. */
void audit_entry_mac(const struct qf_keys *k, const struct audit_entry *e, char hex[65]);

/* One page of the log, newest first, and the count of all matches. */
struct list_query;
int audit_list(struct ctx *c, const struct list_query *lq, struct audit_entry **out, int64_t *total);

/* The Chinese label of an event code, for the audit page. */
const char *audit_event_label(const char *event);

#endif
