#ifndef QF_DOMAIN_TALK_H
#define QF_DOMAIN_TALK_H
/*
 * talk: talks (谈话, issue 15; DOMAIN.md section 5 "Daily supervision"):
 * 任前廉政谈话, 廉政谈话, 谈心谈话, 提醒谈话, 诫勉谈话 and the kinds staff add
 * (supervision_kinds, family 'talk'), each with its day, the person (or,
 * for a unit's own talks counted without names, the unit and the number
 * of persons, 人次), who talked (an account, or a unit leader's name) and
 * a note encrypted at rest (talks.note/ID, like a clue's summary).
 *
 * A reminder or warning talk that is first-form treatment (DOMAIN.md
 * section 3: a daily-supervision record is an outcome's matter) records
 * its outcome on the talk: outcomes.supervision_id (0018, 0059) is the
 * talk, so it counts in the four forms without a clue (talk_outcome).
 *
 * Who: PERM_SUPERVISION_WRITE records, PERM_SUPERVISION_READ reads,
 * bounded by jurisdiction on the talk's unit; a person or unit outside it
 * is answered RES_NOT_FOUND and the denial audited.  Every write and its
 * audit entry in one transaction; quick entry (several persons, one kind
 * and day) is all-or-nothing.  Results as domain/result.h.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "model/talk.h"

struct ctx;
struct outcome_matter;

#define TALK_NOTE_MAX 2000
#define TALK_BATCH_MAX 200
#define SUP_KIND_LABEL_MAX 40

/* The kinds of a family ("talk", "matter_report") by order: their count, < 0. */
int sup_kinds(struct ctx *c, const char *family, struct sup_kind **out);
/* The label of a kind, or the code itself when unknown. */
const char *sup_kind_label(struct ctx *c, const char *family, const char *code);
/* Adds a kind (code: lower-case ASCII letters, digits, '_'; label: at
 * most SUP_KIND_LABEL_MAX characters): RES_DONE, RES_INVALID (fe), RES_STORE. */
int sup_kind_add(struct ctx *c, const char *family, const char *code, const char *label, struct fielderr *fe);

/* Quick entry: one talk per person in person_ids, or one unit-led talk
 * (n_persons 0: t->unit_id, t->persons, t->unit_led = 1).  t gives the
 * kind, day, talker and note.  All or nothing: the number of talks made
 * (ids in ids_out when given, at most TALK_BATCH_MAX), RES_INVALID (fe),
 * RES_NOT_FOUND (a person or unit outside the jurisdiction, audited),
 * RES_STORE. */
int talk_add(struct ctx *c, const struct talk *t, const int64_t *person_ids, int n_persons,
	     int64_t *ids_out, struct fielderr *fe);
/* Corrects a talk (t->id): its kind, day, person (a named talk; the unit
 * follows the person), persons (人次, a unit's own talk), talker (the old
 * name keeps its account, another is typed) and note (encrypted again),
 * with the reason (domain/changes.h).  A talk carrying a first-form
 * outcome keeps its person and day and stays a reminder or warning talk.
 * The row, the note, the audit entry "talk_edit" and the timeline entry
 * (the fields before and after, the note only as changed) commit together.
 * RES_DONE, RES_INVALID (fe), RES_NOT_FOUND (the talk or the new person
 * outside the jurisdiction, audited), RES_STORE. */
int talk_edit(struct ctx *c, const struct talk *t, const char *reason, struct fielderr *fe);
/* RES_DONE (the note decrypted), RES_NOT_FOUND (absent or denied, audited), RES_STORE. */
int talk_get(struct ctx *c, int64_t id, struct talk *out);
int talk_list(struct ctx *c, struct talk_filter *f, struct talk **out, int64_t *total);
/* The talk's timeline (its outcome, the follow-up visits), for a reader
 * who has read it (talk_get): the count, < 0. */
struct timeline_entry;
int talk_timeline(struct ctx *c, int64_t id, struct timeline_entry **out);

/* The first-form outcome of a reminder or warning talk: measure
 * talk_reminder (谈话提醒) or admonishment (诫勉), on the talk's day, for its
 * person.  The outcome's id, or a result (RES_INVALID with fe: no person,
 * not a reminder or warning talk, recorded already). */
int64_t talk_outcome(struct ctx *c, int64_t id, const char *measure, struct fielderr *fe);

/* For outcome.c: the talk as an outcome's matter (object "talk/N", its
 * person the one subject): 1, 0 absent or not visible (audited), -1 with
 * fe, -2 store. */
int talk_matter_open(struct ctx *c, int64_t talk_id, struct outcome_matter *m, struct fielderr *fe);

QF_AUDIT_EVENT_DECL(TALK_ADD);
QF_AUDIT_EVENT_DECL(TALK_EDIT);
QF_AUDIT_EVENT_DECL(SUP_KIND_ADD);

#endif
