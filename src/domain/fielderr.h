#ifndef QF_FIELDERR_H
#define QF_FIELDERR_H
/*
 * fielderr: validation messages per form field, in Chinese, so a page can
 * show each beside its field and the API can return them as
 * {"field": "message"}.  Messages are static strings or arena copies.
 */
#define FIELDERR_MAX 16

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

#endif
