#ifndef QF_PAGES_UNITS_H
#define QF_PAGES_UNITS_H
/*
 * pages/units: the unit pages (units.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_units(struct req *r);
int page_unit_new(struct req *r);
int page_unit_create(struct req *r);
int page_unit_show(struct req *r);
int page_unit_edit(struct req *r);
int page_unit_update(struct req *r);

#endif
