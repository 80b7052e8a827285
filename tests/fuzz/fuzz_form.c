/*
 * fuzz_form.c: libFuzzer target for src/http/form.c.
 *
 * 1. The input as an urlencoded body: on success every field must satisfy
 *    form.h's promises (key set and length, value length, NUL-terminated,
 *    passes text_check for its field kind); on failure err must be set.
 * 2. The input minus its first byte as one value, given once with form_add
 *    and once with form_append in pieces whose sizes a generator seeded by
 *    the first byte chooses: both must agree on success and on the bytes
 *    (a difference means a character cut between pieces is judged wrongly),
 *    and on the first fault's reason and position.  The value is a one-line
 *    field ("v") or a multi-line one ("note") as the first byte says.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "http/form.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static int key_ok(const char *k)
{
	size_t n = strlen(k), i;

	if (n == 0 || n > FORM_MAX_KEY)
		return 0;
	for (i = 0; i < n; i++)
		if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			    "0123456789_.-[]", k[i]))
			return 0;
	return 1;
}

static int value_ok(const struct form_field *ff)
{
	if (ff->len > FORM_MAX_VALUE || strlen(ff->value) != ff->len ||
	    !utf8_valid(ff->value, ff->len))
		return 0;
	return text_check(ff->value, ff->len, ff->filename ? TEXT_MULTILINE :
			  form_field_flags(ff->key), NULL) == TEXT_OK;
}

static void check_parse(struct arena *a, struct form *f,
			const uint8_t *data, size_t size)
{
	int i;

	form_init(f, a);
	if (form_parse_urlencoded(f, (const char *)data, size) < 0) {
		CHECK(f->err && f->err[0]);
		CHECK(form_get(f, "a") == NULL);
		return;
	}
	CHECK(f->err == NULL);
	CHECK(f->n >= 0 && f->n <= FORM_MAX_FIELDS);
	for (i = 0; i < f->n; i++) {
		CHECK(key_ok(f->fields[i].key));
		CHECK(value_ok(&f->fields[i]));
		CHECK(form_get(f, f->fields[i].key) != NULL);
	}
}

static void check_pieces(struct arena *a, struct form *whole,
			 struct form *pieces, const uint8_t *data, size_t size)
{
	const char *body = (const char *)data + 1;
	size_t n = size - 1, off = 0;
	uint32_t rnd = data[0] * 2654435761u + 1;
	size_t maxpiece = 1 + (size_t)(data[0] >> 4) * 17;
	const char *key = data[0] & 1 ? "note" : "v";
	int rw, rp = 0;

	form_init(whole, a);
	rw = form_add(whole, key, body, n);

	form_init(pieces, a);
	do {
		size_t piece;

		rnd = rnd * 1103515245u + 12345u;
		piece = 1 + (rnd >> 16) % maxpiece;
		if (piece > n - off)
			piece = n - off;
		rp = form_append(pieces, key, NULL, body + off, piece, off);
		off += piece;
	} while (rp == 0 && off < n);
	if (rp == 0)
		rp = form_finish(pieces);

	CHECK((rw == 0) == (rp == 0));
	CHECK((whole->err == NULL) == (pieces->err == NULL));
	CHECK(whole->fault.reason == pieces->fault.reason);
	CHECK(whole->fault.at == pieces->fault.at && whole->fault.off == pieces->fault.off);
	if (rw == 0) {
		CHECK(pieces->n == 1);
		CHECK(whole->fields[0].len == pieces->fields[0].len);
		CHECK(memcmp(whole->fields[0].value, pieces->fields[0].value,
			     n) == 0);
		CHECK(pieces->fields[0].value[n] == '\0');
		CHECK(value_ok(&pieces->fields[0]));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct form f1, f2;
	struct arena *a = arena_new(0);

	check_parse(a, &f1, data, size);
	if (size >= 1)
		check_pieces(a, &f1, &f2, data, size);
	arena_free(a);
	return 0;
}
