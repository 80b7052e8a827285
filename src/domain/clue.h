#ifndef QF_CLUE_H
#define QF_CLUE_H
/*
 * clue: the single registry of problem clues (问题线索) and their
 * disposition (处置), DOMAIN.md section 2.  Clues are seen within the
 * actor's jurisdiction (the unit of the first subject); every read is
 * audited; every step lands on the clue's timeline and in the audit log in
 * the same transaction.  The summary is narrative text, encrypted at rest.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "domain/model.h"

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
 * Registers a clue.  Returns its id; RES_INVALID with messages in fe; RES_STORE;
 * RES_CONFIRM when a subject already has an open clue and input->confirm is
 * not set: *dups (arena) lists them, nothing is saved.
 */
int64_t clue_register(struct ctx *c, const struct clue_input *in, struct fielderr *fe,
		      struct clue_dup **dups, int *n_dups);

/* RES_DONE found and visible (the read is audited), RES_NOT_FOUND absent or denied, RES_STORE. */
int clue_get(struct ctx *c, int64_t id, struct clue *k);
/* The clear summary of a clue the actor has read: 0, or -1. */
int clue_summary(struct ctx *c, const struct clue *k, struct strbuf *out);
int clue_list(struct ctx *c, struct list_query *lq, struct clue **out, int64_t *total);

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

/* Proposes a disposition: the id; RES_INVALID with fe (a transition the flow does
 * not allow, one already pending, a bad method); 0 when the clue is not
 * visible; RES_STORE. */
int64_t disposition_propose(struct ctx *c, int64_t clue_id, const char *method, const char *reason,
			    struct fielderr *fe);
/* Approves (approve = 1) or rejects a pending disposition, dated `day`
 * (YYYY-MM-DD; the approval date is when the clue counts as disposed).
 * 1 done; RES_INVALID with fe (not pending, wrong approver, a bad date); 0 not
 * found or not visible; RES_STORE. */
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

#endif
