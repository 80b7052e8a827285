/*
 * fielderr.c: the wording of the field messages every form shares, so a
 * rule reads the same on every page and in the API (issue 12): a text
 * over its field's limit says the limit and how long it is now, beside
 * the field; the form keeps what was typed (the pages show their input
 * again), so nothing is cut or lost.
 */
#include "domain/fielderr.h"

#include "core/arena.h"
#include "core/escape.h"

int fielderr_len(struct arena *a, struct fielderr *fe, const char *field, const char *label,
		 const char *text, size_t max)
{
	size_t n = text ? utf8_len(text) : 0;

	if (n <= max)
		return 0;
	fielderr_add(fe, field, arena_printf(a, "%s不能超过%zu个字，现为%zu个字", label, max, n));
	return 1;
}
