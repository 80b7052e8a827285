#ifndef QF_DOMAIN_INTEGRITY_H
#define QF_DOMAIN_INTEGRITY_H
/*
 * integrity: a cadre's integrity file (廉政档案, issue 15; DOMAIN.md section
 * 5): for a person of section rank and up, gathered from the records when
 * read (never stored): the profile, the personal matter reports, the
 * talks (kind and day; the notes stay on the talks), and what the reader
 * may see of the person's record (person_record.h: the clues within the
 * jurisdiction, the cases on need-to-know, every outcome with its measures
 * and influence period, its matter only when visible, an open case as a
 * bar to promotion).  The supervising office marks the file brought up to
 * date (更新廉政档案); the files updated in a period are the figure
 * integrity_files (the 2022 report's 872).
 *
 * Who: PERM_SUPERVISION_READ reads and exports, PERM_SUPERVISION_WRITE
 * updates; the person within the reader's jurisdiction (person_get: a
 * refusal audited, RES_NOT_FOUND).  Reading the file and exporting it are
 * audited.  Results as domain/result.h.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/person_record.h"
#include "model/person.h"
#include "model/talk.h"

struct ctx;
struct strbuf;

struct integrity_file {
	struct person person;
	struct matter_report *reports;
	int n_reports;
	struct talk *talks;
	int n_talks;
	struct person_record rec;
	int has_record;                 /* 0: the reader's role sees no clues, cases or outcomes */
	const char *updated;            /* the last 更新 day, NULL never */
	int n_updates;
};

/* 1 for the ranks a file is kept for: county and section (科级以上). */
int integrity_rank(const char *rank);
/* RES_DONE, RES_NOT_FOUND, RES_INVALID (fe: below section rank), RES_STORE. */
int integrity_get(struct ctx *c, int64_t person_id, struct integrity_file *f, struct fielderr *fe);
/* Marks the file updated today: RES_DONE, ... as integrity_get. */
int integrity_update(struct ctx *c, int64_t person_id, struct fielderr *fe);
/* The file as a .docx (office/docx.c, GB/T 9704 layout) appended to out,
 * the export audited: RES_DONE, ... as integrity_get. */
int integrity_docx(struct ctx *c, int64_t person_id, const char *organ, struct strbuf *out, struct fielderr *fe);

QF_AUDIT_EVENT_DECL(INTEGRITY_UPDATE);
QF_AUDIT_EVENT_DECL(INTEGRITY_EXPORT);

#endif
