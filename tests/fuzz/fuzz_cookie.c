/*
 * fuzz_cookie.c: libFuzzer target for src/http/cookie.c.
 *
 * The input as a Cookie header, read for a few names into a large and a
 * tiny buffer: whatever comes back is NUL-terminated, of the length
 * returned and made of cookie-octets only.  Then the input split in two
 * (at a point the first byte chooses) as a name and a value for
 * cookie_format: what it accepts must read back unchanged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "http/cookie.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static int octets_ok(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x21 || c > 0x7e || c == '"' || c == ',' || c == ';' ||
		    c == '\\')
			return 0;
	}
	return 1;
}

static void check_get(const char *hdr, const char *name, size_t outlen)
{
	char out[8192];
	int r;

	memset(out, 'Z', sizeof(out));
	r = cookie_get(hdr, name, out, outlen);
	if (r < 0)
		return;
	CHECK((size_t)r < outlen);
	CHECK(strlen(out) == (size_t)r);
	CHECK(octets_ok(out));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "sid", "__Host-sid", "a", "csrf" };
	char *hdr = malloc(size + 1), *name, *value;
	struct strbuf sb = STRBUF_INIT;
	size_t i, cut;

	memcpy(hdr, data, size);
	hdr[size] = '\0';
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		check_get(hdr, names[i], 8192);
		check_get(hdr, names[i], 1 + (size ? data[0] % 8 : 0));
	}

	/* hdr becomes "name\0value" */
	cut = size ? data[0] % (size + 1) : 0;
	name = malloc(cut + 1);
	memcpy(name, data, cut);
	name[cut] = '\0';
	value = hdr + cut;
	if (cookie_format(&sb, name, value, 1, -1) == 0) {
		char out[8192];
		char *semi = strchr(sb.buf, ';');
		int r;

		CHECK(semi != NULL);
		*semi = '\0';
		r = cookie_get(sb.buf, name, out, sizeof(out));
		if (strlen(value) < sizeof(out)) {
			CHECK(r >= 0 && (size_t)r == strlen(value));
			CHECK(strcmp(out, value) == 0);
		}
	}
	strbuf_release(&sb);
	free(name);
	free(hdr);
	return 0;
}
