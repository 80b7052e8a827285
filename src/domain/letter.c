/*
 * letter.c: the letters (群众信件) of the rating page (domain/letter.h):
 * the insert inside a submission's transaction, the staff steps received
 * -> accepted -> concluded, the citizen's view by code, the list, and
 * the statistics letters_received and letters_concluded.
 *
 * Guarantees: the code is stored only as a keyed hash; the contact only
 * encrypted, bound to the row by its associated data; a step is taken
 * only from the state it starts from (the UPDATE says so) and only on a
 * letter of the actor's units, audited in its transaction.
 */
#include "domain/letter.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/strbuf.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/metrics.h"
#include "domain/rating.h"
#include "domain/result.h"
#include "store/q_ratings.h"
#include "store/store.h"

QF_AUDIT_EVENT(LETTER_ACCEPT, "letter_accept", "受理群众信件");
QF_AUDIT_EVENT(LETTER_CONCLUDE, "letter_conclude", "办结群众信件");
QF_AUDIT_OBJECT(letter, "群众信件");

const struct label letter_states[] = {
	{ "received", "待受理" },
	{ "accepted", "已受理" },
	{ "concluded", "已办结" },
	{ NULL, NULL }
};

/* the associated data binding an encrypted contact to its row (the
 * interchange's IX_SECRET writes the same) */
static const char *contact_ad(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "letters.contact/%" PRId64, id);
}

int64_t letter_insert(struct ctx *c, struct store *s, const struct rating_input *in, int64_t unit_id,
		      const char *day)
{
	char code[RATING_CODE_SHOWN + 1], hash[65];
	struct strbuf ct = STRBUF_INIT;
	struct letter v = { .unit_id = unit_id, .body = in->letter, .received = day, .contact = "" };
	int64_t id;

	if (in->letter_code)
		snprintf(code, sizeof(code), "%s", in->letter_code);
	else if (rating_code_of(c, RATING_LETTER_CODE, in->idem_key, code) < 0)
		return -1;
	if (rating_code_hash(c, code, hash) < 0)
		return -1;
	id = store_letter_insert(s, &v, hash, in->idem_key);
	if (id < 0 || !in->contact || !*in->contact)
		return id;
	if (field_encrypt(c->keys, contact_ad(c, id), in->contact, strlen(in->contact), &ct) < 0 ||
	    store_letter_set_contact(s, id, ct.buf) < 0)
		id = -1;
	strbuf_release(&ct);
	return id;
}

/* The contact of a letter as stored, decrypted into the arena ("" none). */
static const char *contact_plain(struct ctx *c, const struct letter *v)
{
	struct strbuf pt = STRBUF_INIT;
	const char *out = "";

	if (!v->contact || !*v->contact)
		return "";
	if (field_decrypt(c->keys, contact_ad(c, v->id), v->contact, &pt) == 0)
		out = arena_strdup(c->a, pt.buf);
	else
		out = "（无法解密）";
	strbuf_release(&pt);
	return out;
}

int letter_get(struct ctx *c, int64_t id, struct letter *out)
{
	/* read, then the jurisdiction of its unit: a denial is audited (authz_unit) */
	int rc = store_letter_get(c->db, c->a, id, 0, out);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	rc = authz_unit(c, out->unit_id, arena_printf(c->a, "letter/%" PRId64, id));
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	out->contact = contact_plain(c, out);
	return RES_DONE;
}

int letter_list(struct ctx *c, struct letter_filter *f, struct letter **out, int64_t *total)
{
	int n;

	f->scope_user = authz_scope_user(c);
	*total = store_letter_count(c->db, f);
	if (*total < 0)
		return -1;
	n = store_letter_list(c->db, c->a, f, out);
	for (int i = 0; i < n; i++)
		(*out)[i].contact = contact_plain(c, &(*out)[i]);
	return n;
}

struct step_arg {
	struct ctx *c;
	int64_t id;
	const char *from, *to, *answer;
	const struct audit_event *ev;
	int changed;
};

static int step_tx(struct store *s, void *arg)
{
	struct step_arg *sa = arg;
	struct ctx *c = sa->c;
	const char *today = rating_day_of(c, c->now);

	sa->changed = store_letter_step(s, sa->id, sa->from, sa->to, today, sa->answer, c->who.id);
	if (sa->changed <= 0)
		return sa->changed < 0 ? -1 : 0;
	return audit_append(c, sa->ev, arena_printf(c->a, "letter/%" PRId64, sa->id), 1,
			    label_of(letter_states, sa->to));
}

/* one step from `from` (or from either received or accepted for a
 * conclusion: the first that matches) */
static int step(struct ctx *c, int64_t id, const char *to, const char *answer, const struct audit_event *ev,
		struct fielderr *fe)
{
	struct letter v;
	struct step_arg sa = { .c = c, .id = id, .to = to, .answer = answer, .ev = ev };
	int rc = letter_get(c, id, &v);

	if (rc != RES_DONE)
		return rc;
	if (!strcmp(v.state, "concluded") || !strcmp(v.state, to)) {
		fielderr_add(fe, "state", arena_printf(c->a, "该信件%s，不能再%s", label_of(letter_states, v.state),
						       answer ? "办结" : "受理"));
		return RES_INVALID;
	}
	sa.from = v.state;
	if (store_tx(c->db, step_tx, &sa) < 0)
		return RES_STORE;
	if (!sa.changed) {
		fielderr_add(fe, "state", "该信件刚被他人处理，请刷新页面");
		return RES_INVALID;
	}
	return RES_DONE;
}

int letter_accept(struct ctx *c, int64_t id, struct fielderr *fe)
{
	return step(c, id, "accepted", NULL, AEV_LETTER_ACCEPT, fe);
}

int letter_conclude(struct ctx *c, int64_t id, const char *answer, struct fielderr *fe)
{
	if (!answer || !*answer)
		fielderr_add(fe, "answer", "请填写答复内容（群众凭查询码可见）");
	fielderr_len(c->a, fe, "answer", "答复内容", answer, LETTER_ANSWER_MAX);
	if (fe->n)
		return RES_INVALID;
	return step(c, id, "concluded", answer, AEV_LETTER_CONCLUDE, fe);
}

int letter_by_code(struct ctx *c, const char *typed, struct letter *out)
{
	char hash[65];
	int rc;

	if (rating_code_hash(c, typed, hash) < 0)
		return RES_NOT_FOUND;
	rc = store_letter_by_code(c->db, c->a, hash, out);
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	out->contact = "";
	return RES_DONE;
}

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---------------- */

static const struct metric_def metric_letters_received = {
	.key = "letters_received",
	.zh = "受理群众信件",
	.en = "QR-channel letters received in the period",
	.kind = METRIC_COUNT,
	.order = 150,
	.scopes = Q_METRIC_RATING_SCOPES,
	.compute = store_metric_letters_received,
	.list = "/ratings/letters?" };
QF_METRIC(&metric_letters_received);
static const struct metric_def metric_letters_concluded = {
	.key = "letters_concluded",
	.zh = "办结群众信件",
	.en = "QR-channel letters concluded in the period, whenever received",
	.kind = METRIC_COUNT,
	.order = 151,
	.scopes = Q_METRIC_RATING_SCOPES,
	.compute = store_metric_letters_concluded,
	.list = "/ratings/letters?concluded" };
QF_METRIC(&metric_letters_concluded);
