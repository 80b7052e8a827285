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
#include "domain/audit_events.h"
#include "domain/labels.h"
#include "model/audit.h"

struct ctx;
struct store;
struct qf_keys;
struct arena;

/* Appends one entry for c->who.  Must run inside the caller's write
 * transaction, so the entry commits (or not) with the write it records. */
int audit_append(struct ctx *c, const struct audit_event *event, const char *object, int success,
		 const char *detail);
/* Same, in a transaction of its own (reads, denials, failed logins). */
int audit_record(struct ctx *c, const struct audit_event *event, const char *object, int success,
		 const char *detail);

/* The events of no record family (audit.c); each family declares its own
 * in its header (audit_events.h). */
QF_AUDIT_EVENT_DECL(ACCESS_DENIED);
QF_AUDIT_EVENT_DECL(CSRF_REJECTED);
QF_AUDIT_EVENT_DECL(READ);
QF_AUDIT_EVENT_DECL(CREATE);
QF_AUDIT_EVENT_DECL(UPDATE);
QF_AUDIT_EVENT_DECL(CONFIG);
QF_AUDIT_EVENT_DECL(BACKUP);
QF_AUDIT_EVENT_DECL(RESTORE);
QF_AUDIT_EVENT_DECL(AUDIT_CHECKPOINT_RESET);
QF_AUDIT_EVENT_DECL(INIT);

/*
 * The checkpoint (audit_ckpt.c): the number of entries and the MAC of the
 * last one, kept outside the database in a file (by default "<key
 * file>.audit", mode 0600, replaced atomically) and written to the system
 * log (LOG_AUTHPRIV), so that deleting the newest entries, or all of them,
 * is noticed by audit_verify.  count 0 with an empty mac: no entries.
 */
struct audit_ckpt {
	int64_t count;
	char mac[65];
};

/* Reads a checkpoint file: 1 read, 0 no such file, -1 unreadable or
 * malformed (message in msg). */
int audit_ckpt_read(const char *path, struct audit_ckpt *ck, struct strbuf *msg);

/* Moves the checkpoint in path forward to the log's newest entry, under
 * an exclusive lock of its folder: only when every entry after the
 * checkpointed one chains from it (each MAC checked), so a truncated or
 * rewritten log is never taken for the new checkpoint, and never
 * backwards (several servers on one database share a file or keep their
 * own).  force (init, `audit checkpoint --reset`): the head as it is,
 * whatever the file held.  Each move writes one syslog line.  1 moved, 0
 * nothing new, -1 with msg naming what does not hold (or an I/O error);
 * *now gets the checkpoint in force afterwards when not NULL. */
int audit_checkpoint(struct store *s, const struct qf_keys *k, const char *path, int force,
		     struct audit_ckpt *now, struct strbuf *msg);

/* The checkpoint reset after a deliberate restore of an older database
 * (`audit checkpoint --reset`, and for a restore command): the chain must
 * verify on its own; then an audit entry "audit_checkpoint_reset"
 * ("checkpoint <old> -> <new> entries") is appended for c->who, and the
 * checkpoint forced to the head that includes it (one syslog line).  1,
 * or -1 with msg. */
int audit_checkpoint_reset(struct ctx *c, const char *path, struct audit_ckpt *now,
			   struct strbuf *msg);

/* Walks the chain.  0 when every entry's MAC holds and, with a checkpoint
 * ck (may be NULL), the log reaches it with the same MAC at its position;
 * 1 with *bad_id set (the first entry missing when the log is shorter than
 * the checkpoint) and a message naming the entry in msg when not; -1 on a
 * store error.  An entry whose stored text holds a NUL byte fails. */
int audit_verify(struct store *s, const struct qf_keys *k, const struct audit_ckpt *ck,
		 int64_t *bad_id, int64_t *count, struct strbuf *msg);

/* A walk along the chain from the entry after prev_id, whose MAC is prev
 * ("" before the first), checking ids, links and MACs (and, with ck, the
 * MAC at the checkpoint's position): 0 all hold, 1 the first that does
 * not in bad_id and msg, -1 a store error.  Leaves the last good entry in
 * prev_id and prev, and the number of entries read in count. */
struct audit_walk {
	const struct qf_keys *k;
	const struct audit_ckpt *ck;
	char prev[65];
	int64_t prev_id;
	int64_t count;
	int64_t bad_id;
	struct strbuf *msg;
};
int audit_walk(struct store *s, struct audit_walk *w);

/* Computes an entry's MAC (hex, 64 chars + NUL) from its fields and
 * prev_mac. */
void audit_entry_mac(const struct qf_keys *k, const struct audit_entry *e, char hex[65]);

/* One page of the log, newest first, and the count of all matches. */
int audit_list(struct ctx *c, struct audit_filter *f, struct audit_entry **out, int64_t *total);

/* The Chinese label of a stored event code, for the audit page; the code
 * itself when no registered event has it (never, for a log this build
 * wrote). */
const char *audit_event_label(const char *code);
/* The registered events sorted by code, in a (for a select or a
 * datalist); their number. */
int audit_event_list(struct arena *a, const struct audit_event *const **out);
/* The Chinese name of the object an entry names: the record type of a
 * "<type>/<id>" object ("report/12": 信访举报) or a whole object
 * ("interchange"), as each file registers them (QF_AUDIT_OBJECT); NULL
 * when none is registered. */
const char *audit_object_label(struct arena *a, const char *object);
/* The Chinese words of a stored reason (audit_reasons.c: the refusals and
 * failures the code records in English, "from DAY" and the like); the
 * reason as stored when the table has none (in a, or detail itself). */
const char *audit_reason_label(struct arena *a, const char *detail);

#endif
