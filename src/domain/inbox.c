/*
 * inbox.c: sealing, opening and dispatching the public channel's items
 * (inbox.h).  The sealed text is base64 (libsodium's original variant) of
 * crypto_box_seal(JSON): an ephemeral X25519 key per item, so nothing on
 * the public side, not even a later copy of its disk, opens it.
 */
#include "domain/inbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/log.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "store/q_public.h"

/* the largest sealed item accepted from a batch: a report's text is at
 * most a few KiB, its files (public_report.h: at most 5 of at most
 * public_file_max, at most 20 MiB) travel inside it as base64, twice */
#define INBOX_MAX_SEALED (192u * 1024 * 1024)

const struct inbox_kind *inbox_kind_find(const char *name)
{
	QF_FOREACH(inbox_kinds, const struct inbox_kind, k)
		if (name && !strcmp((*k)->name, name))
			return *k;
	return NULL;
}

void inbox_new_id(char out[PUBLIC_ID_CHARS + 1])
{
	unsigned char b[16];

	randombytes_buf(b, sizeof(b));
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, PUBLIC_ID_CHARS + 1,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
		 b[13], b[14], b[15]);
}

int inbox_put(struct ctx *c, const char *id, const char *kind, json_t *payload,
	      struct inbox_item *stored)
{
	char *js = json_dumps(payload, JSON_COMPACT | JSON_SORT_KEYS);
	size_t len, clen, blen;
	unsigned char *ct;
	char *b64, day[11];
	struct inbox_item it;
	int rc = RES_STORE;

	memset(stored, 0, sizeof(*stored));
	if (!c->keys->has_seal_pk) {
		log_error("public channel: the key file has no seal_public (ferry key import)");
		free(js);
		return RES_STORE;
	}
	if (!js)
		return RES_STORE;
	len = strlen(js);
	clen = len + crypto_box_SEALBYTES;
	blen = sodium_base64_ENCODED_LEN(clen, sodium_base64_VARIANT_ORIGINAL);
	ct = arena_alloc(c->a, clen);
	b64 = arena_alloc(c->a, blen);
	if (crypto_box_seal(ct, (const unsigned char *)js, len, c->keys->seal_pk) == 0) {
		sodium_bin2base64(b64, blen, ct, clen, sodium_base64_VARIANT_ORIGINAL);
		it.id = id;
		it.kind = kind;
		it.day = date_format(date_from_unix_cst(c->now), day);
		it.sealed = b64;
		it.day = arena_strdup(c->a, it.day);
		rc = store_inbox_put(c->db, c->cfg->region, &it) < 0 ? RES_STORE : 0;
		*stored = it;
	}
	sodium_memzero(js, len);
	free(js);
	return rc;
}

/* Opens it->sealed into a JSON object (NULL: it does not open). */
static json_t *open_item(struct ctx *c, const struct inbox_item *it)
{
	size_t slen = strlen(it->sealed), clen = 0;
	unsigned char *ct, *pt;
	json_t *v = NULL;

	if (slen > INBOX_MAX_SEALED * 4 / 3 + 4 || !c->keys->has_seal_sk)
		return NULL;
	ct = arena_alloc(c->a, slen + 1);
	if (sodium_base642bin(ct, slen, it->sealed, slen, NULL, &clen, NULL,
			      sodium_base64_VARIANT_ORIGINAL) < 0 || clen < crypto_box_SEALBYTES)
		return NULL;
	pt = arena_alloc(c->a, clen - crypto_box_SEALBYTES + 1);
	if (crypto_box_seal_open(pt, ct, clen, c->keys->seal_pk, c->keys->seal_sk) == 0)
		v = json_loadb((const char *)pt, clen - crypto_box_SEALBYTES, 0, NULL);
	sodium_memzero(pt, clen - crypto_box_SEALBYTES);
	return json_is_object(v) ? v : (json_decref(v), NULL);
}

int inbox_accept(struct ctx *c, const struct inbox_item *it, struct fielderr *fe)
{
	const struct inbox_kind *k = inbox_kind_find(it->kind);
	struct public_item pi = { .item_id = it->id, .kind = it->kind, .day = it->day };
	char today[11];
	json_t *payload;
	int seen = store_pitem_seen(c->db, it->id), rc;

	if (seen < 0)
		return RES_STORE;
	if (seen)
		return 0;
	if (!k) {
		fielderr_add(fe, "item", arena_printf(c->a, "条目 %s 的类型“%s”无法识别", it->id, it->kind));
		return RES_INVALID;
	}
	{
		/* the item in an arena of its own: a batch's items (their files
		 * decoded, encrypted, thumbnailed) are not all held until the
		 * batch ends (burst13: 2 GB for a 256 MiB batch); what fe says
		 * is copied out.  The record's author is the public channel,
		 * whoever runs the import (the import's own audit entry names
		 * that person) */
		struct arena *keep = c->a;
		struct actor who = c->who;

		c->a = arena_new(0);
		payload = open_item(c, it);
		if (!payload) {
			fielderr_add(fe, "item", arena_printf(keep, "条目 %s 无法解封（密钥不符或内容损坏）", it->id));
			rc = RES_INVALID;
		} else {
			c->who.id = 0;
			c->who.name = "public";
			c->who.role = "public";
			rc = k->accept(c, payload, it->id, fe);
			c->who = who;
			json_decref(payload);
		}
		for (int i = 0; i < fe->n; i++) {
			fe->field[i] = arena_strdup(keep, fe->field[i]);
			fe->msg[i] = arena_strdup(keep, fe->msg[i]);
		}
		arena_free(c->a);
		c->a = keep;
	}
	if (rc < 0)
		return rc;
	pi.report_id = rc;
	if (store_pitem_put(c->db, c->cfg->region, &pi,
			    date_format(date_from_unix_cst(c->now), today)) < 0)
		return RES_STORE;
	return 1;
}

int inbox_submit(struct ctx *c, const char *kind, json_t *payload, struct fielderr *fe,
		 char id[PUBLIC_ID_CHARS + 1])
{
	inbox_new_id(id);
	return inbox_submit_as(c, id, kind, payload, fe);
}

int inbox_submit_as(struct ctx *c, const char *id, const char *kind, json_t *payload,
		    struct fielderr *fe)
{
	struct inbox_item it;
	int rc;

	if (inbox_put(c, id, kind, payload, &it) < 0)
		return RES_STORE;
	if (!c->keys->has_seal_sk)
		return 0;       /* the public side: the ferry collects it */
	/* sealed and opened rather than handed over: single-instance mode
	 * runs exactly the code of a ferry import */
	rc = inbox_accept(c, &it, fe);
	if (rc < 0)
		return rc;
	return store_inbox_delete(c->db, id) < 0 ? RES_STORE : 0;
}
