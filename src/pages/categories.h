#ifndef QF_PAGES_CATEGORIES_H
#define QF_PAGES_CATEGORIES_H
/*
 * pages/categories: the violation category catalog (违纪违法类别) the case
 * manager edits (categories.c).  The handlers the route table names
 * (src/http/routes.c); nothing here owns memory.
 */
struct req;

int page_categories(struct req *r);
int page_category_create(struct req *r);
int page_category_retire(struct req *r);

#endif
