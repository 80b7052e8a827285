#ifndef QF_AUDIT_EVENTS_H
#define QF_AUDIT_EVENTS_H
/*
 * audit_events: how a file declares the audit events it writes and the
 * types of the objects they name, each with its Chinese label for the
 * audit page.  There is no shared list: each family defines its events in
 * its own .c file and declares them in its own header (issue 9), and the
 * registry (core/registry.h) gathers them for the audit page, its event
 * filter and test_labels.
 *
 *   in report.h:  QF_AUDIT_EVENT_DECL(REPORT_ACCEPT);
 *   in report.c:  QF_AUDIT_EVENT(REPORT_ACCEPT, "report_accept", "受理信访举报");
 *   at the call:  audit_append(c, AEV_REPORT_ACCEPT, ...)
 *
 * AEV_X is a one-element array, so it is a pointer to its event wherever
 * it is used, an address constant that static tables may hold.
 * audit_append takes such a pointer: an event that is not defined cannot
 * be written, and none is defined without a code and a non-empty label
 * (both string literals, checked as it compiles; test_labels checks the
 * label is Chinese and that no two events share a code).  The code is
 * what the audit_log.event column stores and the chain's MAC covers:
 * never rename one.
 */
#include "core/registry.h"
#include "domain/labels.h"

struct audit_event {
	const char *code;       /* stored in audit_log.event */
	const char *label;      /* shown on the audit page */
};

QF_SET(audit_events, const struct audit_event);
/* the "<type>/<id>" objects the entries name, and whole objects
 * ("interchange"), as code and label */
QF_SET(audit_objects, const struct label);

#define QF_AUDIT_EVENT_DECL(name) extern const struct audit_event AEV_##name[1]

#define QF_AUDIT_EVENT(name, code_, label_)                                                 \
	_Static_assert(sizeof(code_) > 1 && sizeof(label_) > 1,                             \
		       "audit event " #name ": a code and a label (string literals)");     \
	const struct audit_event AEV_##name[1] = { { "" code_, "" label_ } };               \
	QF_REGISTER(audit_events, AEV_##name)

#define QF_AUDIT_OBJECT(type, label_)                                                      \
	static const struct label QF_REG_CAT(qf_aobj_, type) = { #type, "" label_ };        \
	QF_REGISTER(audit_objects, &QF_REG_CAT(qf_aobj_, type))

#endif
