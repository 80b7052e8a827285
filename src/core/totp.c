/*
 * totp.c: time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30 s steps,
 * 6 digits) for the second factor of the admin roles, through liboath.
 *
 * Secrets travel as base32 text, the form authenticator apps take; the
 * decoded bytes live only inside one call and are wiped before they are
 * freed.  A code is accepted for the current step and one step either side
 * (clock drift); the comparison of codes is constant-time.  Preventing
 * the reuse of an accepted code is the caller's part: totp_check_counter
 * tells it which step the code belonged to.
 */
#include "core/crypto.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <liboath/oath.h>
#include <sodium.h>

#define TOTP_STEP 30
#define TOTP_DIGITS 6
#define TOTP_WINDOW 1
#define TOTP_SECRET_BYTES 20

static pthread_once_t oath_once = PTHREAD_ONCE_INIT;
static int oath_ok;

static void oath_setup(void)
{
	oath_ok = oath_init() == OATH_OK;
}

static int totp_ready(void)
{
	pthread_once(&oath_once, oath_setup);
	return oath_ok ? 0 : -1;
}

/* Wipes and frees what liboath allocated for a secret. */
static void oath_secret_free(char *p, size_t len)
{
	if (p) {
		sodium_memzero(p, len);
		free(p);
	}
}

/* base32 text -> bytes (malloc'ed by liboath); 0 or -1. */
static int secret_decode(const char *b32, char **bin, size_t *len)
{
	*bin = NULL;
	*len = 0;
	if (!b32 || !*b32 || totp_ready() < 0)
		return -1;
	if (oath_base32_decode(b32, strlen(b32), bin, len) != OATH_OK || !*bin || !*len) {
		oath_secret_free(*bin, *len);
		*bin = NULL;
		return -1;
	}
	return 0;
}

int totp_secret_new(char out[33])
{
	unsigned char raw[TOTP_SECRET_BYTES];
	char *b32 = NULL;
	size_t len = 0;
	int rc = -1;

	out[0] = '\0';
	if (totp_ready() < 0)
		return -1;
	randombytes_buf(raw, sizeof(raw));
	if (oath_base32_encode((const char *)raw, sizeof(raw), &b32, &len) == OATH_OK &&
	    len == 32) {
		memcpy(out, b32, 32);
		out[32] = '\0';
		rc = 0;
	}
	sodium_memzero(raw, sizeof(raw));
	oath_secret_free(b32, len);
	return rc;
}

int totp_code(const char *secret_b32, int64_t now, char out[7])
{
	char *bin;
	size_t len;
	int rc;

	out[0] = '\0';
	if (now < 0 || secret_decode(secret_b32, &bin, &len) < 0)
		return -1;
	rc = oath_totp_generate(bin, len, (time_t)now, TOTP_STEP, OATH_TOTP_DEFAULT_START_TIME,
				TOTP_DIGITS, out) == OATH_OK ? 0 : -1;
	oath_secret_free(bin, len);
	if (rc < 0)
		out[0] = '\0';
	return rc;
}

/* liboath's comparison hook: 0 when test_otp equals the code in handle. */
static int code_cmp(void *handle, const char *test_otp)
{
	if (strlen(test_otp) != TOTP_DIGITS)
		return 1;
	return sodium_memcmp(handle, test_otp, TOTP_DIGITS) == 0 ? 0 : 1;
}

static int code_well_formed(const char *code)
{
	size_t i;

	if (!code || strlen(code) != TOTP_DIGITS)
		return 0;
	for (i = 0; i < TOTP_DIGITS; i++)
		if (code[i] < '0' || code[i] > '9')
			return 0;
	return 1;
}

int totp_check_counter(const char *secret_b32, const char *code, int64_t now,
		       uint64_t *counter)
{
	char *bin, buf[TOTP_DIGITS + 1];
	size_t len;
	uint64_t ctr = 0;
	int pos = 0, rc;

	if (now < 0 || !code_well_formed(code))
		return -1;
	if (secret_decode(secret_b32, &bin, &len) < 0)
		return -1;
	memcpy(buf, code, sizeof(buf));
	rc = oath_totp_validate3_callback(bin, len, (time_t)now, TOTP_STEP,
					  OATH_TOTP_DEFAULT_START_TIME, TOTP_DIGITS, TOTP_WINDOW,
					  &pos, &ctr, code_cmp, buf);
	oath_secret_free(bin, len);
	if (rc < 0)
		return -1;
	if (counter)
		*counter = ctr;
	return 0;
}

int totp_check(const char *secret_b32, const char *code, int64_t now)
{
	return totp_check_counter(secret_b32, code, now, NULL);
}

/* RFC 3986 percent-encoding: unreserved characters stay, every other byte
 * (UTF-8 of Chinese text included) becomes %XX. */
static void add_pct(struct strbuf *sb, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~') {
			strbuf_addch(sb, c);
		} else {
			strbuf_addch(sb, '%');
			strbuf_addch(sb, hex[c >> 4]);
			strbuf_addch(sb, hex[c & 15]);
		}
	}
}

/* Key URI format (Google Authenticator wiki): the issuer both prefixes the
 * label and stands as a parameter.  Built aside and appended in one step. */
int totp_uri(const char *issuer, const char *account, const char *secret_b32,
	     struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (!issuer || !*issuer || !account || !*account || !secret_b32 || !*secret_b32)
		return -1;
	strbuf_addstr(&sb, "otpauth://totp/");
	add_pct(&sb, issuer);
	strbuf_addch(&sb, ':');
	add_pct(&sb, account);
	strbuf_addstr(&sb, "?secret=");
	add_pct(&sb, secret_b32);
	strbuf_addstr(&sb, "&issuer=");
	add_pct(&sb, issuer);
	rc = strbuf_add(out, sb.buf, sb.len);
	sodium_memzero(sb.buf, sb.len);       /* it holds the secret */
	strbuf_release(&sb);
	return rc;
}
