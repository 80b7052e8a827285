/*
 * office/docx.c: the .docx writer (docx.h).  The body is WordprocessingML
 * appended to a strbuf block by block; docx_to_buf wraps it with the
 * section (A4, the GB/T 9704 margins, the 22 x 28 grid, odd and even page
 * number footers) and zips it with the fixed parts (styles, settings, the
 * font table naming each face's fallback, relationships, content types)
 * and the pictures' PNGs (docx_image; their relationships and content
 * type are added to the fixed ones only when a document has one).
 *
 * Guarantees: every text goes through check_text (the input rule: no
 * controls, bidirectional controls or noncharacters) and xml_text (the one
 * escaper of this file) before it reaches the XML; the parts are written
 * in a fixed order with a fixed timestamp, so equal documents are equal
 * files; nothing the caller passed is kept after a call returns.
 *
 * Layout figures, in twips (1/20 pt, 1 mm = 56.69 twips):
 *   A4 11906 x 16838; margins top 37 mm 2098, bottom 35 mm 1984, left
 *   28 mm 1587, right 26 mm 1474, so the type area is 8845 x 12756
 *   (156 x 225 mm); line pitch 12756 / 22 = 579 (the section's line
 *   grid, w:docGrid type "lines"); 28 characters of 3号 (16 pt) in 8845
 *   twips (442.25 pt) are 15.79 pt apart at most: every run is condensed
 *   by 0.25 pt (w:spacing -5 in the default run properties), 28 x 15.75
 *   = 441 pt.  Not the character grid (type "linesAndChars", charSpace
 *   -841) that Word would honour: LibreOffice 7.4 spreads each 16 pt
 *   character over two cells of a 15.79 pt grid (measured: 11 to 13
 *   characters a line), and LibreOffice makes the server's PDFs; the
 *   condensed runs give 28 a line in Word, WPS and LibreOffice alike.
 *   The page number's top 7 mm
 *   below the type area: 35 - 7 mm less the 4号 line (4.94 mm) leaves
 *   the footer 23.06 mm (1307) from the bottom edge.
 */
#include "office/docx.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/xalloc.h"

#define PAGE_W 11906
#define PAGE_H 16838
#define MAR_TOP 2098
#define MAR_BOTTOM 1984
#define MAR_LEFT 1587
#define MAR_RIGHT 1474
#define TEXT_W (PAGE_W - MAR_LEFT - MAR_RIGHT)
#define LINE_PITCH 579
#define CHAR_CONDENSE "-5"     /* twentieths of a point: 3号 at 15.75 pt a character */
#define FOOTER_DIST 1307
#define EM 320                  /* one character of 3号 in twips */

/* the faces GB/T 9704 names, and what Word, WPS or LibreOffice should take
 * where they are missing (fontTable.xml altName) */
#define F_BODY "仿宋_GB2312"
#define F_HEI "黑体"
#define F_KAI "楷体_GB2312"
#define F_TITLE "方正小标宋简体"
#define F_SONG "宋体"
#define RFONTS(f) "<w:rFonts w:ascii=\"" f "\" w:eastAsia=\"" f "\" w:hAnsi=\"" f "\" w:cs=\"" f "\"/>"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

struct docx {
	struct strbuf body;
	int failed;
	char err[OFFICE_ERR_MAX];
	int heading[4];         /* the running numbers of the four levels */
	int rule_pending;       /* a red header waits for its rule */
	int has_header;
	struct strbuf *images;  /* the PNG of each picture, word/media/image<i+1>.png */
	int nimages;
};

struct docx *docx_new(void)
{
	struct docx *d = xcalloc(1, sizeof(*d));

	strbuf_init(&d->body, 4096);
	return d;
}

void docx_free(struct docx *d)
{
	if (!d)
		return;
	strbuf_release(&d->body);
	for (int i = 0; i < d->nimages; i++)
		strbuf_release(&d->images[i]);
	free(d->images);
	free(d);
}

const char *docx_error(const struct docx *d)
{
	return d->err;
}

QF_PRINTF(2, 3)
static int fail(struct docx *d, const char *fmt, ...)
{
	va_list ap;

	if (!d->failed) {
		va_start(ap, fmt);
		vsnprintf(d->err, sizeof(d->err), fmt, ap);
		va_end(ap);
	}
	d->failed = 1;
	return -1;
}

/* 0 when the block may be added: the document has not failed and the
 * text passes the input rule. */
static int check_text(struct docx *d, const char *s, const char *what)
{
	if (d->failed)
		return -1;
	if (!s)
		return fail(d, "%s: no text", what);
	if (office_text_check(s, what, d->err, sizeof(d->err)) < 0) {
		d->failed = 1;
		return -1;
	}
	return 0;
}

/* The entity of an XML special character, NULL for any other. */
static const char *entity(char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	default: return NULL;
	}
}

/* Appends s as the value of an attribute in double quotes: escaped, a
 * line break or tab a space (what the attribute would read as anyway). */
static void xml_attr(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		const char *rep = entity(*s);

		if (rep)
			strbuf_addstr(sb, rep);
		else
			strbuf_addch(sb, *s == '\r' || *s == '\n' || *s == '\t' ? ' ' : *s);
	}
}

/* Appends s as the content of runs: XML-escaped, "\n" (or CR LF, or CR)
 * a line break, tab a tab.  The caller has opened <w:r> with its rPr. */
static void xml_text(struct strbuf *sb, const char *s)
{
	int open = 0;

	for (; *s; s++) {
		const char *rep = NULL;

		switch (*s) {
		case '&':
		case '<':
		case '>':
		case '"':
			rep = entity(*s);
			break;
		case '\r':
		case '\n':
		case '\t':
			if (open)
				strbuf_addstr(sb, "</w:t>");
			open = 0;
			if (*s == '\t') {
				strbuf_addstr(sb, "<w:tab/>");
			} else {
				strbuf_addstr(sb, "<w:br/>");
				if (*s == '\r' && s[1] == '\n')
					s++;
			}
			continue;
		default:
			break;
		}
		if (!open)
			strbuf_addstr(sb, "<w:t xml:space=\"preserve\">");
		open = 1;
		if (rep)
			strbuf_addstr(sb, rep);
		else
			strbuf_addch(sb, *s);
	}
	if (open)
		strbuf_addstr(sb, "</w:t>");
}

/* One paragraph: style, extra pPr elements (in schema order after pStyle,
 * or ""), run properties (or ""), text. */
static void para(struct strbuf *sb, const char *style, const char *ppr, const char *rpr,
		 const char *text)
{
	strbuf_addf(sb, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>", style, ppr);
	if (text && *text) {
		strbuf_addf(sb, "<w:r>%s%s%s", *rpr ? "<w:rPr>" : "", rpr, *rpr ? "</w:rPr>" : "");
		xml_text(sb, text);
		strbuf_addstr(sb, "</w:r>");
	}
	strbuf_addstr(sb, "</w:p>");
}

#define RED_RULE "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"11\" w:color=\"FF0000\"/></w:pBdr>"

/* The red rule under the header when no document number came. */
static void flush_rule(struct docx *d)
{
	if (!d->rule_pending)
		return;
	d->rule_pending = 0;
	para(&d->body, "Plain", RED_RULE "<w:snapToGrid w:val=\"0\"/>"
	     "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"exact\"/>", "", NULL);
}

/* Starts a block: 0 when it may be written. */
static int begin(struct docx *d, const char *text, const char *what)
{
	if (check_text(d, text, what) < 0)
		return -1;
	flush_rule(d);
	return 0;
}

int docx_header(struct docx *d, const char *organ)
{
	char ppr[256], rpr[256];
	size_t w;
	int hp;

	if (check_text(d, organ, "header") < 0)
		return -1;
	if (d->body.len)
		return fail(d, "header: not the first block");
	/* as large as 44 pt, smaller when the name would not fit the line
	 * (TEXT_W twips = 442 pt; width in half characters) */
	w = office_text_width(organ);
	hp = w ? (int)(TEXT_W / 10 / w) : 88;
	if (hp > 88)
		hp = 88;
	if (hp < 24)
		hp = 24;
	/* GB/T 9704 7.2.2: its top 35 mm below the top of the type area */
	snprintf(ppr, sizeof(ppr), "<w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"1984\" w:after=\"0\"/>"
		 "<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"center\"/>");
	snprintf(rpr, sizeof(rpr), "<w:rFonts w:ascii=\"" F_TITLE "\" w:eastAsia=\"" F_TITLE
		 "\" w:hAnsi=\"" F_TITLE "\"/><w:color w:val=\"FF0000\"/><w:sz w:val=\"%d\"/>"
		 "<w:szCs w:val=\"%d\"/>", hp, hp);
	para(&d->body, "Plain", ppr, rpr, organ);
	d->rule_pending = 1;
	d->has_header = 1;
	return 0;
}

int docx_number(struct docx *d, const char *number)
{
	if (check_text(d, number, "document number") < 0)
		return -1;
	if (d->rule_pending) {
		/* two lines under the header, centred, the red rule 4 mm below */
		d->rule_pending = 0;
		para(&d->body, "Plain", RED_RULE "<w:spacing w:before=\"1158\" w:after=\"0\"/>"
		     "<w:jc w:val=\"center\"/>", "", number);
	} else {
		para(&d->body, "Plain", "<w:jc w:val=\"right\"/>", "", number);
	}
	return 0;
}

int docx_title(struct docx *d, const char *title)
{
	if (begin(d, title, "title") < 0)
		return -1;
	/* two lines below the red rule; one empty line after */
	para(&d->body, "Title", d->has_header ? "<w:spacing w:before=\"1158\" w:after=\"579\"/>"
	     : "<w:spacing w:after=\"579\"/>", "", title);
	return 0;
}

int docx_addressee(struct docx *d, const char *addressee)
{
	if (begin(d, addressee, "addressee") < 0)
		return -1;
	para(&d->body, "Plain", "", "", addressee);
	return 0;
}

/* Chinese numerals 1..99 (一, 十, 十一, 二十, 九十九); Arabic beyond. */
static void cn_number(struct strbuf *sb, int n)
{
	static const char *const digit[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	if (n < 1 || n > 99) {
		strbuf_addf(sb, "%d", n);
		return;
	}
	if (n >= 20)
		strbuf_addstr(sb, digit[n / 10]);
	if (n >= 10)
		strbuf_addstr(sb, "十");
	if (n % 10)
		strbuf_addstr(sb, digit[n % 10]);
}

/* Checks a heading's level and text, then appends its number (the next
 * of its level; deeper levels restart) and its words to sb.  0 or -1. */
static int heading_text(struct docx *d, int level, const char *text, struct strbuf *sb)
{
	int n;

	if (level < 1 || level > 4)
		return fail(d, "heading: level %d is not 1..4", level);
	if (begin(d, text, "heading") < 0)
		return -1;
	n = ++d->heading[level - 1];
	for (int i = level; i < 4; i++)
		d->heading[i] = 0;
	switch (level) {
	case 1: cn_number(sb, n); strbuf_addstr(sb, "、"); break;
	case 2: strbuf_addstr(sb, "（"); cn_number(sb, n); strbuf_addstr(sb, "）"); break;
	case 3: strbuf_addf(sb, "%d.", n); break;
	default: strbuf_addf(sb, "（%d）", n); break;
	}
	strbuf_addstr(sb, text);
	return 0;
}

int docx_heading(struct docx *d, int level, const char *text)
{
	static const char *const style[] = { "Heading1", "Heading2", "Heading3", "Heading4" };
	struct strbuf sb = STRBUF_INIT;
	int rc = heading_text(d, level, text, &sb);

	if (rc == 0)
		para(&d->body, style[level - 1], "", "", sb.buf);
	strbuf_release(&sb);
	return rc;
}

int docx_heading_para(struct docx *d, int level, const char *heading, const char *text)
{
	/* the faces of the heading styles, as run properties */
	static const char *const rpr[] = {
		RFONTS(F_HEI), RFONTS(F_KAI), "<w:b/><w:bCs/>", "",
	};
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (check_text(d, text, "paragraph") < 0 || strpbrk(text, "\r\n"))
		return d->failed ? -1 : fail(d, "paragraph: a line break after a run-in heading");
	rc = heading_text(d, level, heading, &sb);
	if (rc == 0) {
		strbuf_addstr(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>");
		strbuf_addf(&d->body, "<w:r>%s%s%s", *rpr[level - 1] ? "<w:rPr>" : "", rpr[level - 1],
			    *rpr[level - 1] ? "</w:rPr>" : "");
		xml_text(&d->body, sb.buf);
		strbuf_addstr(&d->body, "</w:r><w:r>");
		xml_text(&d->body, text);
		strbuf_addstr(&d->body, "</w:r></w:p>");
	}
	strbuf_release(&sb);
	return rc;
}

/* Paragraphs of one style, one per line of text (a line break inside a
 * justified paragraph would spread its line across the width). */
static int paras(struct docx *d, const char *style, const char *text)
{
	struct strbuf line = STRBUF_INIT;
	const char *p = text, *e;

	if (begin(d, text, "paragraph") < 0)
		return -1;
	for (;;) {
		e = p + strcspn(p, "\r\n");
		strbuf_reset(&line);
		strbuf_add(&line, p, (size_t)(e - p));
		para(&d->body, style, "", "", line.buf);
		if (!*e)
			break;
		p = e + (e[0] == '\r' && e[1] == '\n' ? 2 : 1);
	}
	strbuf_release(&line);
	return 0;
}

int docx_para(struct docx *d, const char *text)
{
	return paras(d, "Normal", text);
}

int docx_plain(struct docx *d, const char *text)
{
	return paras(d, "Plain", text);
}

int docx_blank(struct docx *d)
{
	if (begin(d, "", "blank line") < 0)
		return -1;
	para(&d->body, "Plain", "", "", NULL);
	return 0;
}

int docx_page_break(struct docx *d)
{
	if (begin(d, "", "page break") < 0)
		return -1;
	strbuf_addstr(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/></w:pPr>"
		      "<w:r><w:br w:type=\"page\"/></w:r></w:p>");
	return 0;
}

int docx_annex(struct docx *d, const char *label)
{
	if (begin(d, label, "annex label") < 0)
		return -1;
	para(&d->body, "Plain", "<w:pageBreakBefore/>", RFONTS(F_HEI), label);
	para(&d->body, "Plain", "", "", NULL);
	memset(d->heading, 0, sizeof(d->heading));
	return 0;
}

/* One table cell: its width, more cell properties (a span, a merge, or
 * ""), the paragraph's alignment, bold or not, the size, the text. */
static void cell(struct strbuf *sb, int width, const char *tcpr, const char *jc, int bold, int hp,
		 const char *text)
{
	strbuf_addf(sb, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>%s<w:vAlign w:val=\"center\"/>"
		    "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"%s\"/></w:pPr>",
		    width, tcpr, jc);
	if (*text) {
		strbuf_addf(sb, "<w:r><w:rPr>%s<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr>",
			    bold ? "<w:b/><w:bCs/>" : "", hp, hp);
		xml_text(sb, text);
		strbuf_addstr(sb, "</w:r>");
	}
	strbuf_addstr(sb, "</w:p></w:tc>");
}

/* 1 when column c holds no text (counts, money, dates, ratios): such a
 * column is never narrowed below its content. */
static int numeric_col(const struct office_table *t, size_t c)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (t->cells[r * t->ncols + c].kind == OFFICE_TEXT)
			return 0;
	return 1;
}

/* The column widths in twips, adding up to the type area's width.  Each
 * column needs its content plus the cell margins, in half characters of
 * the table's size (hp half points); a number column's header may wrap.
 * When all fit, the spare width is shared in proportion; when not, the
 * columns without text keep what they need and the text columns wrap in
 * what is left (at least 3 characters each); if even that does not fit,
 * all shrink in proportion. */
static void table_widths(const struct office_table *t, int hp, int *tw)
{
	double avail = (double)TEXT_W / (hp * 5.0), fixed = 0, flex = 0, total = 0;
	double *need = xcalloc(t->ncols, sizeof(*need));
	char *num = xcalloc(t->ncols, 1);
	size_t ntext = 0, used = 0, head, data;

	for (size_t c = 0; c < t->ncols; c++) {
		head = office_text_width(t->cols[c].head);
		/* a group over this column alone needs its width too */
		if (t->cols[c].group && office_group_span(t, c) == 1 &&
		    office_text_width(t->cols[c].group) > head)
			head = office_text_width(t->cols[c].group);
		data = office_col_width(t, c, 0);
		num[c] = (char)numeric_col(t, c);
		if (num[c]) {
			/* digits a little wider than half a character in the
			 * fallback faces; the header wraps after 4 characters */
			need[c] = (double)data * 1.3 > (double)(head < 8 ? head : 8) ?
				  (double)data * 1.3 : (double)(head < 8 ? head : 8);
			fixed += (need[c] += 2);
		} else {
			need[c] = (double)(data > head ? data : head) + 2;
			flex += need[c];
			ntext++;
		}
	}
	for (size_t c = 0; c < t->ncols; c++) {
		if (!num[c] && fixed + flex > avail && fixed + 6.0 * (double)ntext <= avail) {
			need[c] = (avail - fixed) * need[c] / flex;
			if (need[c] < 6)
				need[c] = 6;
		}
		total += need[c];
	}
	for (size_t c = 0; c < t->ncols; c++) {
		int w = c + 1 < t->ncols ? (int)((double)TEXT_W * need[c] / total) : TEXT_W - (int)used;

		used += (size_t)w;
		tw[c] = w;
	}
	free(need);
	free(num);
}

#define HEAD_ROW "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"

/* The header, repeated on each page: one row, or with column groups two,
 * a group's header spanning its columns and a column without a group
 * merged over both rows. */
static void header_rows(struct strbuf *sb, const struct office_table *t, const int *tw, int hp)
{
	char span[64];
	size_t n;
	int w;

	strbuf_addstr(sb, HEAD_ROW);
	if (!office_has_groups(t)) {
		for (size_t c = 0; c < t->ncols; c++)
			cell(sb, tw[c], "", "center", 1, hp, t->cols[c].head ? t->cols[c].head : "");
		strbuf_addstr(sb, "</w:tr>");
		return;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		if (!(n = office_group_span(t, c)))
			continue;
		if (!t->cols[c].group) {
			cell(sb, tw[c], "<w:vMerge w:val=\"restart\"/>", "center", 1, hp,
			     t->cols[c].head ? t->cols[c].head : "");
			continue;
		}
		w = 0;
		for (size_t k = c; k < c + n; k++)
			w += tw[k];
		snprintf(span, sizeof(span), n > 1 ? "<w:gridSpan w:val=\"%zu\"/>" : "", n);
		cell(sb, w, span, "center", 1, hp, t->cols[c].group);
	}
	strbuf_addstr(sb, "</w:tr>" HEAD_ROW);
	for (size_t c = 0; c < t->ncols; c++)
		cell(sb, tw[c], t->cols[c].group ? "" : "<w:vMerge/>", "center", 1, hp,
		     t->cols[c].group && t->cols[c].head ? t->cols[c].head : "");
	strbuf_addstr(sb, "</w:tr>");
}

int docx_table(struct docx *d, const struct office_table *t)
{
	struct strbuf *sb = &d->body, txt = STRBUF_INIT;
	int *tw, hp;

	if (d->failed)
		return -1;
	if (office_table_check(t, d->err, sizeof(d->err)) < 0) {
		d->failed = 1;
		return -1;
	}
	flush_rule(d);
	if (t->title)
		para(sb, "TableTitle", "", "", t->title);
	if (t->subtitle)
		para(sb, "TableSubtitle", "", "", t->subtitle);
	/* 4号 for a narrow table, 小四 and 五号 for wider ones */
	hp = t->ncols <= 4 ? 28 : t->ncols <= 7 ? 24 : 21;
	tw = xcalloc(t->ncols, sizeof(*tw));
	table_widths(t, hp, tw);
	strbuf_addf(sb, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
		    "<w:tblBorders>", TEXT_W);
	static const char *const side[] = { "top", "left", "bottom", "right", "insideH", "insideV" };
	for (size_t i = 0; i < QF_ARRAY_SIZE(side); i++)
		strbuf_addf(sb, "<w:%s w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>", side[i]);
	strbuf_addstr(sb, "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
		      "<w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
		      "</w:tblCellMar></w:tblPr><w:tblGrid>");
	for (size_t c = 0; c < t->ncols; c++)
		strbuf_addf(sb, "<w:gridCol w:w=\"%d\"/>", tw[c]);
	strbuf_addstr(sb, "</w:tblGrid>");
	header_rows(sb, t, tw, hp);
	for (size_t r = 0; r < t->nrows; r++) {
		strbuf_addstr(sb, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (size_t c = 0; c < t->ncols; c++) {
			const struct office_cell *x = &t->cells[r * t->ncols + c];

			strbuf_reset(&txt);
			office_cell_format(&txt, x);
			cell(sb, tw[c], "", x->kind == OFFICE_TEXT ? "left" : x->kind == OFFICE_DATE ? "center" : "right",
			     0, hp, txt.buf);
		}
		strbuf_addstr(sb, "</w:tr>");
	}
	strbuf_addstr(sb, "</w:tbl>");
	/* a table may not end the body or touch the next table */
	para(sb, "Plain", "", "", NULL);
	free(tw);
	strbuf_release(&txt);
	return 0;
}

int docx_attachments(struct docx *d, const char *const *names, size_t n)
{
	struct strbuf line = STRBUF_INIT;
	char ppr[160];

	if (d->failed)
		return -1;
	if (!n)
		return fail(d, "attachments: none given");
	for (size_t i = 0; i < n; i++)
		if (check_text(d, names[i], "attachment") < 0)
			return -1;
	flush_rule(d);
	/* one empty line under the text; "附件：" two characters in; with
	 * several, each name numbered and the second and later lines aligned
	 * under the first name (left 5 characters) */
	para(&d->body, "Plain", "", "", NULL);
	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&line);
		if (i == 0)
			strbuf_addstr(&line, "附件：");
		if (n > 1)
			strbuf_addf(&line, "%zu. ", i + 1);
		strbuf_addstr(&line, names[i]);
		snprintf(ppr, sizeof(ppr), "<w:ind w:left=\"%d\" w:hanging=\"%d\"/>", 5 * EM, i == 0 ? 3 * EM : 0);
		para(&d->body, "Plain", ppr, "", line.buf);
	}
	strbuf_release(&line);
	return 0;
}

/* A date as documents write it: 2022年12月31日 (Arabic numerals, no
 * leading zeros: GB/T 9704 7.3.5.1). */
static void cn_date(char *buf, size_t n, qf_day day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, n, "%d年%d月%d日", y, m, d);
}

int docx_signature(struct docx *d, const char *organ, qf_day date)
{
	char day[64], ppr[160];
	long dw, ow, right;

	if (date == QF_DAY_NONE)
		return fail(d, "signature: no date");
	if (begin(d, organ ? organ : "", "signature") < 0)
		return -1;
	cn_date(day, sizeof(day), date);
	/* widths in half characters; the organ centred over the date, the
	 * date four characters from the right edge */
	dw = (long)office_text_width(day);
	if (organ && *organ) {
		ow = (long)office_text_width(organ);
		right = 8 + (dw - ow) / 2;
		if (right < 0)
			right = 0;
		snprintf(ppr, sizeof(ppr), "<w:spacing w:before=\"%d\"/><w:ind w:right=\"%ld\" w:firstLine=\"0\""
			 " w:firstLineChars=\"0\"/><w:jc w:val=\"right\"/>", 2 * LINE_PITCH, right * EM / 2);
		para(&d->body, "Plain", ppr, "", organ);
	}
	snprintf(ppr, sizeof(ppr), "%s<w:ind w:right=\"%d\" w:firstLine=\"0\" w:firstLineChars=\"0\"/>"
		 "<w:jc w:val=\"right\"/>", organ && *organ ? "" : "<w:spacing w:before=\"1158\"/>", 4 * EM);
	para(&d->body, "Plain", ppr, "", day);
	return 0;
}

/* A cell of the record table, spanning `span` of its two columns, of
 * 4号 text with the indents given. */
static void record_cell(struct strbuf *sb, int width, int span, const char *ind, const char *jc,
			const char *text)
{
	strbuf_addf(sb, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
	if (span > 1)
		strbuf_addf(sb, "<w:gridSpan w:val=\"%d\"/>", span);
	strbuf_addf(sb, "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Plain\"/><w:snapToGrid w:val=\"0\"/>"
		    "<w:spacing w:before=\"60\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/>%s"
		    "<w:jc w:val=\"%s\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>",
		    ind, jc);
	xml_text(sb, text);
	strbuf_addstr(sb, "</w:r></w:p></w:tc>");
}

int docx_record(struct docx *d, const char *cc, const char *issuer, qf_day printed)
{
	struct strbuf *sb = &d->body, line = STRBUF_INIT;
	char day[64], ind[128];
	const int ch = 280;     /* one character of 4号 */

	if (printed == QF_DAY_NONE)
		return fail(d, "record: no printing date");
	if ((cc && check_text(d, cc, "record") < 0) || begin(d, issuer, "record") < 0)
		return -1;
	cn_date(day, sizeof(day), printed);
	/* a table floating at the foot of the type area (Word and WPS; the
	 * LibreOffice of Debian 12 keeps a full-width floating table in the
	 * text, after the signature); its rules 0.35 mm first and last,
	 * 0.25 mm between (7.4.1): border sizes in 1/8 pt */
	strbuf_addf(sb, "<w:tbl><w:tblPr><w:tblpPr w:leftFromText=\"0\" w:rightFromText=\"0\""
		    " w:vertAnchor=\"margin\" w:horzAnchor=\"margin\" w:tblpYSpec=\"bottom\"/>"
		    "<w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblBorders>"
		    "<w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
		    "<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
		    "<w:insideH w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
		    "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
		    "<w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
		    "</w:tblPr><w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/></w:tblGrid>",
		    TEXT_W, TEXT_W / 2, TEXT_W - TEXT_W / 2);
	if (cc && *cc) {
		/* 抄送：, one character in on both sides, a second line aligned
		 * after the colon, a full stop at the end (7.4.2) */
		strbuf_addstr(&line, "抄送：");
		strbuf_addstr(&line, cc);
		snprintf(ind, sizeof(ind), "<w:ind w:left=\"%d\" w:right=\"%d\" w:hanging=\"%d\"/>",
			 4 * ch, ch, 3 * ch);
		strbuf_addstr(sb, "<w:tr>");
		record_cell(sb, TEXT_W, 2, ind, "left", line.buf);
		strbuf_addstr(sb, "</w:tr>");
	}
	/* 印发机关 one character in, "2022年12月31日印发" one character
	 * from the right edge (7.4.3) */
	strbuf_reset(&line);
	strbuf_addf(&line, "%s印发", day);
	strbuf_addstr(sb, "<w:tr>");
	snprintf(ind, sizeof(ind), "<w:ind w:left=\"%d\" w:firstLine=\"0\" w:firstLineChars=\"0\"/>", ch);
	record_cell(sb, TEXT_W / 2, 1, ind, "left", issuer);
	snprintf(ind, sizeof(ind), "<w:ind w:right=\"%d\" w:firstLine=\"0\" w:firstLineChars=\"0\"/>", ch);
	record_cell(sb, TEXT_W - TEXT_W / 2, 1, ind, "right", line.buf);
	strbuf_addstr(sb, "</w:tr></w:tbl>");
	para(sb, "Plain", "", "", NULL);
	strbuf_release(&line);
	return 0;
}

int docx_centered(struct docx *d, const char *text)
{
	if (begin(d, text, "centred line") < 0)
		return -1;
	para(&d->body, "Plain", "<w:jc w:val=\"center\"/>", "", text);
	return 0;
}

/* ---- pictures ----------------------------------------------------------- */

#define EMU_PER_MM 36000
#define IMAGE_REL_BASE 6        /* rId1..rId5 are the fixed parts' */
#define A_NS "http://schemas.openxmlformats.org/drawingml/2006/main"
#define PIC_NS "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define WP_NS "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int docx_image(struct docx *d, const void *png, size_t len, int width_mm, const char *descr)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	const unsigned char *p = png;
	uint32_t pw, ph;
	int64_t cx, cy;
	int n;

	if (begin(d, descr, "picture description") < 0)
		return -1;
	/* the signature, then IHDR first: length 13, the type, width, height */
	if (!p || len < 24 || memcmp(p, sig, 8) || be32(p + 8) != 13 || memcmp(p + 12, "IHDR", 4))
		return fail(d, "picture: not a PNG");
	pw = be32(p + 16);
	ph = be32(p + 20);
	if (!pw || !ph || pw > 100000 || ph > 100000)
		return fail(d, "picture: PNG of %u x %u pixels", (unsigned)pw, (unsigned)ph);
	if (width_mm <= 0 || width_mm > TEXT_W * 254 / 14400)
		return fail(d, "picture: %d mm is not within the type area's width", width_mm);
	cx = (int64_t)width_mm * EMU_PER_MM;
	cy = cx * (int64_t)ph / (int64_t)pw;
	d->images = xrealloc(d->images, sizeof(*d->images) * (size_t)(d->nimages + 1));
	strbuf_init(&d->images[d->nimages], len);
	strbuf_add(&d->images[d->nimages], png, len);
	n = ++d->nimages;
	/* an inline picture centred in a paragraph of its own, off the line grid */
	strbuf_addstr(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/><w:snapToGrid w:val=\"0\"/>"
		      "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
		      "<w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>");
	strbuf_addf(&d->body, "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
		    "<wp:extent cx=\"%" PRId64 "\" cy=\"%" PRId64 "\"/>"
		    "<wp:docPr id=\"%d\" name=\"图片 %d\" descr=\"", cx, cy, n, n);
	xml_attr(&d->body, descr);
	strbuf_addf(&d->body, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
		    "</wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"" PIC_NS "\"><pic:pic>"
		    "<pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"image%d.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
		    "<pic:blipFill><a:blip r:embed=\"rId%d\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
		    "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%" PRId64 "\" cy=\"%" PRId64 "\"/>"
		    "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
		    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
		    n, n, IMAGE_REL_BASE + n - 1, cx, cy);
	return 0;
}

/* ---- the fixed parts ---------------------------------------------------- */

static const char content_types[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"</Types>";
/* what a document with pictures adds before </Types> */
static const char content_type_png[] = "<Default Extension=\"png\" ContentType=\"image/png\"/>";

static const char package_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"</Relationships>";

static const char document_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
	"<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
	"<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>"
	"</Relationships>";
#define IMAGE_REL "<Relationship Id=\"rId%d\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image%d.png\"/>"

static const char settings[] = XML_DECL
	"<w:settings xmlns:w=\"" W_NS "\">"
	"<w:defaultTabStop w:val=\"420\"/><w:evenAndOddHeaders/>"
	"<w:characterSpacingControl w:val=\"doNotCompress\"/>"
	"<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
	"</w:settings>";

/* each face with the name Word and WPS know it by on a machine without it
 * (altName), its GB2312 character set (86) and family */
#define FONT(name, alt, family) \
	"<w:font w:name=\"" name "\"><w:altName w:val=\"" alt "\"/><w:charset w:val=\"86\"/>" \
	"<w:family w:val=\"" family "\"/><w:pitch w:val=\"fixed\"/></w:font>"
static const char font_table[] = XML_DECL
	"<w:fonts xmlns:w=\"" W_NS "\">"
	FONT(F_BODY, "仿宋", "modern")
	FONT(F_KAI, "楷体", "modern")
	FONT(F_HEI, "SimHei", "modern")
	FONT(F_TITLE, "宋体", "roman")
	FONT(F_SONG, "SimSun", "roman")
	"</w:fonts>";

#define NO_INDENT "<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/>"
#define HEADING(id, name, lvl, rpr) \
	"<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>" \
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>" \
	"<w:pPr><w:keepNext/><w:outlineLvl w:val=\"" lvl "\"/></w:pPr><w:rPr>" rpr "</w:rPr></w:style>"
static const char styles[] = XML_DECL
	"<w:styles xmlns:w=\"" W_NS "\">"
	"<w:docDefaults><w:rPrDefault><w:rPr>" RFONTS(F_BODY)
	"<w:spacing w:val=\"" CHAR_CONDENSE "\"/><w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
	"<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault>"
	"</w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Plain\"><w:name w:val=\"Body Text No Indent\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr>" NO_INDENT "</w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>" NO_INDENT "<w:jc w:val=\"center\"/>"
	"</w:pPr><w:rPr>" RFONTS(F_TITLE)
	"<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>"
	HEADING("Heading1", "heading 1", "0", RFONTS(F_HEI))
	HEADING("Heading2", "heading 2", "1", RFONTS(F_KAI))
	HEADING("Heading3", "heading 3", "2", "<w:b/><w:bCs/>")
	HEADING("Heading4", "heading 4", "3", "")
	"<w:style w:type=\"paragraph\" w:styleId=\"TableTitle\"><w:name w:val=\"Table Title\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/>" NO_INDENT "<w:jc w:val=\"center\"/></w:pPr>"
	"<w:rPr>" RFONTS(F_HEI) "</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableSubtitle\"><w:name w:val=\"Table Subtitle\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/>" NO_INDENT "<w:jc w:val=\"center\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:snapToGrid w:val=\"0\"/>"
	"<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/>" NO_INDENT "</w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:snapToGrid w:val=\"0\"/>" NO_INDENT "</w:pPr><w:rPr>" RFONTS(F_SONG)
	"<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
	"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
	"<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
	"<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
	"</w:tblCellMar></w:tblPr></w:style>"
	"</w:styles>";

/* "— 1 —": 4号 宋体, the PAGE field between one-em dashes, one character
 * (14 pt, 280 twips) in from the outside edge */
#define FOOTER(side) XML_DECL \
	"<w:ftr xmlns:w=\"" W_NS "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>" \
	"<w:ind w:" side "=\"280\" w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"" side "\"/></w:pPr>" \
	"<w:r><w:t xml:space=\"preserve\">— </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>" \
	"<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>" \
	"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>" \
	"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> —</w:t></w:r>" \
	"</w:p></w:ftr>"
static const char footer_odd[] = FOOTER("right");
static const char footer_even[] = FOOTER("left");

/* ---- the zip ------------------------------------------------------------ */

/* Adds one part, deflated, dated 1980-01-01 00:00 (the first DOS date), so
 * the bytes do not depend on the clock or the time zone. */
static int add_part(zip_t *z, const char *name, const char *data, size_t len)
{
	zip_source_t *src = zip_source_buffer(z, data, len, 0);
	zip_int64_t i;

	if (!src)
		return -1;
	i = zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		zip_source_free(src);
		return -1;
	}
	if (zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE, 6) < 0 ||
	    zip_file_set_dostime(z, (zip_uint64_t)i, 0, (0 << 9) | (1 << 5) | 1, 0) < 0)
		return -1;
	return 0;
}

/* A fixed part (NUL-terminated, ending with its closing tag `close`) with
 * more before the closing tag, into sb. */
static void part_plus(struct strbuf *sb, const char *fixed, const char *close, const char *more)
{
	strbuf_add(sb, fixed, strlen(fixed) - strlen(close));
	strbuf_addstr(sb, more);
	strbuf_addstr(sb, close);
}

/* The content types and the document's relationships: the fixed parts,
 * and with pictures the PNG type and one relationship each. */
static void package_parts(const struct docx *d, struct strbuf *types, struct strbuf *rels)
{
	struct strbuf more = STRBUF_INIT;

	if (!d->nimages) {
		strbuf_addstr(types, content_types);
		strbuf_addstr(rels, document_rels);
		return;
	}
	part_plus(types, content_types, "</Types>", content_type_png);
	for (int i = 1; i <= d->nimages; i++)
		strbuf_addf(&more, IMAGE_REL, IMAGE_REL_BASE + i - 1, i);
	part_plus(rels, document_rels, "</Relationships>", more.buf);
	strbuf_release(&more);
}

/* The pictures' parts, word/media/image1.png ... */
static int add_images(zip_t *z, const struct docx *d)
{
	char name[64];

	for (int i = 0; i < d->nimages; i++) {
		snprintf(name, sizeof(name), "word/media/image%d.png", i + 1);
		if (add_part(z, name, d->images[i].buf, d->images[i].len))
			return -1;
	}
	return 0;
}

int docx_to_buf(struct docx *d, struct strbuf *out)
{
	struct strbuf doc = STRBUF_INIT, types = STRBUF_INIT, rels = STRBUF_INIT;
	zip_error_t zerr;
	zip_source_t *src = NULL;
	zip_t *z = NULL;
	zip_int64_t n;
	char chunk[8192];
	int rc = -1;

	if (d->failed)
		return -1;
	flush_rule(d);
	strbuf_addstr(&doc, XML_DECL "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"");
	if (d->nimages)
		strbuf_addstr(&doc, " xmlns:wp=\"" WP_NS "\" xmlns:a=\"" A_NS "\" xmlns:pic=\"" PIC_NS "\"");
	strbuf_addstr(&doc, "><w:body>");
	strbuf_add(&doc, d->body.buf, d->body.len);
	strbuf_addf(&doc, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
		    "<w:footerReference w:type=\"even\" r:id=\"rId5\"/>"
		    "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
		    "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"851\""
		    " w:footer=\"%d\" w:gutter=\"0\"/><w:cols w:space=\"425\"/>"
		    "<w:docGrid w:type=\"lines\" w:linePitch=\"%d\"/>"
		    "</w:sectPr></w:body></w:document>",
		    PAGE_W, PAGE_H, MAR_TOP, MAR_RIGHT, MAR_BOTTOM, MAR_LEFT, FOOTER_DIST, LINE_PITCH);

	zip_error_init(&zerr);
	src = zip_source_buffer_create(NULL, 0, 0, &zerr);
	if (!src || !(z = zip_open_from_source(src, ZIP_TRUNCATE, &zerr))) {
		fail(d, "zip: %s", zip_error_strerror(&zerr));
		goto out;
	}
	zip_source_keep(src);
	package_parts(d, &types, &rels);
	if (add_part(z, "[Content_Types].xml", types.buf, types.len) ||
	    add_part(z, "_rels/.rels", package_rels, sizeof(package_rels) - 1) ||
	    add_part(z, "word/document.xml", doc.buf, doc.len) ||
	    add_part(z, "word/_rels/document.xml.rels", rels.buf, rels.len) ||
	    add_part(z, "word/styles.xml", styles, sizeof(styles) - 1) ||
	    add_part(z, "word/settings.xml", settings, sizeof(settings) - 1) ||
	    add_part(z, "word/fontTable.xml", font_table, sizeof(font_table) - 1) ||
	    add_part(z, "word/footer1.xml", footer_odd, sizeof(footer_odd) - 1) ||
	    add_part(z, "word/footer2.xml", footer_even, sizeof(footer_even) - 1) || add_images(z, d)) {
		fail(d, "zip: %s", zip_strerror(z));
		zip_discard(z);
		goto out;
	}
	if (zip_close(z) < 0) {
		fail(d, "zip: %s", zip_strerror(z));
		zip_discard(z);
		goto out;
	}
	/* read the archive back out of the buffer source (libzip's in-memory example) */
	if (zip_source_open(src) < 0) {
		fail(d, "zip: %s", zip_error_strerror(zip_source_error(src)));
		goto out;
	}
	while ((n = zip_source_read(src, chunk, sizeof(chunk))) > 0)
		strbuf_add(out, chunk, (size_t)n);
	if (n < 0) {
		zip_source_close(src);
		fail(d, "zip: reading the archive back failed");
		goto out;
	}
	zip_source_close(src);
	rc = 0;
out:
	if (src)
		zip_source_free(src);
	zip_error_fini(&zerr);
	strbuf_release(&doc);
	strbuf_release(&types);
	strbuf_release(&rels);
	return rc;
}

int docx_save(struct docx *d, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = -1;

	if (docx_to_buf(d, &sb) == 0) {
		rc = office_write_file(path, sb.buf, sb.len, d->err, sizeof(d->err));
		d->failed = rc < 0;
	}
	strbuf_release(&sb);
	return rc;
}
