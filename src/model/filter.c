/* model/filter.c: what every list filter shares (model/filter.h). */
#include "model/filter.h"

#include <string.h>

/* 1 when the member at m, of the field's type, is set */
static int field_set(const struct filter_field *x, const char *m)
{
	const char *text;
	int64_t id;
	int v;

	switch (x->type) {
	case FILTER_TEXT:
	case FILTER_DAY:
		memcpy(&text, m, sizeof(text));
		return text && *text;
	case FILTER_ID:
		memcpy(&id, m, sizeof(id));
		return id != 0;
	case FILTER_FLAG:
	case FILTER_ENUM:
		break;
	}
	memcpy(&v, m, sizeof(v));
	return v != 0;
}

int filter_unset(const struct filter_spec *spec, const void *f)
{
	for (const struct filter_field *x = spec->fields; x->arg; x++)
		if (field_set(x, (const char *)f + x->offset))
			return 0;
	return 1;
}
