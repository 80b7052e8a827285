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

#endif
