#ifndef QF_MODEL_PERSON_H
#define QF_MODEL_PERSON_H
/*
 * model/person.h: the record of a supervised person (监督对象).
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

#include "model/filter.h"

struct person {
	int64_t id;
	int64_t unit_id;
	const char *unit_name;
	const char *region;
	const char *name;
	const char *position;
	const char *rank;
	int top_leader;
	int leadership;
	int party_member;
	const char *id_number_enc;   /* ciphertext text form, or NULL */
	const char *id_number_mac;   /* keyed hash for exact lookup, or NULL */
	int64_t created_at;
	int64_t updated_at;
};

/* The person list's filters (query arguments q, rank, unit_id). */
struct person_filter {
	struct page_req page;
	int64_t scope_user;         /* set by the domain: 0 all, else this user's units */
	const char *q;              /* name or position contains */
	const char *rank;           /* rank code */
	int64_t unit_id;            /* in this unit or below */
};
extern const struct filter_spec person_filter_spec;

#endif
