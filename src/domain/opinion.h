#ifndef QF_DOMAIN_OPINION_H
#define QF_DOMAIN_OPINION_H
/*
 * opinion: integrity opinion replies (党风廉政意见回复, issue 15; DOMAIN.md
 * sections 3 and 5).  The organisation department asks, before promoting
 * or honouring cadres, whether the commission has anything against them:
 * a request (their letter's number, the day received, the purpose, the
 * due day) with its cadres, pasted or uploaded as CSV (name, unit, ID
 * number, position).  Each line is matched to a person by the ID number's
 * keyed MAC (one person or none), else by name and a unit of that name;
 * none is 未找到 and several 待确认: staff resolve them (choose a
 * candidate, or answer the line as no record), never the platform.
 *
 * The check runs on the reply day over the whole request at once: open
 * cases (filed by then, not closed before), clues being handled and
 * reports accepted about the person, and the outcomes in effect with their
 * influence periods (outcomes.bar_until: a bar while bar_until > the day;
 * a period that ended on or before it bars nothing).  The proposal, by
 * precedence: under_case > open_clue > period_running > period_ended >
 * none_found, with the facts as its reason.  Staff confirm each line or
 * change it with a reason (audited); the reply letter (.docx, numbered by
 * the pattern opinion_reply) is made once every line is confirmed, and
 * the request is closed: draft -> checked -> confirmed -> replied.
 *
 * Who: PERM_OPINION_WRITE (the supervision office) works, PERM_OPINION_READ
 * (the office and leaders) reads; the cadres' facts are confidential, so a
 * request is answered RES_NOT_FOUND to anyone else, and audited.  Every
 * write and its audit entry in one transaction.  Results as
 * domain/result.h.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/opinion.h"
#include "model/person.h"

struct arena;
struct ctx;

#define OPINION_LINES_MAX 5000
#define OPINION_NOTE_MAX 500
#define OPINION_FIELD_MAX 100

extern const struct label opinion_purposes[];   /* promotion 提拔使用 ... */
extern const struct label opinion_codes[];      /* none_found 未发现问题 ... */
extern const struct label opinion_states[];     /* draft 待匹配 ... replied 已回复 */
extern const struct label opinion_matches[];    /* id 按身份证号码匹配 ... */

/* Parses pasted text or a CSV file (UTF-8, tab or comma separated; an
 * optional header row naming 姓名, 单位, 身份证号码, 职务; without one the
 * columns are name, unit, then an ID number and/or a position): the line
 * count with *out in a, or -1 with every refused line numbered in *errors
 * (Chinese, "第3行：..."; in a).  Nothing is stored. */
int opinion_parse(struct arena *a, const char *text, size_t len, struct opinion_in **out, const char **errors);

/* A request with its lines (text: as opinion_parse), matched at once, in
 * one transaction: the id; -1 with messages in fe (the lines' under
 * "lines": all or nothing); -2 on a store error. */
int64_t opinion_create(struct ctx *c, const struct opinion_request *q, const char *text, size_t len,
		       struct fielderr *fe);

int opinion_get(struct ctx *c, int64_t id, struct opinion_request *out);
int opinion_list(struct ctx *c, struct opinion_filter *f, struct opinion_request **out, int64_t *total);
int opinion_lines(struct ctx *c, int64_t id, struct opinion_line **out);
/* A line's candidates (persons of that name in a unit of that name). */
int opinion_candidates(struct ctx *c, const struct opinion_line *l, struct person **out);

/* In draft: the line answered by a person chosen by staff (person_id >
 * 0, within the actor's jurisdiction) or as no record (person_id 0). */
int opinion_resolve(struct ctx *c, int64_t id, int64_t line_id, int64_t person_id, struct fielderr *fe);
/* 1 when staff may make a person from line l of q: a line that found
 * nobody (未找到, or answered as no record with no candidate), not yet
 * confirmed, while q is draft or checked.  待确认 lines are resolved by
 * choosing, never by creating. */
int opinion_line_may_create(const struct opinion_request *q, const struct opinion_line *l);
/* The request and the line a person may be made from (the form that
 * does it): RES_DONE; RES_NOT_FOUND (no such request or line, or the
 * actor lacks either permission: audited); RES_INVALID with the reason in
 * fe under "line_id" (the line found someone, is 待确认 or confirmed). */
int opinion_person_line(struct ctx *c, int64_t id, int64_t line_id, struct opinion_request *q,
			struct opinion_line *l, struct fielderr *fe);
/* Makes person p (the fields and checks of person_save; p->id set to 0)
 * from such a line and matches the line to it ('created'); on a checked
 * request the line is checked again on the reply day (its proposal
 * rewritten, unconfirmed).  When the list gave an ID number, id_number
 * must be that number (only its MAC was kept).  The person, the line, the
 * proposal and both audit entries (the person's create, opinion_person)
 * in one transaction.  Only for who holds PERM_OPINION_WRITE and
 * PERM_PERSON_WRITE (else RES_NOT_FOUND, audited); a unit outside the
 * jurisdiction is refused as person_save refuses it.  The person's id,
 * RES_NOT_FOUND, RES_INVALID (fe; nothing written), RES_STORE. */
int64_t opinion_create_person(struct ctx *c, int64_t id, int64_t line_id, struct person *p, const char *id_number,
			      struct fielderr *fe);
/* Checks every line on day (YYYY-MM-DD, not before the request was
 * received) and writes the proposals: draft or checked -> checked.
 * Refused while a line is 未找到 or 待确认. */
int opinion_check(struct ctx *c, int64_t id, const char *day, struct fielderr *fe);
/* A line's opinion: code from opinion_codes, note required when it is
 * not the proposal.  The last line confirmed makes it confirmed. */
int opinion_confirm(struct ctx *c, int64_t id, int64_t line_id, const char *code, const char *note,
		    struct fielderr *fe);
/* Every unconfirmed line as proposed. */
int opinion_confirm_all(struct ctx *c, int64_t id, struct fielderr *fe);
/* confirmed -> replied: the letter's number drawn, dated the reply day. */
int opinion_reply(struct ctx *c, int64_t id, struct fielderr *fe);
/* The reply letter of a replied request (.docx bytes in out; the download
 * audited): RES_DONE, RES_NOT_FOUND, RES_INVALID (not replied yet),
 * RES_STORE. */
int opinion_letter(struct ctx *c, int64_t id, struct strbuf *out);

/* The rule, for one line's facts (sorted by kind, record, measure) on
 * day: the opinion code and its reason (Chinese, in a).  Pure. */
const char *opinion_decide(struct arena *a, const struct opinion_fact *f, int n, const char *day,
			   const char **reason);

QF_AUDIT_EVENT_DECL(OPINION_CREATE);
QF_AUDIT_EVENT_DECL(OPINION_RESOLVE);
QF_AUDIT_EVENT_DECL(OPINION_PERSON);
QF_AUDIT_EVENT_DECL(OPINION_CHECK);
QF_AUDIT_EVENT_DECL(OPINION_CONFIRM);
QF_AUDIT_EVENT_DECL(OPINION_REPLY);
QF_AUDIT_EVENT_DECL(OPINION_LETTER);

#endif
