#ifndef QF_XALLOC_H
#define QF_XALLOC_H
/*
 * xalloc: allocation that does not fail (after git's wrapper.c).  Out of
 * memory, they print "fatal: out of memory" and abort: the process stops
 * rather than go on with a NULL.  Request memory comes from the arena
 * (arena.h, whose chunks come from here); these are for the long-lived
 * structures of the store, the server, the calendar and strbuf, and for
 * jansson (main.c).  No other file has a checked allocator of its own.  The sweep in
 * tests/fault/ counts on the message to tell such a stop from a crash.
 * Release with free().
 */
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Prints the message and aborts. */
_Noreturn void die_oom(void);
/*
 * The C library's allocator told to keep what is freed (main.c, before
 * any command): glibc gives the top of a thread's heap back to the kernel
 * once 128 KiB lie free there (madvise, and a TLB flush on every core),
 * and serves 128 KiB and more by mmap/munmap.  SQLite's statement
 * journals and ephemeral tables take and free such blocks on every
 * write with a trigger: at 64 connections the server spent a third of
 * its CPU in those flushes (bench/README.md, "A rating's write after
 * 0069").  Kept up to XALLOC_TRIM_KEEP a heap; allocations under
 * XALLOC_MMAP_FROM from the heaps.  Nothing on another C library.
 */
#define XALLOC_TRIM_KEEP (64u << 20)
#define XALLOC_MMAP_FROM (8u << 20)
void xalloc_tune(void);

#endif
