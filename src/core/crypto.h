#ifndef QF_CRYPTO_H
#define QF_CRYPTO_H
/*
 * crypto: every cryptographic operation of qingfeng, behind one header.
 *
 * Two suites, chosen per deployment in the key file:
 *  - default: XChaCha20-Poly1305 (libsodium) for fields, HMAC-SHA-256 for
 *    the audit chain;
 *  - national (国密): SM4-CTR + HMAC-SM3 encrypt-then-MAC for fields,
 *    HMAC-SM3 for the audit chain (OpenSSL 3.0).
 * Passwords are always Argon2id (libsodium).  Keys never enter the
 * database or the log.  Ciphertexts are self-describing text
 * ("x1:<base64>" or "s1:<base64>") so either backend stores them as text
 * and a reader knows the suite.
 */
#include <stddef.h>
#include <stdint.h>

#include "core/compat.h"
#include "core/strbuf.h"

#define QF_KEY_BYTES 32
#define QF_MAC_BYTES 32
#define QF_TOKEN_CHARS 43       /* base64url of 32 random bytes, no padding */
#define QF_PWHASH_MAX 128       /* >= crypto_pwhash_STRBYTES */

struct qf_keys {
	int national;                        /* 1: SM3/SM4 suite */
	unsigned char field_key[QF_KEY_BYTES];
	unsigned char audit_key[QF_KEY_BYTES];
	/* the public channel's ferry (issue 13, core/ferrykey.c), each
	 * optional in the file: the sealing pair (X25519, crypto_box_seal)
	 * whose secret half only the intranet holds; this side's Ed25519
	 * signing key (the public half is its last 32 bytes); the other
	 * side's verify key */
	int has_seal_pk, has_seal_sk, has_sign, has_peer;
	unsigned char seal_pk[32], seal_sk[32];
	unsigned char sign_sk[64];
	unsigned char peer_pk[32];
};

/* sodium_init and OpenSSL algorithm lookups; 0 or -1. */
int crypto_setup(void) QF_WUR;
/* Known-answer tests of the suite in use (and Argon2id); 0 when all pass,
 * -1 with the failing algorithm named in err. */
int crypto_selftest(int national, struct strbuf *err) QF_WUR;

/* Creates a new key file with fresh random keys, mode 0600, refusing to
 * overwrite an existing file.  File format: lines "suite=default|national",
 * "field_key=<hex>", "audit_key=<hex>". */
int keyfile_create(const char *path, int national, struct strbuf *err) QF_WUR;
/* Loads it; refuses a file readable by group or others. */
int keyfile_load(const char *path, struct qf_keys *keys, struct strbuf *err) QF_WUR;
void keys_wipe(struct qf_keys *keys);
/* Sets lines "name=value" in an existing key file (names[i], values[i],
 * n of them): a line of the same name is replaced, a new one appended.
 * The file is written anew beside the old one (mode 0600, fsync) and
 * renamed over it, so a crash leaves the old or the new file whole.
 * The values are wiped from the buffers used.  0 or -1 with err. */
int keyfile_set(const char *path, const char *const *names, const char *const *values, int n,
		struct strbuf *err) QF_WUR;

/* The ferry keys (core/ferrykey.c).  Adds to the key file at path what
 * it lacks of this side's keys: on the intranet (public == 0) a sealing
 * pair and a signing key, on a public instance a signing key only.  The
 * number of lines added, or -1 with err. */
int ferrykey_ensure(const char *path, int public, struct strbuf *err) QF_WUR;
/* The text `qingfeng ferry key export` prints for the other side:
 * "role=intranet|public", "verify=<hex>" and, from the intranet,
 * "seal_public=<hex>".  keys must have a signing key. */
int ferrykey_export(const struct qf_keys *k, int public, struct strbuf *out) QF_WUR;
/* Reads that text from the other side and stores it in the key file at
 * path: peer_verify, and on a public instance seal_public.  Refuses text
 * from a side of the same role.  0 or -1 with err. */
int ferrykey_import(const char *path, int public, const char *text, struct strbuf *err) QF_WUR;

/* Field encryption.  `ad` binds the ciphertext to its place (for example
 * "person.id_number"); the same ad must be given to decrypt.  Appends
 * the text form to out.  Decrypt returns -1 on any tampering. */
int field_encrypt(const struct qf_keys *k, const char *ad, const void *pt, size_t len,
		  struct strbuf *out) QF_WUR;
int field_decrypt(const struct qf_keys *k, const char *ad, const char *ct,
		  struct strbuf *out) QF_WUR;

/* Audit-chain MAC: HMAC-SHA-256 or HMAC-SM3 with audit_key. */
void audit_mac(const struct qf_keys *k, const void *data, size_t len,
	       unsigned char mac[QF_MAC_BYTES]);
/* Plain HMACs (for tests and KATs). */
int hmac_sha256(const void *key, size_t klen, const void *data, size_t len,
		unsigned char mac[32]);
int hmac_sm3(const void *key, size_t klen, const void *data, size_t len,
	     unsigned char mac[32]);
/* SHA-256 of data as 64 lowercase hex chars + NUL. */
void sha256_hex(const void *data, size_t len, char hex[65]);

/* Argon2id.  Limits are set once at start (config); the defaults follow
 * OWASP: t=2, m=19 MiB. */
void password_set_limits(unsigned long long opslimit, size_t memlimit);
int password_hash(const char *pw, char out[QF_PWHASH_MAX]) QF_WUR;
/* 0 when pw matches hash, -1 otherwise; takes the same time either way for
 * a well-formed hash. */
int password_verify(const char *hash, const char *pw) QF_WUR;
/* Policy: at least minlen characters (code points) and at least `classes`
 * of the four classes lower, upper, digit, other.  -1 with a Chinese
 * message in err when it fails. */
int password_policy_check(const char *pw, int minlen, int classes, struct strbuf *err);
/* A valid Argon2id hash of a random password under the current limits,
 * computed once (thread-safe) and never freed.  A login for an unknown
 * user verifies against it so that it costs what a real one does.  Call
 * password_set_limits before the first use. */
const char *password_dummy_hash(void);
/* 1 when hash was made with other limits than the current ones (rehash it
 * after the next successful login), 0 when not, -1 when it is malformed. */
int password_needs_rehash(const char *hash);

/* A MAC of data under a key derived from the field key for one purpose
 * (a label, so that no two uses share a key): HMAC(HMAC(field_key,
 * purpose), data), HMAC-SHA-256 or HMAC-SM3 by suite.  0 or -1. */
int keyed_mac(const struct qf_keys *k, const char *purpose, const void *data, size_t len,
	      unsigned char mac[QF_MAC_BYTES]) QF_WUR;

/* The login form's pre-session token (before any session exists): a time
 * and a random nonce with a MAC over both under a server key, base64url,
 * QF_PRETOKEN_CHARS + NUL.  A client cannot choose one the server accepts. */
#define QF_PRETOKEN_CHARS 54
void pretoken_new(const struct qf_keys *k, int64_t now, char out[QF_PRETOKEN_CHARS + 1]);
/* 0 when tok is a token of this server made at most max_age seconds
 * before now (and not after it), -1 otherwise. */
int pretoken_check(const struct qf_keys *k, const char *tok, int64_t now, int64_t max_age);

/* A random token, base64url, QF_TOKEN_CHARS + NUL. */
void token_new(char out[QF_TOKEN_CHARS + 1]);
/* Constant-time equality of two NUL-terminated strings of equal length;
 * 0 when equal. */
int ct_streq(const char *a, const char *b);
void hex_encode(const unsigned char *in, size_t len, char *out /* 2*len+1 */);
int hex_decode(const char *in, unsigned char *out, size_t outlen);

/* TOTP (RFC 6238, 30 s, 6 digits, SHA-1) through liboath.  Secrets are
 * base32 text (what authenticator apps take). */
int totp_secret_new(char out[33]) QF_WUR;                   /* 20 bytes -> 32 base32 chars */
/* 0 when code is valid for now within +-1 step, -1 otherwise. */
int totp_check(const char *secret_b32, const char *code, int64_t now);
/* As totp_check, and stores the time-step counter the code belongs to in
 * *counter: the caller keeps the last accepted counter per user and refuses
 * a code whose counter is not greater (RFC 6238 section 5.2, no replay). */
int totp_check_counter(const char *secret_b32, const char *code, int64_t now,
		       uint64_t *counter);
/* Computes the code for a time (tests and the enrolment check). */
int totp_code(const char *secret_b32, int64_t now, char out[7]);
/* otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=... */
int totp_uri(const char *issuer, const char *account, const char *secret_b32, struct strbuf *out);
/* The QR code of text as a standalone <svg> element (libqrencode). */
int qr_svg(const char *text, struct strbuf *out) QF_WUR;
/* The same symbol as a PNG (libgd), each module QR_PNG_MODULE pixels
 * square, the 4-module quiet zone included: for documents, where a
 * version-5 symbol of a rating page's address (37 modules) is 450 pixels,
 * 127 dpi when printed 90 mm wide.  0, or -1. */
#define QR_PNG_MODULE 10
int qr_png(const char *text, struct strbuf *out) QF_WUR;

#endif
