/*
 * ratelimit.c: token buckets in a fixed table (see ratelimit.h).
 *
 * The table is `slots` entries, allocated once.  A key hashes (SipHash-2-4
 * under a random key, libsodium's crypto_shorthash) to a slot and is
 * looked for in the PROBE slots from there; a new key takes a free slot
 * among them, or the one used least recently.  A bucket that has refilled
 * completely is the same as no bucket, so it counts as free.  Nothing here
 * allocates after ratelimit_new, and nothing touches the database.
 */
#include "core/ratelimit.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/netaddr.h"

#define PROBE 8

struct bucket {
	uint64_t key;           /* 0: free */
	int64_t at;             /* time of the last refill or take */
	int64_t blocked_until;
	int tokens;
};

struct ratelimit {
	pthread_mutex_t mu;
	unsigned char hkey[crypto_shorthash_KEYBYTES];
	struct bucket *b;
	unsigned slots;
	int burst, refill, lock;
};

struct ratelimit *ratelimit_new(unsigned slots, int burst, int refill, int lock)
{
	struct ratelimit *rl = calloc(1, sizeof(*rl));

	if (!rl)
		return NULL;
	rl->b = calloc(slots, sizeof(*rl->b));
	if (!rl->b || slots < PROBE || burst < 1 || refill < 1) {
		free(rl->b);
		free(rl);
		return NULL;
	}
	pthread_mutex_init(&rl->mu, NULL);
	randombytes_buf(rl->hkey, sizeof(rl->hkey));
	rl->slots = slots;
	rl->burst = burst;
	rl->refill = refill;
	rl->lock = lock;
	return rl;
}

void ratelimit_free(struct ratelimit *rl)
{
	if (!rl)
		return;
	pthread_mutex_destroy(&rl->mu);
	free(rl->b);
	free(rl);
}

static uint64_t key_hash(const struct ratelimit *rl, const char *key)
{
	unsigned char h[crypto_shorthash_BYTES];
	uint64_t v;

	crypto_shorthash(h, (const unsigned char *)key, strlen(key), rl->hkey);
	memcpy(&v, h, sizeof(v));
	return v ? v : 1;
}

/* Brings a bucket up to date: refilled by the time passed, unblocked
 * (and full) when its block has ended.  Returns 1 when it is now full. */
static int bucket_update(const struct ratelimit *rl, struct bucket *b, int64_t now)
{
	if (b->blocked_until) {
		if (now < b->blocked_until)
			return 0;
		b->blocked_until = 0;
		b->tokens = rl->burst;
	}
	if (b->tokens < rl->burst && now > b->at) {
		int64_t gained = (now - b->at) / rl->refill;
		if (gained > 0) {
			b->tokens = gained >= rl->burst - b->tokens ? rl->burst : b->tokens + (int)gained;
			b->at += gained * rl->refill;
		}
	}
	if (b->tokens >= rl->burst)
		b->at = now;
	return b->tokens >= rl->burst;
}

/* The bucket of a key, or NULL when it has none (create: take a slot). */
static struct bucket *find(struct ratelimit *rl, uint64_t h, int64_t now, int create)
{
	struct bucket *victim = NULL;

	for (unsigned i = 0; i < PROBE; i++) {
		struct bucket *b = &rl->b[(h + i) % rl->slots];
		if (b->key == h)
			return b;
		if (b->key && bucket_update(rl, b, now))
			b->key = 0;     /* full again: the same as no bucket */
		if (!victim || (victim->key && (!b->key || b->at < victim->at)))
			victim = b;
	}
	if (!create)
		return NULL;
	victim->key = h;
	victim->at = now;
	victim->blocked_until = 0;
	victim->tokens = rl->burst;
	return victim;
}

int ratelimit_allowed(struct ratelimit *rl, const char *key, int64_t now)
{
	uint64_t h = key_hash(rl, key);
	struct bucket *b;
	int ok = 1;

	pthread_mutex_lock(&rl->mu);
	b = find(rl, h, now, 0);
	if (b) {
		bucket_update(rl, b, now);
		ok = !b->blocked_until && b->tokens > 0;
	}
	pthread_mutex_unlock(&rl->mu);
	return ok;
}

int ratelimit_take(struct ratelimit *rl, const char *key, int64_t now)
{
	uint64_t h = key_hash(rl, key);
	struct bucket *b;
	int left;

	pthread_mutex_lock(&rl->mu);
	b = find(rl, h, now, 1);
	bucket_update(rl, b, now);
	if (b->blocked_until || b->tokens <= 0) {
		left = -1;
	} else {
		if (b->tokens == rl->burst)
			b->at = now;    /* the refill clock starts at the first take */
		left = --b->tokens;
		if (!left && rl->lock > 0)
			b->blocked_until = now + rl->lock;
	}
	pthread_mutex_unlock(&rl->mu);
	return left;
}

int ratelimit_clean(struct ratelimit *rl, const char *key, int64_t now)
{
	uint64_t h = key_hash(rl, key);
	struct bucket *b;
	int clean = 1;

	pthread_mutex_lock(&rl->mu);
	b = find(rl, h, now, 0);
	if (b)
		clean = bucket_update(rl, b, now);
	pthread_mutex_unlock(&rl->mu);
	return clean;
}

void ratelimit_addr_key(const char *ip, char out[QF_ADDR_KEY_MAX])
{
	struct netaddr a;
	char buf[NETADDR_STRLEN];

	if (netaddr_parse(ip, strlen(ip), &a) < 0) {
		snprintf(out, QF_ADDR_KEY_MAX, "%s", ip);
		return;
	}
	/* an IPv4 address, mapped or not, is written back as a.b.c.d; an
	 * IPv6 client counts as its /64 */
	if (netaddr_is_v4(&a)) {
		netaddr_format(&a, out);
		return;
	}
	memset(a.b + 8, 0, 8);
	netaddr_format(&a, buf);
	snprintf(out, QF_ADDR_KEY_MAX, "%s/64", buf);
}
