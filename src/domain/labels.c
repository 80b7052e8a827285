/* labels.c: code -> Chinese label tables (INTERCHANGE.md codes), labels.h. */
#include "domain/labels.h"

#include <string.h>

const char *label_of(const struct label *table, const char *code)
{
	if (!code)
		return NULL;
	for (; table->code; table++)
		if (!strcmp(table->code, code))
			return table->label;
	return NULL;
}
