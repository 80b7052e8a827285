#ifndef QF_PAGE_H
#define QF_PAGE_H
/*
 * page: the frame of a staff page (UI.md: top bar, navigation by role,
 * breadcrumb, title) and the flash notices.  The builders a page is made
 * of (fields, forms, clocks, record rows, the pager) are the page kit,
 * pages/kit.h, included here since every page uses both.
 * Every value goes through core/escape.h; literals are written raw.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "pages/kit.h"

struct req;

/* Opens the document and the frame.  crumbs: label, href pairs ending with
 * NULL (the last crumb is the page itself, href may be NULL). */
void page_begin(struct req *r, struct strbuf *sb, const char *title, const char *const *crumbs);
/* Closes the frame and sends it with 200 (or status). */
int page_finish(struct req *r, struct strbuf *sb, unsigned status);
/* A bare page without navigation (login, second factor).  Errors are
 * framed by http/reply.c: this frame for a signed-in user (the error_frames
 * entry page.c registers), bare for a visitor. */
void page_begin_bare(struct strbuf *sb, const char *title);
int page_finish_bare(struct req *r, struct strbuf *sb, unsigned status);

#endif
