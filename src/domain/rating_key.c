/*
 * rating_key.c: the rating pages' idempotency key (domain/rating_key.h).
 *
 * Guarantees: rating_key_hash is a function of the key alone; the token
 * part of a key is 32 random bytes (token_new).
 */
#include "domain/rating_key.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "core/crypto.h"

void rating_key_new(char out[RATING_KEY_CHARS + 1])
{
	struct timespec ts;
	unsigned long long tick;

	clock_gettime(CLOCK_REALTIME, &ts);
	tick = (unsigned long long)ts.tv_sec * 64 + (unsigned long long)ts.tv_nsec / (1000000000 / 64);
	snprintf(out, RATING_KEY_TICK_CHARS + 1, "%0*llx", RATING_KEY_TICK_CHARS,
		 tick & 0xffffffffffULL);
	token_new(out + RATING_KEY_TICK_CHARS);
}

static int has_tick(const char *key)
{
	return strlen(key) == RATING_KEY_CHARS &&
	       strspn(key, "0123456789abcdef") >= RATING_KEY_TICK_CHARS;
}

int64_t rating_key_born(const char *key)
{
	char tick[RATING_KEY_TICK_CHARS + 1];

	if (!has_tick(key))
		return -1;
	memcpy(tick, key, RATING_KEY_TICK_CHARS);
	tick[RATING_KEY_TICK_CHARS] = '\0';
	return (int64_t)(strtoull(tick, NULL, 16) / 64);
}

void rating_key_digest(const char *key, unsigned char d[SEEN_DIGEST])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)key, strlen(key), NULL, 0);
	memcpy(d, h, SEEN_DIGEST);
}

void rating_key_digest_hex(const unsigned char d[SEEN_DIGEST], char *hex)
{
	hex_encode(d, SEEN_DIGEST, hex);
}

void rating_key_hash(const char *key, char out[RATING_KEY_HASH_MAX])
{
	unsigned char h[32];
	size_t n = has_tick(key) ? RATING_KEY_TICK_CHARS : 0;

	crypto_generichash(h, sizeof(h), (const unsigned char *)key, strlen(key), NULL, 0);
	memcpy(out, key, n);
	hex_encode(h, sizeof(h), out + n);
}
