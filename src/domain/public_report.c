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

#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "domain/attach.h"
#include "domain/ctx.h"
#include "domain/inbox.h"
#include "domain/report.h"
#include "domain/result.h"
#include "office/filetype.h"
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

/* Each file within the size limit and of an accepted type (by content):
 * one message per file refused, under "files". */
static void validate_files(struct ctx *c, const struct public_report_input *in, struct fielderr *fe)
{
	double mb = c->cfg->public_file_max / (1024.0 * 1024.0);

	if (in->n_files > PUBLIC_FILES_MAX) {
		fielderr_add(fe, "files", arena_printf(c->a, "最多上传 %d 个文件，您选择了 %d 个。",
						       PUBLIC_FILES_MAX, in->n_files));
		return;
	}
	for (int i = 0; i < in->n_files; i++) {
		const struct public_file *f = &in->files[i];
		if (f->len > (size_t)c->cfg->public_file_max)
			fielderr_add(fe, "files", arena_printf(c->a, "文件“%s”有 %.1f MB，超过每个文件 %.1f MB 的限制。",
							       f->name, f->len / (1024.0 * 1024.0), mb));
		else if (!f->len)
			fielderr_add(fe, "files", arena_printf(c->a, "文件“%s”是空文件。", f->name));
		else if (!filetype_sniff(f->data, f->len))
			fielderr_add(fe, "files", arena_printf(c->a, "文件“%s”的类型不能接受：系统按文件内容判断类型"
							       "（与文件名无关），只接受 %s。",
							       f->name, filetype_accepted()));
	}
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
	validate_files(c, in, fe);
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

/* The files into the payload as "files": [{name, data (base64)}]. */
static int add_files(json_t *payload, const struct public_report_input *in)
{
	json_t *arr = json_array();

	if (!arr || json_object_set_new(payload, "files", arr) < 0)
		return -1;
	for (int i = 0; i < in->n_files; i++) {
		const struct public_file *f = &in->files[i];
		size_t blen = sodium_base64_ENCODED_LEN(f->len, sodium_base64_VARIANT_ORIGINAL);
		char *b64 = malloc(blen);
		int rc;

		if (!b64)
			return -1;
		sodium_bin2base64(b64, blen, f->data, f->len, sodium_base64_VARIANT_ORIGINAL);
		rc = json_array_append_new(arr, json_pack("{s:s, s:s}", "name", f->name ? f->name : "",
							  "data", b64));
		sodium_memzero(b64, blen);
		free(b64);
		if (rc < 0)
			return -1;
	}
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
	if (!sa.payload || add_files(sa.payload, in) < 0) {
		json_decref(sa.payload);
		return RES_STORE;
	}
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

/* The item's files as attachments of report id, in the import's
 * transaction: 0, or -1 (a file that does not decode or is refused: the
 * reason in fe; a store error without one). */
static int accept_files(struct ctx *c, json_t *p, int64_t id, struct fielderr *fe)
{
	const struct attach_kind *k = attach_kind_find("report");
	json_t *files = json_object_get(p, "files"), *f;
	size_t i;

	if (!k)
		return -1;
	json_array_foreach(files, i, f) {
		const char *b64 = jstr(f, "data");
		size_t blen = strlen(b64), len = 0;
		unsigned char *data = arena_alloc(c->a, blen / 4 * 3 + 3);
		int64_t rc;

		if (sodium_base642bin(data, blen / 4 * 3 + 3, b64, blen, NULL, &len, NULL,
				      sodium_base64_VARIANT_ORIGINAL) < 0) {
			fielderr_add(fe, "item", "附件无法解码");
			return -1;
		}
		rc = attach_add_in_tx(c, k, id, jstr(f, "name"), data, len, fe);
		sodium_memzero(data, len);
		if (rc < 0)
			return -1;
	}
	return 0;
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
	if (id > 0 && accept_files(c, p, id, fe) < 0)
		return fe->n ? RES_INVALID : RES_STORE;
	return (int)id;     /* the report's id, or a result */
}

static const struct inbox_kind report_kind = { "report", accept_report, NULL };
QF_REGISTER(inbox_kinds, &report_kind);
