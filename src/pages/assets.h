#ifndef QF_PAGES_ASSETS_H
#define QF_PAGES_ASSETS_H
/*
 * pages/assets: the embedded CSS and JS, and the health probes (assets.c).
 * The route table's handlers for these; ownership: none.
 */
struct req;

int page_healthz(struct req *r);
int page_readyz(struct req *r);
int page_asset(struct req *r);

#endif
