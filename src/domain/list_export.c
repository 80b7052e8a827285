/*
 * list_export.c: the audit entry of a list page exported to Excel (issue
 * 12): "导出列表" on the list's object type, the detail naming the list,
 * the row count and the filters, so the log says who took which rows out
 * of the system.  The detention object type is registered here: the
 * detentions list is the first place it is an audit object of its own.
 */
#include "domain/list_export.h"

#include <inttypes.h>

#include "core/arena.h"
#include "domain/audit.h"
#include "domain/ctx.h"

QF_AUDIT_EVENT(LIST_EXPORT, "list_export", "导出列表");
QF_AUDIT_OBJECT(detention, "留置");

int list_export_record(struct ctx *c, const char *object, const char *title, const char *filters,
		       int64_t rows)
{
	return audit_record(c, AEV_LIST_EXPORT, object, 1,
			    arena_printf(c->a, "%s %" PRId64 " 行%s%s", title, rows, *filters ? " 筛选：" : "",
					 filters)) < 0 ? -1 : 0;
}
