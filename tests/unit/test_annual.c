/*
 * test_annual.c: the annual report template's parser (domain/annual.h,
 * issue 11): blocks and heading levels, placeholders with scopes, the
 * errors that refuse a template before it is saved or rendered (unknown
 * key, bad or unhonoured scope, unbalanced braces) naming line and
 * placeholder, filling, heading numbers, and HTML escaping.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/annual.h"

static struct arena *A;

static int setup(void **state)
{
	(void)state;
	A = arena_new(1 << 16);
	return A ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

static void test_blocks(void **state)
{
	struct annual_doc d;
	struct tmpl_error e;
	const char *t = "// a comment {{not parsed\n"
			"# 青枫市纪委监委{{year}}年工作情况报告\n"
			"\n"
			"开头段落，处置线索{{clues_disposed}}件。\r\n"
			"## {{year}}年工作开展情况\n"
			"### 坚守政治机关定位。 || 立案{{cases_filed|key_persons}}件，上年{{cases_filed|prev}}件。\n"
			"#### 小标题\n"
			"同上{{clues_disposed}}件，{{form1|campaign=粮食购销, category=eight_rules}}人。\n";

	(void)state;
	assert_int_equal(annual_parse(A, t, &d, &e), 0);
	assert_int_equal(d.nblocks, 6);
	assert_int_equal(d.blocks[0].kind, TMPL_TITLE);
	assert_int_equal(d.blocks[0].line, 2);
	assert_int_equal(d.blocks[1].kind, TMPL_PARA);
	assert_string_equal(d.blocks[1].text, "开头段落，处置线索{{clues_disposed}}件。");
	assert_int_equal(d.blocks[2].kind, TMPL_HEADING);
	assert_int_equal(d.blocks[2].level, 1);
	assert_string_equal(d.blocks[2].text, "");
	assert_int_equal(d.blocks[3].level, 2);
	assert_string_equal(d.blocks[3].heading, "坚守政治机关定位。");
	assert_string_equal(d.blocks[3].text, "立案{{cases_filed|key_persons}}件，上年{{cases_filed|prev}}件。");
	assert_int_equal(d.blocks[4].level, 3);
	/* distinct placeholders in order; the repeated one once */
	assert_int_equal(d.nphs, 5);
	assert_string_equal(d.phs[0].key, "year");
	assert_string_equal(d.phs[1].src, "{{clues_disposed}}");
	assert_int_equal(d.phs[2].scope.key_persons, 1);
	assert_int_equal(d.phs[3].prev, 1);
	assert_int_equal(d.phs[3].scope.key_persons, 0);
	assert_string_equal(d.phs[4].key, "form1");
	assert_string_equal(d.phs[4].campaign, "粮食购销");
	assert_string_equal(d.phs[4].scope.category, "eight_rules");
	assert_int_equal(d.phs[4].line, 8);
}

static void refused(const char *t, int line, const char *ph, const char *code)
{
	struct annual_doc d;
	struct tmpl_error e;

	assert_int_equal(annual_parse(A, t, &d, &e), -1);
	assert_int_equal(e.line, line);
	assert_string_equal(e.placeholder, ph);
	assert_string_equal(e.code, code);
	if (line)
		assert_non_null(strstr(e.message, "第"));
}

static void test_errors(void **state)
{
	(void)state;
	refused("# 标题\n段落{{no_such_key}}件\n", 2, "{{no_such_key}}", "unknown_key");
	refused("# 标题\n\n\n段落{{cases_filed|nobody}}件\n", 4, "{{cases_filed|nobody}}", "bad_scope");
	refused("段落{{cases_filed|category=}}件\n", 1, "{{cases_filed|category=}}", "bad_scope");
	refused("段落{{cases_filed|unit=abc}}件\n", 1, "{{cases_filed|unit=abc}}", "bad_scope");
	refused("段落{{cases_filed|key_persons,}}件\n", 1, "{{cases_filed|key_persons,}}", "bad_scope");
	refused("段落{{year|prev}}\n", 1, "{{year|prev}}", "bad_scope");
	/* accountability records carry no subject snapshot: the key cannot
	 * honour key_persons (docs/statistics.md), so the template says so */
	refused("问责{{accountabilities|key_persons}}件\n", 1, "{{accountabilities|key_persons}}",
		"scope_not_honoured");
	/* unbalanced both ways, and a brace pair opened twice */
	refused("# 标题\n立案{{cases_filed件\n", 2, "{{cases_filed件", "unbalanced");
	refused("立案cases_filed}}件\n", 1, "立案cases_filed}}", "unbalanced");
	refused("立案{{cases_filed{{x}}件\n", 1, "{{cases_filed{{x}}件", "unbalanced");
	refused("### {{nope}} || 正文\n", 1, "{{nope}}", "unknown_key");
	/* the excerpt naming an unbalanced brace never cuts a character */
	refused("立案{{一二三四五六七八九十一二三四五六七八九十\n", 1, "{{一二三四五六七八九十一二", "unbalanced");
	refused("一二三四五六七八九十一二三四五六七八九十}}\n", 1, "九十一二三四五六七八九十}}", "unbalanced");
	refused("##没有空格\n", 1, "", "bad_line");
	refused("// 只有注释\n\n", 0, "", "empty");
}

static void test_fill(void **state)
{
	struct annual_fig f[] = {
		{ "{{clues_disposed}}", "clues_disposed", 516, 0, "516" },
		{ "{{closure_rate}}", "closure_rate", 172, 184, "93.48%" },
	};
	struct annual_doc d;
	struct tmpl_error e;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_string_equal(annual_fill(A, "线索{{clues_disposed}}件，结案率{{closure_rate}}，{{clues_disposed}}", f, 2),
			    "线索516件，结案率93.48%，516");
	assert_string_equal(annual_heading_number(A, 1, 3), "三、");
	assert_string_equal(annual_heading_number(A, 2, 1), "（一）");
	assert_string_equal(annual_heading_number(A, 2, 12), "（十二）");
	assert_string_equal(annual_heading_number(A, 1, 20), "二十、");
	assert_string_equal(annual_heading_number(A, 3, 2), "2.");
	assert_string_equal(annual_heading_number(A, 4, 2), "（2）");
	/* text: numbered headings, restarting under a new parent */
	assert_int_equal(annual_parse(A, "# T\n## A\n### x || y{{clues_disposed}}\n### z || w\n## B\n### q || r\n",
				      &d, &e), 0);
	assert_int_equal(annual_render_text(&sb, A, &d, f, 2), 0);
	assert_string_equal(sb.buf, "T\n\n一、A\n（一）xy516\n（二）zw\n二、B\n（一）qr\n");
	/* html: the template's text is text, never markup */
	strbuf_reset(&sb);
	assert_int_equal(annual_parse(A, "# <b>T</b>\n<script>alert(1)</script>{{clues_disposed}}\n", &d, &e), 0);
	assert_int_equal(annual_render_html(&sb, A, &d, f, 2), 0);
	assert_null(strstr(sb.buf, "<script>"));
	assert_null(strstr(sb.buf, "<b>"));
	assert_non_null(strstr(sb.buf, "&lt;script&gt;alert(1)&lt;/script&gt;516"));
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_fill),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
