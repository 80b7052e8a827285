#ifndef QF_DOMAIN_LETTER_H
#define QF_DOMAIN_LETTER_H
/*
 * letter: the letters (群众信件) citizens leave on a unit's rating page
 * (domain/rating.h): received -> accepted -> concluded with an answer the
 * citizen reads at /p/letter with the code shown after the submission.
 * The contact is encrypted (field_encrypt, associated data
 * "letters.contact/" + the letter's id) and shown to staff who may work
 * the unit's letters.  Each staff step is audited in its transaction.
 * Results as domain/result.h.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/rating.h"

struct ctx;
struct store;
struct rating_input;

#define LETTER_ANSWER_MAX 2000

extern const struct label letter_states[];      /* received, accepted, concluded */

/* Inside a transaction on s: the letter of `in` for unit_id, received on
 * day (its code from in->idem_key): its id or < 0. */
int64_t letter_insert(struct ctx *c, struct store *s, const struct rating_input *in, int64_t unit_id,
		      const char *day);

/* A letter of the actor's units, its contact decrypted. */
int letter_get(struct ctx *c, int64_t id, struct letter *out);
int letter_list(struct ctx *c, struct letter_filter *f, struct letter **out, int64_t *total);
/* received -> accepted: RES_DONE; RES_NOT_FOUND; RES_INVALID (fe "state"
 * when not received); RES_STORE. */
int letter_accept(struct ctx *c, int64_t id, struct fielderr *fe);
/* received or accepted -> concluded with an answer (required). */
int letter_conclude(struct ctx *c, int64_t id, const char *answer, struct fielderr *fe);
/* The citizen's view: the letter of a typed code (its contact not
 * decrypted); RES_NOT_FOUND for a code that names none. */
int letter_by_code(struct ctx *c, const char *typed, struct letter *out);

QF_AUDIT_EVENT_DECL(LETTER_ACCEPT);
QF_AUDIT_EVENT_DECL(LETTER_CONCLUDE);

#endif
