/*
 * crypto.c: start-up of the crypto layer, its known-answer self-test, and
 * the small helpers every other module uses (hex, random tokens,
 * constant-time string comparison, SHA-256 in hex).
 *
 * Guarantees: crypto_setup() is idempotent; crypto_selftest() checks each
 * primitive of the chosen suite against a published vector (or, where no
 * vector is published, against a value computed independently and noted
 * beside it) and names the first one that fails.  Tokens come from the
 * operating system's CSPRNG through libsodium.
 */
#include "core/crypto.h"

#include <string.h>

#include <openssl/evp.h>
#include <sodium.h>

_Static_assert(QF_PWHASH_MAX >= crypto_pwhash_STRBYTES, "QF_PWHASH_MAX too small");
_Static_assert(sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING) ==
		       QF_TOKEN_CHARS + 1,
	       "token length");
_Static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == QF_KEY_BYTES, "field key size");

int crypto_setup(void)
{
	EVP_MAC *mac;

	if (sodium_init() < 0)
		return -1;
	/* The HMAC provider must exist whatever the suite: hmac_sm3 uses it. */
	mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	if (!mac)
		return -1;
	EVP_MAC_free(mac);
	return 0;
}

void hex_encode(const unsigned char *in, size_t len, char *out)
{
	sodium_bin2hex(out, 2 * len + 1, in, len);
}

/* Exactly 2*outlen hex digits and nothing else; 0 or -1 (out zeroed). */
int hex_decode(const char *in, unsigned char *out, size_t outlen)
{
	size_t inlen, binlen = 0;

	if (!in)
		return -1;
	inlen = strlen(in);
	if (inlen != 2 * outlen ||
	    sodium_hex2bin(out, outlen, in, inlen, NULL, &binlen, NULL) != 0 ||
	    binlen != outlen) {
		sodium_memzero(out, outlen);
		return -1;
	}
	return 0;
}

void token_new(char out[QF_TOKEN_CHARS + 1])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, QF_TOKEN_CHARS + 1, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

/* Lengths are not secret (tokens have a fixed length); contents are. */
int ct_streq(const char *a, const char *b)
{
	size_t la, lb;

	if (!a || !b)
		return -1;
	la = strlen(a);
	lb = strlen(b);
	if (la != lb)
		return -1;
	return sodium_memcmp(a, b, la) == 0 ? 0 : -1;
}

void sha256_hex(const void *data, size_t len, char hex[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, data, len);
	hex_encode(h, sizeof(h), hex);
}

/* ---- known-answer tests ------------------------------------------------ */

static int eq_hex(const unsigned char *got, size_t len, const char *want_hex)
{
	char hex[512];

	if (2 * len + 1 > sizeof(hex))
		return -1;
	hex_encode(got, len, hex);
	return strcmp(hex, want_hex) == 0 ? 0 : -1;
}

static int kat_sha256(void)
{
	char hex[65];

	sha256_hex("abc", 3, hex);
	return strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0
		       ? 0 : -1;
}

/* RFC 4231, test case 2. */
static int kat_hmac_sha256(void)
{
	static const char data[] = "what do ya want for nothing?";
	unsigned char mac[32];

	if (hmac_sha256("Jefe", 4, data, sizeof(data) - 1, mac) < 0)
		return -1;
	return eq_hex(mac, sizeof(mac),
		      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

/* draft-irtf-cfrg-xchacha-03, appendix A.3.1; then a flipped tag bit. */
static int kat_xchacha20poly1305(void)
{
	static const char pt[] = "Ladies and Gentlemen of the class of '99: If I could offer you "
				 "only one tip for the future, sunscreen would be it.";
	static const char want[] =
		"bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
		"731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
		"2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
		"21f9664c97637da9768812f615c68b13b52e"
		"c0875924c1c7987947deafd8780acf49";
	static const unsigned char ad[] = { 0x50, 0x51, 0x52, 0x53, 0xc0, 0xc1,
					    0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7 };
	unsigned char key[32], nonce[24], ct[sizeof(pt) - 1 + 16], back[sizeof(pt) - 1];
	unsigned long long ctlen = 0, backlen = 0;
	size_t i;

	for (i = 0; i < sizeof(key); i++)
		key[i] = (unsigned char)(0x80 + i);
	for (i = 0; i < sizeof(nonce); i++)
		nonce[i] = (unsigned char)(0x40 + i);
	if (crypto_aead_xchacha20poly1305_ietf_encrypt(ct, &ctlen, (const unsigned char *)pt,
						       sizeof(pt) - 1, ad, sizeof(ad), NULL,
						       nonce, key) != 0 ||
	    ctlen != sizeof(ct) || eq_hex(ct, sizeof(ct), want) < 0)
		return -1;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(back, &backlen, NULL, ct, sizeof(ct), ad,
						       sizeof(ad), nonce, key) != 0 ||
	    backlen != sizeof(back) || memcmp(back, pt, sizeof(back)) != 0)
		return -1;
	ct[sizeof(ct) - 1] ^= 1;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(back, &backlen, NULL, ct, sizeof(ct), ad,
						       sizeof(ad), nonce, key) == 0)
		return -1;
	return 0;
}

/* A reference-implementation vector (argon2 CLI: "123", salt
 * ABCDEFGHIJKLMNOP, -id -v 13 -k 1024 -t 5) in the encoded form. */
static int kat_argon2id(void)
{
	static const char hash[] = "$argon2id$v=19$m=1024,t=5,p=1$QUJDREVGR0hJSktMTU5PUA$"
				   "PF0BAYC6DPW2uFjLojsxjkLTMIiYPEBFmFmcOwKeysY";

	if (password_verify(hash, "123") != 0)
		return -1;
	if (password_verify(hash, "124") == 0)
		return -1;
	return 0;
}

static int kat_sm3(void)
{
	unsigned char md[32];
	unsigned int mdlen = 0;

	if (!EVP_Digest("abc", 3, md, &mdlen, EVP_sm3(), NULL) || mdlen != sizeof(md))
		return -1;
	return eq_hex(md, sizeof(md),
		      "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

/* No standard vector is published for HMAC-SM3; this one (RFC 4231 case 2
 * inputs) was checked against a separate HMAC construction over SM3. */
static int kat_hmac_sm3(void)
{
	static const char data[] = "what do ya want for nothing?";
	unsigned char mac[32];

	if (hmac_sm3("Jefe", 4, data, sizeof(data) - 1, mac) < 0)
		return -1;
	return eq_hex(mac, sizeof(mac),
		      "2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882");
}

static const unsigned char sm4_v[16] = { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
					 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10 };
static const unsigned char sm4_c[16] = { 0x68, 0x1e, 0xdf, 0x34, 0xd2, 0x06, 0x96, 0x5e,
					 0x86, 0xb3, 0xe9, 0x4f, 0x53, 0x6e, 0x42, 0x46 };

/* One pass of cipher over len bytes (no padding); 0 or -1. */
static int evp_once(const EVP_CIPHER *cipher, const unsigned char *key, const unsigned char *iv,
		    const unsigned char *in, int len, unsigned char *out)
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int n = 0, m = 0, rc = -1;

	if (!ctx)
		return -1;
	if (EVP_EncryptInit_ex(ctx, cipher, NULL, key, iv) == 1 &&
	    EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 &&
	    EVP_EncryptUpdate(ctx, out, &n, in, len) == 1 &&
	    EVP_EncryptFinal_ex(ctx, out + n, &m) == 1 && n + m == len)
		rc = 0;
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

/* GB/T 32907-2016 appendix A, example 1: key = plaintext. */
static int kat_sm4_ecb(void)
{
	unsigned char out[16];

	if (evp_once(EVP_sm4_ecb(), sm4_v, NULL, sm4_v, 16, out) < 0)
		return -1;
	return memcmp(out, sm4_c, 16) == 0 ? 0 : -1;
}

/* CTR from the same vector: with counter block C = the vector's plaintext,
 * block 1 is P1 ^ SM4(C) (SM4(C) published), block 2 is P2 ^ SM4(C + 1)
 * (computed here with ECB, which the previous test fixed). */
static int kat_sm4_ctr(void)
{
	unsigned char pt[32], want[32], got[32], c1[16], ks2[16];
	size_t i;

	for (i = 0; i < sizeof(pt); i++)
		pt[i] = (unsigned char)(0xa5 ^ (i * 7));
	memcpy(c1, sm4_v, 16);
	c1[15]++;               /* 0x10 -> 0x11, no carry */
	if (evp_once(EVP_sm4_ecb(), sm4_v, NULL, c1, 16, ks2) < 0)
		return -1;
	for (i = 0; i < 16; i++) {
		want[i] = pt[i] ^ sm4_c[i];
		want[16 + i] = pt[16 + i] ^ ks2[i];
	}
	if (evp_once(EVP_sm4_ctr(), sm4_v, sm4_v, pt, 32, got) < 0)
		return -1;
	return memcmp(got, want, 32) == 0 ? 0 : -1;
}

/* A field round trip of the given suite, then the same ciphertext under
 * another ad and with one character changed, both of which must fail. */
static int field_roundtrip(int national)
{
	static const char msg[] = "举报人：张三，联系电话 13800000000";
	struct qf_keys k;
	struct strbuf ct = STRBUF_INIT, pt = STRBUF_INIT;
	int rc = -1;

	memset(&k, 0, sizeof(k));
	k.national = national;
	randombytes_buf(k.field_key, sizeof(k.field_key));
	if (field_encrypt(&k, "selftest.a", msg, sizeof(msg) - 1, &ct) < 0 ||
	    strncmp(ct.buf, national ? "s1:" : "x1:", 3) != 0)
		goto out;
	if (field_decrypt(&k, "selftest.a", ct.buf, &pt) < 0 || pt.len != sizeof(msg) - 1 ||
	    memcmp(pt.buf, msg, pt.len) != 0)
		goto out;
	strbuf_reset(&pt);
	if (field_decrypt(&k, "selftest.b", ct.buf, &pt) == 0)
		goto out;
	ct.buf[ct.len / 2] = ct.buf[ct.len / 2] == 'A' ? 'B' : 'A';
	if (field_decrypt(&k, "selftest.a", ct.buf, &pt) == 0)
		goto out;
	rc = 0;
out:
	keys_wipe(&k);
	strbuf_release(&ct);
	strbuf_release(&pt);
	return rc;
}

static int kat_field_x1(void)
{
	return field_roundtrip(0);
}

static int kat_field_s1(void)
{
	return field_roundtrip(1);
}

#define KAT_ANY 0
#define KAT_NATIONAL 1

static const struct kat {
	const char *name;
	int flags;
	int (*run)(void);
} kats[] = {
	{ "SHA-256", KAT_ANY, kat_sha256 },
	{ "HMAC-SHA-256", KAT_ANY, kat_hmac_sha256 },
	{ "XChaCha20-Poly1305", KAT_ANY, kat_xchacha20poly1305 },
	{ "field suite x1", KAT_ANY, kat_field_x1 },
	{ "Argon2id", KAT_ANY, kat_argon2id },
	{ "SM3", KAT_NATIONAL, kat_sm3 },
	{ "HMAC-SM3", KAT_NATIONAL, kat_hmac_sm3 },
	{ "SM4-ECB", KAT_NATIONAL, kat_sm4_ecb },
	{ "SM4-CTR", KAT_NATIONAL, kat_sm4_ctr },
	{ "field suite s1", KAT_NATIONAL, kat_field_s1 },
};

/* The default primitives are always checked (tokens, sessions and
 * passwords use them in either suite); the national ones only when asked. */
int crypto_selftest(int national, struct strbuf *err)
{
	size_t i;

	for (i = 0; i < QF_ARRAY_SIZE(kats); i++) {
		if ((kats[i].flags & KAT_NATIONAL) && !national)
			continue;
		if (kats[i].run() < 0) {
			if (err)
				strbuf_addf(err, "crypto self-test of '%s' failed", kats[i].name);
			return -1;
		}
	}
	return 0;
}
