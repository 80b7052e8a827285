/*
 * public_reply.c: what flows back to a reporter of the public channel
 * (public_report.h): the status of the report an item became, read from
 * the report itself, and the handler's replies, which staff write on the
 * report's page.  A reply is a row of public_messages (direction "out",
 * a random id of its own that its ciphertext is bound to), encrypted at
 * rest on the intranet like the reporter's follow-ups; the replies go to
 * the public side in the clear inside a signed reply batch, since showing
 * them is their purpose.
 */
#include "domain/public_report.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/strbuf.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/inbox.h"
#include "domain/report.h"
#include "domain/result.h"
#include "model/public.h"
#include "store/q_clues.h"
#include "store/q_public.h"
#include "store/q_reports.h"
#include "store/store.h"

QF_AUDIT_EVENT(PUBLIC_REPLY, "public_reply", "答复网络举报人");

#define REPLY_MAX 2000

/* The replies of a report as the reporter reads them: each after its day,
 * oldest first, in an arena string ("" none); NULL when they do not open. */
static const char *answer_text(struct ctx *c, int64_t report_id)
{
	struct public_message *m;
	struct strbuf sb = STRBUF_INIT;
	const char *out;
	int n = public_messages(c, report_id, &m);

	if (n < 0)
		return NULL;
	for (int i = 0; i < n; i++) {
		if (strcmp(m[i].direction, "out"))
			continue;
		if (sb.len)
			strbuf_addstr(&sb, "\n\n");
		strbuf_addf(&sb, "%s：%s", m[i].day, m[i].body);
	}
	out = arena_strdup(c->a, sb.len ? sb.buf : "");
	strbuf_release(&sb);
	return out;
}

int public_outcome(struct ctx *c, const char *item_id, const char **status, const char **answer)
{
	struct public_item it;
	struct report k;
	int rc = store_pitem_get(c->db, c->a, item_id, &it);

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
	*answer = answer_text(c, it.report_id);
	return *answer ? 0 : RES_STORE;
}

int public_report_is_public(struct ctx *c, int64_t report_id)
{
	struct public_item it;
	int rc = store_pitem_of_report(c->db, c->a, report_id, &it);

	return rc < 0 ? RES_STORE : rc;
}

struct reply_arg {
	struct ctx *c;
	struct public_message m;
};

static int reply_tx(struct store *s, void *arg)
{
	struct reply_arg *ra = arg;
	const char *obj = arena_printf(ra->c->a, "report/%" PRId64, ra->m.report_id);

	if (store_pmsg_put(s, ra->c->cfg->region, &ra->m) < 0 ||
	    store_timeline_add(s, ra->c->cfg->region, obj, ra->c->now, ra->c->who.id, ra->c->who.name,
			       "答复举报人", "网络举报：答复经摆渡送达举报人查询页面") < 0)
		return -1;
	return audit_append(ra->c, AEV_PUBLIC_REPLY, obj, 1, "");
}

int public_reply_add(struct ctx *c, int64_t report_id, const char *text, struct fielderr *fe)
{
	struct reply_arg ra = { .c = c };
	struct strbuf enc = STRBUF_INIT;
	char id[PUBLIC_ID_CHARS + 1], day[11];
	struct report k;
	int rc = report_get(c, report_id, &k);

	if (rc != RES_DONE)
		return rc;
	rc = public_report_is_public(c, report_id);
	if (rc < 0)
		return RES_STORE;
	if (rc == 0)
		fielderr_add(fe, "reply", "此举报不是网络举报，没有可答复的网上举报人");
	else if (!text || !*text)
		fielderr_add(fe, "reply", "请填写答复内容");
	else
		fielderr_len(c->a, fe, "reply", "答复内容", text, REPLY_MAX);
	if (fe->n)
		return RES_INVALID;
	inbox_new_id(id);
	if (public_message_seal(c, id, text, &enc) < 0) {
		strbuf_release(&enc);
		return RES_STORE;
	}
	ra.m.report_id = report_id;
	ra.m.direction = "out";
	ra.m.item_id = arena_strdup(c->a, id);
	ra.m.day = arena_strdup(c->a, date_format(date_from_unix_cst(c->now), day));
	ra.m.body = arena_strdup(c->a, enc.buf);
	strbuf_release(&enc);
	return store_tx(c->db, reply_tx, &ra) < 0 ? RES_STORE : RES_DONE;
}
