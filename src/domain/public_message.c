/*
 * public_message.c: a reporter's follow-ups (补充说明) through the public
 * channel (public_report.h).  The holder of a query code sends text that
 * is sealed like the report itself (inbox kind "message", its JSON naming
 * the report's item); on the intranet it is stored encrypted with the
 * field key, bound to its item, shown on the report's page and noted on
 * its timeline.  Nothing of it goes back to the public side: the reporter
 * sees the staff's replies (public_reply.c), not their own words.
 */
#include "domain/public_report.h"

#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/inbox.h"
#include "domain/result.h"
#include "model/public.h"
#include "store/q_clues.h"
#include "store/q_public.h"
#include "store/store.h"

QF_AUDIT_EVENT(PUBLIC_MESSAGE, "public_message", "收到网络举报人补充说明");

#define MESSAGE_MAX 2000

static const char *body_ad(struct ctx *c, const char *item_id)
{
	return arena_printf(c->a, "public_messages.body/%s", item_id);
}

int public_message_seal(struct ctx *c, const char *item_id, const char *text, struct strbuf *out)
{
	return field_encrypt(c->keys, body_ad(c, item_id), text, strlen(text), out);
}

struct message_arg {
	struct ctx *c;
	json_t *payload;
	struct fielderr *fe;
	char id[PUBLIC_ID_CHARS + 1];
};

static int message_tx(struct store *s, void *arg)
{
	struct message_arg *ma = arg;

	(void)s;
	return inbox_submit(ma->c, "message", ma->payload, ma->fe, ma->id) < 0 ? -1 : 0;
}

int public_message_submit(struct ctx *c, const char *code, const char *text, struct fielderr *fe)
{
	struct message_arg ma = { .c = c, .fe = fe };
	struct public_status row;
	int rc;

	if (!text || !*text)
		fielderr_add(fe, "message", "请填写补充说明");
	else
		fielderr_len(c->a, fe, "message", "补充说明", text, MESSAGE_MAX);
	if (fe->n)
		return RES_INVALID;
	rc = public_code_item(c, code, "report", &row);
	if (rc <= 0)
		return rc;
	ma.payload = json_pack("{s:s, s:I, s:s}", "item", row.item_id, "at", (json_int_t)c->now,
			       "text", text);
	if (!ma.payload)
		return RES_STORE;
	rc = store_tx(c->db, message_tx, &ma);
	json_decref(ma.payload);
	if (rc < 0)
		return fe->n ? RES_INVALID : RES_STORE;
	return 1;
}

/* The inbox kind "message" (intranet): stored with the report its item
 * became. */
static int accept_message(struct ctx *c, json_t *p, const char *item_id, struct fielderr *fe)
{
	const char *parent = json_string_value(json_object_get(p, "item"));
	const char *text = json_string_value(json_object_get(p, "text"));
	struct public_message m = { .item_id = item_id, .direction = "in" };
	struct public_item it;
	struct strbuf enc = STRBUF_INIT;
	char day[11];
	const char *obj;
	int rc;

	if (!parent || !text || !*text || strlen(text) > 4 * MESSAGE_MAX) {
		fielderr_add(fe, "item", "补充说明的内容不完整");
		return RES_INVALID;
	}
	rc = store_pitem_get(c->db, c->a, parent, &it);
	if (rc < 0)
		return RES_STORE;
	if (rc == 0 || !it.report_id) {
		fielderr_add(fe, "item", arena_printf(c->a, "补充说明所属的举报（条目 %s）尚未导入", parent));
		return RES_INVALID;
	}
	if (public_message_seal(c, item_id, text, &enc) < 0) {
		strbuf_release(&enc);
		return RES_STORE;
	}
	m.report_id = it.report_id;
	m.day = date_format(date_from_unix_cst(c->now), day);
	m.body = arena_strdup(c->a, enc.buf);
	strbuf_release(&enc);
	obj = arena_printf(c->a, "report/%lld", (long long)it.report_id);
	if (store_pmsg_put(c->db, c->cfg->region, &m) < 0 ||
	    store_timeline_add(c->db, c->cfg->region, obj, c->now, c->who.id, c->who.name,
			       "举报人补充说明", "网络举报：举报人凭查询码补充的说明见“答复网络举报人”") < 0 ||
	    audit_append(c, AEV_PUBLIC_MESSAGE, obj, 1, "") < 0)
		return RES_STORE;
	return 0;
}

static const struct inbox_kind message_kind = { "message", accept_message, NULL };
QF_REGISTER(inbox_kinds, &message_kind);

int public_messages(struct ctx *c, int64_t report_id, struct public_message **out)
{
	int n = store_pmsg_of_report(c->db, c->a, report_id, out);

	for (int i = 0; i < n; i++) {
		struct strbuf pt = STRBUF_INIT;
		if (field_decrypt(c->keys, body_ad(c, (*out)[i].item_id), (*out)[i].body, &pt) < 0) {
			strbuf_release(&pt);
			return RES_STORE;
		}
		(*out)[i].body = arena_strdup(c->a, pt.buf);
		strbuf_release(&pt);
	}
	return n < 0 ? RES_STORE : n;
}
