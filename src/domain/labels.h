#ifndef QF_LABELS_H
#define QF_LABELS_H
/*
 * labels: the Chinese names of the codes the records use, in one place so
 * the same thing is called the same everywhere (pages, API, exports).
 */
struct label {
	const char *code;
	const char *label;
};

extern const struct label unit_kinds[];     /* units.kind */
extern const struct label person_ranks[];   /* persons.rank */

/* The label of code in table, or NULL when the code is not in it. */
const char *label_of(const struct label *table, const char *code);

#endif
