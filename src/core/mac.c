/*
 * mac.c: message authentication codes.
 *
 * HMAC-SHA-256 comes from libsodium, HMAC-SM3 from OpenSSL 3's EVP_MAC
 * "HMAC" with digest "SM3".  The EVP_MAC method is fetched once per process
 * (fetched methods are immutable and may be shared by threads); each call
 * has its own context.  audit_mac() picks the suite from the key set and,
 * since the audit chain cannot record an entry without its MAC, treats a
 * failure of the library (only possible when memory runs out, the
 * self-test having proved the algorithm) as fatal, like strbuf does.
 */
#include "core/crypto.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <sodium.h>

static pthread_once_t hmac_once = PTHREAD_ONCE_INIT;
static EVP_MAC *hmac_method;   /* never freed: lives as long as the process */

static void hmac_fetch(void)
{
	hmac_method = EVP_MAC_fetch(NULL, "HMAC", NULL);
}

int hmac_sha256(const void *key, size_t klen, const void *data, size_t len,
		unsigned char mac[32])
{
	crypto_auth_hmacsha256_state st;

	if (crypto_auth_hmacsha256_init(&st, key, klen) != 0 ||
	    crypto_auth_hmacsha256_update(&st, data, len) != 0 ||
	    crypto_auth_hmacsha256_final(&st, mac) != 0) {
		sodium_memzero(&st, sizeof(st));
		return -1;
	}
	sodium_memzero(&st, sizeof(st));
	return 0;
}

int hmac_sm3(const void *key, size_t klen, const void *data, size_t len,
	     unsigned char mac[32])
{
	static const unsigned char empty[1];
	char digest[] = "SM3";
	OSSL_PARAM params[2];
	EVP_MAC_CTX *ctx;
	size_t outlen = 0;
	int rc = -1;

	pthread_once(&hmac_once, hmac_fetch);
	if (!hmac_method)
		return -1;
	ctx = EVP_MAC_CTX_new(hmac_method);
	if (!ctx)
		return -1;
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0);
	params[1] = OSSL_PARAM_construct_end();
	/* A NULL key means "keep the previous key" to OpenSSL: pass a real
	 * pointer for the empty key. */
	if (EVP_MAC_init(ctx, klen ? key : empty, klen, params) == 1 &&
	    EVP_MAC_update(ctx, data ? data : empty, len) == 1 &&
	    EVP_MAC_final(ctx, mac, &outlen, 32) == 1 && outlen == 32)
		rc = 0;
	EVP_MAC_CTX_free(ctx);
	return rc;
}

void audit_mac(const struct qf_keys *k, const void *data, size_t len,
	       unsigned char mac[QF_MAC_BYTES])
{
	int rc;

	if (k->national)
		rc = hmac_sm3(k->audit_key, sizeof(k->audit_key), data, len, mac);
	else
		rc = hmac_sha256(k->audit_key, sizeof(k->audit_key), data, len, mac);
	if (rc < 0) {
		fputs("fatal: audit MAC failed\n", stderr);
		abort();
	}
}
