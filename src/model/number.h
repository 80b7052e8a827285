#ifndef QF_MODEL_NUMBER_H
#define QF_MODEL_NUMBER_H
/*
 * model/number.h: official numbers (编号, 文号; issue 12, migrations 0032
 * and 0035): a kind's pattern from a day on.  Shared by store/q_numbers.h
 * and domain/numbering.h.
 */
#include <stdint.h>

struct number_pattern {
	const char *kind;               /* clue, case_filing, doc_<document kind> */
	const char *effective_from;     /* YYYY-MM-DD */
	const char *pattern;            /* "{机关代字}纪审〔{年}〕{序号}号" */
	const char *source;             /* the decision or rule it rests on */
	const char *author;
	int64_t created_at;
};

#endif
