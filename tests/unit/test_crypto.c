/*
 * test_crypto.c: unit tests of the crypto layer (src/core/crypto.h).
 *
 * Vectors: RFC 4231 (HMAC-SHA-256), RFC 6238 (TOTP), GB/T 32907 and the
 * SM3 "abc" vector through the self-test; HMAC-SM3 values were computed
 * with `openssl mac -digest SM3 HMAC` and checked against a separate HMAC
 * construction over SM3.  Every test asserts something that can fail.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "core/crypto.h"

/* ---- helpers ----------------------------------------------------------- */

static void random_keys(struct qf_keys *k, int national)
{
	memset(k, 0, sizeof(*k));
	k->national = national;
	randombytes_buf(k->field_key, sizeof(k->field_key));
	randombytes_buf(k->audit_key, sizeof(k->audit_key));
}

static void assert_hex(const unsigned char *got, size_t len, const char *want)
{
	char hex[129];

	assert_true(2 * len + 1 <= sizeof(hex));
	hex_encode(got, len, hex);
	assert_string_equal(hex, want);
}

/* Decodes the text form, flips bit 0 of byte `at` (from the end when
 * negative), and re-encodes it with the same prefix. */
static void flip_byte(const char *ct, long at, struct strbuf *out)
{
	unsigned char bin[4096];
	char b64[8192];
	size_t n = 0;
	long i;

	assert_int_equal(sodium_base642bin(bin, sizeof(bin), ct + 3, strlen(ct + 3), NULL, &n,
					   NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
			 0);
	i = at < 0 ? (long)n + at : at;
	assert_true(i >= 0 && (size_t)i < n);
	bin[i] ^= 1;
	sodium_bin2base64(b64, sizeof(b64), bin, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	strbuf_reset(out);
	assert_int_equal(strbuf_add(out, ct, 3), 0);
	assert_int_equal(strbuf_addstr(out, b64), 0);
}

/* Writes text to a fresh file of the given mode; returns its path. */
static char *write_file(const char *dir, const char *name, const char *text, mode_t mode)
{
	struct strbuf path = STRBUF_INIT;
	FILE *f;

	assert_int_equal(strbuf_addf(&path, "%s/%s", dir, name), 0);
	f = fopen(path.buf, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path.buf, mode), 0);
	return strbuf_detach(&path, NULL);
}

static char *make_tmpdir(void)
{
	char *dir = strdup("/tmp/qf-test-crypto-XXXXXX");

	assert_non_null(dir);
	assert_non_null(mkdtemp(dir));
	return dir;
}

static void rm_rf(const char *dir)
{
	struct strbuf cmd = STRBUF_INIT;

	assert_int_equal(strbuf_addf(&cmd, "rm -rf '%s'", dir), 0);
	assert_int_equal(system(cmd.buf), 0);
	strbuf_release(&cmd);
}

static int group_setup(void **state)
{
	return crypto_setup();
}

/* ---- self-tests -------------------------------------------------------- */

static void test_selftest_default(void **state)
{
	struct strbuf err = STRBUF_INIT;

	if (crypto_selftest(0, &err) != 0)
		print_error("%s\n", err.buf);
	assert_int_equal(err.len, 0);
	assert_int_equal(crypto_selftest(0, NULL), 0);
	strbuf_release(&err);
}

static void test_selftest_national(void **state)
{
	struct strbuf err = STRBUF_INIT;

	if (crypto_selftest(1, &err) != 0)
		print_error("%s\n", err.buf);
	assert_int_equal(err.len, 0);
	assert_int_equal(crypto_selftest(1, NULL), 0);
	strbuf_release(&err);
}

/* ---- field encryption -------------------------------------------------- */

static void field_suite(int national)
{
	static const char msg[] = "实名举报：某局副局长违规收受礼金（电话 13912345678）";
	const char *prefix = national ? "s1:" : "x1:";
	struct qf_keys k, other;
	struct strbuf ct = STRBUF_INIT, ct2 = STRBUF_INIT, pt = STRBUF_INIT,
		      bad = STRBUF_INIT;
	long positions[] = { 0, 5, 20, -1, -17 };
	size_t i;

	random_keys(&k, national);
	random_keys(&other, national);

	assert_int_equal(field_encrypt(&k, "person.phone", msg, sizeof(msg) - 1, &ct), 0);
	assert_memory_equal(ct.buf, prefix, 3);
	assert_null(strstr(ct.buf, "1391"));

	/* round trip */
	assert_int_equal(field_decrypt(&k, "person.phone", ct.buf, &pt), 0);
	assert_int_equal(pt.len, sizeof(msg) - 1);
	assert_memory_equal(pt.buf, msg, pt.len);

	/* fresh nonce every time */
	assert_int_equal(field_encrypt(&k, "person.phone", msg, sizeof(msg) - 1, &ct2), 0);
	assert_string_not_equal(ct.buf, ct2.buf);

	/* another ad, another key */
	strbuf_reset(&pt);
	assert_int_equal(field_decrypt(&k, "person.name", ct.buf, &pt), -1);
	assert_int_equal(field_decrypt(&k, "", ct.buf, &pt), -1);
	assert_int_equal(field_decrypt(&other, "person.phone", ct.buf, &pt), -1);
	assert_int_equal(pt.len, 0);

	/* one flipped bit anywhere: nonce/IV, body, tag/MAC */
	for (i = 0; i < QF_ARRAY_SIZE(positions); i++) {
		flip_byte(ct.buf, positions[i], &bad);
		assert_string_not_equal(bad.buf, ct.buf);
		assert_int_equal(field_decrypt(&k, "person.phone", bad.buf, &pt), -1);
	}

	/* truncated text, and garbage */
	strbuf_reset(&bad);
	assert_int_equal(strbuf_add(&bad, ct.buf, ct.len - 4), 0);
	assert_int_equal(field_decrypt(&k, "person.phone", bad.buf, &pt), -1);
	strbuf_reset(&bad);
	assert_int_equal(strbuf_add(&bad, ct.buf, 3 + 30), 0);
	assert_int_equal(field_decrypt(&k, "person.phone", bad.buf, &pt), -1);
	assert_int_equal(field_decrypt(&k, "person.phone", prefix, &pt), -1);
	assert_int_equal(field_decrypt(&k, "person.phone", "x1:AAAA", &pt), -1);
	assert_int_equal(field_decrypt(&k, "person.phone", "s1:AAAA", &pt), -1);
	assert_int_equal(field_decrypt(&k, "person.phone", "x1:!!!!????", &pt), -1);
	assert_int_equal(field_decrypt(&k, "person.phone", "hello", &pt), -1);
	assert_int_equal(field_decrypt(&k, "person.phone", "", &pt), -1);
	strbuf_reset(&bad);
	assert_int_equal(strbuf_addf(&bad, "%s=", ct.buf), 0);  /* padding is not ours */
	assert_int_equal(field_decrypt(&k, "person.phone", bad.buf, &pt), -1);
	strbuf_reset(&bad);
	assert_int_equal(strbuf_addf(&bad, "z9:%s", ct.buf + 3), 0);
	assert_int_equal(field_decrypt(&k, "person.phone", bad.buf, &pt), -1);
	assert_int_equal(pt.len, 0);

	/* empty and binary plaintexts */
	strbuf_reset(&ct);
	assert_int_equal(field_encrypt(&k, "x", "", 0, &ct), 0);
	assert_int_equal(field_decrypt(&k, "x", ct.buf, &pt), 0);
	assert_int_equal(pt.len, 0);
	strbuf_reset(&ct);
	assert_int_equal(field_encrypt(&k, "x", "a\0b", 3, &ct), 0);
	assert_int_equal(field_decrypt(&k, "x", ct.buf, &pt), 0);
	assert_int_equal(pt.len, 3);
	assert_memory_equal(pt.buf, "a\0b", 3);

	keys_wipe(&k);
	keys_wipe(&other);
	strbuf_release(&ct);
	strbuf_release(&ct2);
	strbuf_release(&pt);
	strbuf_release(&bad);
}

static void test_field_default(void **state)
{
	field_suite(0);
}

static void test_field_national(void **state)
{
	field_suite(1);
}

/* Decryption follows the prefix: data written under the other suite with
 * the same field key stays readable after a change of suite. */
static void test_field_suite_change(void **state)
{
	struct qf_keys k;
	struct strbuf ct = STRBUF_INIT, pt = STRBUF_INIT;

	random_keys(&k, 0);
	assert_int_equal(field_encrypt(&k, "a", "旧数据", strlen("旧数据"), &ct), 0);
	k.national = 1;
	assert_int_equal(field_decrypt(&k, "a", ct.buf, &pt), 0);
	assert_string_equal(pt.buf, "旧数据");
	keys_wipe(&k);
	assert_int_equal(k.field_key[0] | k.field_key[31] | k.national, 0);
	strbuf_release(&ct);
	strbuf_release(&pt);
}

/* A refused append (strbuf max) is a failure and leaves out unchanged. */
static void test_field_out_max(void **state)
{
	struct qf_keys k;
	struct strbuf ct = STRBUF_INIT, pt = STRBUF_INIT;

	random_keys(&k, 1);
	strbuf_setmax(&ct, 10);
	assert_int_equal(field_encrypt(&k, "a", "0123456789", 10, &ct), -1);
	assert_int_equal(ct.len, 0);
	strbuf_setmax(&ct, 0);
	assert_int_equal(field_encrypt(&k, "a", "0123456789", 10, &ct), 0);
	strbuf_setmax(&pt, 5);
	assert_int_equal(field_decrypt(&k, "a", ct.buf, &pt), -1);
	assert_int_equal(pt.len, 0);
	keys_wipe(&k);
	strbuf_release(&ct);
	strbuf_release(&pt);
}

/* ---- MACs and hashes --------------------------------------------------- */

static void test_hmac_sha256_rfc4231(void **state)
{
	unsigned char key1[20], mac[32];

	memset(key1, 0x0b, sizeof(key1));
	assert_int_equal(hmac_sha256(key1, sizeof(key1), "Hi There", 8, mac), 0);
	assert_hex(mac, 32, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	assert_int_equal(hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, mac), 0);
	assert_hex(mac, 32, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

static void test_hmac_sm3(void **state)
{
	unsigned char key1[20], mac[32];

	memset(key1, 0x0b, sizeof(key1));
	assert_int_equal(hmac_sm3(key1, sizeof(key1), "Hi There", 8, mac), 0);
	assert_hex(mac, 32, "51b00d1fb49832bfb01c3ce27848e59f871d9ba938dc563b338ca964755cce70");
	assert_int_equal(hmac_sm3("Jefe", 4, "what do ya want for nothing?", 28, mac), 0);
	assert_hex(mac, 32, "2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882");
}

static void test_audit_mac_suite(void **state)
{
	struct qf_keys k;
	unsigned char got[32], want[32];

	random_keys(&k, 0);
	audit_mac(&k, "entry", 5, got);
	assert_int_equal(hmac_sha256(k.audit_key, 32, "entry", 5, want), 0);
	assert_memory_equal(got, want, 32);
	k.national = 1;
	audit_mac(&k, "entry", 5, got);
	assert_int_equal(hmac_sm3(k.audit_key, 32, "entry", 5, want), 0);
	assert_memory_equal(got, want, 32);
	assert_int_equal(hmac_sm3(k.field_key, 32, "entry", 5, want), 0);
	assert_memory_not_equal(got, want, 32);
	keys_wipe(&k);
}

static void test_sha256_hex(void **state)
{
	char hex[65];

	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

/* ---- passwords --------------------------------------------------------- */

static void test_password_hash_verify(void **state)
{
	char h[QF_PWHASH_MAX], h2[QF_PWHASH_MAX];

	assert_int_equal(password_hash("正确的马电池Staple1", h), 0);
	assert_memory_equal(h, "$argon2id$", 10);
	assert_non_null(strstr(h, "m=19456,t=2,"));
	assert_int_equal(password_verify(h, "正确的马电池Staple1"), 0);
	assert_int_equal(password_verify(h, "正确的马电池Staple2"), -1);
	assert_int_equal(password_verify(h, ""), -1);
	assert_int_equal(password_hash("正确的马电池Staple1", h2), 0);
	assert_string_not_equal(h, h2);   /* fresh salt */
	assert_int_equal(password_needs_rehash(h), 0);
}

static void test_password_malformed(void **state)
{
	const char *d = password_dummy_hash();

	assert_non_null(d);
	assert_memory_equal(d, "$argon2id$", 10);
	assert_ptr_equal(d, password_dummy_hash());
	assert_int_equal(password_verify(NULL, "x"), -1);
	assert_int_equal(password_verify("", "x"), -1);
	assert_int_equal(password_verify("$argon2id$v=19$garbage", "x"), -1);
	assert_int_equal(password_verify("plaintext", "plaintext"), -1);
	assert_int_equal(password_needs_rehash("plaintext"), -1);
	/* a valid hash made with other limits needs a rehash */
	assert_int_equal(password_needs_rehash("$argon2id$v=19$m=1024,t=5,p=1$"
					       "QUJDREVGR0hJSktMTU5PUA$"
					       "PF0BAYC6DPW2uFjLojsxjkLTMIiYPEBFmFmcOwKeysY"),
			 1);
}

static void test_password_policy(void **state)
{
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(password_policy_check("Abcdefgh12", 10, 3, &err), 0);
	assert_int_equal(err.len, 0);

	assert_int_equal(password_policy_check("abcdefghij", 10, 3, &err), -1);
	assert_non_null(strstr(err.buf, "至少3类"));
	strbuf_reset(&err);
	assert_int_equal(password_policy_check("Abc12", 10, 3, &err), -1);
	assert_string_equal(err.buf, "密码至少需要10个字符");
	strbuf_reset(&err);
	assert_int_equal(password_policy_check("abcdefgh12", 10, 3, &err), -1);
	assert_string_equal(err.buf, "密码需要包含大写字母、小写字母、数字、符号中的至少3类");
	strbuf_reset(&err);

	/* code points, not bytes: 7 characters in 19 bytes is too short,
	 * 10 with Chinese (other), lower and digit is enough */
	assert_int_equal(password_policy_check("清风清风清a1", 10, 3, &err), -1);
	assert_string_equal(err.buf, "密码至少需要10个字符");
	strbuf_reset(&err);
	assert_int_equal(password_policy_check("清风清风清风清风a1", 10, 3, &err), 0);
	assert_int_equal(password_policy_check("abcdefgh1!", 10, 3, &err), 0);
	assert_int_equal(err.len, 0);

	/* invalid UTF-8: a stray continuation byte, an overlong '/' */
	assert_int_equal(password_policy_check("Abcdefgh12\x80", 10, 3, &err), -1);
	assert_true(err.len > 0);
	strbuf_reset(&err);
	assert_int_equal(password_policy_check("Abcdefgh1\xc0\xaf", 10, 3, &err), -1);
	assert_true(err.len > 0);
	strbuf_release(&err);
}

/* ---- key file ---------------------------------------------------------- */

static void test_keyfile_roundtrip(void **state)
{
	char *dir = make_tmpdir();
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;
	struct qf_keys a, b;
	struct stat st;
	static const unsigned char zero[QF_KEY_BYTES];

	assert_int_equal(strbuf_addf(&path, "%s/keys", dir), 0);
	assert_int_equal(keyfile_create(path.buf, 1, &err), 0);
	assert_int_equal(stat(path.buf, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);

	assert_int_equal(keyfile_load(path.buf, &a, &err), 0);
	assert_int_equal(keyfile_load(path.buf, &b, &err), 0);
	assert_int_equal(err.len, 0);
	assert_int_equal(a.national, 1);
	assert_memory_equal(&a, &b, sizeof(a));
	assert_memory_not_equal(a.field_key, zero, QF_KEY_BYTES);
	assert_memory_not_equal(a.field_key, a.audit_key, QF_KEY_BYTES);

	/* refuses to overwrite; the keys stay those of the first create */
	assert_int_equal(keyfile_create(path.buf, 0, &err), -1);
	assert_non_null(strstr(err.buf, "keys"));
	assert_int_equal(keyfile_load(path.buf, &b, &err), 0);
	assert_memory_equal(&a, &b, sizeof(a));

	/* refuses a file readable by others */
	assert_int_equal(chmod(path.buf, 0644), 0);
	strbuf_reset(&err);
	assert_int_equal(keyfile_load(path.buf, &b, &err), -1);
	assert_non_null(strstr(err.buf, "0644"));
	assert_memory_equal(b.field_key, zero, QF_KEY_BYTES);
	assert_int_equal(chmod(path.buf, 0640), 0);
	assert_int_equal(keyfile_load(path.buf, &b, &err), -1);

	keys_wipe(&a);
	keys_wipe(&b);
	assert_memory_equal(a.audit_key, zero, QF_KEY_BYTES);
	rm_rf(dir);
	free(dir);
	strbuf_release(&path);
	strbuf_release(&err);
}

static void test_keyfile_default_suite(void **state)
{
	char *dir = make_tmpdir();
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;
	struct qf_keys k;

	assert_int_equal(strbuf_addf(&path, "%s/k", dir), 0);
	assert_int_equal(keyfile_create(path.buf, 0, &err), 0);
	k.national = 7;
	assert_int_equal(keyfile_load(path.buf, &k, &err), 0);
	assert_int_equal(k.national, 0);
	keys_wipe(&k);
	strbuf_reset(&err);
	assert_int_equal(keyfile_load("/nonexistent/qf/keys", &k, &err), -1);
	assert_true(err.len > 0);
	assert_int_equal(keyfile_create("/nonexistent/qf/keys", 0, &err), -1);
	rm_rf(dir);
	free(dir);
	strbuf_release(&path);
	strbuf_release(&err);
}

static void test_keyfile_malformed(void **state)
{
	static const char *bad[] = {
		"suite=default\nfield_key=00\naudit_key=00\n",
		"suite=default\n"
		"field_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n",
		"suite=gost\n"
		"field_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
		"audit_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n",
		"suite=default\n"
		"field_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
		"field_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
		"audit_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n",
		"suite=default\n"
		"field_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1g\n"
		"audit_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n",
		"suite=default\nextra=1\n"
		"field_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
		"audit_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n",
		"",
	};
	static const char good[] =
		"# comment\n\nsuite=default\r\n"
		"field_key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
		"audit_key=202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
	char *dir = make_tmpdir(), *p;
	struct strbuf err = STRBUF_INIT;
	struct qf_keys k;
	size_t i;

	for (i = 0; i < QF_ARRAY_SIZE(bad); i++) {
		p = write_file(dir, "bad", bad[i], 0600);
		strbuf_reset(&err);
		assert_int_equal(keyfile_load(p, &k, &err), -1);
		assert_true(err.len > 0);
		assert_null(strstr(err.buf, "0a0b0c"));   /* no key text in errors */
		assert_int_equal(unlink(p), 0);
		free(p);
	}
	p = write_file(dir, "good", good, 0600);
	assert_int_equal(keyfile_load(p, &k, &err), 0);
	assert_int_equal(k.field_key[31], 0x1f);
	assert_int_equal(k.audit_key[0], 0x20);
	keys_wipe(&k);
	free(p);
	rm_rf(dir);
	free(dir);
	strbuf_release(&err);
}

/* ---- TOTP -------------------------------------------------------------- */

#define RFC6238_SECRET "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

static void test_totp_rfc6238(void **state)
{
	char code[7];

	assert_int_equal(totp_code(RFC6238_SECRET, 59, code), 0);
	assert_string_equal(code, "287082");
	assert_int_equal(totp_code(RFC6238_SECRET, 1111111109, code), 0);
	assert_string_equal(code, "081804");
	assert_int_equal(totp_code(RFC6238_SECRET, 1234567890, code), 0);
	assert_string_equal(code, "005924");
	assert_int_equal(totp_code("not base32!", 59, code), -1);
	assert_int_equal(totp_code(RFC6238_SECRET, -1, code), -1);
}

static void test_totp_check(void **state)
{
	uint64_t ctr = 0;

	assert_int_equal(totp_check(RFC6238_SECRET, "287082", 59), 0);
	assert_int_equal(totp_check(RFC6238_SECRET, "287083", 59), -1);
	assert_int_equal(totp_check(RFC6238_SECRET, "000000", 59), -1);
	/* window of one step either side */
	assert_int_equal(totp_check(RFC6238_SECRET, "287082", 59 + 30), 0);
	assert_int_equal(totp_check(RFC6238_SECRET, "287082", 59 + 90), -1);
	/* malformed codes */
	assert_int_equal(totp_check(RFC6238_SECRET, "28708", 59), -1);
	assert_int_equal(totp_check(RFC6238_SECRET, "2870822", 59), -1);
	assert_int_equal(totp_check(RFC6238_SECRET, "28708a", 59), -1);
	assert_int_equal(totp_check(RFC6238_SECRET, "", 59), -1);
	assert_int_equal(totp_check(RFC6238_SECRET, NULL, 59), -1);
	assert_int_equal(totp_check("", "287082", 59), -1);
	/* the step counter, for replay protection */
	assert_int_equal(totp_check_counter(RFC6238_SECRET, "287082", 59, &ctr), 0);
	assert_int_equal(ctr, 1);
	assert_int_equal(totp_check_counter(RFC6238_SECRET, "081804", 1111111109 + 25, &ctr), 0);
	assert_int_equal(ctr, 1111111109 / 30);
}

static void test_totp_secret_new(void **state)
{
	char s1[33], s2[33], code[7];
	size_t i;

	assert_int_equal(totp_secret_new(s1), 0);
	assert_int_equal(totp_secret_new(s2), 0);
	assert_int_equal(strlen(s1), 32);
	assert_string_not_equal(s1, s2);
	for (i = 0; i < 32; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", s1[i]));
	assert_int_equal(totp_code(s1, 1700000000, code), 0);
	assert_int_equal(strlen(code), 6);
	assert_int_equal(totp_check(s1, code, 1700000000), 0);
}

static void test_totp_uri(void **state)
{
	struct strbuf uri = STRBUF_INIT;

	assert_int_equal(totp_uri("清风", "wang li@example.cn", RFC6238_SECRET, &uri), 0);
	assert_string_equal(uri.buf,
			    "otpauth://totp/%E6%B8%85%E9%A3%8E:wang%20li%40example.cn"
			    "?secret=" RFC6238_SECRET "&issuer=%E6%B8%85%E9%A3%8E");
	strbuf_reset(&uri);
	assert_int_equal(totp_uri("a&b", "c:d?e", "X", &uri), 0);
	assert_string_equal(uri.buf, "otpauth://totp/a%26b:c%3Ad%3Fe?secret=X&issuer=a%26b");
	assert_int_equal(totp_uri(NULL, "a", "X", &uri), -1);
	strbuf_release(&uri);
}

/* ---- QR ---------------------------------------------------------------- */

static void test_qr_svg(void **state)
{
	struct strbuf svg = STRBUF_INIT;
	size_t n;

	assert_int_equal(qr_svg("hello", &svg), 0);
	n = svg.len;
	assert_memory_equal(svg.buf, "<svg", 4);
	assert_non_null(strstr(svg.buf, "path"));
	/* version 1 (21 modules) plus a quiet zone of 4 on each side */
	assert_non_null(strstr(svg.buf, "viewBox=\"0 0 29 29\""));
	/* the top-left finder pattern starts inside the quiet zone */
	assert_non_null(strstr(svg.buf, "d=\"M4 4h7v1h-7z"));
	assert_string_equal(svg.buf + n - 6, "</svg>");
	assert_null(strstr(svg.buf, "script"));
	assert_null(strstr(svg.buf, "style="));

	strbuf_reset(&svg);
	assert_int_equal(qr_svg("https://qf.example.cn/r/3301020001?来源=码上问效", &svg), 0);
	assert_memory_equal(svg.buf, "<svg", 4);
	strbuf_reset(&svg);
	assert_int_equal(qr_svg("", &svg), -1);
	assert_int_equal(qr_svg(NULL, &svg), -1);
	assert_int_equal(svg.len, 0);
	strbuf_release(&svg);
}

/* ---- tokens, comparison, hex ------------------------------------------- */

static void test_token_new(void **state)
{
	char a[QF_TOKEN_CHARS + 1], b[QF_TOKEN_CHARS + 1];
	size_t i;

	token_new(a);
	token_new(b);
	assert_int_equal(strlen(a), 43);
	assert_int_equal(strlen(b), 43);
	assert_string_not_equal(a, b);
	for (i = 0; i < 43; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				       "0123456789-_", a[i]));
}

static void test_ct_streq(void **state)
{
	assert_int_equal(ct_streq("abcdef", "abcdef"), 0);
	assert_int_equal(ct_streq("", ""), 0);
	assert_int_equal(ct_streq("abcdef", "abcdeg"), -1);
	assert_int_equal(ct_streq("abcdef", "bbcdef"), -1);
	assert_int_equal(ct_streq("abcdef", "abcde"), -1);
	assert_int_equal(ct_streq("abc", NULL), -1);
	assert_int_equal(ct_streq(NULL, NULL), -1);
}

static void test_hex(void **state)
{
	static const unsigned char in[4] = { 0x00, 0x7f, 0xa5, 0xff };
	unsigned char out[4];
	char hex[9];

	hex_encode(in, 4, hex);
	assert_string_equal(hex, "007fa5ff");
	assert_int_equal(hex_decode("007fa5ff", out, 4), 0);
	assert_memory_equal(out, in, 4);
	assert_int_equal(hex_decode("007FA5FF", out, 4), 0);
	assert_memory_equal(out, in, 4);
	assert_int_equal(hex_decode("007fa5f", out, 4), -1);
	assert_int_equal(hex_decode("007fa5ff00", out, 4), -1);
	assert_int_equal(hex_decode("007fa5fg", out, 4), -1);
	assert_int_equal(hex_decode("007f a5f", out, 4), -1);
	assert_int_equal(hex_decode(NULL, out, 4), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_selftest_default),
		cmocka_unit_test(test_selftest_national),
		cmocka_unit_test(test_field_default),
		cmocka_unit_test(test_field_national),
		cmocka_unit_test(test_field_suite_change),
		cmocka_unit_test(test_field_out_max),
		cmocka_unit_test(test_hmac_sha256_rfc4231),
		cmocka_unit_test(test_hmac_sm3),
		cmocka_unit_test(test_audit_mac_suite),
		cmocka_unit_test(test_sha256_hex),
		cmocka_unit_test(test_password_hash_verify),
		cmocka_unit_test(test_password_malformed),
		cmocka_unit_test(test_password_policy),
		cmocka_unit_test(test_keyfile_roundtrip),
		cmocka_unit_test(test_keyfile_default_suite),
		cmocka_unit_test(test_keyfile_malformed),
		cmocka_unit_test(test_totp_rfc6238),
		cmocka_unit_test(test_totp_check),
		cmocka_unit_test(test_totp_secret_new),
		cmocka_unit_test(test_totp_uri),
		cmocka_unit_test(test_qr_svg),
		cmocka_unit_test(test_token_new),
		cmocka_unit_test(test_ct_streq),
		cmocka_unit_test(test_hex),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
