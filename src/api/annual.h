#ifndef QF_API_ANNUAL_H
#define QF_API_ANNUAL_H
/* api/annual.h: the annual report template and renderings (annual.c). */
struct req;

int api_annual_template(struct req *r);
int api_annual_template_save(struct req *r);
int api_annual_render(struct req *r);
int api_annual_renderings(struct req *r);

#endif
