/*
 * fieldcrypt.c: encryption of single database fields (reporter identities,
 * contact details, narratives) into self-describing text.
 *
 *   x1:<b64(nonce[24] || XChaCha20-Poly1305-IETF(pt, ad))>        default
 *   s1:<b64(iv[16] || SM4-CTR(pt) || HMAC-SM3(ad || 0x00 || iv || ct))>
 *
 * b64 is base64url without padding (text-safe in SQL, JSON and URLs).  In
 * s1 the SM4 key and the MAC key are derived apart from field_key
 * (HMAC-SM3(field_key, "qf-s1-enc"), first 16 bytes, and
 * HMAC-SM3(field_key, "qf-s1-mac")); the MAC is checked in constant time
 * before anything is decrypted (encrypt-then-MAC).  `ad` is a C string, so
 * the 0x00 after it ends it unambiguously.
 *
 * Guarantees: random nonces/IVs from the OS CSPRNG for every call; decrypt
 * returns -1 for any change to the text, for another ad, for another key
 * and for text it cannot parse, and then leaves out as it was; plaintext
 * held in temporary buffers is wiped before they are freed.  Encryption
 * uses the suite of the key set; decryption follows the prefix, so data
 * written before a change of suite stays readable.
 */
#include "core/crypto.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <sodium.h>

#define B64 sodium_base64_VARIANT_URLSAFE_NO_PADDING
#define X1_NONCE crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define X1_TAG crypto_aead_xchacha20poly1305_ietf_ABYTES
#define S1_IV 16
#define S1_KEY 16
#define S1_MAC 32
#define PREFIX_LEN 3
/* Any larger length is refused before a size computation can overflow. */
#define FIELD_MAX ((size_t)1 << 30)

static pthread_once_t sm4_once = PTHREAD_ONCE_INIT;
static EVP_CIPHER *sm4_ctr;    /* never freed: lives as long as the process */

static void sm4_fetch(void)
{
	sm4_ctr = EVP_CIPHER_fetch(NULL, "SM4-CTR", NULL);
}

/* Wipes and frees a buffer that held plaintext. */
static void secret_free(void *p, size_t len)
{
	if (p) {
		sodium_memzero(p, len);
		free(p);
	}
}

/* Appends "pfx" + base64url(bin) to out in one step; 0 or -1. */
static int add_b64(struct strbuf *out, const char *pfx, const unsigned char *bin, size_t len)
{
	size_t b64len = sodium_base64_ENCODED_LEN(len, B64);
	char *b64 = malloc(PREFIX_LEN + b64len);
	int rc;

	if (!b64)
		return -1;
	memcpy(b64, pfx, PREFIX_LEN);
	sodium_bin2base64(b64 + PREFIX_LEN, b64len, bin, len, B64);
	rc = strbuf_add(out, b64, PREFIX_LEN + b64len - 1);
	free(b64);
	return rc;
}

/* Decodes base64url text into bin (room for cap bytes); 0 or -1. */
static int get_b64(const char *b64, size_t b64len, unsigned char *bin, size_t cap,
		   size_t *binlen)
{
	return sodium_base642bin(bin, cap, b64, b64len, NULL, binlen, NULL, B64) == 0 ? 0 : -1;
}

/* SM4-CTR over len bytes (encryption and decryption are the same). */
static int sm4_ctr_xor(const unsigned char key[S1_KEY], const unsigned char iv[S1_IV],
		       const unsigned char *in, size_t len, unsigned char *out)
{
	EVP_CIPHER_CTX *ctx;
	size_t done = 0;
	int n, rc = -1;

	pthread_once(&sm4_once, sm4_fetch);
	if (!sm4_ctr)
		return -1;
	ctx = EVP_CIPHER_CTX_new();
	if (!ctx)
		return -1;
	if (EVP_EncryptInit_ex2(ctx, sm4_ctr, key, iv, NULL) != 1)
		goto out;
	while (done < len) {
		size_t chunk = len - done > (1u << 20) ? (1u << 20) : len - done;
		if (EVP_EncryptUpdate(ctx, out + done, &n, in + done, (int)chunk) != 1 ||
		    (size_t)n != chunk)
			goto out;
		done += chunk;
	}
	if (EVP_EncryptFinal_ex(ctx, out + done, &n) != 1 || n != 0)
		goto out;
	rc = 0;
out:
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

/* The two s1 keys from field_key. */
static int s1_keys(const struct qf_keys *k, unsigned char enc[32], unsigned char mac[32])
{
	static const char l_enc[] = "qf-s1-enc", l_mac[] = "qf-s1-mac";

	if (hmac_sm3(k->field_key, sizeof(k->field_key), l_enc, sizeof(l_enc) - 1, enc) < 0 ||
	    hmac_sm3(k->field_key, sizeof(k->field_key), l_mac, sizeof(l_mac) - 1, mac) < 0) {
		sodium_memzero(enc, 32);
		sodium_memzero(mac, 32);
		return -1;
	}
	return 0;
}

static int x1_encrypt(const struct qf_keys *k, const char *ad, const void *pt, size_t len,
		      struct strbuf *out)
{
	size_t n = X1_NONCE + len + X1_TAG;
	unsigned char *bin = malloc(n);
	int rc = -1;

	if (!bin)
		return -1;
	randombytes_buf(bin, X1_NONCE);
	if (crypto_aead_xchacha20poly1305_ietf_encrypt(bin + X1_NONCE, NULL, pt, len,
						       (const unsigned char *)ad, strlen(ad),
						       NULL, bin, k->field_key) == 0)
		rc = add_b64(out, "x1:", bin, n);
	free(bin);
	return rc;
}

static int x1_decrypt(const struct qf_keys *k, const char *ad, const char *b64, size_t b64len,
		      struct strbuf *out)
{
	size_t cap = b64len / 4 * 3 + 3, n = 0, ptlen = 0;
	unsigned char *bin = malloc(cap), *pt = NULL;
	int rc = -1;

	if (!bin)
		return -1;
	if (get_b64(b64, b64len, bin, cap, &n) < 0 || n < X1_NONCE + X1_TAG)
		goto out;
	ptlen = n - X1_NONCE - X1_TAG;
	pt = malloc(ptlen + 1);
	if (!pt)
		goto out;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(pt, NULL, NULL, bin + X1_NONCE,
						       n - X1_NONCE,
						       (const unsigned char *)ad, strlen(ad),
						       bin, k->field_key) != 0)
		goto out;
	rc = strbuf_add(out, pt, ptlen);
out:
	secret_free(pt, ptlen + 1);
	free(bin);
	return rc;
}

/* Buffer layout for s1, encrypting and decrypting alike:
 *   [ad][0x00][iv][ct][mac]
 * The MAC covers everything before it; the text encodes [iv][ct][mac]. */
static int s1_encrypt(const struct qf_keys *k, const char *ad, const void *pt, size_t len,
		      struct strbuf *out)
{
	size_t adlen = strlen(ad), body = S1_IV + len + S1_MAC;
	unsigned char *buf, *iv, *ct, enc[32], mac[32];
	int rc = -1;

	if (adlen > FIELD_MAX)
		return -1;
	buf = malloc(adlen + 1 + body);
	if (!buf)
		return -1;
	memcpy(buf, ad, adlen);
	buf[adlen] = 0;
	iv = buf + adlen + 1;
	ct = iv + S1_IV;
	randombytes_buf(iv, S1_IV);
	if (s1_keys(k, enc, mac) < 0)
		goto out;
	if (sm4_ctr_xor(enc, iv, pt, len, ct) < 0 ||
	    hmac_sm3(mac, sizeof(mac), buf, adlen + 1 + S1_IV + len, ct + len) < 0)
		goto out;
	rc = add_b64(out, "s1:", iv, body);
out:
	sodium_memzero(enc, sizeof(enc));
	sodium_memzero(mac, sizeof(mac));
	free(buf);
	return rc;
}

static int s1_decrypt(const struct qf_keys *k, const char *ad, const char *b64, size_t b64len,
		      struct strbuf *out)
{
	size_t adlen = strlen(ad), cap = b64len / 4 * 3 + 3, n = 0, ctlen = 0;
	unsigned char *buf, *iv, *pt = NULL, enc[32], mac[32], want[S1_MAC];
	int rc = -1;

	if (adlen > FIELD_MAX)
		return -1;
	buf = malloc(adlen + 1 + cap);
	if (!buf)
		return -1;
	memcpy(buf, ad, adlen);
	buf[adlen] = 0;
	iv = buf + adlen + 1;
	if (get_b64(b64, b64len, iv, cap, &n) < 0 || n < S1_IV + S1_MAC)
		goto out;
	ctlen = n - S1_IV - S1_MAC;
	if (s1_keys(k, enc, mac) < 0)
		goto out;
	if (hmac_sm3(mac, sizeof(mac), buf, adlen + 1 + S1_IV + ctlen, want) < 0 ||
	    CRYPTO_memcmp(want, iv + S1_IV + ctlen, S1_MAC) != 0)
		goto out;
	pt = malloc(ctlen + 1);
	if (!pt || sm4_ctr_xor(enc, iv, iv + S1_IV, ctlen, pt) < 0)
		goto out;
	rc = strbuf_add(out, pt, ctlen);
out:
	secret_free(pt, ctlen + 1);
	sodium_memzero(enc, sizeof(enc));
	sodium_memzero(mac, sizeof(mac));
	free(buf);
	return rc;
}

int field_encrypt(const struct qf_keys *k, const char *ad, const void *pt, size_t len,
		  struct strbuf *out)
{
	if (!k || !ad || (!pt && len) || len > FIELD_MAX)
		return -1;
	if (!pt)
		pt = "";
	return k->national ? s1_encrypt(k, ad, pt, len, out) : x1_encrypt(k, ad, pt, len, out);
}

int field_decrypt(const struct qf_keys *k, const char *ad, const char *ct, struct strbuf *out)
{
	size_t len;

	if (!k || !ad || !ct)
		return -1;
	len = strlen(ct);
	if (len < PREFIX_LEN || len - PREFIX_LEN > FIELD_MAX / 3 * 4 + 4)
		return -1;
	if (memcmp(ct, "x1:", PREFIX_LEN) == 0)
		return x1_decrypt(k, ad, ct + PREFIX_LEN, len - PREFIX_LEN, out);
	if (memcmp(ct, "s1:", PREFIX_LEN) == 0)
		return s1_decrypt(k, ad, ct + PREFIX_LEN, len - PREFIX_LEN, out);
	return -1;
}
