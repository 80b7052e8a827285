/*
 * test_docx.c: the .docx writer (office/docx.c).  A document with every
 * block kind and hostile text (& < > " and an emoji in Chinese) unzips,
 * each XML part is well formed, and the layout values of GB/T 9704-2012
 * (DOCUMENTS.md: A4, margins 37/35/28/26 mm, the 22 x 28 grid, the faces
 * and sizes of title, body and the four heading levels, page numbers on
 * the outside of odd and even pages) are in the XML; controls,
 * bidirectional controls and invalid UTF-8 are refused (the input rule of
 * docs/security.md); equal documents are equal bytes, whatever the time
 * zone.  With $QF_OFFICE_OUT set it leaves sample.docx there for
 * tests/http/t178_office.sh (LibreOffice converts it to PDF).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <time.h>
#include <unistd.h>

#include "core/crypto.h"
#include "core/strbuf.h"
#include "office/docx.h"
#include "office_check.h"

#define HOSTILE "纪检 & 监察 <b>“引号”</b> \"quoted\" 🙂 结束"

#define LINE28 "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未"
#define LINES30 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 \
	LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 \
	LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28 LINE28

static const struct office_col cols[] = {
	{ .head = "单位" }, { .head = "线索（件）" }, { .head = "立案（件）" }, { .head = "结案率" }, { .head = "收缴金额（元）" },
	{ .head = "日期" },
};

static struct docx *sample(void)
{
	struct office_cell cells[] = {
		office_text("城关镇 & <东> \"片区\" 🙂"), office_int(516), office_int(184), office_ratio(172, 184),
		office_fen(11752673), office_date(date_from_ymd(2022, 12, 31)),
		office_text("合计"), office_int(1), office_int(0), office_ratio(0, 0), office_fen(5),
		office_date(QF_DAY_NONE),
	};
	struct office_table t = {
		.title = "2022年度线索处置情况表", .subtitle = "某某县纪委监委  制表：2023-01-05",
		.ncols = 6, .nrows = 2, .cols = cols, .cells = cells,
	};
	struct docx *d = docx_new();

	assert_int_equal(docx_header(d, "某某县纪律检查委员会"), 0);
	assert_int_equal(docx_number(d, "X纪发〔2022〕12号"), 0);
	assert_int_equal(docx_title(d, "关于2022年全县纪检监察工作\n情况的报告"), 0);
	assert_int_equal(docx_addressee(d, "县委："), 0);
	assert_int_equal(docx_para(d, HOSTILE), 0);
	assert_int_equal(docx_heading(d, 1, "总体情况"), 0);
	assert_int_equal(docx_heading(d, 2, "线索处置"), 0);
	assert_int_equal(docx_heading(d, 3, "来源"), 0);
	assert_int_equal(docx_heading(d, 4, "信访举报"), 0);
	assert_int_equal(docx_heading(d, 4, "巡察移交"), 0);
	assert_int_equal(docx_heading(d, 2, "审查调查"), 0);
	assert_int_equal(docx_heading_para(d, 2, "坚守政治机关定位，答好“政治建设卷”。", "坚持把政治建设摆在首位 & <b>。"), 0);
	assert_int_equal(docx_para(d, "第一行\n第二行\t制表"), 0);
	assert_int_equal(docx_table(d, &t), 0);
	assert_int_equal(docx_table(d, &office_grouped), 0);
	assert_int_equal(docx_heading(d, 1, "下一步工作"), 0);
	assert_int_equal(docx_plain(d, "县委办公室\n县政府办公室"), 0);
	assert_int_equal(docx_attachments(d, (const char *[]){ "线索处置情况表", "立案情况表" }, 2), 0);
	assert_int_equal(docx_blank(d), 0);
	assert_int_equal(docx_page_break(d), 0);
	/* 30 lines of 28 characters, less the indent: t178_office.sh counts
	 * 28 a line and 22 lines on the page it fills */
	assert_int_equal(docx_para(d, LINES30), 0);
	assert_int_equal(docx_signature(d, "某某县纪律检查委员会", date_from_ymd(2022, 12, 31)), 0);
	assert_int_equal(docx_record(d, "县委办公室，县人民政府办公室，县委组织部，县人力资源和社会保障局，县审计局。",
				     "某某县纪律检查委员会办公室", date_from_ymd(2023, 1, 4)), 0);
	return d;
}

static const char *const parts[] = {
	"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
	"word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
	"word/footer2.xml",
};

static void test_parts_well_formed(void **state)
{
	struct strbuf buf = STRBUF_INIT, part = STRBUF_INIT;
	struct docx *d = sample();
	size_t at;

	(void)state;
	assert_int_equal(docx_to_buf(d, &buf), 0);
	assert_string_equal(docx_error(d), "");
	assert_int_equal(office_zip_count(&buf), (int)QF_ARRAY_SIZE(parts));
	for (size_t i = 0; i < QF_ARRAY_SIZE(parts); i++) {
		assert_int_equal(office_zip_part(&buf, parts[i], &part), 0);
		if (xml_well_formed(part.buf, &at) != 0)
			fail_msg("%s not well formed at byte %zu: %.60s", parts[i], at, part.buf + at);
	}
	/* the checker itself refuses what it should */
	assert_int_equal(xml_well_formed("<a><b></a></b>", &at), -1);
	assert_int_equal(xml_well_formed("<a>&</a>", &at), -1);
	assert_int_equal(xml_well_formed("<a x=\"<\"/>", &at), -1);
	assert_int_equal(xml_well_formed("<a/><b/>", &at), -1);
	assert_int_equal(xml_well_formed("<a x=\"1\"y=\"2\"/>", &at), -1);
	assert_int_equal(xml_well_formed("<a>&amp;&#x1F642;&lt;</a>", &at), 0);
	docx_free(d);
	strbuf_release(&buf);
	strbuf_release(&part);
}

static void test_text_escaped(void **state)
{
	struct strbuf buf = STRBUF_INIT, doc = STRBUF_INIT;
	struct docx *d = sample();

	(void)state;
	assert_int_equal(docx_to_buf(d, &buf), 0);
	assert_int_equal(office_zip_part(&buf, "word/document.xml", &doc), 0);
	assert_non_null(strstr(doc.buf, "纪检 &amp; 监察 &lt;b&gt;“引号”&lt;/b&gt; &quot;quoted&quot; 🙂 结束"));
	assert_null(strstr(doc.buf, "<b>"));
	assert_non_null(strstr(doc.buf, "城关镇 &amp; &lt;东&gt; &quot;片区&quot; 🙂"));
	/* a title split by meaning, a tab */
	assert_non_null(strstr(doc.buf, "关于2022年全县纪检监察工作</w:t><w:br/><w:t xml:space=\"preserve\">情况的报告"));
	assert_non_null(strstr(doc.buf, "第二行</w:t><w:tab/>"));
	/* headings numbered in the order of GB/T 9704 7.3.3, each level
	 * restarting under its parent */
	assert_non_null(strstr(doc.buf, ">一、总体情况<"));
	assert_non_null(strstr(doc.buf, ">（一）线索处置<"));
	assert_non_null(strstr(doc.buf, ">1.来源<"));
	assert_non_null(strstr(doc.buf, ">（1）信访举报<"));
	assert_non_null(strstr(doc.buf, ">（2）巡察移交<"));
	assert_non_null(strstr(doc.buf, ">（二）审查调查<"));
	assert_non_null(strstr(doc.buf, ">二、下一步工作<"));
	/* a heading run into its paragraph: 楷体 for the heading, the body face after */
	assert_non_null(strstr(doc.buf, "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:rPr>"
				     "<w:rFonts w:ascii=\"楷体_GB2312\" w:eastAsia=\"楷体_GB2312\" w:hAnsi=\"楷体_GB2312\""
				     " w:cs=\"楷体_GB2312\"/></w:rPr><w:t xml:space=\"preserve\">（三）坚守政治机关定位，"
				     "答好“政治建设卷”。</w:t></w:r><w:r><w:t xml:space=\"preserve\">坚持把政治建设摆在首位"
				     " &amp; &lt;b&gt;。</w:t></w:r></w:p>"));
	/* cells as people read them; numbers right, dates centred */
	assert_non_null(strstr(doc.buf, ">93.48%<"));
	assert_non_null(strstr(doc.buf, ">117,526.73<"));
	assert_non_null(strstr(doc.buf, ">0.05<"));
	assert_non_null(strstr(doc.buf, ">2022-12-31<"));
	assert_non_null(strstr(doc.buf, "<w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"24\"/>"
				     "<w:szCs w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">516<"));
	/* grouped columns: a header over two columns, the others merged over
	 * both header rows, both rows repeated */
	assert_non_null(strstr(doc.buf, "<w:gridSpan w:val=\"2\"/><w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr>"
				     "<w:pStyle w:val=\"TableText\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/>"
				     "<w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">处分（人）<"));
	assert_non_null(strstr(doc.buf, "<w:vMerge w:val=\"restart\"/>"));
	assert_non_null(strstr(doc.buf, "<w:vMerge/>"));
	assert_non_null(strstr(doc.buf, ">第一种形态<"));
	assert_non_null(strstr(doc.buf, ">政务处分<"));
	/* the header row repeats on every page */
	assert_non_null(strstr(doc.buf, "<w:tblHeader/>"));
	assert_non_null(strstr(doc.buf, "<w:tblW w:w=\"8845\" w:type=\"dxa\"/>"));
	/* the red header, the number over the red rule, the date in numerals */
	assert_non_null(strstr(doc.buf, "<w:color w:val=\"FF0000\"/>"));
	assert_non_null(strstr(doc.buf, "w:color=\"FF0000\"/></w:pBdr>"));
	assert_non_null(strstr(doc.buf, ">X纪发〔2022〕12号<"));
	assert_non_null(strstr(doc.buf, "<w:ind w:right=\"1280\" w:firstLine=\"0\" w:firstLineChars=\"0\"/>"
				     "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">2022年12月31日<"));
	assert_non_null(strstr(doc.buf, "<w:br w:type=\"page\"/>"));
	/* 附件说明: two characters in, the second name under the first */
	assert_non_null(strstr(doc.buf, "<w:ind w:left=\"1600\" w:hanging=\"960\"/></w:pPr><w:r>"
				     "<w:t xml:space=\"preserve\">附件：1. 线索处置情况表<"));
	assert_non_null(strstr(doc.buf, "<w:ind w:left=\"1600\" w:hanging=\"0\"/></w:pPr><w:r>"
				     "<w:t xml:space=\"preserve\">2. 立案情况表<"));
	/* plain lines, one paragraph each */
	assert_non_null(strstr(doc.buf, ">县委办公室</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"Plain\"/>"
				     "</w:pPr><w:r><w:t xml:space=\"preserve\">县政府办公室<"));
	/* 版记 at the foot of the type area, between 0.35 mm and 0.25 mm rules */
	assert_non_null(strstr(doc.buf, "w:vertAnchor=\"margin\" w:horzAnchor=\"margin\" w:tblpYSpec=\"bottom\"/>"));
	assert_non_null(strstr(doc.buf, "<w:top w:val=\"single\" w:sz=\"8\""));
	assert_non_null(strstr(doc.buf, "<w:insideH w:val=\"single\" w:sz=\"6\""));
	assert_non_null(strstr(doc.buf, ">抄送：县委办公室，"));
	assert_non_null(strstr(doc.buf, "<w:ind w:left=\"1120\" w:right=\"280\" w:hanging=\"840\"/>"));
	assert_non_null(strstr(doc.buf, ">2023年1月4日印发<"));
	docx_free(d);
	strbuf_release(&buf);
	strbuf_release(&doc);
}

static void test_layout(void **state)
{
	struct strbuf buf = STRBUF_INIT, x = STRBUF_INIT;
	struct docx *d = sample();

	(void)state;
	assert_int_equal(docx_to_buf(d, &buf), 0);
	assert_int_equal(office_zip_part(&buf, "word/document.xml", &x), 0);
	/* A4; top 37 mm, right 26, bottom 35, left 28; 22 lines of 28 */
	assert_non_null(strstr(x.buf, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
	assert_non_null(strstr(x.buf, "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""));
	assert_non_null(strstr(x.buf, "<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"));
	assert_non_null(strstr(x.buf, "<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
				   "<w:footerReference w:type=\"even\" r:id=\"rId5\"/>"));
	assert_int_equal(office_zip_part(&buf, "word/styles.xml", &x), 0);
	/* body 仿宋_GB2312 3号 (32 half points) condensed 0.25 pt (28 a line),
	 * first line two characters in */
	assert_non_null(strstr(x.buf, "<w:spacing w:val=\"-5\"/><w:kern w:val=\"2\"/><w:sz w:val=\"32\"/>"));
	assert_non_null(strstr(x.buf, "<w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\""));
	assert_non_null(strstr(x.buf, "<w:sz w:val=\"32\"/>"));
	assert_non_null(strstr(x.buf, "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"));
	/* title 方正小标宋简体 2号 (44 half points) */
	assert_non_null(strstr(x.buf, "w:eastAsia=\"方正小标宋简体\" w:hAnsi=\"方正小标宋简体\" w:cs=\"方正小标宋简体\"/>"
				   "<w:sz w:val=\"44\"/>"));
	assert_non_null(strstr(x.buf, "w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
				   "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/>"
				   "</w:pPr><w:rPr><w:rFonts w:ascii=\"黑体\""));
	assert_non_null(strstr(x.buf, "<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"楷体_GB2312\""));
	assert_non_null(strstr(x.buf, "<w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/>"));
	assert_int_equal(office_zip_part(&buf, "word/fontTable.xml", &x), 0);
	assert_non_null(strstr(x.buf, "<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>"));
	assert_non_null(strstr(x.buf, "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>"));
	assert_int_equal(office_zip_part(&buf, "word/settings.xml", &x), 0);
	assert_non_null(strstr(x.buf, "<w:evenAndOddHeaders/>"));
	/* "— 1 —" on the outside: odd pages right, even left, 4号 宋体 */
	assert_int_equal(office_zip_part(&buf, "word/footer1.xml", &x), 0);
	assert_non_null(strstr(x.buf, "<w:ind w:right=\"280\""));
	assert_non_null(strstr(x.buf, "<w:jc w:val=\"right\"/>"));
	assert_non_null(strstr(x.buf, ">— </w:t>"));
	assert_non_null(strstr(x.buf, "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
	assert_int_equal(office_zip_part(&buf, "word/footer2.xml", &x), 0);
	assert_non_null(strstr(x.buf, "<w:ind w:left=\"280\""));
	assert_non_null(strstr(x.buf, "<w:jc w:val=\"left\"/>"));
	docx_free(d);
	strbuf_release(&buf);
	strbuf_release(&x);
}

static void test_refused(void **state)
{
	static const char *const bad[] = {
		"a\x01" "b", "a\x7f", "\xc2\x85", "x\xe2\x80\xae" "y", "\xff", "\xc0\xaf", "\xef\xbf\xbe", "a\x1b[31m",
	};
	struct strbuf buf = STRBUF_INIT;

	(void)state;
	for (size_t i = 0; i < QF_ARRAY_SIZE(bad); i++) {
		struct docx *d = docx_new();

		assert_int_equal(docx_title(d, "标题"), 0);
		assert_int_equal(docx_para(d, bad[i]), -1);
		assert_non_null(strstr(docx_error(d), "paragraph"));
		/* the document fails as a whole */
		assert_int_equal(docx_para(d, "好的"), -1);
		assert_int_equal(docx_to_buf(d, &buf), -1);
		assert_int_equal(buf.len, 0);
		docx_free(d);
	}
	{
		struct docx *d = docx_new();

		assert_int_equal(docx_para(d, "x\x02"), -1);
		assert_string_equal(docx_error(d),
				    "paragraph: character U+0002 at character 2 not allowed (control)");
		docx_free(d);
		d = docx_new();
		assert_int_equal(docx_heading(d, 5, "五级"), -1);
		docx_free(d);
		d = docx_new();
		assert_int_equal(docx_heading_para(d, 1, "标题", "一行\n两行"), -1);
		assert_string_equal(docx_error(d), "paragraph: a line break after a run-in heading");
		assert_int_equal(docx_to_buf(d, &buf), -1);
		docx_free(d);
		d = docx_new();
		assert_int_equal(docx_para(d, "正文"), 0);
		assert_int_equal(docx_header(d, "机关"), -1);   /* the header comes first */
		docx_free(d);
		d = docx_new();
		struct office_table empty = { .title = "空表", .ncols = 2, .nrows = 0, .cols = cols };
		assert_int_equal(docx_table(d, &empty), 0);
		struct office_table none = { .ncols = 0, .nrows = 0, .cols = cols };
		assert_int_equal(docx_table(d, &none), -1);
		assert_string_equal(docx_error(d), "table without columns or cells");
		docx_free(d);
		d = docx_new();
		struct office_cell c = office_text("坏\x03");
		struct office_table t = { .ncols = 1, .nrows = 1, .cols = cols, .cells = &c };
		assert_int_equal(docx_table(d, &t), -1);
		assert_string_equal(docx_error(d),
				    "row 1 column 1: character U+0003 at character 2 not allowed (control)");
		docx_free(d);
	}
	strbuf_release(&buf);
}

/* An attachment (docx_annex, GB/T 9704 chapter 8): on a new page, its
 * label in 黑体 flush left, then an empty line; the headings after it
 * numbered from 一、 again; a bad label fails the document. */
static void test_annex(void **state)
{
	struct strbuf buf = STRBUF_INIT, doc = STRBUF_INIT;
	struct docx *d = docx_new();
	const char *at;

	(void)state;
	assert_int_equal(docx_title(d, "报告"), 0);
	assert_int_equal(docx_heading(d, 1, "总体情况"), 0);
	assert_int_equal(docx_heading(d, 1, "下一步工作"), 0);
	assert_int_equal(docx_annex(d, "附表：2022年度统计数据"), 0);
	assert_int_equal(docx_title(d, "统计表"), 0);
	assert_int_equal(docx_heading(d, 1, "说明"), 0);
	assert_int_equal(docx_to_buf(d, &buf), 0);
	assert_int_equal(office_zip_part(&buf, "word/document.xml", &doc), 0);
	at = strstr(doc.buf, "<w:pageBreakBefore/>");
	assert_non_null(at);
	assert_non_null(strstr(at, "黑体\"/></w:rPr><w:t xml:space=\"preserve\">附表：2022年度统计数据</w:t>"));
	assert_non_null(strstr(at, "附表：2022年度统计数据</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"Plain\"/></w:pPr></w:p>"
			       "<w:p><w:pPr><w:pStyle w:val=\"Title\"/>"));
	assert_non_null(strstr(doc.buf, "二、下一步工作"));
	assert_non_null(strstr(at, "一、说明"));
	assert_int_equal(docx_annex(d, "附\x01"), -1);
	assert_int_equal(docx_to_buf(d, &buf), -1);
	docx_free(d);
	strbuf_release(&buf);
	strbuf_release(&doc);
}

/* Pictures (docx_image): their parts, relationships and content type
 * only in a document that has one; the bytes kept; the size from the PNG
 * header; the description escaped; what is no PNG or too wide refused. */
static void test_image(void **state)
{
	struct strbuf png = STRBUF_INIT, buf = STRBUF_INIT, part = STRBUF_INIT;
	static const char *const image_parts[] = { "word/media/image1.png", "word/media/image2.png" };
	struct docx *d = docx_new();
	size_t at;
	char ext[128];

	(void)state;
	assert_int_equal(qr_png("https://pj.example.cn/p/rate/t", &png), 0);
	assert_int_equal(docx_centered(d, "某某县纪委监委 · 码上问效"), 0);
	assert_int_equal(docx_image(d, png.buf, png.len, 90, "二维码 & <x>\n\"地址\""), 0);
	assert_int_equal(docx_image(d, png.buf, png.len, 40, "第二张"), 0);
	assert_int_equal(docx_para(d, "说明"), 0);
	assert_int_equal(docx_to_buf(d, &buf), 0);
	assert_int_equal(office_zip_count(&buf), (int)QF_ARRAY_SIZE(parts) + 2);
	for (size_t i = 0; i < QF_ARRAY_SIZE(parts); i++) {
		assert_int_equal(office_zip_part(&buf, parts[i], &part), 0);
		if (xml_well_formed(part.buf, &at) != 0)
			fail_msg("%s not well formed at byte %zu: %.60s", parts[i], at, part.buf + at);
	}
	for (size_t i = 0; i < QF_ARRAY_SIZE(image_parts); i++) {
		assert_int_equal(office_zip_part(&buf, image_parts[i], &part), 0);
		assert_int_equal(part.len, png.len);
		assert_memory_equal(part.buf, png.buf, png.len);
	}
	assert_int_equal(office_zip_part(&buf, "word/document.xml", &part), 0);
	/* a square symbol: 90 mm by 90 mm, 36000 EMU a millimetre */
	snprintf(ext, sizeof(ext), "<wp:extent cx=\"%d\" cy=\"%d\"/>", 90 * 36000, 90 * 36000);
	assert_non_null(strstr(part.buf, ext));
	assert_non_null(strstr(part.buf, "descr=\"二维码 &amp; &lt;x&gt; &quot;地址&quot;\""));
	assert_non_null(strstr(part.buf, "<a:blip r:embed=\"rId6\"/>"));
	assert_non_null(strstr(part.buf, "<a:blip r:embed=\"rId7\"/>"));
	assert_non_null(strstr(part.buf, "<wp:docPr id=\"2\" name=\"图片 2\""));
	assert_non_null(strstr(part.buf, "<w:jc w:val=\"center\"/></w:pPr><w:r><w:t xml:space=\"preserve\">某某县纪委监委"));
	assert_int_equal(office_zip_part(&buf, "word/_rels/document.xml.rels", &part), 0);
	assert_non_null(strstr(part.buf, "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/"
					 "officeDocument/2006/relationships/image\" Target=\"media/image2.png\"/>"
					 "</Relationships>"));
	assert_int_equal(office_zip_part(&buf, "[Content_Types].xml", &part), 0);
	assert_non_null(strstr(part.buf, "<Default Extension=\"png\" ContentType=\"image/png\"/></Types>"));
	docx_free(d);

	/* a document without pictures: none of it */
	d = sample();
	strbuf_reset(&buf);
	assert_int_equal(docx_to_buf(d, &buf), 0);
	assert_int_equal(office_zip_part(&buf, "[Content_Types].xml", &part), 0);
	assert_null(strstr(part.buf, "png"));
	assert_int_equal(office_zip_part(&buf, "word/document.xml", &part), 0);
	assert_null(strstr(part.buf, "xmlns:wp="));
	docx_free(d);

	d = docx_new();
	assert_int_equal(docx_image(d, "GIF89a and more bytes than 24", 29, 50, "动图"), -1);
	assert_string_equal(docx_error(d), "picture: not a PNG");
	docx_free(d);
	d = docx_new();
	assert_int_equal(docx_image(d, png.buf, png.len, 157, "太宽"), -1);
	assert_string_equal(docx_error(d), "picture: 157 mm is not within the type area's width");
	assert_int_equal(docx_to_buf(d, &buf), -1);
	docx_free(d);
	d = docx_new();
	assert_int_equal(docx_image(d, png.buf, png.len, 0, "零"), -1);
	docx_free(d);
	d = docx_new();
	assert_int_equal(docx_image(d, png.buf, png.len, 50, "坏\x01"), -1);
	docx_free(d);
	strbuf_release(&png);
	strbuf_release(&buf);
	strbuf_release(&part);
}

static void test_deterministic(void **state)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, file = STRBUF_INIT;
	struct docx *d = sample(), *e;
	char path[] = "/tmp/qf-test-docx-XXXXXX", sp[512];
	const char *out;
	FILE *f;
	char chunk[4096];
	size_t n;
	int fd;

	(void)state;
	assert_int_equal(docx_to_buf(d, &a), 0);
	/* another time zone, a second later: the same bytes */
	setenv("TZ", "America/New_York", 1);
	tzset();
	e = sample();
	assert_int_equal(docx_to_buf(e, &b), 0);
	unsetenv("TZ");
	tzset();
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	/* the file is the buffer */
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(docx_save(e, path), 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(&file, chunk, n);
	fclose(f);
	unlink(path);
	assert_int_equal(file.len, a.len);
	assert_memory_equal(file.buf, a.buf, a.len);
	assert_int_equal(docx_save(e, "/nonexistent-folder/x.docx"), -1);
	assert_non_null(strstr(docx_error(e), "cannot create '/nonexistent-folder/x.docx'"));
	out = office_sample_path("sample.docx", sp, sizeof(sp));
	if (out)
		assert_int_equal(docx_save(d, out), 0);
	docx_free(d);
	docx_free(e);
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&file);
}

/* Random strings from a hostile alphabet: each is either refused by the
 * text check, or its paragraph, heading, title and table cell give a
 * document.xml that is well formed and holds no element the text did not
 * ask for. */
static void test_random_text(void **state)
{
	struct strbuf s = STRBUF_INIT, buf = STRBUF_INIT, doc = STRBUF_INIT;
	unsigned seed = 20221231;
	int accepted = 0, refused = 0;
	size_t at;

	(void)state;
	for (int i = 0; i < 300; i++) {
		struct docx *d = docx_new();
		struct office_cell c;
		struct office_table t = { .ncols = 1, .nrows = 1, .cols = cols, .cells = &c };
		int rc;

		office_hostile(&s, &seed);
		c = office_text(s.buf);
		rc = docx_title(d, s.buf) | docx_heading(d, 1 + i % 4, s.buf) | docx_para(d, s.buf) |
		     docx_table(d, &t);
		strbuf_reset(&buf);
		if (rc < 0) {
			refused++;
			assert_int_equal(docx_to_buf(d, &buf), -1);
		} else {
			accepted++;
			assert_int_equal(docx_to_buf(d, &buf), 0);
			assert_int_equal(office_zip_part(&buf, "word/document.xml", &doc), 0);
			if (xml_well_formed(doc.buf, &at) != 0)
				fail_msg("text %d not well formed at %zu: %.60s", i, at, doc.buf + at);
			assert_null(strstr(doc.buf, "<w:p><w:p>"));
		}
		docx_free(d);
	}
	assert_true(accepted > 30);
	assert_true(refused > 30);
	strbuf_release(&s);
	strbuf_release(&buf);
	strbuf_release(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parts_well_formed),
		cmocka_unit_test(test_text_escaped),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_annex),
		cmocka_unit_test(test_image),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_random_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
