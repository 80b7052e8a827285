/*
 * pullauth.c: signing and checking the ferry pull's requests (pullauth.h).
 */
#include "core/pullauth.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/crypto.h"
#include "core/pow.h"

#define MAGIC "qingfeng-pull 1\n"

static void mac_of(const unsigned char key[32], const char *method, const char *path,
		   const char *time, const char *nonce, const void *body, size_t len,
		   unsigned char out[crypto_auth_hmacsha256_BYTES])
{
	crypto_auth_hmacsha256_state st;
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * sizeof(h) + 1];
	const char *parts[] = { method, path, time, nonce, hex };

	crypto_hash_sha256(h, (const unsigned char *)(len ? body : ""), len);
	hex_encode(h, sizeof(h), hex);
	crypto_auth_hmacsha256_init(&st, key, 32);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)MAGIC, strlen(MAGIC));
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)parts[i], strlen(parts[i]));
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	}
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(&st, sizeof(st));
}

void pull_sign(const unsigned char key[32], const char *method, const char *path, int64_t now,
	       const void *body, size_t len, struct pull_sig *sig)
{
	unsigned char nonce[16], mac[crypto_auth_hmacsha256_BYTES];

	snprintf(sig->time, sizeof(sig->time), "%" PRId64, now);
	randombytes_buf(nonce, sizeof(nonce));
	sodium_bin2base64(sig->nonce, sizeof(sig->nonce), nonce, sizeof(nonce),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	mac_of(key, method, path, sig->time, sig->nonce, body, len, mac);
	hex_encode(mac, sizeof(mac), sig->mac);
}

enum pull_verdict pull_check(const unsigned char key[32], const char *method, const char *path,
			     const char *time, const char *nonce, const char *mac,
			     const void *body, size_t len, int64_t now, struct pow_seen *seen)
{
	unsigned char want[crypto_auth_hmacsha256_BYTES], got[crypto_auth_hmacsha256_BYTES];
	char *end;
	long long t;
	int bad;

	if (!time || !nonce || !mac || strlen(nonce) != PULL_NONCE_CHARS ||
	    strspn(nonce, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
		    PULL_NONCE_CHARS ||
	    !*time || strlen(time) > 20 || strspn(time, "0123456789") != strlen(time) ||
	    strlen(mac) != 2 * sizeof(got) || hex_decode(mac, got, sizeof(got)) < 0)
		return PULL_UNAUTH;
	mac_of(key, method, path, time, nonce, body, len, want);
	bad = sodium_memcmp(want, got, sizeof(want));
	sodium_memzero(want, sizeof(want));
	if (bad)
		return PULL_UNAUTH;
	t = strtoll(time, &end, 10);
	if (t < now - PULL_SKEW || t > now + PULL_SKEW)
		return PULL_STALE;
	switch (pow_seen_mark(seen, nonce, now, t + PULL_SKEW + 1)) {
	case 1:
		return PULL_OK;
	case 0:
		return PULL_REPLAY;
	default:
		return PULL_FULL;
	}
}
