/*
 * list_kept.c: the list pages' kept renderings (pages/list_kept.h).
 *
 * Why a rendering kept is right when served: the key holds everything
 * the kept part is written from besides the data (the session, so the
 * user, the role and its permissions, the jurisdiction and need-to-know
 * the store queries apply for that user, and the form token of a bulk
 * form in the rows; the path and the query; the day), and the data's
 * version read before the queries did not move since (domain/kept.h
 * kept_data_version, store.h store_data_version: every write transaction
 * of every process on the database moves it as it commits).  A rendering
 * may hold data newer than its version (a commit between the version and
 * the queries): it is then kept under a version already past and never
 * served.
 */
#include "pages/list_kept.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/fnv.h"
#include "core/strbuf.h"
#include "domain/kept.h"
#include "http/http.h"
#include "pages/list.h"
#include "pages/page.h"

/* room for the frame around a kept rendering */
#define LIST_KEPT_FRAME (16u << 10)

struct slot {
	uint64_t hash;
	char *key;              /* malloc'd: the key, then the page's bytes */
	size_t keylen, len;
	int64_t version;
	int64_t until;          /* list_kept.until: 0, or served before it */
	uint64_t used;          /* the tick of the last use: the least is given up first */
};

static struct {
	pthread_mutex_t mu;
	struct slot v[LIST_KEPT_SLOTS];
	size_t bytes;
	uint64_t tick;
} kept = { .mu = PTHREAD_MUTEX_INITIALIZER };

/* Appends "LEN:BYTES" (so that no two lists of parts make one key). */
static int key_part(struct list_kept *k, const char *s, size_t n)
{
	char num[24];
	int w = snprintf(num, sizeof(num), "%zu:", n);

	if (w < 0 || k->keylen + (size_t)w + n > sizeof(k->key))
		return -1;
	memcpy(k->key + k->keylen, num, (size_t)w);
	memcpy(k->key + k->keylen + (size_t)w, s, n);
	k->keylen += (size_t)w + n;
	return 0;
}

static int key_int(struct list_kept *k, int64_t v)
{
	char num[24];
	int w = snprintf(num, sizeof(num), "%lld", (long long)v);

	return w < 0 ? -1 : key_part(k, num, (size_t)w);
}

/* The request's key; -1 when it is too long to keep. */
static int make_key(struct req *r, struct list_kept *k)
{
	const char *csrf = r->sess.csrf ? r->sess.csrf : "";
	const char *role = r->user.role ? r->user.role : "";

	k->keylen = 0;
	if (key_part(k, r->sess.token_hash, strlen(r->sess.token_hash)) < 0 ||
	    key_part(k, csrf, strlen(csrf)) < 0 || key_int(k, r->user.id) < 0 ||
	    key_part(k, role, strlen(role)) < 0 || key_int(k, date_today()) < 0 ||
	    key_part(k, r->url, strlen(r->url)) < 0)
		return -1;
	for (int i = 0; i < r->query.n; i++) {
		const struct form_field *f = &r->query.fields[i];

		if (!strcmp(f->key, "ok"))      /* the notice: in the frame, per request */
			continue;
		if (key_part(k, f->key, strlen(f->key)) < 0 || key_part(k, f->value, f->len) < 0)
			return -1;
	}
	k->hash = fnv1a(FNV_OFFSET, k->key, k->keylen);
	return 0;
}

static struct slot *find(const struct list_kept *k)
{
	for (size_t i = 0; i < LIST_KEPT_SLOTS; i++) {
		struct slot *s = &kept.v[i];

		if (s->key && s->hash == k->hash && s->keylen == k->keylen &&
		    !memcmp(s->key, k->key, k->keylen))
			return s;
	}
	return NULL;
}

static void drop(struct slot *s)
{
	kept.bytes -= s->keylen + s->len;
	free(s->key);
	memset(s, 0, sizeof(*s));
}

/* The slot of k's key and version, NULL when none is kept or it is past
 * its bound at `now`. */
static struct slot *find_current(const struct list_kept *k, int64_t now)
{
	struct slot *s = find(k);

	return s && s->version == k->version && (!s->until || now < s->until) ? s : NULL;
}

/* The length of the rendering of k's key and version, 0 when none is kept. */
static size_t kept_len(const struct list_kept *k, int64_t now)
{
	const struct slot *s;
	size_t len;

	pthread_mutex_lock(&kept.mu);
	len = (s = find_current(k, now)) ? s->len : 0;
	pthread_mutex_unlock(&kept.mu);
	return len;
}

int list_kept_serve(struct req *r, struct list_kept *k, const char *title, const char *const *crumbs)
{
	struct strbuf sb = STRBUF_INIT;
	struct slot *s;
	size_t len;
	int hit = 0;

	k->on = 0;
	k->until = 0;
	if (!r->signed_in || !r->sess.token_hash || list_wants_xlsx(r) || make_key(r, k) < 0 ||
	    kept_data_version(&r->c, &k->version) < 0)
		return 0;
	k->on = 1;
	if (!(len = kept_len(k, r->c.now)))
		return 0;
	/* the frame outside the lock (the rendering may go meanwhile), in a
	 * buffer grown once: the frame is about 10 KB */
	strbuf_grow(&sb, len + LIST_KEPT_FRAME);
	page_begin(r, &sb, title, crumbs);
	pthread_mutex_lock(&kept.mu);
	if ((s = find_current(k, r->c.now))) {
		s->used = ++kept.tick;
		hit = strbuf_add(&sb, s->key + s->keylen, s->len) == 0;
	}
	pthread_mutex_unlock(&kept.mu);
	if (!hit) {
		strbuf_release(&sb);
		return 0;
	}
	k->rc = page_finish(r, &sb, 200);
	return 1;
}

void list_kept_begin(struct req *r, struct list_kept *k, struct strbuf *sb, const char *title,
		     const char *const *crumbs)
{
	page_begin(r, sb, title, crumbs);
	k->from = sb->len;
}

/* Keeps bytes [0, n) under k's key and version, in the slot of the same
 * key or the least recently used one. */
static void keep(const struct list_kept *k, const char *bytes, size_t n)
{
	char *copy = malloc(k->keylen + n);
	struct slot *s;

	if (!copy)
		return;
	memcpy(copy, k->key, k->keylen);
	memcpy(copy + k->keylen, bytes, n);
	pthread_mutex_lock(&kept.mu);
	if ((s = find(k)) && s->version > k->version) {
		/* a request that read a later version kept its rendering first */
		pthread_mutex_unlock(&kept.mu);
		free(copy);
		return;
	}
	if (s)
		drop(s);
	for (;;) {
		struct slot *empty = NULL, *old = NULL;

		for (size_t i = 0; i < LIST_KEPT_SLOTS; i++)
			if (!kept.v[i].key)
				empty = empty ? empty : &kept.v[i];
			else if (!old || kept.v[i].used < old->used)
				old = &kept.v[i];
		/* no slot in use: the bytes are 0, and a page is less than the bound */
		if ((empty && kept.bytes + k->keylen + n <= LIST_KEPT_BYTES) || !old) {
			s = empty;
			break;
		}
		drop(old);
	}
	*s = (struct slot){ .hash = k->hash, .key = copy, .keylen = k->keylen, .len = n,
			    .version = k->version, .until = k->until, .used = ++kept.tick };
	kept.bytes += k->keylen + n;
	pthread_mutex_unlock(&kept.mu);
}

int list_kept_finish(struct req *r, struct list_kept *k, struct strbuf *sb)
{
	if (k->on && !sb->overflow && sb->len >= k->from && sb->len - k->from <= LIST_KEPT_PAGE_MAX)
		keep(k, sb->buf + k->from, sb->len - k->from);
	return page_finish(r, sb, 200);
}
