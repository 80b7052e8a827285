#ifndef QF_FIELDERR_H
#define QF_FIELDERR_H
/*
 * fielderr: validation messages per form field, in Chinese, so a page can
 * show each beside its field and the API can return them as
 * {"field": "message"}.  Messages are static strings or arena copies.
 */
#include <stddef.h>

#include "core/date.h"

struct arena;

#define FIELDERR_MAX 16

/* The message for a date field the domain refuses: 日期不存在 when its text
 * is a well-formed date that does not exist (2022-02-30), so the person is
 * not told to use the format they used; otherwise msg (missing, wrong
 * format, out of order).  Every form that takes a date words it so. */
#define FIELDERR_NO_SUCH_DAY "日期不存在"
static inline const char *fielderr_date_msg(const char *text, const char *msg)
{
	return date_check(text) == DATE_NO_SUCH_DAY ? FIELDERR_NO_SUCH_DAY : msg;
}

struct fielderr {
	int n;
	const char *field[FIELDERR_MAX];
	const char *msg[FIELDERR_MAX];
};

static inline void fielderr_add(struct fielderr *fe, const char *field, const char *msg)
{
	if (fe->n < FIELDERR_MAX) {
		fe->field[fe->n] = field;
		fe->msg[fe->n] = msg;
		fe->n++;
	}
}

/* The message for field, or NULL. */
static inline const char *fielderr_get(const struct fielderr *fe, const char *field)
{
	for (int i = 0; i < fe->n; i++)
		if (__builtin_strcmp(fe->field[i], field) == 0)
			return fe->msg[i];
	return 0;
}

/* When text (NULL: empty) is longer than max characters, adds
 * "LABEL不能超过MAX个字，现为N个字" (in arena a) for field and returns 1;
 * else 0.  Every length limit of a form field is answered through it. */
int fielderr_len(struct arena *a, struct fielderr *fe, const char *field, const char *label,
		 const char *text, size_t max);

#endif
