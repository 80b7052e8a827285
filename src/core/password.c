/*
 * password.c: Argon2id password hashes (libsodium) and the password policy.
 *
 * Hashes are libsodium's encoded strings ("$argon2id$v=19$m=...,t=...,p=1$
 * salt$hash"), so each carries its own parameters and salt and an old hash
 * stays verifiable after the limits change (password_needs_rehash says
 * when to upgrade it).  The limits are process-wide and set once at
 * start-up, before threads exist; the defaults follow OWASP (t=2, 19 MiB).
 *
 * Guarantees: password_verify costs one Argon2id computation whatever the
 * outcome, also for a missing or malformed hash (it then verifies against
 * the dummy hash and fails), so a login reveals neither whether the
 * account exists nor whether its hash is damaged.
 */
#include "core/crypto.h"

#include <pthread.h>
#include <string.h>

#include <sodium.h>

static unsigned long long pw_opslimit = 2;
static size_t pw_memlimit = (size_t)19 * 1024 * 1024;

static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static char dummy_hash[QF_PWHASH_MAX];

/* Used only if the dummy cannot be computed (memory exhausted at that
 * moment): a valid hash, though cheaper than a real one. */
static const char dummy_fallback[] = "$argon2id$v=19$m=1024,t=5,p=1$QUJDREVGR0hJSktMTU5PUA$"
				     "PF0BAYC6DPW2uFjLojsxjkLTMIiYPEBFmFmcOwKeysY";

void password_set_limits(unsigned long long opslimit, size_t memlimit)
{
	if (opslimit >= crypto_pwhash_OPSLIMIT_MIN && opslimit <= crypto_pwhash_OPSLIMIT_MAX)
		pw_opslimit = opslimit;
	if (memlimit >= crypto_pwhash_MEMLIMIT_MIN && memlimit <= crypto_pwhash_MEMLIMIT_MAX)
		pw_memlimit = memlimit;
}

int password_hash(const char *pw, char out[QF_PWHASH_MAX])
{
	if (!pw)
		return -1;
	if (crypto_pwhash_str_alg(out, pw, strlen(pw), pw_opslimit, pw_memlimit,
				  crypto_pwhash_ALG_ARGON2ID13) != 0) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

static void dummy_compute(void)
{
	char pw[QF_TOKEN_CHARS + 1];

	token_new(pw);
	if (password_hash(pw, dummy_hash) < 0)
		memcpy(dummy_hash, dummy_fallback, sizeof(dummy_fallback));
	sodium_memzero(pw, sizeof(pw));
}

const char *password_dummy_hash(void)
{
	pthread_once(&dummy_once, dummy_compute);
	return dummy_hash;
}

static int hash_well_formed(const char *hash)
{
	static const char pfx[] = "$argon2id$";

	return hash && strnlen(hash, crypto_pwhash_STRBYTES) < crypto_pwhash_STRBYTES &&
	       strncmp(hash, pfx, sizeof(pfx) - 1) == 0;
}

int password_verify(const char *hash, const char *pw)
{
	const char *h = hash;
	int ok;

	if (!pw)
		pw = "";
	if (!hash_well_formed(h))
		h = password_dummy_hash();
	ok = crypto_pwhash_str_verify(h, pw, strlen(pw)) == 0;
	return ok && h == hash ? 0 : -1;
}

int password_needs_rehash(const char *hash)
{
	if (!hash_well_formed(hash))
		return -1;
	return crypto_pwhash_str_needs_rehash(hash, pw_opslimit, pw_memlimit);
}

/* Decodes one UTF-8 sequence at s (strict: no overlongs, surrogates or
 * values past U+10FFFF); its length, or 0 when invalid. */
static size_t utf8_next(const unsigned char *s, unsigned long *cp)
{
	unsigned long c = s[0], min;
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xe0) == 0xc0) {
		n = 2, c &= 0x1f, min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		n = 3, c &= 0x0f, min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		n = 4, c &= 0x07, min = 0x10000;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Classes: lower, upper, digit (ASCII) and other (everything else,
 * Chinese characters included, which a person counts as 符号 or more). */
int password_policy_check(const char *pw, int minlen, int classes, struct strbuf *err)
{
	const unsigned char *s = (const unsigned char *)(pw ? pw : "");
	size_t count = 0;
	int lower = 0, upper = 0, digit = 0, other = 0, have;

	while (*s) {
		unsigned long cp;
		size_t n = utf8_next(s, &cp);

		if (!n) {
			if (err)
				strbuf_addstr(err, "密码包含无法识别的字符");
			return -1;
		}
		if (cp >= 'a' && cp <= 'z')
			lower = 1;
		else if (cp >= 'A' && cp <= 'Z')
			upper = 1;
		else if (cp >= '0' && cp <= '9')
			digit = 1;
		else
			other = 1;
		count++;
		s += n;
	}
	if (minlen > 0 && count < (size_t)minlen) {
		if (err)
			strbuf_addf(err, "密码至少需要%d个字符", minlen);
		return -1;
	}
	have = lower + upper + digit + other;
	if (have < classes) {
		if (err)
			strbuf_addf(err, "密码需要包含大写字母、小写字母、数字、符号中的至少%d类",
				    classes);
		return -1;
	}
	return 0;
}
