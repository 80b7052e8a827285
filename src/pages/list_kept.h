#ifndef QF_PAGES_LIST_KEPT_H
#define QF_PAGES_LIST_KEPT_H
/*
 * list_kept: a list page's rendering kept in the process (issue 16,
 * lcache16).  What a list page writes between the frame's top
 * (page_begin: the navigation, the to-do badge, the logout form's token,
 * the notice of ?ok=) and its end is kept, keyed by the session (its user,
 * role and form token), the path, every query argument but ok= in their
 * order, and the day (China Standard Time: the clocks of the rows), and
 * stamped with the data's version (store_data_version) read before the
 * page's queries.  A request with the same key while the version has not
 * moved gets the frame written for it around the kept bytes: no list
 * query, no rendering.  An export (format=xlsx) is never kept or served.
 *
 *   struct list_kept k;
 *   if (list_kept_serve(r, &k, title, crumbs))
 *           return k.rc;
 *   ... the page's queries ...
 *   list_kept_begin(r, &k, &sb, title, crumbs);      // page_begin
 *   ... the page ...
 *   return list_kept_finish(r, &k, &sb);             // page_finish with 200, kept
 *
 * The store is bounded (LIST_KEPT_SLOTS pages, LIST_KEPT_BYTES in all,
 * the least recently used given up first) and shared by the server's
 * threads under one lock.  A page whose kept part would hold another
 * session's token cannot happen: the session's token is in the key.
 */
#include <stddef.h>
#include <stdint.h>

struct req;
struct strbuf;

#define LIST_KEPT_SLOTS 128
#define LIST_KEPT_BYTES (8u << 20)
#define LIST_KEPT_PAGE_MAX (512u << 10)
#define LIST_KEPT_KEY_MAX 1024

struct list_kept {
	int on;                 /* 1: the page may be kept (key and version set) */
	int rc;                 /* list_kept_serve answered: the reply's result */
	int64_t version;
	int64_t until;          /* the caller's bound (seconds, the request's clock): served before it, 0 none */
	uint64_t hash;
	size_t keylen;
	size_t from;            /* where the kept part starts in the page */
	char key[LIST_KEPT_KEY_MAX];
};

/* 1 when the request was answered from a kept rendering (k->rc the
 * reply's result); 0: the caller renders, with list_kept_begin and
 * list_kept_finish. */
int list_kept_serve(struct req *r, struct list_kept *k, const char *title, const char *const *crumbs);
/* page_begin, and where the part to keep starts. */
void list_kept_begin(struct req *r, struct list_kept *k, struct strbuf *sb, const char *title,
		     const char *const *crumbs);
/* Keeps the part since list_kept_begin and answers with page_finish (200);
 * a page that holds figures kept by the rule of domain/kept.h (counted up
 * to KEPT_SECS before, unaware of another process's writes) sets k->until
 * first, so that it is not served past their bound by much (the home page). */
int list_kept_finish(struct req *r, struct list_kept *k, struct strbuf *sb);

#endif
