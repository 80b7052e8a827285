/*
 * test_ferrykey.c: the public channel's ferry keys (core/ferrykey.c) and
 * keyfile_set: the intranet gets a sealing pair and a signing key, a
 * public instance a signing key only; an export holds public halves only;
 * an import stores the other side's and refuses its own role or garbage;
 * what the public side seals with the imported key opens only with the
 * intranet's secret; a rewritten key file keeps its other lines and mode.
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

struct sides {
	char dir[64];
	char intra[96], pub[96];
};

static int setup(void **state)
{
	struct sides *s = calloc(1, sizeof(*s));
	struct strbuf err = STRBUF_INIT;

	if (!s || crypto_setup() < 0)
		return -1;
	snprintf(s->dir, sizeof(s->dir), "/tmp/qf-test-ferrykey-XXXXXX");
	if (!mkdtemp(s->dir))
		return -1;
	snprintf(s->intra, sizeof(s->intra), "%s/intranet.key", s->dir);
	snprintf(s->pub, sizeof(s->pub), "%s/public.key", s->dir);
	if (keyfile_create(s->intra, 0, &err) < 0 || keyfile_create(s->pub, 0, &err) < 0)
		return -1;
	strbuf_release(&err);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct sides *s = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", s->dir);
	if (system(cmd) != 0)
		return -1;
	free(s);
	return 0;
}

static void load(const char *path, struct qf_keys *k)
{
	struct strbuf err = STRBUF_INIT;

	assert_int_equal(keyfile_load(path, k, &err), 0);
	strbuf_release(&err);
}

static void test_ensure_and_exchange(void **state)
{
	struct sides *s = *state;
	struct strbuf err = STRBUF_INIT, ex = STRBUF_INIT, pex = STRBUF_INIT;
	struct qf_keys before, k, p;
	struct stat st;
	unsigned char ct[5 + crypto_box_SEALBYTES], pt[5];

	load(s->intra, &before);
	assert_int_equal(ferrykey_ensure(s->intra, 0, &err), 3);
	assert_int_equal(ferrykey_ensure(s->intra, 0, &err), 0);    /* nothing missing now */
	assert_int_equal(ferrykey_ensure(s->pub, 1, &err), 1);      /* a signing key only */
	load(s->intra, &k);
	load(s->pub, &p);
	assert_true(k.has_seal_pk && k.has_seal_sk && k.has_sign && !k.has_peer);
	assert_true(!p.has_seal_pk && !p.has_seal_sk && p.has_sign && !p.has_peer);
	/* the lines that were there are kept, and so is the mode */
	assert_memory_equal(before.field_key, k.field_key, QF_KEY_BYTES);
	assert_memory_equal(before.audit_key, k.audit_key, QF_KEY_BYTES);
	assert_int_equal(stat(s->intra, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);

	/* an export holds public halves only */
	assert_int_equal(ferrykey_export(&k, 0, &ex), 0);
	assert_non_null(strstr(ex.buf, "role=intranet\n"));
	assert_non_null(strstr(ex.buf, "seal_public="));
	assert_null(strstr(ex.buf, "secret"));
	{
		char hex[2 * 32 + 1];
		hex_encode(k.seal_sk, 32, hex);
		assert_null(strstr(ex.buf, hex));
	}
	assert_int_equal(ferrykey_export(&p, 1, &pex), 0);
	assert_non_null(strstr(pex.buf, "role=public\n"));
	assert_null(strstr(pex.buf, "seal_public"));

	/* a side refuses its own role's keys and garbage */
	assert_int_equal(ferrykey_import(s->pub, 1, pex.buf, &err), -1);
	assert_non_null(strstr(err.buf, "'public' side"));
	strbuf_reset(&err);
	assert_int_equal(ferrykey_import(s->pub, 1, "role=intranet\nverify=zz\n", &err), -1);
	strbuf_reset(&err);
	assert_int_equal(ferrykey_import(s->pub, 1, "role=intranet\nverify=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n", &err), -1);
	assert_non_null(strstr(err.buf, "seal_public"));

	/* the exchange */
	assert_int_equal(ferrykey_import(s->pub, 1, ex.buf, &err), 0);
	assert_int_equal(ferrykey_import(s->intra, 0, pex.buf, &err), 0);
	keys_wipe(&p);
	load(s->pub, &p);
	keys_wipe(&k);
	load(s->intra, &k);
	assert_true(p.has_seal_pk && !p.has_seal_sk && p.has_peer);
	assert_memory_equal(p.seal_pk, k.seal_pk, 32);
	assert_memory_equal(p.peer_pk, k.sign_sk + 32, 32);
	assert_memory_equal(k.peer_pk, p.sign_sk + 32, 32);
	/* importing again replaces the line, never repeats it (a repeat
	 * would make the file unloadable) */
	assert_int_equal(ferrykey_import(s->intra, 0, pex.buf, &err), 0);
	load(s->intra, &k);

	/* sealed with what the public side holds, opened only by the intranet */
	assert_int_equal(crypto_box_seal(ct, (const unsigned char *)"hello", 5, p.seal_pk), 0);
	assert_int_equal(crypto_box_seal_open(pt, ct, sizeof(ct), k.seal_pk, k.seal_sk), 0);
	assert_memory_equal(pt, "hello", 5);

	keys_wipe(&before);
	keys_wipe(&k);
	keys_wipe(&p);
	strbuf_release(&err);
	strbuf_release(&ex);
	strbuf_release(&pex);
}

/* the pull's shared key: made on one side, the same bytes stored on the
 * other from its text (a line end allowed); made again, it replaces the
 * line; text that is no key is refused without being repeated */
static void test_pull_secret(void **state)
{
	struct sides *s = *state;
	struct strbuf err = STRBUF_INIT;
	char hex[65], again[65], line[80];
	struct qf_keys a, b;

	assert_int_equal(ferrykey_pull_secret(s->intra, NULL, hex, &err), 0);
	assert_int_equal(strlen(hex), 64);
	snprintf(line, sizeof(line), "%s\n", hex);
	assert_int_equal(ferrykey_pull_secret(s->pub, line, NULL, &err), 0);
	load(s->intra, &a);
	load(s->pub, &b);
	assert_true(a.has_pull && b.has_pull);
	assert_memory_equal(a.pull_key, b.pull_key, sizeof(a.pull_key));
	assert_true(a.has_seal_sk);     /* the other lines are kept */
	assert_int_equal(ferrykey_pull_secret(s->intra, NULL, again, &err), 0);
	assert_string_not_equal(hex, again);
	load(s->intra, &a);
	assert_memory_not_equal(a.pull_key, b.pull_key, sizeof(a.pull_key));
	line[10] = 'x';
	assert_int_equal(ferrykey_pull_secret(s->pub, line, NULL, &err), -1);
	assert_null(strstr(err.buf, hex + 20));
	assert_int_equal(ferrykey_pull_secret(s->pub, "abcd", NULL, &err), -1);
	keys_wipe(&a);
	keys_wipe(&b);
	strbuf_release(&err);
}

static void test_malformed_lines(void **state)
{
	struct sides *s = *state;
	struct strbuf err = STRBUF_INIT;
	const char *names[] = { "seal_secret" };
	const char *bad[] = { "0001" };
	struct qf_keys k;

	assert_int_equal(keyfile_set(s->intra, names, bad, 1, &err), 0);
	assert_int_equal(keyfile_load(s->intra, &k, &err), -1);
	assert_non_null(strstr(err.buf, "bad or repeated line"));
	/* it reads under keyfile_load's checks: not a file others may read */
	assert_int_equal(chmod(s->pub, 0640), 0);
	strbuf_reset(&err);
	assert_int_equal(keyfile_set(s->pub, names, bad, 1, &err), -1);
	assert_non_null(strstr(err.buf, "0640"));
	strbuf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ensure_and_exchange),
		cmocka_unit_test(test_pull_secret),
		cmocka_unit_test(test_malformed_lines),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
