/*
 * opinion_letter.c: the reply letter of an integrity opinion request
 * (domain/opinion.h, opinion_letter) through the one .docx writer
 * (office/docx.h) in the official layout (../shared/design/DOCUMENTS.md,
 * GB/T 9704-2012): the commission's header, the number drawn when the
 * request was replied (青纪函〔2022〕N号), the title, the organisation
 * department as addressee, one paragraph, the cadres as a table (name,
 * unit, position, opinion, and the facts behind any opinion but 未发现问题),
 * 此复, the commission's signature and the reply day.  The bytes depend
 * only on the stored request, so a letter downloaded twice is the same.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/opinion.h"
#include "domain/result.h"
#include "office/docx.h"
#include "office/table.h"
#include "store/store.h"

static const struct office_col cols[] = { { .head = "序号", .width = 4 }, { .head = "姓名", .width = 8 },
	{ .head = "单位", .width = 20 }, { .head = "职务", .width = 14 }, { .head = "回复意见", .width = 16 },
	{ .head = "说明", .width = 24 } };
#define NCOLS (sizeof(cols) / sizeof(cols[0]))

static int build(struct ctx *c, const struct opinion_request *q, const struct opinion_line *l, int n,
		 struct strbuf *out)
{
	struct office_cell *cells = arena_alloc(c->a, sizeof(*cells) * NCOLS * (size_t)(n ? n : 1));
	struct office_table t = { .ncols = NCOLS, .nrows = (size_t)n, .cols = cols, .cells = cells };
	const char *organ = c->cfg->commission;
	qf_day day = date_parse(q->replied);
	struct docx *x = docx_new();
	size_t k = 0;
	int rc = 0;

	for (int i = 0; i < n; i++) {
		const char *pos = *l[i].position ? l[i].position : l[i].person_position;
		cells[k++] = office_int(i + 1);
		cells[k++] = office_text(l[i].name);
		cells[k++] = office_text(*l[i].unit_name ? l[i].unit_name : l[i].person_unit);
		cells[k++] = office_text(pos);
		cells[k++] = office_text(label_of(opinion_codes, l[i].opinion));
		cells[k++] = office_text(strcmp(l[i].opinion, "none_found") ? l[i].reason : NULL);
	}
	docx_header(x, organ);
	docx_number(x, q->number);
	docx_title(x, arena_printf(c->a, "关于%s等%d名同志党风廉政情况的回复", n ? l[0].name : "", n));
	docx_addressee(x, arena_printf(c->a, "%s：", q->requester));
	docx_para(x, arena_printf(c->a, "你部《关于征求干部党风廉政意见的函》（%s）收悉。经查阅本委信访举报、"
				  "问题线索、审查调查和处分处理记录，现将%d名同志的党风廉政情况回复如下（事由：%s）：",
				  q->letter_no, n, label_of(opinion_purposes, q->purpose)));
	docx_table(x, &t);
	docx_para(x, "此复。");
	docx_signature(x, organ, day);
	if (docx_to_buf(x, out) < 0)
		rc = -1;
	docx_free(x);
	return rc;
}

int opinion_letter(struct ctx *c, int64_t id, struct strbuf *out)
{
	struct opinion_request q;
	struct opinion_line *l;
	int n, rc = opinion_get(c, id, &q);

	if (rc != RES_DONE)
		return rc;
	if (strcmp(q.state, "replied"))
		return RES_INVALID;
	if ((n = opinion_lines(c, id, &l)) < 0)
		return RES_STORE;
	if (build(c, &q, l, n, out) < 0)
		return RES_STORE;
	if (audit_record(c, AEV_OPINION_LETTER, arena_printf(c->a, "opinion/%" PRId64, id), 1, q.number) < 0)
		return RES_STORE;
	return RES_DONE;
}
