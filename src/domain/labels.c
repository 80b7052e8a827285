/* labels.c: code -> Chinese label tables (INTERCHANGE.md codes). */
#include "domain/labels.h"

#include <string.h>

const struct label unit_kinds[] = {
	{ "department", "市直部门" },
	{ "township", "乡镇（街道）" },
	{ "village", "村（社区）" },
	{ "enterprise", "国有企业" },
	{ "institution", "事业单位" },
	{ "other", "其他" },
	{ NULL, NULL }
};

const struct label person_ranks[] = {
	{ "county", "处级" },
	{ "section", "科级" },
	{ "staff", "一般干部" },
	{ "village", "村干部" },
	{ "other", "其他" },
	{ NULL, NULL }
};

const char *label_of(const struct label *table, const char *code)
{
	if (!code)
		return NULL;
	for (; table->code; table++)
		if (!strcmp(table->code, code))
			return table->label;
	return NULL;
}
