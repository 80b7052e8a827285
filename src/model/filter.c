/* model/filter.c: what every list filter shares (model/filter.h). */
#include "model/filter.h"

#include <string.h>

int filter_unset(const struct filter_spec *spec, const void *f)
{
	const char *base = f;
	const struct filter_field *x;

	for (x = spec->fields; x->arg; x++) {
		const void *m = base + x->offset;

		switch (x->type) {
		case FILTER_TEXT:
		case FILTER_DAY: {
			const char *v;

			memcpy(&v, m, sizeof(v));
			if (v && *v)
				return 0;
			break;
		}
		case FILTER_ID: {
			int64_t v;

			memcpy(&v, m, sizeof(v));
			if (v)
				return 0;
			break;
		}
		case FILTER_FLAG:
		case FILTER_ENUM: {
			int v;

			memcpy(&v, m, sizeof(v));
			if (v)
				return 0;
			break;
		}
		}
	}
	return 1;
}
