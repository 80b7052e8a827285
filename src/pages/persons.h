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

/* The person form's fields (persons.c), for the person pages and the
 * pages that make a person inside their own write (an opinion request's
 * line): p's values, idnum the ID number typed (never a stored one), the
 * messages of fe beside their fields.  The unit picker's label is p's
 * unit name, else the name of p->unit_id when the user may see it. */
void person_fields(struct req *r, struct strbuf *sb, const struct person *p, const char *idnum,
		   const struct fielderr *fe);
/* Reads those fields of the posted form into p (text in the request):
 * the ID number for person_save (NULL keep, "" clear); p->unit_id < 0
 * when the unit lookup failed (a store error). */
const char *person_read_form(struct req *r, struct person *p, struct fielderr *fe);

/* The record section of a person's page (person_record.c): nothing for
 * roles that do not see it. */
void page_person_record(struct req *r, struct strbuf *sb, const struct person *p);

#endif
