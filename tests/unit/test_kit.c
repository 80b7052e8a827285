/*
 * test_kit.c: every builder of the page kit (src/pages/kit.c) escapes every
 * value it is given (issue 9, the page kit).
 *
 * Each builder gets the hostile value Z<b x="1" y='2'>&amp;Z in every
 * string argument that is data (labels, values, names, hrefs, messages,
 * CSRF tokens), one builder call at a time.  The marker Z does not occur
 * in the kit's markup, so each Z...Z run in the output is one value as
 * written: it must hold none of < > " ' raw and every & must start an
 * entity.  A builder that writes a value with strbuf_addstr instead of
 * html_txt / html_attr fails here.  Only extra_attrs (literals of the page
 * code by contract) are left out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <string.h>

#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/clocks.h"
#include "domain/labels.h"
#include "http/http.h"
#include "pages/find.h"
#include "pages/kit.h"

#define H "Z<b x=\"1\" y='2'>&amp;Z"

/* Every Z...Z run in out is escaped; returns the number of runs. */
static int runs_escaped(const char *out)
{
	int runs = 0;

	for (const char *p = strchr(out, 'Z'); p; p = strchr(p, 'Z')) {
		const char *end = strchr(p + 1, 'Z');
		assert_non_null(end);
		for (const char *q = p + 1; q < end; q++) {
			if (*q == '<' || *q == '>' || *q == '"' || *q == '\'')
				fail_msg("raw '%c' in a value: %s", *q, out);
			if (*q == '&') {
				const char *e = q + 1;
				while (e < end && (isalnum((unsigned char)*e) || *e == '#'))
					e++;
				if (e == q + 1 || e >= end || *e != ';')
					fail_msg("a raw '&' in a value: %s", out);
			}
		}
		runs++;
		p = end + 1;
	}
	return runs;
}

/* The builder's output holds `want` escaped values and nothing raw. */
static void check(struct strbuf *sb, int want)
{
	assert_int_equal(runs_escaped(sb->buf), want);
	strbuf_release(sb);
	strbuf_init(sb, 0);
}

static void test_forms(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct req r;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.sess.csrf = H;
	form_open(&r, &sb, H, H);
	check(&sb, 3);                          /* action, class, csrf */
	form_open_ex(&r, &sb, H, H, H, 1);
	check(&sb, 4);                          /* and data-confirm */
	form_open_token(&sb, H, NULL, H);
	check(&sb, 2);
	form_close(&sb, H, H);
	check(&sb, 2);                          /* button, cancel href */
	form_button(&sb, H, H, H, H);
	check(&sb, 4);
	form_hidden(&sb, H, H);
	check(&sb, 2);
	form_hidden_id(&sb, H, 7);
	check(&sb, 1);
	page_csrf(&r, &sb);
	check(&sb, 1);
	html_notice(&sb, H, H);
	check(&sb, 2);
	filter_open(&sb, H);
	check(&sb, 1);
	filter_open_as(&sb, H, H);
	check(&sb, 2);
	filter_close(&sb, H, H);
	check(&sb, 2);
}

static void test_fields(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const struct label opts[] = { { H, H }, { NULL, NULL } };
	struct fielderr fe = { 0 };

	(void)state;
	/* name: label for, id, name, aria-describedby, error id (5); label,
	 * value, error */
	field_text(&sb, H, H, H, 1, H, NULL);
	check(&sb, 8);
	field_textarea(&sb, H, H, H, 1, H, 4, 100, H);
	check(&sb, 9);
	field_select(&sb, H, H, opts, H, 1, H, H);
	check(&sb, 10);                         /* none label, option code and label too */
	field_select_open(&sb, H, H, 0, NULL, H);
	select_option(&sb, 3, 1, H);
	field_select_close(&sb, H, NULL);
	check(&sb, 6);
	field_checkbox(&sb, H, H, 1);
	check(&sb, 2);
	check_option(&sb, H, H, H, 0);
	check(&sb, 3);
	radio_option(&sb, H, H, H, 1);
	check(&sb, 3);
	/* id, labelledby, describedby, label id, label; error id and text */
	field_group_open(&sb, H, H, 1, H);
	field_group_close(&sb, H, H);
	check(&sb, 7);
	field_inline(&sb, H, H, 1, 1, NULL);
	check(&sb, 2);
	fielderr_add(&fe, H, H);
	field_errors_summary(&sb, &fe);
	check(&sb, 2);
}

static void test_records(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const char *cells[] = { H, NULL, H };

	(void)state;
	record_head(&sb, H);
	check(&sb, 1);
	html_state(&sb, H, H);
	check(&sb, 2);
	record_open(&sb);
	record_item(&sb, H, H);
	record_link(&sb, H, H, H);
	record_value_open(&sb, H, H);
	record_value_close(&sb);
	record_time(&sb, H, 0);
	record_close(&sb);
	check(&sb, 8);
	html_link(&sb, H, H);
	check(&sb, 2);
	/* without an href (page_href refused it): the text alone, no link */
	html_link(&sb, NULL, H);
	assert_null(strstr(sb.buf, "<a"));
	check(&sb, 1);
	record_link(&sb, H, NULL, H);
	assert_null(strstr(sb.buf, "<a"));
	check(&sb, 2);
	html_li_link(&sb, H, H, H);
	check(&sb, 3);
	html_event(&sb, 0, H, H, H, H);
	check(&sb, 4);
	html_td(&sb, H);
	html_cells(&sb, cells, 3);
	html_td_link(&sb, H, H);
	html_td_id(&sb, H, 9);
	check(&sb, 6);
	toolbar(&sb, H, H, 1);
	button_link(&sb, H, H, 0);
	check(&sb, 4);
}

static void test_tables(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const struct column cols[] = { { H, H }, { H, NULL } };

	(void)state;
	table_open(&sb, H, H, cols, 2);
	check(&sb, 5);                          /* class, caption, two headings, a column class */
	table_close(&sb, 0, 2, H);
	check(&sb, 1);                          /* the empty row */
	table_close(&sb, 3, 2, H);
	check(&sb, 0);                          /* rows: no empty row */
}

/* The builders of issue 12's layout: a section that folds, the overdue
 * filter (one label everywhere). */
static void test_layout(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	fold_open(&sb, H);
	fold_close(&sb);
	assert_non_null(strstr(sb.buf, "<details class=\"fold\" open><summary><h2>"));
	assert_non_null(strstr(sb.buf, "</h2></summary></details>"));
	check(&sb, 1);
	filter_overdue(&sb, 1);
	assert_string_equal(sb.buf, "<div class=\"field check\"><label><input type=\"checkbox\" value=\"1\" "
			    "name=\"overdue\" checked> 只看逾期</label></div>");
	strbuf_release(&sb);
}

static void test_lists(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	page_pager(&sb, H, 2, 500, 50);
	check(&sb, 2);                          /* prev and next links */
	/* a URL component: percent-encoded, not even an entity */
	url_param(&sb, H, H);
	assert_null(strpbrk(sb.buf, "<>\"'"));
	assert_int_equal(runs_escaped(sb.buf), 2);
	strbuf_release(&sb);
	/* a clock badge is a fixed class and the state's label */
	html_clock(&sb, CLOCK_OVERDUE);
	assert_string_equal(sb.buf, "<span class=\"clock overdue\">逾期</span>");
	strbuf_release(&sb);
}

/* The pickers of issue 12 (pages/find.c): the field name, label, the
 * current choice's text and the message, escaped everywhere they appear
 * (no search runs: an id is given, or nothing was typed). */
static void test_pickers(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct req r;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.arena = arena_new(4096);
	field_pick_at(&r, &sb, FIND_UNIT, H, H, 7, H, 1, H);
	/* label for, label, hidden name, input id, name_q, value, describedby (2), hint id, error id, error */
	check(&sb, 11);
	field_pick_persons(&r, &sb, H, H, NULL, 0, 1, H);
	check(&sb, 9);                          /* the same without hidden id and value */
	arena_free(r.arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_pickers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
