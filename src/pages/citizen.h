#ifndef QF_PAGES_CITIZEN_H
#define QF_PAGES_CITIZEN_H
/*
 * pages/citizen.h: the one frame of every citizen's page of the public
 * channel (issue 13: /p/report, /p/query, /p/message in pages/public.c;
 * /p/rate/{token}, /p/letter, /p/followup in pages/rate.c): the bare
 * page, one column (.citizen in style.css), the commission's name as the
 * brand line, the heading, and at the end the links between the pages
 * and the footer that says what is not recorded.
 */
#include "core/strbuf.h"

struct req;

/* Opens the page: `title` for <title>, `heading` the <h1> (NULL: the
 * title). */
void citizen_begin(struct req *r, struct strbuf *sb, const char *title, const char *heading);
/* Closes it (links, footer, assets/pow.js for the forms that carry a
 * proof of work) and sends it with `status`. */
int citizen_finish(struct req *r, struct strbuf *sb, unsigned status);

/* 1 when this instance cannot seal a submission yet: its key file has no
 * seal_public (a public side before `ferry key import`, an intranet key
 * file from before issue 13 before `ferry key export`). */
int citizen_closed(const struct req *r);
/* The 503 page that says so, `title` naming the channel (网上举报暂未开通). */
int citizen_closed_page(struct req *r, const char *title);

#endif
