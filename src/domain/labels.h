#ifndef QF_LABELS_H
#define QF_LABELS_H
/*
 * labels: a code table's entry, a code and its Chinese name, so the same
 * thing is called the same everywhere: the pages' selects and cells, the
 * API's *_label fields, the interchange's code checks (ix_types.c names
 * the tables) and the timeline.  Each family defines its tables in its
 * own .c file and declares them in its header (report_channels in
 * report.h, ...; issue 9); the codes are the schema's CHECK lists and
 * INTERCHANGE.md's.  Audit events are declared with audit_events.h;
 * measures in measures.h.  A table ends with { NULL, NULL }.
 */
struct label {
	const char *code;
	const char *label;
};

/* The label of code in table, or NULL when the code is not in it. */
const char *label_of(const struct label *table, const char *code);

#endif
