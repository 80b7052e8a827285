/*
 * test_xlsx.c: the .xlsx writer (office/xlsx.c), DOCUMENTS.md's ledger
 * conventions: the title merged across the columns, the subtitle, the
 * header frozen, repeated when printed and carrying the autofilter;
 * counts, yuan (from fen, two decimals), dates and ratios as numbers with
 * their formats; user text starting with = + - @ written as a string,
 * never a formula (docs/security.md, "Spreadsheet export"); hostile
 * characters escaped, controls refused; sheet names made valid; A4
 * printing; equal workbooks equal bytes.  With $QF_OFFICE_OUT set it
 * leaves sample.xlsx there for tests/http/t178_office.sh, which opens it
 * with LibreOffice and compares the cells.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>

#include "core/strbuf.h"
#include "office/xlsx.h"
#include "office_check.h"

static const struct office_col cols[] = {
	{ .head = "单位" }, { .head = "备注" }, { .head = "线索（件）" }, { .head = "收缴金额（元）" }, { .head = "立案日期" },
	{ .head = "结案率" },
};

/* 4 rows: formula-looking text, hostile text, a blank row, a long text */
static struct xlsx *sample(void)
{
	static char longtext[400];
	struct office_cell cells[] = {
		office_text("=1+1"), office_text("+86 123"), office_int(516), office_fen(11752673),
		office_date(date_from_ymd(2022, 12, 31)), office_ratio(172, 184),
		office_text("@SUM(A1:A2)"), office_text("-2 & <东> \"片区\" 🙂"), office_int(-3), office_fen(5),
		office_date(date_from_ymd(1970, 1, 1)), office_ratio(0, 0),
		office_text(NULL), office_text(""), office_int(0), office_fen(0), office_date(QF_DAY_NONE),
		office_ratio(1, 3),
		office_text("城关镇"), office_text(longtext), office_int(1), office_fen(100), office_date(0),
		office_ratio(2, 2),
	};
	struct office_table t = {
		.title = "2022年度线索处置台账", .subtitle = "某某县纪委监委  2022年  制表：2023-01-05 09:30",
		.ncols = 6, .nrows = 4, .cols = cols, .cells = cells,
	};
	struct office_table t2 = { .ncols = 1, .nrows = 1, .cols = cols, .cells = cells + 1 };
	struct xlsx *x = xlsx_new();

	memset(longtext, 0, sizeof(longtext));
	for (int i = 0; i < 20; i++)
		strcat(longtext, "长文本折行");
	assert_non_null(x);
	assert_int_equal(xlsx_sheet(x, "线索[2022]:全部*?/\\", &t), 0);
	assert_int_equal(xlsx_sheet(x, "线索[2022]:全部*?/\\", &t2), 0);
	assert_int_equal(xlsx_sheet(x, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", &t2), 0);
	assert_int_equal(xlsx_sheet(x, NULL, &t2), 0);
	assert_int_equal(xlsx_sheet(x, "分组", &office_grouped), 0);
	/* U+5B5D and U+5C2A end in the bytes of ']' and '*': kept */
	assert_int_equal(xlsx_sheet(x, "孝尪]", &t2), 0);
	return x;
}

static void test_parts_well_formed(void **state)
{
	static const char *const parts[] = {
		"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml",
		"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
		"xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "docProps/core.xml",
	};
	struct strbuf buf = STRBUF_INIT, part = STRBUF_INIT;
	struct xlsx *x = sample();
	size_t at;

	(void)state;
	assert_int_equal(xlsx_to_buf(x, &buf), 0);
	assert_string_equal(xlsx_error(x), "");
	assert_true(office_zip_count(&buf) >= (int)QF_ARRAY_SIZE(parts));
	for (size_t i = 0; i < QF_ARRAY_SIZE(parts); i++) {
		assert_int_equal(office_zip_part(&buf, parts[i], &part), 0);
		if (xml_well_formed(part.buf, &at) != 0)
			fail_msg("%s not well formed at byte %zu: %.60s", parts[i], at, part.buf + at);
	}
	xlsx_free(x);
	strbuf_release(&buf);
	strbuf_release(&part);
}

static void test_cells(void **state)
{
	struct strbuf buf = STRBUF_INIT, x1 = STRBUF_INIT, ss = STRBUF_INIT;
	struct xlsx *x = sample();

	(void)state;
	assert_int_equal(xlsx_to_buf(x, &buf), 0);
	assert_int_equal(office_zip_part(&buf, "xl/worksheets/sheet1.xml", &x1), 0);
	assert_int_equal(office_zip_part(&buf, "xl/sharedStrings.xml", &ss), 0);
	/* never a formula: the text is a shared string */
	assert_null(strstr(x1.buf, "<f>"));
	assert_null(strstr(x1.buf, "<f "));
	assert_non_null(strstr(ss.buf, "<t>=1+1</t>"));
	assert_non_null(strstr(ss.buf, "<t>@SUM(A1:A2)</t>"));
	assert_non_null(strstr(ss.buf, "<t>+86 123</t>"));
	assert_non_null(strstr(ss.buf, "-2 &amp; &lt;东&gt; \"片区\" 🙂"));
	assert_non_null(strstr(x1.buf, "<c r=\"A4\" s=\"")); /* =1+1 at A4 ... */
	assert_non_null(strstr(x1.buf, "t=\"s\"><v>"));
	/* numbers as numbers: 516, 117526.73 yuan, 2022-12-31 = 44926,
	 * 1970-01-01 = 25569, 172/184 */
	assert_non_null(strstr(x1.buf, "<v>516</v>"));
	assert_non_null(strstr(x1.buf, "<v>117526.73</v>"));
	assert_non_null(strstr(x1.buf, "<v>44926</v>"));
	assert_non_null(strstr(x1.buf, "<v>25569</v>"));
	assert_non_null(strstr(x1.buf, "<v>0.93478260869565"));
	assert_non_null(strstr(x1.buf, "<v>-3</v>"));
	assert_non_null(strstr(x1.buf, "<v>0.05</v>"));
	/* title and subtitle merged across the six columns, the header row
	 * frozen below, the autofilter over header and rows */
	assert_non_null(strstr(x1.buf, "<mergeCell ref=\"A1:F1\"/>"));
	assert_non_null(strstr(x1.buf, "<mergeCell ref=\"A2:F2\"/>"));
	assert_non_null(strstr(x1.buf, "<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
	assert_non_null(strstr(x1.buf, "<autoFilter ref=\"A3:F7\"/>"));
	assert_non_null(strstr(x1.buf, "paperSize=\"9\""));
	assert_non_null(strstr(x1.buf, "<pageSetUpPr fitToPage=\"1\"/>"));
	assert_non_null(strstr(x1.buf, "<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>"));
	xlsx_free(x);
	strbuf_release(&buf);
	strbuf_release(&x1);
	strbuf_release(&ss);
}

static void test_workbook(void **state)
{
	struct strbuf buf = STRBUF_INIT, p = STRBUF_INIT;
	struct xlsx *x = sample();

	(void)state;
	assert_int_equal(xlsx_to_buf(x, &buf), 0);
	assert_int_equal(office_zip_part(&buf, "xl/workbook.xml", &p), 0);
	/* forbidden characters replaced, a repeated name numbered, a long
	 * one cut to 31 characters, none given: Sheet4 */
	assert_non_null(strstr(p.buf, "<sheet name=\"线索_2022__全部____\""));
	assert_non_null(strstr(p.buf, "<sheet name=\"线索_2022__全部____ (2)\""));
	assert_non_null(strstr(p.buf, "<sheet name=\"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一\""));
	assert_non_null(strstr(p.buf, "<sheet name=\"Sheet4\""));
	assert_non_null(strstr(p.buf, "<sheet name=\"分组\""));
	assert_non_null(strstr(p.buf, "<sheet name=\"孝尪_\""));
	/* the header row printed on every page */
	assert_non_null(strstr(p.buf, "_xlnm.Print_Titles"));
	assert_non_null(strstr(p.buf, "!$3:$3</definedName>"));
	assert_int_equal(office_zip_part(&buf, "xl/styles.xml", &p), 0);
	assert_non_null(strstr(p.buf, "formatCode=\"#,##0.00\""));
	assert_non_null(strstr(p.buf, "formatCode=\"yyyy-mm-dd\""));
	assert_non_null(strstr(p.buf, "formatCode=\"0.00%\""));
	assert_non_null(strstr(p.buf, "<name val=\"宋体\"/>"));
	assert_non_null(strstr(p.buf, "wrapText=\"1\""));
	/* a fixed creation time: no clock in the file */
	assert_int_equal(office_zip_part(&buf, "docProps/core.xml", &p), 0);
	assert_non_null(strstr(p.buf, "1980-01-01T00:00:00Z"));
	xlsx_free(x);
	strbuf_release(&buf);
	strbuf_release(&p);
}

/* grouped columns: two header rows, the merges, the frozen pane and the
 * filter under the second */
static void test_groups(void **state)
{
	struct strbuf buf = STRBUF_INIT, p = STRBUF_INIT;
	struct xlsx *x = sample();

	(void)state;
	assert_int_equal(xlsx_to_buf(x, &buf), 0);
	assert_int_equal(office_zip_part(&buf, "xl/worksheets/sheet5.xml", &p), 0);
	assert_non_null(strstr(p.buf, "<mergeCell ref=\"A2:A3\"/>"));
	assert_non_null(strstr(p.buf, "<mergeCell ref=\"B2:C2\"/>"));
	assert_non_null(strstr(p.buf, "<mergeCell ref=\"E2:E3\"/>"));
	assert_null(strstr(p.buf, "ref=\"D2:D3\""));
	assert_non_null(strstr(p.buf, "<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
	assert_non_null(strstr(p.buf, "<autoFilter ref=\"A3:E4\"/>"));
	assert_int_equal(office_zip_part(&buf, "xl/workbook.xml", &p), 0);
	assert_non_null(strstr(p.buf, "'分组'!$2:$3</definedName>"));
	xlsx_free(x);
	strbuf_release(&buf);
	strbuf_release(&p);
}

static void test_refused(void **state)
{
	static const char *const bad[] = { "a\x01", "\x1b[2J", "x\xe2\x80\xae", "\xff", "\xef\xbf\xbf" };
	struct strbuf buf = STRBUF_INIT;

	(void)state;
	for (size_t i = 0; i < QF_ARRAY_SIZE(bad); i++) {
		struct office_cell c[2] = { office_text("好"), office_text(bad[i]) };
		struct office_table t = { .ncols = 1, .nrows = 2, .cols = cols, .cells = c };
		struct xlsx *x = xlsx_new();

		assert_int_equal(xlsx_sheet(x, "表", &t), -1);
		assert_non_null(strstr(xlsx_error(x), "row 2 column 1"));
		assert_int_equal(xlsx_sheet(x, "表", &t), -1);
		assert_int_equal(xlsx_to_buf(x, &buf), -1);
		assert_int_equal(buf.len, 0);
		xlsx_free(x);
	}
	{
		struct office_cell c = office_text("好");
		struct office_table t = { .ncols = 1, .nrows = 1, .cols = cols, .cells = &c };
		struct xlsx *x = xlsx_new();

		assert_int_equal(xlsx_sheet(x, "名\x02", &t), -1);
		assert_string_equal(xlsx_error(x), "sheet name: character U+0002 at character 2 not allowed (control)");
		xlsx_free(x);
		x = xlsx_new();
		/* a list with no rows is a sheet with its header */
		struct office_table empty = { .title = "空", .ncols = 2, .nrows = 0, .cols = cols };
		assert_int_equal(xlsx_sheet(x, "空", &empty), 0);
		assert_int_equal(xlsx_sheet(x, "表", &t), 0);
		assert_int_equal(xlsx_to_buf(x, &buf), 0);
		/* written once: a later sheet is refused, the bytes stay */
		assert_int_equal(xlsx_sheet(x, "表2", &t), -1);
		xlsx_free(x);
	}
	strbuf_release(&buf);
}

static void test_deterministic(void **state)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	struct xlsx *x = sample(), *y;
	char sp[512];
	const char *out;

	(void)state;
	assert_int_equal(xlsx_to_buf(x, &a), 0);
	y = sample();
	assert_int_equal(xlsx_to_buf(y, &b), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	/* a second call gives the same bytes again */
	strbuf_reset(&b);
	assert_int_equal(xlsx_to_buf(y, &b), 0);
	assert_memory_equal(a.buf, b.buf, a.len);
	assert_int_equal(xlsx_save(y, "/nonexistent-folder/x.xlsx"), -1);
	assert_non_null(strstr(xlsx_error(y), "cannot create '/nonexistent-folder/x.xlsx'"));
	out = office_sample_path("sample.xlsx", sp, sizeof(sp));
	if (out)
		assert_int_equal(xlsx_save(x, out), 0);
	xlsx_free(x);
	xlsx_free(y);
	strbuf_release(&a);
	strbuf_release(&b);
}

/* Random hostile strings as cells and sheet names: each is refused by
 * the text check, or stays text (a shared string, never a formula) in
 * parts that are well formed. */
static void test_random_text(void **state)
{
	struct strbuf s = STRBUF_INIT, buf = STRBUF_INIT, part = STRBUF_INIT;
	struct office_cell cells[200];
	char *texts[200];
	unsigned seed = 20230104;
	size_t n = 0, at;
	int refused = 0;
	struct xlsx *x = xlsx_new();

	(void)state;
	for (int i = 0; i < 400 && n < QF_ARRAY_SIZE(cells); i++) {
		char err[OFFICE_ERR_MAX];

		office_hostile(&s, &seed);
		if (office_text_check(s.buf, "cell", err, sizeof(err)) < 0) {
			refused++;
			continue;
		}
		texts[n] = strbuf_detach(&s, NULL);
		cells[n] = office_text(texts[n]);
		n++;
	}
	assert_true(refused > 30);
	assert_true(n > 30);
	{
		struct office_table t = { .title = texts[0], .ncols = 1, .nrows = n, .cols = cols, .cells = cells };

		assert_int_equal(xlsx_sheet(x, texts[1], &t), 0);
	}
	assert_int_equal(xlsx_to_buf(x, &buf), 0);
	assert_int_equal(office_zip_part(&buf, "xl/worksheets/sheet1.xml", &part), 0);
	if (xml_well_formed(part.buf, &at) != 0)
		fail_msg("sheet1.xml not well formed at %zu: %.60s", at, part.buf + at);
	assert_null(strstr(part.buf, "<f>"));
	assert_int_equal(office_zip_part(&buf, "xl/sharedStrings.xml", &part), 0);
	if (xml_well_formed(part.buf, &at) != 0)
		fail_msg("sharedStrings.xml not well formed at %zu: %.60s", at, part.buf + at);
	assert_int_equal(office_zip_part(&buf, "xl/workbook.xml", &part), 0);
	if (xml_well_formed(part.buf, &at) != 0)
		fail_msg("workbook.xml not well formed at %zu: %.60s", at, part.buf + at);
	for (size_t i = 0; i < n; i++)
		free(texts[i]);
	xlsx_free(x);
	strbuf_release(&s);
	strbuf_release(&buf);
	strbuf_release(&part);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parts_well_formed),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_workbook),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_random_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
