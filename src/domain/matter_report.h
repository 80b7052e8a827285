#ifndef QF_DOMAIN_MATTER_REPORT_H
#define QF_DOMAIN_MATTER_REPORT_H
/*
 * matter_report: personal matter reports (重大事项报告: a cadre's wedding,
 * funeral, or other celebration such as a child's 升学宴 or moving house;
 * issue 15; DOMAIN.md sections 4 and 5).  A report names the person, the
 * kind (supervision_kinds, family 'matter_report', editable), the event
 * day, the day reported, the scale (guests, tables, whether public funds
 * or vehicles were used) and a note; its state is received, then checked
 * (已核查) or concern (发现问题).
 *
 * The clock: personal_matter_report of clock_limits, 30 calendar days
 * from the event (《领导干部报告个人有关事项规定》; DOMAIN.md section 4,
 * calendar days, a due day on a rest day moves to the next working day by
 * Civil Code art. 203, clocks.c).  The due day is computed on read from
 * the event day; a report received after it is late (逾期报告).
 *
 * Who: PERM_SUPERVISION_WRITE records and checks, PERM_SUPERVISION_READ
 * reads, bounded by jurisdiction on the person's unit; outside it
 * RES_NOT_FOUND, the denial audited.  Results as domain/result.h.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/talk.h"

struct ctx;

#define MATTER_REPORT_NOTE_MAX 2000

/* The id, RES_INVALID (fe), RES_NOT_FOUND (the person outside the
 * jurisdiction, audited), RES_STORE.  m->person_id, kind, days, scale, note. */
int64_t matter_report_add(struct ctx *c, const struct matter_report *m, struct fielderr *fe);
/* RES_DONE (due and late computed), RES_NOT_FOUND, RES_STORE. */
int matter_report_get(struct ctx *c, int64_t id, struct matter_report *out);
int matter_report_list(struct ctx *c, struct matter_report_filter *f, struct matter_report **out,
		       int64_t *total);
/* Corrects a report (m->id): kind, event day, reported day, scale and note,
 * with the reason (domain/changes.h); the person stays.  The 30-day clock
 * and the late flag follow from the new days (m->due, m->late set), and
 * the audit entry "matter_report_edit" and the timeline entry name the
 * fields before and after (the note only as changed) and the due day and
 * lateness when they moved.  RES_DONE, RES_INVALID (fe), RES_NOT_FOUND
 * (outside the jurisdiction, audited), RES_STORE. */
int matter_report_edit(struct ctx *c, struct matter_report *m, const char *reason, struct fielderr *fe);
/* The report's timeline (its corrections), for a reader who has read it. */
struct timeline_entry;
int matter_report_timeline(struct ctx *c, int64_t id, struct timeline_entry **out);
/* received -> checked (concern 0) or concern (1): RES_DONE, RES_INVALID, ... */
int matter_report_check(struct ctx *c, int64_t id, int concern, struct fielderr *fe);
/* The due day and late flag of m from its event and reported days. */
void matter_report_clock(struct ctx *c, struct matter_report *m);
extern const struct label matter_report_states[];   /* received 已接收, checked 已核查, concern 发现问题 */
/* 已接收 / 已核查 / 发现问题 */
const char *matter_report_state_text(const char *state);

QF_AUDIT_EVENT_DECL(MATTER_REPORT_ADD);
QF_AUDIT_EVENT_DECL(MATTER_REPORT_EDIT);
QF_AUDIT_EVENT_DECL(MATTER_REPORT_CHECK);

#endif
