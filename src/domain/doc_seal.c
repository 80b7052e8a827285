/*
 * doc_seal.c: documents encrypted at rest (issue 12, docenc; domain/document.h,
 * docs/security.md "Documents at rest").  The .docx of an issued document
 * is kept in documents.content sealed with field_encrypt (core/crypto.h:
 * XChaCha20-Poly1305, or SM4-CTR + HMAC-SM3 with a national key file), the
 * text form ("x1:<base64>") stored as the column's bytes, the associated
 * data its place "documents.content/<kind>/<year>/<seq>" (UNIQUE, known
 * before the insert): a blob copied under another row does not open.  The
 * row's sha256 stays the hash of the plain .docx and is checked again
 * after opening.
 *
 * Rows written before migration 0036 hold the plain .docx; they are
 * sealed once, at the next open of the database (doc_seal_fill, called by
 * cmd_open like the other fills SQL cannot do), in one transaction with
 * one audit entry.  Reads accept only sealed bytes: a plain or altered
 * column answers RES_STORE (500) with an ERROR log line, never the bytes.
 */
#include "domain/document.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/strbuf.h"
#include "domain/audit.h"
#include "domain/audit_events.h"
#include "store/q_documents.h"
#include "store/q_settings.h"
#include "store/store.h"

QF_AUDIT_EVENT(DOCUMENT_SEAL, "document_seal", "文书加密存储");

#define SEALED_KEY "documents_sealed"
#define BATCH 100

/* The associated data binding a document's bytes to its row. */
static const char *seal_ad(struct arena *a, const struct document *d)
{
	return arena_printf(a, "documents.content/%s/%d/%" PRId64, d->kind, d->year, d->seq);
}

/* 1 when the stored bytes are the plain .docx (a zip: "PK\3\4"). */
static int is_plain(const struct document *d)
{
	return d->sealed_len >= 4 && !memcmp(d->sealed, "PK\x03\x04", 4);
}

int doc_seal(struct ctx *c, struct arena *a, struct document *d)
{
	struct strbuf ct = STRBUF_INIT;
	int rc = -1;

	if (field_encrypt(c->keys, seal_ad(a, d), d->content, (size_t)d->size, &ct) == 0 && ct.buf) {
		char *s = arena_alloc(a, ct.len + 1);

		memcpy(s, ct.buf, ct.len + 1);
		d->sealed = s;
		d->sealed_len = ct.len;
		rc = 0;
	} else
		log_error("documents: cannot encrypt document %s/%d/%" PRId64, d->kind, d->year, d->seq);
	strbuf_release(&ct);
	return rc;
}

int doc_unseal(struct ctx *c, struct document *d)
{
	struct strbuf pt = STRBUF_INIT;
	char hex[65];
	int rc = -1;

	if (is_plain(d))
		log_error("documents: document %" PRId64 " is stored unencrypted (written after the sealing "
			  "pass, or put there by hand): not served", d->id);
	else if (!d->sealed || strlen(d->sealed) != d->sealed_len ||
		 field_decrypt(c->keys, seal_ad(c->a, d), d->sealed, &pt) < 0)
		log_error("documents: document %" PRId64 " does not decrypt (altered, moved from another row "
			  "or another key)", d->id);
	else if ((int64_t)pt.len != d->size || (sha256_hex(pt.buf, pt.len, hex), strcmp(hex, d->sha256)))
		log_error("documents: document %" PRId64 " decrypts but differs from its SHA-256", d->id);
	else {
		void *b = arena_alloc(c->a, pt.len ? pt.len : 1);

		if (pt.len)
			memcpy(b, pt.buf, pt.len);
		d->content = b;
		rc = 0;
	}
	strbuf_release(&pt);
	return rc;
}

/* ---- after migration 0036 ------------------------------------------------------ */

struct fill {
	struct ctx *c;
	int64_t sealed, skipped;
};

/* Seals the plain rows of one batch; *after moves to its last id. */
static int fill_batch(struct fill *f, struct store *s, struct arena *a, int64_t *after)
{
	struct document *v;
	int n = store_documents_after(s, a, *after, BATCH, &v);

	for (int i = 0; i < n; i++) {
		*after = v[i].id;
		if (!is_plain(&v[i])) {
			if (strncmp(v[i].sealed, "x1:", 3) && strncmp(v[i].sealed, "s1:", 3)) {
				log_warn("documents: document %" PRId64 " is neither a .docx nor sealed: left "
					 "as it is", v[i].id);
				f->skipped++;
			}
			continue;
		}
		v[i].content = v[i].sealed;
		v[i].size = (int64_t)v[i].sealed_len;
		if (doc_seal(f->c, a, &v[i]) < 0 || store_document_seal(s, v[i].id, v[i].sealed,
									  v[i].sealed_len) < 0)
			return -1;
		f->sealed++;
	}
	return n;
}

static int fill_tx(struct store *s, void *arg)
{
	struct fill *f = arg;
	struct ctx *c = f->c;
	int64_t after = 0;
	int n, rc = store_setting_is(s, c->a, SEALED_KEY, "0");

	if (rc <= 0)
		return rc;      /* 0: another process sealed them meanwhile */
	do {
		struct arena *a = arena_new(65536);    /* one batch's bytes at a time */

		n = a ? fill_batch(f, s, a, &after) : -1;
		arena_free(a);
	} while (n == BATCH);
	if (n < 0)
		return -1;
	if (f->sealed && audit_append(c, AEV_DOCUMENT_SEAL, "documents", 1,
				      arena_printf(c->a, "存量文书加密存储 %" PRId64 " 份", f->sealed)) < 0)
		return -1;
	return store_setting_set(s, SEALED_KEY, "1") < 0 ? -1 : 0;
}

int doc_seal_fill(struct ctx *c)
{
	struct fill f = { c, 0, 0 };
	int rc = store_setting_is(c->db, c->a, SEALED_KEY, "0");

	if (rc <= 0)
		return rc;
	if (store_tx(c->db, fill_tx, &f) < 0)
		return -1;
	if (f.sealed)
		log_info("documents: %" PRId64 " document%s written before encryption at rest now sealed",
			 f.sealed, f.sealed == 1 ? "" : "s");
	return 0;
}
