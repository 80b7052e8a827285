#ifndef QF_API_CATEGORIES_H
#define QF_API_CATEGORIES_H
/*
 * api/categories: /api/categories, the violation category catalog as
 * JSON (categories.c).  The handlers the route table names.
 */
struct req;

int api_categories(struct req *r);
int api_category_create(struct req *r);
int api_category_retire(struct req *r);

#endif
