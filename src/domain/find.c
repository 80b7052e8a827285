/*
 * find.c: the matches behind the pickers (GET /api/pick/...), the forms'
 * typed names without JavaScript, and the search box (GET /search).
 *
 * Guarantees: a match is a record the actor's own lists show (the
 * jurisdiction for persons, units, clues and reports; need-to-know for
 * cases, whatever the jurisdiction), filtered in SQL so that nothing
 * else is counted; a kind the actor's role may not read finds nothing;
 * an ID number's tail is compared as a keyed MAC under its own derived
 * key, the digits never reach the database; 6 characters only for the
 * roles that see ID numbers, the 4 the masked form
 * shows to everyone (person_id_mask) for every role that reads persons.
 */
#include "domain/find.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/case_access.h"
#include "domain/ctx.h"
#include "domain/document.h"
#include "domain/result.h"
#include "store/q_find.h"
#include "store/q_settings.h"

static const struct {
	const char *name, *label;
	enum perm perm;
} kinds[FIND_KINDS] = {
	[FIND_REPORT] = { "reports", "信访举报", PERM_REPORT_READ },
	[FIND_CLUE] = { "clues", "问题线索", PERM_CLUE_READ },
	[FIND_CASE] = { "cases", "案件", PERM_CASE_READ },
	[FIND_PERSON] = { "persons", "人员", PERM_PERSON_READ },
	[FIND_UNIT] = { "units", "单位", PERM_UNIT_READ },
	/* any of the three below: the rows then as their record pages (q_find.c) */
	[FIND_DOCUMENT] = { "documents", "文书", PERM_CASE_READ },
};

int find_allowed(const struct ctx *c, enum find_kind k)
{
	if (k == FIND_DOCUMENT)
		return authz_has(&c->who, PERM_CASE_READ) || authz_has(&c->who, PERM_CLUE_READ) ||
		       authz_has(&c->who, PERM_REPORT_READ);
	return (unsigned)k < FIND_KINDS && authz_has(&c->who, kinds[k].perm);
}

const char *find_kind_name(enum find_kind k)
{
	return (unsigned)k < FIND_KINDS ? kinds[k].name : "";
}

const char *find_kind_label(enum find_kind k)
{
	return (unsigned)k < FIND_KINDS ? kinds[k].label : "";
}

int find_kind_parse(const char *name)
{
	for (int k = 0; name && k < FIND_KINDS; k++)
		if (!strcmp(name, kinds[k].name))
			return k;
	return -1;
}

/* ---- an ID number's tails ---------------------------------------------------- */

static const char *tail_purpose(size_t n)
{
	return n == 4 ? "qf-idnum-tail4" : "qf-idnum-tail6";
}

/* The hex keyed MAC of the last n characters of an ID number (digits,
 * the last one possibly X, upper-cased) into the arena; NULL on failure. */
static const char *tail_mac(struct ctx *c, const char *tail, size_t n)
{
	unsigned char mac[QF_MAC_BYTES];
	char up[8], *hex;

	for (size_t i = 0; i < n; i++)
		up[i] = (char)toupper((unsigned char)tail[i]);
	if (keyed_mac(c->keys, tail_purpose(n), up, n, mac) < 0)
		return NULL;
	hex = arena_alloc(c->a, 2 * sizeof(mac) + 1);
	hex_encode(mac, sizeof(mac), hex);
	return hex;
}

/* 1 when q is n characters that may end an ID number: digits, the last
 * one a digit or X. */
static int is_tail(const char *q, size_t n)
{
	if (strlen(q) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)q[i]) && !(i == n - 1 && (q[i] == 'X' || q[i] == 'x')))
			return 0;
	return 1;
}

int find_tails_set(struct ctx *c, struct store *s, int64_t person_id, const char *id)
{
	const char *t4 = NULL, *t6 = NULL;
	size_t n = id ? strlen(id) : 0;

	if (n >= 6) {
		t4 = tail_mac(c, id + n - 4, 4);
		t6 = tail_mac(c, id + n - 6, 6);
		if (!t4 || !t6)
			return -1;
	}
	return store_find_set_tails(s, person_id, t4, t6) < 0 ? -1 : 0;
}

/* ---- after migration 0031 ---------------------------------------------------- */

#define TAILS_KEY "person_tails_filled"

/* The associated data of an ID number's ciphertext (person.c's id_ad). */
static const char *id_ad(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "persons.id_number/%" PRId64, id);
}

static int tails_tx(struct store *s, void *arg)
{
	struct ctx *c = arg;
	struct find_tail_row *v;
	int64_t after = 0;
	int n, rc = store_setting_is(s, c->a, TAILS_KEY, "0");

	if (rc <= 0)
		return rc;      /* 0: another process filled them meanwhile */
	do {
		n = store_find_tails_todo(s, c->a, after, 500, &v);
		for (int i = 0; i < n; i++) {
			struct strbuf id = STRBUF_INIT;
			after = v[i].id;
			/* a ciphertext that does not decrypt keeps no tails (the
			 * person page reports it the same way as before) */
			if (field_decrypt(c->keys, id_ad(c, v[i].id), v[i].enc, &id) == 0)
				rc = find_tails_set(c, s, v[i].id, id.buf);
			sodium_memzero(id.buf, id.len);
			strbuf_release(&id);
			if (rc < 0)
				return -1;
		}
	} while (n == 500);
	if (n < 0)
		return -1;
	return store_setting_set(s, TAILS_KEY, "1") < 0 ? -1 : 0;
}

int find_tails_fill(struct ctx *c)
{
	int rc = store_setting_is(c->db, c->a, TAILS_KEY, "0");

	return rc <= 0 ? rc : store_tx(c->db, tails_tx, c);
}

/* ---- matching ------------------------------------------------------------------ */

/* The text without surrounding blanks (ASCII and the ideographic space). */
static const char *trimmed(struct ctx *c, const char *q)
{
	size_t n;

	for (;;) {
		if (*q == ' ' || *q == '\t')
			q++;
		else if (!strncmp(q, "\xe3\x80\x80", 3))
			q += 3;
		else
			break;
	}
	n = strlen(q);
	for (;;) {
		if (n && (q[n - 1] == ' ' || q[n - 1] == '\t'))
			n--;
		else if (n >= 3 && !memcmp(q + n - 3, "\xe3\x80\x80", 3))
			n -= 3;
		else
			break;
	}
	return arena_strndup(c->a, q, n);
}

static int64_t as_number(const char *q)
{
	char *end;
	long long v;

	if (!isdigit((unsigned char)*q) || strlen(q) > 18)
		return 0;
	v = strtoll(q, &end, 10);
	return *end || v <= 0 ? 0 : v;
}

int find_run(struct ctx *c, enum find_kind k, const char *q, int64_t unit_id, int offset, int limit,
	     struct find_hit **out, int64_t *total)
{
	struct find_filter f = { .page = { offset, limit }, .tail4 = "", .tail6 = "",
				 .unit_id = k == FIND_PERSON ? unit_id : 0 };
	int see_idnum = authz_has(&c->who, PERM_PERSON_IDNUM);
	int n;

	*out = NULL;
	*total = 0;
	q = trimmed(c, q ? q : "");
	if (!*q || !find_allowed(c, k) || utf8_len(q) > FIND_MAX_CHARS)
		return 0;
	f.exact = q;
	f.number = as_number(q);
	f.scope_user = authz_scope_user(c);
	f.team_user = case_sees_all(c) ? 0 : c->who.id;
	f.may.cases = authz_has(&c->who, PERM_CASE_READ);
	f.may.clues = authz_has(&c->who, PERM_CLUE_READ);
	f.may.reports = authz_has(&c->who, PERM_REPORT_READ);
	if (k == FIND_PERSON) {
		if (is_tail(q, 4) && !(f.tail4 = tail_mac(c, q, 4)))
			return RES_STORE;
		if (see_idnum && is_tail(q, 6) && !(f.tail6 = tail_mac(c, q, 6)))
			return RES_STORE;
	}
	*total = store_find_count(c->db, c->a, k, &f);
	if (*total < 0)
		return RES_STORE;
	if (!*total || offset >= *total)
		return 0;
	n = store_find(c->db, c->a, k, &f, out);
	return n < 0 ? RES_STORE : n;
}

const char *find_hit_label(struct ctx *c, enum find_kind k, const struct find_hit *h)
{
	static const char *const prefix[FIND_KINDS] = {
		[FIND_REPORT] = "举报", [FIND_CLUE] = "线索", [FIND_CASE] = "案件" };
	const char *who = *h->title ? h->title : "（未列被反映人）";

	switch (k) {
	case FIND_PERSON:
		return *h->extra ? arena_printf(c->a, "%s（%s · %s）", h->title, h->unit_name, h->extra)
				 : arena_printf(c->a, "%s（%s）", h->title, h->unit_name);
	case FIND_UNIT:
		return *h->extra ? arena_printf(c->a, "%s（%s）", h->title, h->extra) : h->title;
	case FIND_REPORT:
	case FIND_CLUE:
	case FIND_CASE:
		return *h->unit_name ? arena_printf(c->a, "%s %" PRId64 "：%s（%s）", prefix[k], h->id, who,
						    h->unit_name)
				     : arena_printf(c->a, "%s %" PRId64 "：%s", prefix[k], h->id, who);
	case FIND_DOCUMENT: {
		const struct doc_kind *dk = doc_kind_find(h->unit_name);

		return arena_printf(c->a, "%s %s", dk ? dk->name : "文书", h->title);
	}
	default:
		return "";
	}
}
