/*
 * ferrykey.c: the keys of the public channel's ferry (issue 13,
 * docs/security.md "The public channel").
 *
 * The intranet holds a sealing pair (X25519 for crypto_box_seal): the
 * public instance seals every submission to its public half and cannot
 * open what it holds.  Each side signs the batches it exports with its
 * own Ed25519 key and checks the other's with the verify key it imported.
 * Key file lines: seal_public, seal_secret (intranet only), sign_secret,
 * peer_verify.  Only public halves ever leave a machine (ferrykey_export).
 */
#include "core/crypto.h"

#include <string.h>

#include <sodium.h>

int ferrykey_ensure(const char *path, int public, struct strbuf *err)
{
	struct qf_keys k;
	unsigned char spk[crypto_sign_PUBLICKEYBYTES];
	char sign_hex[2 * 64 + 1], pk_hex[2 * 32 + 1], sk_hex[2 * 32 + 1];
	const char *names[3], *values[3];
	int n = 0, rc;

	if (keyfile_load(path, &k, err) < 0)
		return -1;
	if (!k.has_sign) {
		crypto_sign_keypair(spk, k.sign_sk);
		hex_encode(k.sign_sk, sizeof(k.sign_sk), sign_hex);
		names[n] = "sign_secret";
		values[n++] = sign_hex;
	}
	if (!public && !k.has_seal_sk) {
		crypto_box_keypair(k.seal_pk, k.seal_sk);
		hex_encode(k.seal_pk, sizeof(k.seal_pk), pk_hex);
		hex_encode(k.seal_sk, sizeof(k.seal_sk), sk_hex);
		names[n] = "seal_public";
		values[n++] = pk_hex;
		names[n] = "seal_secret";
		values[n++] = sk_hex;
	}
	rc = n ? keyfile_set(path, names, values, n, err) : 0;
	keys_wipe(&k);
	sodium_memzero(sign_hex, sizeof(sign_hex));
	sodium_memzero(sk_hex, sizeof(sk_hex));
	return rc < 0 ? -1 : n;
}

int ferrykey_export(const struct qf_keys *k, int public, struct strbuf *out)
{
	char hex[2 * 32 + 1];

	if (!k->has_sign || (!public && !k->has_seal_pk))
		return -1;
	strbuf_addf(out, "# 清风平台摆渡公钥（只含公钥，可公开传递）\nrole=%s\n",
		    public ? "public" : "intranet");
	hex_encode(k->sign_sk + 32, 32, hex);
	strbuf_addf(out, "verify=%s\n", hex);
	if (!public) {
		hex_encode(k->seal_pk, 32, hex);
		strbuf_addf(out, "seal_public=%s\n", hex);
	}
	return 0;
}

/* The value of "name=" in text (a copy in buf), or NULL. */
static const char *value_of(const char *text, const char *name, char *buf, size_t cap)
{
	size_t k = strlen(name);

	for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (!strncmp(p, name, k) && p[k] == '=') {
			size_t n = strcspn(p + k + 1, "\r\n");
			if (n >= cap)
				return NULL;
			memcpy(buf, p + k + 1, n);
			buf[n] = '\0';
			return buf;
		}
	}
	return NULL;
}

int ferrykey_import(const char *path, int public, const char *text, struct strbuf *err)
{
	char role[16], verify[80], seal[80];
	unsigned char raw[32];
	const char *names[2] = { "peer_verify", "seal_public" };
	const char *values[2];

	if (!value_of(text, "role", role, sizeof(role)) ||
	    !value_of(text, "verify", verify, sizeof(verify)) ||
	    hex_decode(verify, raw, sizeof(raw)) < 0) {
		strbuf_addstr(err, "not a ferry key export (lines role= and verify= expected)");
		return -1;
	}
	if (strcmp(role, public ? "intranet" : "public")) {
		strbuf_addf(err, "the keys come from a '%s' side: import the %s side's export here",
			    role, public ? "intranet" : "public");
		return -1;
	}
	values[0] = verify;
	if (public) {
		if (!value_of(text, "seal_public", seal, sizeof(seal)) ||
		    hex_decode(seal, raw, sizeof(raw)) < 0) {
			strbuf_addstr(err, "the intranet's export lacks 'seal_public'");
			return -1;
		}
		values[1] = seal;
	}
	return keyfile_set(path, names, values, public ? 2 : 1, err);
}

int ferrykey_pull_secret(const char *path, const char *hex, char *out, struct strbuf *err)
{
	unsigned char raw[QF_KEY_BYTES];
	char text[2 * QF_KEY_BYTES + 1];
	const char *name = "pull_secret", *value = text;
	int rc;

	if (hex) {
		size_t n = strcspn(hex, " \t\r\n");
		if (n != 2 * QF_KEY_BYTES || hex[n + strspn(hex + n, " \t\r\n")] ||
		    (memcpy(text, hex, n), text[n] = '\0', hex_decode(text, raw, sizeof(raw)) < 0)) {
			sodium_memzero(text, sizeof(text));
			strbuf_addstr(err, "not a pull secret (64 hex digits on one line expected)");
			return -1;
		}
	} else {
		randombytes_buf(raw, sizeof(raw));
		hex_encode(raw, sizeof(raw), text);
	}
	if (out)
		memcpy(out, text, sizeof(text));
	rc = keyfile_set(path, &name, &value, 1, err);
	sodium_memzero(raw, sizeof(raw));
	sodium_memzero(text, sizeof(text));
	return rc;
}
