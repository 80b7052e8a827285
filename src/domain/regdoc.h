#ifndef QF_DOMAIN_REGDOC_H
#define QF_DOMAIN_REGDOC_H
/*
 * regdoc: the document register (收发文登记, issue 15): received (收文)
 * and sent (发文) documents with their number, title, secrecy level, day,
 * counterpart, state (registered 已登记 -> circulating 传阅办理 -> filed
 * 归档), handler and, for a received document that needs an answer, its
 * due day (a home-page to-do of the registering office until filed).  A
 * sent document without a number draws one from the number pattern
 * `sent_doc` (numbering.c: 青纪发〔2022〕5号) in the write's transaction.
 *
 * Secrecy (docs/security.md "The document register"): 公开 public, 内部
 * internal, 秘密 secret, 机密 confidential.  绝密 (top secret) documents
 * are never registered on this platform: refused with a message.  A
 * secret or confidential entry's title is shown only to leaders
 * (PERM_REGDOC_SECRET) and to the members of the office that registered
 * it; to anyone else the list shows the entry without its title (the
 * number, day and counterpart are register data every office may see),
 * a search by title does not find it, and opening it answers
 * RES_NOT_FOUND with an access_denied audit entry.
 */
#include <stdint.h>

#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/worklog.h"

struct ctx;

#define REGDOC_TITLE_MAX 300

extern const struct label regdoc_directions[];  /* in 收文, out 发文 */
extern const struct label regdoc_secrecies[];   /* public 公开 ... confidential 机密 */
extern const struct label regdoc_states[];      /* registered, circulating, filed */

/* Registers one: its id; RES_INVALID with fe (direction, number, title,
 * secrecy, day, counterpart, state, handler, due); RES_STORE.  secrecy
 * "top_secret" (or 绝密) is refused under `secrecy`. */
int64_t regdoc_add(struct ctx *c, const struct regdoc *d, struct fielderr *fe);
/* the actor's view: RES_DONE, RES_NOT_FOUND (none, or secret and not
 * the actor's to see: audited), RES_STORE */
int regdoc_get(struct ctx *c, int64_t id, struct regdoc *out);
/* the state of one the actor may see: RES_DONE, RES_NOT_FOUND, RES_INVALID, RES_STORE */
int regdoc_set_state(struct ctx *c, int64_t id, const char *state);
int regdoc_list(struct ctx *c, struct regdoc_filter *f, struct regdoc **out, int64_t *total);
/* 1 when the actor sees the title of d */
int regdoc_sees(struct ctx *c, const struct regdoc *d);

#endif
