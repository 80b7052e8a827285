/*
 * pow.c: the proof of work's check and its set of used challenges
 * (pow.h).
 *
 * The set is open addressing over 2^k slots of (16-byte key, expiry): a
 * challenge lives in one of PROBE slots from its home.  A lookup scans
 * that whole window (an expired slot does not end it), an insert takes
 * the first slot in it that is free (never used, or expired): so a live
 * entry is always found in its window, whatever expired before it.
 */
#include "core/pow.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#define PROBE 32
#define KEY_BYTES 16
#define TOKEN_RAW_MAX 128

struct slot {
	unsigned char key[KEY_BYTES];
	int64_t until;          /* 0: never used */
};

struct pow_seen {
	pthread_mutex_t mu;
	unsigned mask;
	unsigned char hkey[crypto_generichash_KEYBYTES];
	struct slot *slots;
};

struct pow_seen *pow_seen_new(unsigned slots)
{
	struct pow_seen *s = calloc(1, sizeof(*s));
	unsigned n = PROBE;

	while (n < slots && n < (1u << 30))
		n <<= 1;
	if (!s || !(s->slots = calloc(n, sizeof(*s->slots)))) {
		free(s);
		return NULL;
	}
	s->mask = n - 1;
	randombytes_buf(s->hkey, sizeof(s->hkey));
	pthread_mutex_init(&s->mu, NULL);
	return s;
}

void pow_seen_free(struct pow_seen *s)
{
	if (!s)
		return;
	pthread_mutex_destroy(&s->mu);
	free(s->slots);
	free(s);
}

int pow_solved(const char *challenge, const char *nonce, int bits)
{
	crypto_hash_sha256_state st;
	unsigned char h[crypto_hash_sha256_BYTES];
	size_t nl = nonce ? strlen(nonce) : 0;

	if (!challenge || nl == 0 || nl > POW_NONCE_MAX || strspn(nonce, "0123456789") != nl ||
	    bits < 0 || bits > 64)
		return 0;
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)challenge, strlen(challenge));
	crypto_hash_sha256_update(&st, (const unsigned char *)nonce, nl);
	crypto_hash_sha256_final(&st, h);
	for (int i = 0; i < bits; i++)
		if (h[i / 8] & (0x80 >> (i % 8)))
			return 0;
	return 1;
}

int pow_seen_mark(struct pow_seen *s, const char *challenge, int64_t now, int64_t until)
{
	unsigned char raw[TOKEN_RAW_MAX], key[KEY_BYTES];
	size_t n = 0, cl = challenge ? strlen(challenge) : 0;
	struct slot *free_slot = NULL;
	unsigned home;
	int rc = 1;

	/* the decoded bytes: two spellings of one token are one challenge */
	if (cl == 0 || cl > TOKEN_RAW_MAX ||
	    sodium_base642bin(raw, sizeof(raw), challenge, cl, NULL, &n, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || n == 0)
		return -1;
	crypto_generichash(key, sizeof(key), raw, n, s->hkey, sizeof(s->hkey));
	home = ((unsigned)key[0] | (unsigned)key[1] << 8 | (unsigned)key[2] << 16 |
		(unsigned)key[3] << 24) & s->mask;
	pthread_mutex_lock(&s->mu);
	for (unsigned i = 0; i < PROBE; i++) {
		struct slot *sl = &s->slots[(home + i) & s->mask];
		if (sl->until > now && !memcmp(sl->key, key, KEY_BYTES)) {
			rc = 0;
			break;
		}
		if (!free_slot && sl->until <= now)
			free_slot = sl;
		if (sl->until == 0)
			break;  /* never used: nothing lies beyond it */
	}
	if (rc == 1 && !free_slot)
		rc = -1;
	if (rc == 1) {
		memcpy(free_slot->key, key, KEY_BYTES);
		free_slot->until = until > now ? until : now + 1;
	}
	pthread_mutex_unlock(&s->mu);
	return rc;
}
