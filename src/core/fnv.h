#ifndef QF_CORE_FNV_H
#define QF_CORE_FNV_H
/*
 * fnv: the one FNV-1a hash of the code (64 bits), for hash tables and
 * ETags: never for anything an attacker must not forge (core/crypto.h).
 *
 *   uint64_t h = fnv1a(FNV_OFFSET, data, len);
 *   h = fnv1a(h, more, more_len);          // continues over a second run
 */
#include <stddef.h>
#include <stdint.h>

#define FNV_OFFSET 1469598103934665603ull

/* h after the bytes p[0..n). */
static inline uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ull;
	return h;
}

#endif
