/*
 * public_report.c: a citizen's report through the public channel
 * (public_report.h): the submission on the public side, the query with
 * the code, and the inbox kind "report" that makes it a report on the
 * intranet.
 *
 * Guarantees: the code is drawn uniformly from 10^16 (randombytes_uniform
 * per digit) and leaves the process only in the answer to the submitter;
 * the store holds its Argon2id hash and a 20-bit bucket; nothing of the
 * submission but its kind and day is stored outside the sealed item.
 */
#include "domain/public_report.h"

#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "domain/ctx.h"
#include "domain/inbox.h"
#include "domain/report.h"
#include "domain/result.h"
#include "store/q_public.h"
#include "store/store.h"

const struct label public_statuses[] = {
	{ "received", "已收到" },
	{ "accepted", "已受理" },
	{ "handling", "办理中" },
	{ "concluded", "已办结" },
	{ "not_accepted", "不予受理" },
	{ "transferred", "已转送有关机关" },
	{ "open", "待回访" },
	{ "called_back", "已回访，整改中" },
	{ "fixed", "已整改" },
	{ NULL, NULL }
};

/* The code's bucket: the first 20 bits of BLAKE2b(code). */
static int code_bucket(const char *code)
{
	unsigned char h[16];

	crypto_generichash(h, sizeof(h), (const unsigned char *)code, strlen(code), NULL, 0);
	return (h[0] << 12) | (h[1] << 4) | (h[2] >> 4);
}

/* The digits of text (spaces and dashes dropped) into out: 0 when they
 * are exactly PUBLIC_CODE_DIGITS digits, else -1. */
static int code_normalize(const char *text, char out[PUBLIC_CODE_DIGITS + 1])
{
	int n = 0;

	for (const char *p = text ? text : ""; *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (*p < '0' || *p > '9' || n == PUBLIC_CODE_DIGITS)
			return -1;
		out[n++] = *p;
	}
	out[n] = '\0';
	return n == PUBLIC_CODE_DIGITS ? 0 : -1;
}

static void validate(struct ctx *c, const struct public_report_input *in, struct fielderr *fe)
{
	int has_rep = in->reporter && *in->reporter, has_con = in->contact && *in->contact;

	if (in->real_name && !has_rep)
		fielderr_add(fe, "reporter", "实名举报请填写您的姓名");
	else
		fielderr_len(c->a, fe, "reporter", "姓名", in->reporter, 50);
	if (in->real_name && !has_con)
		fielderr_add(fe, "contact", "实名举报请填写联系方式");
	else
		fielderr_len(c->a, fe, "contact", "联系方式", in->contact, 100);
	if ((!in->unit || !*in->unit) && (!in->person || !*in->person))
		fielderr_add(fe, "person", "请填写被反映人的姓名或所在单位");
	fielderr_len(c->a, fe, "unit", "所在单位", in->unit, 100);
	fielderr_len(c->a, fe, "person", "被反映人", in->person, 100);
	if (!in->summary || !*in->summary)
		fielderr_add(fe, "summary", "请填写反映的主要问题");
	else
		fielderr_len(c->a, fe, "summary", "主要问题", in->summary, 5000);
}

struct submit_arg {
	struct ctx *c;
	json_t *payload;
	char id[PUBLIC_ID_CHARS + 1];
	int bucket;
	const char *hash;
	struct fielderr *fe;
};

static int submit_tx(struct store *s, void *arg)
{
	struct submit_arg *sa = arg;
	struct ctx *c = sa->c;
	char day[11];

	(void)s;
	date_format(date_from_unix_cst(c->now), day);
	if (inbox_submit(c, "report", sa->payload, sa->fe, sa->id) < 0 ||
	    store_pstatus_put(c->db, c->cfg->region, sa->id, sa->bucket, sa->hash, day) < 0)
		return -1;
	return 0;
}

int public_report_submit(struct ctx *c, const struct public_report_input *in, struct fielderr *fe,
			 char code[PUBLIC_CODE_DIGITS + 1])
{
	struct submit_arg sa = { .c = c, .fe = fe };
	char hash[QF_PWHASH_MAX];
	int rc;

	validate(c, in, fe);
	if (fe->n)
		return RES_INVALID;
	for (int i = 0; i < PUBLIC_CODE_DIGITS; i++)
		code[i] = (char)('0' + randombytes_uniform(10));
	code[PUBLIC_CODE_DIGITS] = '\0';
	if (password_hash(code, hash) < 0)
		return RES_STORE;
	sa.hash = hash;
	sa.bucket = code_bucket(code);
	sa.payload = json_pack("{s:i, s:b, s:s, s:s, s:s, s:s, s:s}", "at", (json_int_t)c->now,
			       "real_name", in->real_name,
			       "reporter", in->real_name && in->reporter ? in->reporter : "",
			       "contact", in->real_name && in->contact ? in->contact : "",
			       "unit", in->unit ? in->unit : "", "person", in->person ? in->person : "",
			       "summary", in->summary);
	if (!sa.payload)
		return RES_STORE;
	rc = store_tx(c->db, submit_tx, &sa);
	json_decref(sa.payload);
	if (rc < 0) {
		sodium_memzero(code, PUBLIC_CODE_DIGITS + 1);
		return fe->n ? RES_INVALID : RES_STORE;
	}
	return 1;
}

int public_code_hash(const char *text, int *bucket, char *hash)
{
	char code[PUBLIC_CODE_DIGITS + 1];
	int rc;

	if (code_normalize(text, code) < 0)
		return -1;
	*bucket = code_bucket(code);
	rc = password_hash(code, hash);
	sodium_memzero(code, sizeof(code));
	return rc < 0 ? -1 : 0;
}

int public_code_item(struct ctx *c, const char *text, const char *kind, struct public_status *row)
{
	char code[PUBLIC_CODE_DIGITS + 1];
	struct public_status *rows;
	int n;

	if (code_normalize(text, code) < 0)
		return 0;
	n = store_pstatus_bucket(c->db, c->a, code_bucket(code), &rows);
	if (n < 0)
		return RES_STORE;
	for (int i = 0; i < n; i++) {
		if (strcmp(rows[i].kind, kind))
			continue;       /* a letter's code is no report's */
		if (password_verify(rows[i].code_hash, code) == 0) {
			*row = rows[i];
			return 1;
		}
	}
	return 0;
}

int public_report_query(struct ctx *c, const char *text, const char **status, const char **answer)
{
	struct public_status row;
	int rc = public_code_item(c, text, "report", &row);

	if (rc <= 0)
		return rc;
	*status = row.status;
	*answer = row.answer;
	/* single-instance mode: the intranet's record is here, read it */
	if (c->keys->has_seal_sk && public_outcome(c, row.item_id, status, answer) < 0)
		return RES_STORE;
	return 1;
}

/* ---- the inbox kind "report" (intranet) ----------------------------------- */

static const char *jstr(json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));
	return v ? v : "";
}

static int accept_report(struct ctx *c, json_t *p, const char *item_id, struct fielderr *fe)
{
	struct report_input in = { 0 };
	json_int_t at = json_integer_value(json_object_get(p, "at"));
	const char *unit = jstr(p, "unit"), *person = jstr(p, "person");
	char day[11];
	int64_t id;

	(void)item_id;
	in.received = arena_strdup(c->a, date_format(date_from_unix_cst(at ? at : c->now), day));
	if (strcmp(in.received, date_format(date_today(), day)) > 0)
		in.received = arena_strdup(c->a, day);   /* a public clock ahead of ours */
	in.channel = "online";
	in.category = "accusation";
	in.kind = "accusation";
	in.real_name = json_is_true(json_object_get(p, "real_name"));
	in.reporter = in.real_name ? jstr(p, "reporter") : NULL;
	in.contact = in.real_name ? jstr(p, "contact") : NULL;
	/* whom it concerns is free text: kept with the summary for the
	 * intake clerk, who links the persons when registering a clue */
	in.summary = arena_printf(c->a, "【网络举报】被反映人：%s；所在单位：%s\n%s",
				  *person ? person : "（未填写）", *unit ? unit : "（未填写）",
				  jstr(p, "summary"));
	id = report_register_in_tx(c, &in, fe);
	return (int)id;     /* the report's id, or a result */
}

static const struct inbox_kind report_kind = { "report", accept_report, NULL };
QF_REGISTER(inbox_kinds, &report_kind);
