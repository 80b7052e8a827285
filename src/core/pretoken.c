/*
 * pretoken.c: the login form's pre-session token, and the keyed MAC it
 * uses.
 *
 * Before a session exists the login form is protected against login CSRF
 * by a double-submit token (the same value in a cookie and in the form).
 * A plain random value could be chosen by an attacker who can plant a
 * cookie; this token is not: it is base64url(time ‖ nonce ‖ MAC) where the
 * MAC (16 bytes, truncated) covers the time and the nonce under a key
 * derived from the key file's field key, so only this server makes tokens
 * it accepts, and each is good for a bounded time.  It guarantees nothing
 * about who holds it: that is what the cookie (and __Host- under TLS) is
 * for.
 */
#include "core/crypto.h"

#include <string.h>

#include <sodium.h>

#define PT_TIME 8
#define PT_NONCE 16
#define PT_MAC 16
#define PT_RAW (PT_TIME + PT_NONCE + PT_MAC)
#define PT_PURPOSE "qingfeng login form token v1"

/* The sub-key of a purpose (the first HMAC of keyed_mac: a function of
 * the field key and the purpose only), kept per thread for the last few
 * purposes: a MAC then costs one HMAC instead of two (issue 16: the login
 * form's token was 18 % of GET /login's instructions).  The sub-keys stay
 * in the thread's memory as the field key stays in the process's. */
#define SUBKEY_SLOTS 4
#define SUBKEY_PURPOSE_MAX 64
static _Thread_local struct subkey {
	int used, national;
	unsigned char key[QF_KEY_BYTES];
	char purpose[SUBKEY_PURPOSE_MAX];
	unsigned char sub[QF_MAC_BYTES];
} subkeys[SUBKEY_SLOTS];
static _Thread_local unsigned subkey_next;

static int subkey(const struct qf_keys *k, const char *purpose, unsigned char sub[QF_MAC_BYTES])
{
	size_t plen = strlen(purpose);
	struct subkey *e;
	int rc;

	for (int i = 0; i < SUBKEY_SLOTS; i++) {
		e = &subkeys[i];
		if (e->used && e->national == k->national && !strcmp(e->purpose, purpose) &&
		    !sodium_memcmp(e->key, k->field_key, sizeof(e->key))) {
			memcpy(sub, e->sub, QF_MAC_BYTES);
			return 0;
		}
	}
	if (k->national)
		rc = hmac_sm3(k->field_key, sizeof(k->field_key), purpose, plen, sub);
	else
		rc = hmac_sha256(k->field_key, sizeof(k->field_key), purpose, plen, sub);
	if (rc < 0 || plen >= SUBKEY_PURPOSE_MAX)
		return rc < 0 ? -1 : 0;
	e = &subkeys[subkey_next++ % SUBKEY_SLOTS];
	e->used = 1;
	e->national = k->national;
	memcpy(e->key, k->field_key, sizeof(e->key));
	memcpy(e->purpose, purpose, plen + 1);
	memcpy(e->sub, sub, QF_MAC_BYTES);
	return 0;
}

int keyed_mac(const struct qf_keys *k, const char *purpose, const void *data, size_t len,
	      unsigned char mac[QF_MAC_BYTES])
{
	unsigned char sub[QF_MAC_BYTES];
	int rc;

	if (subkey(k, purpose, sub) < 0)
		rc = -1;
	else if (k->national)
		rc = hmac_sm3(sub, sizeof(sub), data, len, mac) < 0 ? -1 : 0;
	else
		rc = hmac_sha256(sub, sizeof(sub), data, len, mac) < 0 ? -1 : 0;
	sodium_memzero(sub, sizeof(sub));
	return rc;
}

static void put_time(unsigned char *p, int64_t t)
{
	for (int i = PT_TIME - 1; i >= 0; i--, t >>= 8)
		p[i] = (unsigned char)(t & 0xff);
}

static int64_t get_time(const unsigned char *p)
{
	uint64_t t = 0;

	for (int i = 0; i < PT_TIME; i++)
		t = t << 8 | p[i];
	return (int64_t)t;
}

void pretoken_new(const struct qf_keys *k, int64_t now, char out[QF_PRETOKEN_CHARS + 1])
{
	unsigned char raw[PT_RAW], mac[QF_MAC_BYTES];

	put_time(raw, now);
	randombytes_buf(raw + PT_TIME, PT_NONCE);
	/* the MAC cannot fail but for lack of memory: then the token is
	 * random and will simply be refused */
	if (keyed_mac(k, PT_PURPOSE, raw, PT_TIME + PT_NONCE, mac) < 0)
		randombytes_buf(mac, sizeof(mac));
	memcpy(raw + PT_TIME + PT_NONCE, mac, PT_MAC);
	sodium_bin2base64(out, QF_PRETOKEN_CHARS + 1, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(mac, sizeof(mac));
}

int pretoken_check(const struct qf_keys *k, const char *tok, int64_t now, int64_t max_age)
{
	unsigned char raw[PT_RAW], mac[QF_MAC_BYTES];
	size_t n = 0;
	int64_t t;
	int rc = -1;

	if (!tok || strlen(tok) != QF_PRETOKEN_CHARS ||
	    sodium_base642bin(raw, sizeof(raw), tok, QF_PRETOKEN_CHARS, NULL, &n, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || n != PT_RAW)
		return -1;
	t = get_time(raw);
	if (t > now + 60 || now - t > max_age)   /* a minute of clock skew between servers */
		return -1;
	if (keyed_mac(k, PT_PURPOSE, raw, PT_TIME + PT_NONCE, mac) == 0 &&
	    sodium_memcmp(mac, raw + PT_TIME + PT_NONCE, PT_MAC) == 0)
		rc = 0;
	sodium_memzero(mac, sizeof(mac));
	return rc;
}
