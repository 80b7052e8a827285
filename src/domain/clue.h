#ifndef QF_CLUE_H
#define QF_CLUE_H
/*
 * clue: the single registry of problem clues (问题线索) and their
 * disposition (处置), DOMAIN.md section 2.  Clues are seen within the
 * actor's jurisdiction (the unit of the first subject); every read is
 * audited; every step lands on the clue's timeline and in the audit log in
 * the same transaction.  The summary is narrative text, encrypted at rest.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/clue.h"
#include "model/person.h"
#include "model/timeline.h"

struct ctx;
struct store;

#define CLUE_MAX_SUBJECTS 16

struct clue_input {
	const char *received;            /* YYYY-MM-DD */
	const char *source;              /* INTERCHANGE.md source code */
	const char *source_ref;          /* e.g. the report's number, free text */
	int64_t campaign_id;             /* 0: none */
	const char *summary;
	int64_t subjects[CLUE_MAX_SUBJECTS];
	int n_subjects;
	int confirm;                     /* go on although a subject has open clues */
	/* Optional: run inside the registering transaction once the clue
	 * exists (a report links it to itself); < 0 rolls everything back. */
	int (*then)(struct store *s, void *arg, int64_t clue_id);
	void *then_arg;
};

/* A subject who already has open clues. */
struct clue_dup {
	int64_t person_id;
	const char *name;
	int64_t open;
};


/*
 * Registers a clue.  Returns its id; -1 with messages in fe; -2 on a store
 * error; -3 when a subject already has an open clue and input->confirm is
 * not set: *dups (arena) lists them, nothing is saved.
 */
int64_t clue_register(struct ctx *c, const struct clue_input *in, struct fielderr *fe,
		      struct clue_dup **dups, int *n_dups);

/* 1 found and visible (the read is audited), 0 absent or denied, < 0 error. */
int clue_get(struct ctx *c, int64_t id, struct clue *k);
/* The clear summary of a clue the actor has read: 0, or -1. */
int clue_summary(struct ctx *c, const struct clue *k, struct strbuf *out);
int clue_list(struct ctx *c, struct clue_filter *f, struct clue **out, int64_t *total);

/* What a clue page shows besides the clue (call after clue_get). */
struct clue_detail {
	struct person *subjects;
	int n_subjects;
	struct disposition *dispositions;
	int n_dispositions;
	struct timeline_entry *timeline;
	int n_timeline;
};
int clue_detail(struct ctx *c, const struct clue *k, struct clue_detail *d);

/* Proposes a disposition: the id; -1 with fe (a transition the flow does
 * not allow, one already pending, a bad method); 0 when the clue is not
 * visible; -2 on a store error. */
int64_t disposition_propose(struct ctx *c, int64_t clue_id, const char *method, const char *reason,
			    struct fielderr *fe);
/* Approves (approve = 1) or rejects a pending disposition, dated `day`
 * (YYYY-MM-DD; the approval date is when the clue counts as disposed).
 * 1 done; -1 with fe (not pending, wrong approver, a bad date); 0 not
 * found or not visible; -2 on a store error. */
int disposition_decide(struct ctx *c, int64_t id, int approve, const char *day, const char *note,
		       struct fielderr *fe);

/* The clue a disposition belongs to: its id, 0 when there is no such
 * disposition, < 0 on a store error (no jurisdiction check: callers go on
 * to disposition_decide or clue_get, which check). */
int64_t disposition_clue_of(struct ctx *c, int64_t disposition_id);

/* Special campaigns (专项整治) that clues, cases and outcomes are tagged to. */
int64_t campaign_create(struct ctx *c, const char *name, const char *start, const char *end,
			struct fielderr *fe);
int campaign_list(struct ctx *c, struct campaign **out);

/* the audit events of clue (clue.c) */
QF_AUDIT_EVENT_DECL(DISPOSE_PROPOSE);
QF_AUDIT_EVENT_DECL(DISPOSE_APPROVE);
QF_AUDIT_EVENT_DECL(DISPOSE_REJECT);

/* code tables (labels.h), defined in clue.c */
extern const struct label clue_sources[];         /* clues.source */

#endif
