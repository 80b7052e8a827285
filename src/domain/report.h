#ifndef QF_REPORT_H
#define QF_REPORT_H
/*
 * report: reports (信访举报), DOMAIN.md sections 1, 2 and 4.  The intake
 * office registers a report (the reporter's identity and contact and the
 * summary encrypted at rest, bound to the row), decides whether it is
 * accepted, transfers one that belongs to another level, concludes it,
 * records the notices given to a real-name reporter, and may turn an
 * accepted report into a problem clue.  Reports are seen within the
 * actor's jurisdiction (the unit of the first accused; a report naming
 * nobody only by the unscoped roles); every read is audited; only the
 * PERM_REPORTER roles see who reported.  Each step lands on the timeline
 * and in the audit log (the step only) in the same transaction.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/clocks.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/person.h"
#include "model/report.h"
#include "model/timeline.h"

struct ctx;
struct store;
struct calendar;
struct clue_dup;

#define REPORT_MAX_ACCUSED 16
/* What the roles without PERM_REPORTER see instead of a real-name
 * reporter's identity. */
#define REPORT_IDENTITY_HIDDEN "（实名，身份信息仅限信访室与委领导查看）"

struct report_input {
	const char *received;            /* YYYY-MM-DD */
	const char *channel, *category;
	const char *kind;                /* accusation, petition, other (report_kinds) */
	int real_name, other_level;
	int repeated;                    /* a repeated accusation (重复检举控告) */
	const char *reporter, *contact;  /* required when real_name */
	const char *summary;
	int64_t accused[REPORT_MAX_ACCUSED];
	int n_accused;
};

/* Registers a report: its id; RES_INVALID with messages in fe; RES_STORE. */
int64_t report_register(struct ctx *c, const struct report_input *in, struct fielderr *fe);
/* The same inside a write transaction the caller holds on c->db (the
 * ferry's import: a batch is one transaction). */
int64_t report_register_in_tx(struct ctx *c, const struct report_input *in, struct fielderr *fe);

/* RES_DONE found and visible (the read is audited), RES_NOT_FOUND absent or denied (a denial
 * is audited as access_denied), RES_STORE. */
int report_get(struct ctx *c, int64_t id, struct report *k);
/* The registry page rq asks for; rq->lq.scope_user is set here. */
int report_list(struct ctx *c, struct report_filter *f, struct report **out, int64_t *total);

/* One clock of a report as its page shows it. */
struct report_clock {
	const char *clock;          /* clock_limits code */
	const char *label;
	qf_day start, due, done;    /* done QF_DAY_NONE while running */
	enum clock_state state;
	const char *source;         /* the regulation of the limit it runs by ("" when none) */
};
#define REPORT_MAX_CLOCKS 5

/* What a report page shows besides the record (call after report_get). */
struct report_detail {
	const char *summary;
	const char *reporter, *contact;  /* NULL when anonymous or hidden */
	int identity_hidden;             /* real-name, and the actor may not see who */
	struct person *accused;
	int n_accused;
	struct timeline_entry *timeline;
	int n_timeline;
	struct report_clock clocks[REPORT_MAX_CLOCKS];
	int n_clocks;
};
int report_detail(struct ctx *c, const struct report *k, struct report_detail *d);

/* The clocks that apply to k on `today`: their count. */
int report_clocks(struct ctx *c, const struct clock_table *t, const struct report *k, qf_day today,
		  struct report_clock *out);

/* Sets k's due days (accept_due ... outcome_notice_due, arena strings):
 * those stored are kept, the others computed for the clocks that have
 * started; and next_due, the earliest of the clocks still running. */
void report_dues(struct ctx *c, const struct clock_table *t, struct report *k);
/* Inside a write's transaction on s, after the report was inserted or a
 * step taken: reads report id and stores its due days.  0 or -1. */
int report_dues_store(struct ctx *c, struct store *s, int64_t id);
/* The same with every due day computed again as at registration (the
 * stored ones dropped): after a correction of the kind.  0 or -1. */
int report_dues_recompute(struct ctx *c, struct store *s, int64_t id);
/* Inside a transaction on s: computes again, on `cal`, the due days of
 * every report with a running clock (the stored ones dropped) and stores
 * them: the fill below, and a change of the holiday calendar.  0 or -1. */
int report_dues_refill(struct ctx *c, struct store *s, const struct calendar *cal);
/* Once after migration 0017 (settings report_dues_filled = 0): stores the
 * due days of every report with a running clock, in one transaction, and
 * sets report_dues_filled to 1.  c->cal must be loaded.  0 or -1. */
int report_dues_fill(struct ctx *c);

/* Corrects the kind (report_kinds), the repeated flag and the category of
 * a report not yet concluded (docs/interchange.md: registration fixed
 * them before): the category/kind rule holds (report_kind_mismatch), the
 * due days are computed again as registration would, on the timeline and
 * audited.  kind or category NULL or "", repeated < 0: unchanged.  A result (result.h): RES_DONE,
 * RES_INVALID with fe, RES_NOT_FOUND, RES_STORE. */
int report_correct_kind(struct ctx *c, int64_t id, const char *kind, int repeated, const char *category,
			struct fielderr *fe);

/* Why `step` cannot be taken on k now (Chinese), or NULL when it can. */
const char *report_step_refusal(const struct report *k, enum report_step step);
/* The Chinese name of a step (受理, 转送, ...). */
const char *report_step_label(enum report_step step);
/* Takes a dated step: 1 done; RES_INVALID with fe (wrong state, bad day, missing
 * note or receiving level); RES_NOT_FOUND (absent or not visible); RES_STORE.
 * text: the note (accept, not accept) or the level it goes to (transfer). */
int report_step(struct ctx *c, int64_t id, enum report_step step, const char *day,
		const char *text, struct fielderr *fe);
/* REPORT_TRANSFER with the forwarding record's reference (文号, may be
 * empty; at most 100 characters): the record is date, to whom, reference
 * (jurisdiction.h).  As report_step. */
int report_forward(struct ctx *c, int64_t id, const char *day, const char *to, const char *ref,
		   struct fielderr *fe);

/* Registers a problem clue from an accepted (or concluded) report, dated
 * `day`, its accused as subjects and its summary copied, and links it.
 * The clue id; RES_INVALID with fe; RES_NOT_FOUND (absent or not visible); RES_STORE;
 * -3 when an accused has open clues and confirm is not set (*dups as
 * clue_register gives them; nothing saved). */
int64_t report_to_clue(struct ctx *c, int64_t id, const char *day, int confirm,
		       struct fielderr *fe, struct clue_dup **dups, int *n_dups);

/* the audit events of report (report.c) */
QF_AUDIT_EVENT_DECL(REPORT_ACCEPT);
QF_AUDIT_EVENT_DECL(REPORT_NOT_ACCEPT);
QF_AUDIT_EVENT_DECL(REPORT_TRANSFER);
QF_AUDIT_EVENT_DECL(REPORT_CONCLUDE);
QF_AUDIT_EVENT_DECL(REPORT_NOTIFY);
QF_AUDIT_EVENT_DECL(REPORT_EXTEND);
QF_AUDIT_EVENT_DECL(REPORT_TO_CLUE);

/* code tables (labels.h), defined in report.c */
extern const struct label report_channels[];      /* reports.channel */
extern const struct label report_categories[];    /* reports.category */
extern const struct label report_states[];        /* reports.state */
extern const struct label report_kinds[];         /* reports.kind */

/* The kind a report of `category` had under the old rules (before
 * migration 0021, and in files without a kind): accusation ->
 * accusation, appeal and suggestion -> petition, other -> other. */
const char *report_kind_of_category(const char *category);
/* Why kind and category contradict each other (Chinese), or NULL: an
 * accusation (检举控告) is of kind accusation and only it is. */
const char *report_kind_mismatch(const char *kind, const char *category);

#endif
