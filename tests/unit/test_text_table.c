/*
 * test_text_table.c: office_text_table, the plain-text table of the
 * command line's listings (`qingfeng user list`, issue 12): columns padded
 * by display width, a CJK character two columns wide, so Chinese text
 * lines up under its heading; the last column unpadded (no trailing
 * spaces); typed cells formatted as the documents format them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/strbuf.h"
#include "office/table.h"

static void test_aligned(void **state)
{
	static const struct office_col cols[] = { { "name", 0, NULL }, { "office", 0, NULL },
						  { "n", 0, NULL }, { "display", 0, NULL } };
	const struct office_cell cells[] = {
		office_text("alice"), office_text("信访室"), office_int(1234), office_text("张三丰"),
		office_text("bo"), office_text(""), office_int(7), office_text("欧阳"),
	};
	struct office_table t = { .ncols = 4, .nrows = 2, .cols = cols, .cells = cells };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	office_text_table(&sb, &t);
	/* name: 5 wide; office: 6 (3 CJK characters); counts print bare */
	assert_string_equal(sb.buf,
		"name   office  n     display\n"
		"alice  信访室  1234  张三丰\n"
		"bo             7     欧阳\n");
	strbuf_release(&sb);
}

static void test_empty(void **state)
{
	static const struct office_col cols[] = { { "a", 0, NULL }, { "b", 0, NULL } };
	struct office_table t = { .ncols = 2, .nrows = 0, .cols = cols, .cells = NULL };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	office_text_table(&sb, &t);
	assert_string_equal(sb.buf, "a  b\n");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_aligned),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
