#ifndef QF_API_UNITS_H
#define QF_API_UNITS_H
/*
 * api/units: /api/units (units.c).
 * The handlers the route table names (src/http/routes.c); errors have
 * the one shape of reply_error / reply_fields.
 */
struct req;

int api_units(struct req *r);
int api_unit_create(struct req *r);
int api_unit_show(struct req *r);
int api_unit_update(struct req *r);

#endif
