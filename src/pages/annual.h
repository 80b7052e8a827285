#ifndef QF_PAGES_ANNUAL_H
#define QF_PAGES_ANNUAL_H
/* pages/annual.h: the annual report template page (annual.c). */
struct req;

int page_annual(struct req *r);
int page_annual_save(struct req *r);
int page_annual_render(struct req *r);
int page_annual_rendering(struct req *r);

int page_annual_corrections(struct req *r);

#endif
