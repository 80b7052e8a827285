/*
 * test_tmpl.c: the platform's one template syntax (domain/tmpl.h, issue 12
 * documents; the annual report's parser is test_annual.c): directives and
 * table rows where the caller allows them (and plain paragraphs where it
 * does not), an unknown directive refused naming the known ones, each
 * distinct placeholder handed to the caller once, the caller's refusal
 * named with line and placeholder, filling.  And the documents' number
 * patterns (domain/document.h: 机关代字, 年份, 发文顺序号, GB/T 9704-2012
 * 7.2.4).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/arena.h"
#include "domain/document.h"
#include "domain/tmpl.h"

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

struct seen {
	int n;
	const char *inner[8];
};

static int cb(void *arg, struct arena *a, const char *src, const char *inner, int line, struct tmpl_error *e)
{
	struct seen *s = arg;

	if (!strcmp(inner, "坏"))
		return tmpl_fail(e, a, line, src, "unknown_field", "没有该字段");
	if (s->n < 8)
		s->inner[s->n] = inner;
	s->n++;
	return 0;
}

static const char *const dirs[] = { "文号", "落款", "表", NULL };

static void test_document(void **state)
{
	struct seen s = { 0 };
	struct tmpl_ops ops = { .document = 1, .directives = dirs, .placeholder = cb, .arg = &s };
	struct tmpl_block *b;
	struct tmpl_error e;
	int n;

	(void)state;
	assert_int_equal(tmpl_parse(A, "# 立案决定书\n@文号 {{文号}}\n@表 登记\n| 项目 | 内容 |\n"
				    "| 被反映人 | {{ 被反映人 }} |\n正文{{文号}}。\n@落款 {{机关}} || {{成文日期}}\n",
				    &ops, &b, &n, &e), 0);
	assert_int_equal(n, 7);
	assert_int_equal(b[1].kind, TMPL_DIRECTIVE);
	assert_string_equal(b[1].heading, "文号");
	assert_string_equal(b[1].text, "{{文号}}");
	assert_int_equal(b[3].kind, TMPL_ROW);
	assert_int_equal(b[3].ncells, 2);
	assert_string_equal(b[3].cells[0], "项目");
	assert_string_equal(b[4].cells[1], "{{ 被反映人 }}");
	/* each distinct placeholder once, trimmed */
	assert_int_equal(s.n, 4);
	assert_string_equal(s.inner[1], "被反映人");
	/* without document, the same lines are paragraphs */
	ops.document = 0;
	s.n = 0;
	assert_int_equal(tmpl_parse(A, "@文号 x\n| a | b |\n", &ops, &b, &n, &e), 0);
	assert_int_equal(b[0].kind, TMPL_PARA);
	assert_int_equal(b[1].kind, TMPL_PARA);
}

static void test_errors(void **state)
{
	struct seen s = { 0 };
	struct tmpl_ops ops = { .document = 1, .directives = dirs, .placeholder = cb, .arg = &s };
	struct tmpl_block *b;
	struct tmpl_error e;
	int n;

	(void)state;
	assert_int_equal(tmpl_parse(A, "# T\n@印章\n", &ops, &b, &n, &e), -1);
	assert_string_equal(e.code, "bad_line");
	assert_string_equal(e.message, "第2行：未知的指令“@印章”（可用：@文号、@落款、@表）");
	assert_int_equal(tmpl_parse(A, "# T\n\n| {{坏}} |\n", &ops, &b, &n, &e), -1);
	assert_int_equal(e.line, 3);
	assert_string_equal(e.placeholder, "{{坏}}");
	assert_string_equal(e.message, "第3行 {{坏}}：没有该字段");
	assert_int_equal(tmpl_parse(A, "# T\n正文{{文号\n", &ops, &b, &n, &e), -1);
	assert_string_equal(e.code, "unbalanced");
	assert_int_equal(tmpl_parse(A, "// 只有注释\n", &ops, &b, &n, &e), -1);
	assert_string_equal(e.code, "empty");
}

static const char *value(void *arg, const char *src)
{
	(void)arg;
	return !strcmp(src, "{{a}}") ? "<甲&>" : NULL;
}

static void test_fill_and_numbers(void **state)
{
	(void)state;
	assert_string_equal(tmpl_fill(A, "x{{a}}y{{b}}z{{a}}", value, NULL), "x<甲&>y{{b}}z<甲&>");
	assert_string_equal(doc_cn_date(A, "2024-03-05"), "2024年3月5日");
	assert_string_equal(doc_cn_date(A, NULL), "");
	assert_string_equal(tmpl_heading_number(A, 2, 11), "（十一）");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_fill_and_numbers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
