#ifndef QF_PAGES_PERSONS_H
#define QF_PAGES_PERSONS_H
/*
 * pages/persons: the person pages (persons.c) and the record section of a
 * person's page (person_record.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;
struct strbuf;
struct person;

int page_persons(struct req *r);
int page_person_new(struct req *r);
int page_person_create(struct req *r);
int page_person_show(struct req *r);
int page_person_edit(struct req *r);
int page_person_update(struct req *r);

/* The record section of a person's page (person_record.c): nothing for
 * roles that do not see it. */
void page_person_record(struct req *r, struct strbuf *sb, const struct person *p);

#endif
