#ifndef QF_PERSON_H
#define QF_PERSON_H
/*
 * person: the cadres under supervision.  Every read of a person record is
 * audited; the ID number (居民身份证号码) is encrypted at rest and shown
 * only to roles with PERM_PERSON_IDNUM.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/fielderr.h"
#include "model/person.h"
#include "domain/labels.h"

struct ctx;

/* A result (result.h): RES_DONE found and visible (the read is audited),
 * RES_NOT_FOUND absent or denied, RES_STORE. */
int person_get(struct ctx *c, int64_t id, struct person *p);
/* A person chosen in a form (a clue's subject, a report's accused): a
 * result (result.h), RES_DONE when it exists in the actor's jurisdiction
 * (p filled; not audited as a read), RES_NOT_FOUND when not (a denial is
 * audited), RES_STORE when a lookup failed. */
int person_pick(struct ctx *c, int64_t id, struct person *p);
int person_list(struct ctx *c, struct person_filter *f, struct person **out, int64_t *total);
/* Creates (p->id == 0) or updates.  id_number: the clear ID number typed
 * by the user ("" clears it, NULL keeps the stored one).  Messages already
 * in fe (the caller's parsing) are kept and make it fail after the record
 * check.  p->id_number_enc is the stored value afterwards, saved or not.
 * Returns as unit_save.  A new person goes through person_check_new and
 * person_insert_in_tx in a transaction of its own. */
int64_t person_save(struct ctx *c, struct person *p, const char *id_number, struct fielderr *fe);
/* A new person inside a write of another family (an opinion request's
 * line made into a person): person_check_new before the caller's
 * transaction (a unit, or an ID number's holder, outside the actor's
 * jurisdiction is audited there: an entry written inside would be rolled
 * back with the refusal), then person_insert_in_tx inside it (store_tx),
 * which checks again under the write lock, unaudited, and writes the
 * person, its first post, the ID number and the audit entry.  id_number
 * as person_save ("" or NULL none).  p->id is set to 0.  The check:
 * RES_DONE, RES_INVALID (messages added to fe), RES_STORE; the insert:
 * the new id, RES_INVALID, RES_STORE (the caller then rolls back). */
int person_check_new(struct ctx *c, struct person *p, const char *id_number, struct fielderr *fe);
int64_t person_insert_in_tx(struct ctx *c, struct person *p, const char *id_number, struct fielderr *fe);
/* The clear ID number for an actor allowed to see it: 1 and out filled,
 * 0 when there is none or the actor may not see it, -1 on a decryption
 * failure. */
int person_id_number(struct ctx *c, const struct person *p, struct strbuf *out);
/* A masked form for everyone else: 1101**********1234. */
void person_id_mask(const char *id, struct strbuf *out);
/* The keyed MAC persons.id_number_mac holds for a valid ID number (in
 * c->a; a lowercase x read as X), NULL when id is not one: the lookup of a
 * person by an ID number given from outside (an opinion request). */
const char *person_id_key(struct ctx *c, const char *id);
/* 1 when s is a valid 18-character ID number (GB 11643 check digit). */
int person_id_valid(const char *s);

/* The posts of a person the actor has read (person_get), ended ones
 * first by their end, the open one last: count or RES_STORE. */
int person_posts(struct ctx *c, const struct person *p, struct person_post **out);

/* code tables (labels.h), defined in person.c */
extern const struct label person_ranks[];         /* persons.rank */
extern const struct label person_genders[];       /* persons.gender (0034) */
extern const struct label person_ethnicities[];   /* persons.ethnicity: GB/T 3304 codes */

#endif
