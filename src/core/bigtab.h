#ifndef QF_BIGTAB_H
#define QF_BIGTAB_H
/*
 * bigtab: the zeroed memory of a large hash table read at random (an
 * import's id map, its memo of clues), in huge pages where the kernel
 * gives them.  At 1M records such a table is 16-192 MB and each lookup a
 * random read of it: with 4 KiB pages nearly every one also misses the
 * TLB (a page walk, dearer still under a hypervisor); a 2 MiB page
 * covers 512 times as much.  Under 4 MiB: calloc.  Linux's
 * transparent huge pages by madvise (the usual setting, "madvise");
 * elsewhere, or with them off, plain pages.  The caller keeps the size:
 * bigtab_free needs the one bigtab_new was given.
 */
#include <stddef.h>

/* n elements of size, zeroed, or NULL (overflow, out of memory). */
void *bigtab_new(size_t n, size_t size);
void bigtab_free(void *p, size_t n, size_t size);

#endif
