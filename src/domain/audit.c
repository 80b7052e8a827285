/*
 * audit.c: appending to and verifying the MAC-chained audit log.
 *
 * Guarantees: an entry is written in the same transaction as the change it
 * records (audit_append) or in its own (audit_record); its MAC covers its
 * id and the previous MAC, so an altered, inserted, deleted or reordered
 * row breaks verification at that row.  Removing the newest entries
 * leaves a shorter valid chain: the chain alone cannot show truncation,
 * the checkpoint kept outside the database does (audit_ckpt.c,
 * docs/security.md).  A row whose stored text holds a NUL byte fails, as
 * the bytes after it are outside the MAC.  Serialisation of writers comes
 * from the write transaction (SQLite BEGIN IMMEDIATE).
 */
#include "domain/audit.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "domain/ctx.h"
#include "domain/labels.h"
#include "store/q_audit.h"

static void add_field(struct strbuf *sb, const char *s)
{
	strbuf_addf(sb, "%zu:", strlen(s ? s : ""));
	strbuf_addstr(sb, s ? s : "");
}

static void add_int(struct strbuf *sb, int64_t v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%" PRId64, v);
	add_field(sb, buf);
}

void audit_entry_mac(const struct qf_keys *k, const struct audit_entry *e, char hex[65])
{
	struct strbuf sb = STRBUF_INIT;
	unsigned char mac[QF_MAC_BYTES];

	strbuf_addstr(&sb, e->prev_mac ? e->prev_mac : "");
	add_int(&sb, e->id);
	add_field(&sb, e->region);
	add_int(&sb, e->at);
	add_int(&sb, e->user_id);
	add_field(&sb, e->user_name);
	add_field(&sb, e->role);
	add_field(&sb, e->event);
	add_field(&sb, e->object);
	add_int(&sb, e->success);
	add_field(&sb, e->detail);
	add_field(&sb, e->ip);
	audit_mac(k, sb.buf, sb.len, mac);
	hex_encode(mac, sizeof(mac), hex);
	strbuf_release(&sb);
}

int audit_append(struct ctx *c, const struct audit_event *event, const char *object, int success,
		 const char *detail)
{
	struct audit_entry e = { 0 };
	char hex[65];
	int64_t last_id;
	const char *last_mac;

	if (store_audit_last(c->db, c->a, &last_id, &last_mac) < 0)
		return -1;
	e.id = last_id + 1;
	e.region = c->cfg->region;
	e.at = c->now;
	e.user_id = c->who.id;
	e.user_name = c->who.name ? c->who.name : "-";
	e.role = c->who.role ? c->who.role : "";
	e.event = event ? event->code : NULL;   /* NULL: the NOT NULL column refuses */
	e.object = object ? object : "";
	e.success = success;
	e.detail = detail ? detail : "";
	e.ip = c->who.ip ? c->who.ip : "";
	e.prev_mac = last_mac;
	audit_entry_mac(c->keys, &e, hex);
	e.mac = hex;
	return store_audit_insert(c->db, &e) < 0 ? -1 : 0;
}

struct record_arg {
	struct ctx *c;
	const struct audit_event *event;
	const char *object, *detail;
	int success;
};

static int record_tx(struct store *s, void *arg)
{
	struct record_arg *ra = arg;

	/* the entry alone: no data a page shows changes (the data's version and
	 * store_commits stay, so a read's entry keeps the lists kept,
	 * pages/list_kept.c, and the kept counts, todo.c) */
	store_tx_nodata(s);
	return audit_append(ra->c, ra->event, ra->object, ra->success, ra->detail);
}

int audit_record(struct ctx *c, const struct audit_event *event, const char *object, int success,
		 const char *detail)
{
	struct record_arg ra = { c, event, object, detail, success };
	return store_tx(c->db, record_tx, &ra) < 0 ? -1 : 0;
}

static int verify_one(void *arg, const struct audit_entry *e)
{
	struct audit_walk *va = arg;
	char hex[65];
	struct audit_entry x = *e;

	va->count++;
	if (e->malformed) {
		va->bad_id = e->id;
		strbuf_addf(va->msg, "audit entry %" PRId64 ": a field holds a NUL byte or a value "
			    "of the wrong type (bytes outside the MAC)", e->id);
		return 1;
	}
	if (e->id != va->prev_id + 1) {
		va->bad_id = e->id;
		strbuf_addf(va->msg, "audit entry %" PRId64 ": expected id %" PRId64
			    " (entries missing or reordered)", e->id, va->prev_id + 1);
		return 1;
	}
	if (strcmp(e->prev_mac, va->prev)) {
		va->bad_id = e->id;
		strbuf_addf(va->msg, "audit entry %" PRId64 ": does not follow the previous entry",
			    e->id);
		return 1;
	}
	x.prev_mac = va->prev;
	audit_entry_mac(va->k, &x, hex);
	if (!e->mac || ct_streq(hex, e->mac) != 0) {
		va->bad_id = e->id;
		strbuf_addf(va->msg, "audit entry %" PRId64 ": MAC mismatch (entry altered)", e->id);
		return 1;
	}
	if (va->ck && e->id == va->ck->count && strcmp(hex, va->ck->mac)) {
		va->bad_id = e->id;
		strbuf_addf(va->msg, "audit entry %" PRId64 ": differs from the checkpoint (the log "
			    "was rewritten up to this entry)", e->id);
		return 1;
	}
	memcpy(va->prev, hex, sizeof(hex));
	va->prev_id = e->id;
	return 0;
}

int audit_walk(struct store *s, struct audit_walk *w)
{
	struct arena *a = arena_new(4096);
	int rc = store_audit_each(s, a, w->prev_id, verify_one, w);

	arena_free(a);
	if (rc < 0)
		return -1;
	return rc ? 1 : 0;
}

int audit_verify(struct store *s, const struct qf_keys *k, const struct audit_ckpt *ck,
		 int64_t *bad_id, int64_t *count, struct strbuf *msg)
{
	struct audit_walk va = { .k = k, .msg = msg, .ck = ck };
	int rc;

	rc = audit_walk(s, &va);
	*bad_id = va.bad_id;
	*count = va.count;
	if (rc == 0 && ck && va.prev_id < ck->count) {
		*bad_id = va.prev_id + 1;
		strbuf_addf(msg, "the log ends at entry %" PRId64 " but the checkpoint has %" PRId64
			    " entries: entries %" PRId64 " to %" PRId64 " are missing (deleted)",
			    va.prev_id, ck->count, va.prev_id + 1, ck->count);
		rc = 1;
	}
	return rc;
}

/* Unix time of 00:00 CST of a YYYY-MM-DD date, 0 when empty or invalid. */
static int64_t day_start(const char *s)
{
	qf_day d = s ? date_parse(s) : QF_DAY_NONE;
	return d == QF_DAY_NONE ? 0 : (int64_t)d * 86400 - 8 * 3600;
}

int audit_list(struct ctx *c, struct audit_filter *f, struct audit_entry **out, int64_t *total)
{
	/* the days in China Standard Time, the last one included */
	f->from_at = day_start(f->day_from);
	f->to_at = day_start(f->day_to) ? day_start(f->day_to) + 86400 : 0;
	*total = store_audit_count(c->db, f);
	if (*total < 0)
		return -1;
	return store_audit_list(c->db, c->a, f, out);
}

/* ---- the events and objects of no record family ----------------------------------- */

QF_AUDIT_EVENT(ACCESS_DENIED, "access_denied", "越权访问被拒绝");
QF_AUDIT_EVENT(CSRF_REJECTED, "csrf_rejected", "跨站请求被拒绝");
QF_AUDIT_EVENT(READ, "read", "查阅");
QF_AUDIT_EVENT(CREATE, "create", "新增");
QF_AUDIT_EVENT(UPDATE, "update", "修改");
QF_AUDIT_EVENT(CONFIG, "config", "修改系统设置");
QF_AUDIT_EVENT(BACKUP, "backup", "备份");
QF_AUDIT_EVENT(RESTORE, "restore", "恢复");
QF_AUDIT_EVENT(AUDIT_CHECKPOINT_RESET, "audit_checkpoint_reset", "重置审计检查点");
QF_AUDIT_EVENT(INIT, "init", "初始化");

QF_AUDIT_OBJECT(database, "数据库");
QF_AUDIT_OBJECT(settings, "系统设置");
QF_AUDIT_OBJECT(audit, "审计日志");

const char *audit_event_label(const char *code)
{
	QF_FOREACH(audit_events, const struct audit_event, e)
		if (code && !strcmp((*e)->code, code))
			return (*e)->label;
	return code;
}

static int by_code(const void *pa, const void *pb)
{
	const struct audit_event *const *a = pa, *const *b = pb;
	return strcmp((*a)->code, (*b)->code);
}

int audit_event_list(struct arena *a, const struct audit_event *const **out)
{
	int n;

	/* the codes are unique (test_labels), so the order is total */
	*out = QF_SORTED(a, audit_events, by_code, &n);
	return n;
}

const char *audit_object_label(struct arena *a, const char *object)
{
	const char *slash = object ? strchr(object, '/') : NULL;
	const char *type = slash ? arena_strndup(a, object, (size_t)(slash - object)) : object;

	QF_FOREACH(audit_objects, const struct label, l)
		if (type && !strcmp((*l)->code, type))
			return (*l)->label;
	return NULL;
}
