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
	/* the personnel record's fields (migration 0034) */
	const char *gender;          /* person_genders: male, female; "" unknown */
	const char *birth_date;      /* YYYY-MM-DD or NULL */
	const char *ethnicity;       /* person_ethnicities (GB/T 3304 code), "" unknown */
	const char *party_joined;    /* 入党时间, YYYY-MM-DD or NULL */
	int npc_deputy;              /* 人大代表 */
	int cppcc_member;            /* 政协委员 */
	/* person_save only, not stored: the day the unit or post given takes
	 * effect (a move ends the open post that day), NULL today; on a new
	 * person the first post's start, NULL not known */
	const char *post_from;
};

/* A post a person held or holds (任职经历). */
struct person_post {
	int64_t id;
	int64_t person_id;
	int64_t unit_id;
	const char *unit_name;
	const char *post;
	const char *start_day;       /* YYYY-MM-DD or NULL (not known) */
	const char *end_day;         /* YYYY-MM-DD or NULL (held now) */
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
