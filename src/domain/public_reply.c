/*
 * public_reply.c: what flows back to a reporter of the public channel
 * (public_report.h): the status of the report an item became, read from
 * the report itself, and the handler's reply, which staff write on the
 * report's page.  The reply is encrypted at rest on the intranet (field
 * key, bound to the report); it is sent to the public side in the clear
 * inside a signed reply batch, since showing it is its purpose.
 */
#include "domain/public_report.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/text.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/report.h"
#include "domain/result.h"
#include "store/q_public.h"
#include "store/q_reports.h"
#include "store/q_clues.h"
#include "store/store.h"

QF_AUDIT_EVENT(PUBLIC_REPLY, "public_reply", "答复网络举报人");

static const char *reply_ad(struct ctx *c, int64_t report_id)
{
	return arena_printf(c->a, "public_items.reply/%" PRId64, report_id);
}

/* The clear text of an item's reply: NULL for none or one that does not
 * open (-1 in *failed). */
static const char *reply_text(struct ctx *c, const struct public_item *it, int *failed)
{
	struct strbuf out = STRBUF_INIT;
	const char *v = NULL;

	if (!it->reply || !*it->reply)
		return NULL;
	if (field_decrypt(c->keys, reply_ad(c, it->report_id), it->reply, &out) < 0)
		*failed = 1;
	else
		v = arena_strdup(c->a, out.buf);
	strbuf_release(&out);
	return v;
}

int public_outcome(struct ctx *c, const char *item_id, const char **status, const char **answer)
{
	struct public_item it;
	struct report k;
	int rc = store_pitem_get(c->db, c->a, item_id, &it), failed = 0;
	const char *reply;

	*status = "received";
	*answer = "";
	if (rc <= 0 || !it.report_id)
		return rc < 0 ? RES_STORE : 0;
	rc = store_report_get(c->db, c->a, it.report_id, &k);
	if (rc <= 0)
		return rc < 0 ? RES_STORE : 0;
	if (!strcmp(k.state, "accepted"))
		*status = k.clue_id ? "handling" : "accepted";
	else if (!strcmp(k.state, "registered"))
		*status = "received";
	else
		*status = k.state;      /* concluded, not_accepted, transferred */
	reply = reply_text(c, &it, &failed);
	if (failed)
		return RES_STORE;
	*answer = reply ? reply : "";
	return 0;
}

int public_reply_get(struct ctx *c, int64_t report_id, const char **reply)
{
	struct public_item it;
	int rc = store_pitem_of_report(c->db, c->a, report_id, &it), failed = 0;

	*reply = NULL;
	if (rc <= 0)
		return rc < 0 ? RES_STORE : 0;
	*reply = reply_text(c, &it, &failed);
	return failed ? RES_STORE : 1;
}

struct reply_arg {
	struct ctx *c;
	int64_t id;
	const char *enc;
};

static int reply_tx(struct store *s, void *arg)
{
	struct reply_arg *ra = arg;
	const char *obj = arena_printf(ra->c->a, "report/%" PRId64, ra->id);

	if (store_pitem_set_reply(s, ra->id, ra->enc) < 0 ||
	    store_timeline_add(s, ra->c->cfg->region, obj, ra->c->now, ra->c->who.id, ra->c->who.name,
			       "答复举报人", "网络举报：答复内容经摆渡送达举报人查询页面") < 0)
		return -1;
	return audit_append(ra->c, AEV_PUBLIC_REPLY, obj, 1, "");
}

int public_reply_set(struct ctx *c, int64_t report_id, const char *text, struct fielderr *fe)
{
	struct reply_arg ra = { .c = c, .id = report_id };
	struct strbuf enc = STRBUF_INIT;
	struct report k;
	const char *old;
	int rc = report_get(c, report_id, &k);

	if (rc != RES_DONE)
		return rc;
	rc = public_reply_get(c, report_id, &old);
	if (rc < 0)
		return RES_STORE;
	if (rc == 0)
		fielderr_add(fe, "reply", "此举报不是网络举报，没有可答复的网上举报人");
	else if (!text || !*text)
		fielderr_add(fe, "reply", "请填写答复内容");
	else
		fielderr_len(c->a, fe, "reply", "答复内容", text, 2000);
	if (fe->n)
		return RES_INVALID;
	if (field_encrypt(c->keys, reply_ad(c, report_id), text, strlen(text), &enc) < 0) {
		strbuf_release(&enc);
		return RES_STORE;
	}
	ra.enc = arena_strdup(c->a, enc.buf);
	strbuf_release(&enc);
	return store_tx(c->db, reply_tx, &ra) < 0 ? RES_STORE : RES_DONE;
}
