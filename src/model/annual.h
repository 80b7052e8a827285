#ifndef QF_MODEL_ANNUAL_H
#define QF_MODEL_ANNUAL_H
/*
 * model/annual.h: the annual report's template versions and its kept
 * renderings (migration 0027), plain records shared by the store
 * (store/q_annual.h) and the domain (domain/annual.h).
 */
#include <stdint.h>

struct annual_version {
	int64_t version;
	const char *body;
	const char *author;
	int64_t created_at;
};

/* One rendering as kept: enough to reproduce it byte for byte (the
 * template version and the figures it used). */
struct annual_rendering {
	int64_t id;
	int64_t template_version;
	int year;
	const char *format;     /* text, html, docx */
	const char *figures;    /* JSON: [{"src","key","value","den","display"}] */
	const char *author;
	int64_t created_at;
};

#endif
