#ifndef QF_CLUE_H
#define QF_CLUE_H
/*
 * clue: the single registry of problem clues (问题线索), DOMAIN.md
 * section 2; their disposition (处置) is disposition.h.  Clues are seen within the
 * actor's jurisdiction (the unit of the first subject); every read is
 * audited; every step lands on the clue's timeline and in the audit log in
 * the same transaction.  The summary is narrative text, encrypted at rest.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/caserules.h"
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
	/* violation categories (violation_categories codes), optional
	 * (issue 11: the 四风 clue figure reads them) */
	const char *categories[CASE_MAX_CATEGORIES];
	int n_categories;
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
int clue_list(struct ctx *c, struct clue_filter *f, struct clue **out, int64_t *total);

/* What a clue page shows besides the clue (call after clue_get). */
struct clue_detail {
	struct person *subjects;
	int n_subjects;
	struct disposition *dispositions;
	int n_dispositions;
	struct timeline_entry *timeline;
	int n_timeline;
	const char **categories;        /* codes, and their labels */
	const char **category_labels;
	int n_categories;
};
int clue_detail(struct ctx *c, const struct clue *k, struct clue_detail *d);

/* PERM_CLUE_PROPOSE: replaces the violation categories of a clue not yet
 * disposed (codes offered on its received day; none clears them).
 * RES_DONE; RES_NOT_FOUND; RES_INVALID with the message in fe (field
 * categories); RES_STORE. */
int clue_set_categories(struct ctx *c, int64_t clue_id, const char *const *codes, int n,
			struct fielderr *fe);

/* For disposition.c: the clue's object name in the audit log and the
 * timeline ("clue/N"), and one step's timeline entry and audit entry, in
 * the caller's transaction (detail, the typed reason, goes to the
 * timeline only): 0 or -1. */
const char *clue_object(struct ctx *c, int64_t id);
int clue_record_step(struct ctx *c, int64_t clue_id, const struct audit_event *event, const char *action,
		     const char *detail);

/* ---- the handling office (clue_assign.c, issue 12) ---- */
#define CLUE_BULK_MAX 100       /* clues or approvals in one bulk action */
/* The offices a clue may be assigned to (those of active accounts),
 * sorted: count or RES_STORE. */
int clue_offices(struct ctx *c, const char ***out);
/* PERM_CLUE_ASSIGN: assigns the clues ids[0..n) to `office`, all or
 * nothing: each must be visible to the actor and open (not closed, filed
 * or transferred), checked again in the transaction; one timeline and
 * audit entry each.  RES_DONE; RES_NOT_FOUND without the permission;
 * RES_INVALID with the message in fe (ids, office); RES_STORE. */
int clue_assign(struct ctx *c, const int64_t *ids, int n, const char *office, struct fielderr *fe);
QF_AUDIT_EVENT_DECL(CLUE_ASSIGN);

/* code tables (labels.h), defined in clue.c */
extern const struct label clue_sources[];         /* clues.source */

#endif
