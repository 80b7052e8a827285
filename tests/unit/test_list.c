/*
 * test_list.c: the list column table (src/pages/list.c, issue 12): one
 * row written once gives the page's <td>s, every value escaped, or the
 * sheet's typed cells, in the def's column order, a page-only column (操作)
 * left out of the sheet and a row of the wrong width caught.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "http/http.h"
#include "office/xlsx.h"
#include "pages/list.h"

#define H "Z<b x=\"1\" y='2'>&amp;Z"

static const struct list_col cols[] = { { "编号", "num", 0, 0 }, { "名称<", NULL, 0, 0 },
	{ "日期", NULL, 0, 0 }, { "金额", "num", 0, 0 }, { "操作", NULL, 0, 1 } };
static const struct list_def def = LIST_DEF("测试", "test", NULL, cols);

static void row(struct listw *w, const char *text)
{
	struct strbuf *td;

	list_id(w, "/x", 7);
	list_link(w, "/x/7?a=1&b=2", text);
	list_day(w, "2022-03-01");
	list_fen(w, 123456);
	td = list_cell(w, NULL, office_text(NULL));
	if (td)
		strbuf_addstr(td, "<button>停用</button>");
	list_cell_end(w);
	list_row_end(w);
}

static void test_page(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct listw w;
	struct req r;

	(void)state;
	memset(&r, 0, sizeof(r));
	list_open(&w, &r, &sb, &def);
	assert_false(w.xlsx);
	row(&w, H);
	list_close(&w, "空");
	assert_false(w.bad);
	assert_non_null(strstr(sb.buf, "<th scope=\"col\">名称&lt;</th>"));
	assert_non_null(strstr(sb.buf, "<th scope=\"col\">操作</th>"));
	assert_non_null(strstr(sb.buf, "<td class=\"num\"><a href=\"/x/7\">7</a></td>"));
	assert_non_null(strstr(sb.buf, "Z&lt;b x=&quot;1&quot; y=&#39;2&#39;&gt;&amp;amp;Z"));
	assert_non_null(strstr(sb.buf, "<td>2022-03-01</td><td class=\"num\">1,234.56</td>"));
	assert_non_null(strstr(sb.buf, "<td><button>停用</button></td></tr>"));
	assert_null(strstr(sb.buf, "<b x"));
	strbuf_release(&sb);
	/* an empty list: the sentence across the columns */
	list_open(&w, &r, &sb, &def);
	list_close(&w, "空");
	assert_non_null(strstr(sb.buf, "<td colspan=\"5\" class=\"empty\">空</td>"));
	strbuf_release(&sb);
}

static void test_sheet(void **state)
{
	struct form_field q = { "format", "xlsx", 4, NULL, 0 };
	struct strbuf sb = STRBUF_INIT;
	struct listw w;
	struct req r;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.query.fields = &q;
	r.query.n = 1;
	assert_true(list_wants_xlsx(&r));
	assert_int_equal(list_rows(&r, 50), LIST_EXPORT_MAX);
	list_open(&w, &r, &sb, &def);
	assert_true(w.xlsx);
	assert_int_equal(w.nsheet, 4);
	for (int i = 0; i < 100; i++)
		row(&w, H);
	assert_int_equal(sb.len, 0);            /* no HTML for the rows */
	assert_int_equal(w.rows, 100);
	assert_false(w.bad);
	/* row 99: number, text, date, fen; the page-only column left out */
	assert_int_equal(w.cells[99 * 4 + 0].kind, OFFICE_INT);
	assert_int_equal(w.cells[99 * 4 + 0].n, 7);
	assert_int_equal(w.cells[99 * 4 + 1].kind, OFFICE_TEXT);
	assert_string_equal(w.cells[99 * 4 + 1].text, H);
	assert_int_equal(w.cells[99 * 4 + 2].kind, OFFICE_DATE);
	assert_int_equal(w.cells[99 * 4 + 2].n, date_parse("2022-03-01"));
	assert_int_equal(w.cells[99 * 4 + 3].kind, OFFICE_FEN);
	assert_int_equal(w.cells[99 * 4 + 3].n, 123456);
	/* a row short of a cell is caught, not shifted */
	list_id(&w, "/x", 8);
	list_row_end(&w);
	assert_true(w.bad);
	list_close(&w, NULL);
	assert_null(w.cells);
	strbuf_release(&sb);
}

/* The streaming workbook the exports use (office/xlsx.h): a titled table
 * is written (the banners centred across, not merged); grouped headers,
 * which need merged cells, are refused.  t183 opens such a file in
 * LibreOffice. */
static void test_streaming(void **state)
{
	static const struct office_col c2[] = { { "甲", 0, NULL }, { "乙", 0, NULL } };
	static const struct office_col g2[] = { { "甲", 0, "组" }, { "乙", 0, "组" } };
	struct office_cell cells[4] = { office_text("=1+1"), office_int(2), office_date(19052), office_fen(5) };
	struct office_table t = { "标题", "副标题", 2, 2, c2, cells };
	struct strbuf out = STRBUF_INIT;
	struct xlsx *x;

	(void)state;
	x = xlsx_new_streaming();
	assert_non_null(x);
	assert_int_equal(xlsx_sheet(x, "列表", &t), 0);     /* a title across two columns: no merge needed */
	assert_int_equal(xlsx_to_buf(x, &out), 0);
	assert_true(out.len > 1000 && !memcmp(out.buf, "PK", 2));
	xlsx_free(x);
	strbuf_release(&out);
	/* grouped headers need merged cells: refused when streaming */
	t.cols = g2;
	x = xlsx_new_streaming();
	assert_int_equal(xlsx_sheet(x, "列表", &t), -1);
	assert_non_null(strstr(xlsx_error(x), "streaming"));
	xlsx_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_sheet),
		cmocka_unit_test(test_streaming),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
