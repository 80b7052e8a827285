#ifndef QF_OFFICE_DOCX_H
#define QF_OFFICE_DOCX_H
/*
 * office/docx: a Word document in the official document layout of
 * GB/T 9704-2012 (../shared/design/DOCUMENTS.md), built from blocks in
 * reading order and written as a .docx (libzip and our own XML) to a file
 * or to memory.  One writer for the annual report, every 文书, the ledgers'
 * printed form and the reply letters: the caller says what a block is, the
 * writer owns how it looks.
 *
 *   struct docx *d = docx_new();
 *   docx_header(d, "某某县纪律检查委员会");          optional red header
 *   docx_number(d, "X纪发〔2022〕12号");             under it
 *   docx_title(d, "关于2022年全县纪检监察工作\n情况的报告");
 *   docx_addressee(d, "县委：");
 *   docx_heading(d, 1, "总体情况");                  numbered 一、
 *   docx_para(d, "2022年，全县共处置问题线索516件……");
 *   docx_table(d, &table);                           office/table.h
 *   docx_image(d, png, len, 90, "二维码");             a picture, 90 mm wide
 *   docx_signature(d, "某某县纪律检查委员会", date_from_ymd(2022, 12, 31));
 *   docx_annex(d, "附件");                             another document after it
 *   if (docx_to_buf(d, &sb) < 0) ... docx_error(d) ...
 *   docx_free(d);
 *
 * Text: every string is UTF-8, checked (office_text_check: controls,
 * bidirectional controls and noncharacters are refused) and XML-escaped
 * here, once; "\n" breaks a line within its block (a title split by
 * meaning), a tab is a tab.  Headings are numbered by the writer in the
 * order of GB/T 9704 7.3.3 (一、 （一） 1. （1）), each level restarting
 * under its parent: pass the heading's words without a number.
 *
 * Errors: a block that cannot be added (bad text, a level out of range)
 * returns -1 and makes the document fail: later blocks are ignored and
 * docx_to_buf/docx_save return -1; docx_error() says what went wrong
 * first, in English, for the log.
 *
 * The output is deterministic: the same blocks give the same bytes (fixed
 * zip timestamps, no dates in the parts), so tests can compare files.
 *
 * Ownership: the document copies what it needs; the caller frees it with
 * docx_free().  docx_to_buf appends to the caller's strbuf.
 */
#include "core/compat.h"
#include "core/date.h"
#include "core/strbuf.h"
#include "office/table.h"

/* the MIME type a .docx is served as */
#define DOCX_MIME "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

struct docx;

struct docx *docx_new(void);
void docx_free(struct docx *d);

/* 发文机关标志: the issuing organ's name in red, centred, sized to fit the
 * line, before everything else; a red rule follows the document number
 * (or the header, without one). */
int docx_header(struct docx *d, const char *organ);
/* 发文字号, e.g. X纪发〔2022〕12号: centred two lines under the red
 * header (called right after docx_header), or, in a document without a
 * header (a 决定书), flush right where it is called (after the title). */
int docx_number(struct docx *d, const char *number);
/* The title: 方正小标宋简体 2号, centred; "\n" where the meaning breaks. */
int docx_title(struct docx *d, const char *title);
/* 主送机关, flush left, ending with its full-width colon as given. */
int docx_addressee(struct docx *d, const char *addressee);
/* A heading of level 1..4 (一、 黑体; （一） 楷体; 1. 仿宋 bold; （1） 仿宋). */
int docx_heading(struct docx *d, int level, const char *text);
/* A heading run into its paragraph, as the annual report writes its
 * sections: "（一）坚守政治机关定位……“政治建设卷”。" in the heading's face
 * and numbered like docx_heading, then text in the body face, one
 * paragraph (text without line breaks). */
int docx_heading_para(struct docx *d, int level, const char *heading, const char *text);
/* A body paragraph: 仿宋_GB2312 3号, first line indented two characters. */
int docx_para(struct docx *d, const char *text);
/* A paragraph flush left without indent (a list of names). */
int docx_plain(struct docx *d, const char *text);
/* 附件说明 (GB/T 9704 7.3.4): one empty line, then "附件：" two
 * characters in and the names, numbered "1. " when there are several,
 * each further name aligned under the first; names without a final
 * full stop, as the standard writes them. */
int docx_attachments(struct docx *d, const char *const *names, size_t n);
/* An empty line of the grid. */
int docx_blank(struct docx *d);
/* A line centred, in the body face (a caption, the line over a title). */
int docx_centered(struct docx *d, const char *text);
/* A picture centred in a paragraph of its own: png[0..len) (copied; a
 * PNG, its pixel size read from its header), width_mm wide (at most the
 * type area's 156 mm), as high as its proportions make it; descr its
 * alternative text.  Each picture is a part word/media/imageN.png. */
int docx_image(struct docx *d, const void *png, size_t len, int width_mm, const char *descr);
/* Starts a new page. */
int docx_page_break(struct docx *d);
/* A document attached after the text (GB/T 9704-2012 chapter 8, 附件):
 * a new page, the label ("附件2", "附表：2022年度统计数据") in 黑体 flush
 * left on its first line and an empty line, so the attachment's title
 * (docx_title) falls on the third; heading numbers restart. */
int docx_annex(struct docx *d, const char *label);
/* A table: its title centred in 黑体 above it, the subtitle under that,
 * full type-area width, borders, the header row bold and repeated on each
 * page, numbers right-aligned, columns in proportion to their widths. */
int docx_table(struct docx *d, const struct office_table *t);
/* 发文机关署名 and 成文日期 (2022年12月31日), two lines below the text
 * for the seal: the date flush right four characters in, the organ
 * centred over it (GB/T 9704 7.3.5.1, a sealed document of one organ).
 * organ may be NULL (the date alone). */
int docx_signature(struct docx *d, const char *organ, qf_day date);
/* 版记 (GB/T 9704 7.4): 抄送 (cc, NULL for none: "X，Y。" as the
 * organs are to be listed; the writer adds "抄送：") and the line of the
 * printing organ and date ("2023年1月4日印发"), between rules, at the
 * foot of the type area of the page it falls on in Word and WPS (a
 * floating table; LibreOffice 7.4 keeps it in the text).  The last block
 * of a document. */
int docx_record(struct docx *d, const char *cc, const char *issuer, qf_day printed);

/* The first error, "" when none. */
const char *docx_error(const struct docx *d);

/* Appends the .docx file to out.  0, or -1 (docx_error says why). */
int docx_to_buf(struct docx *d, struct strbuf *out) QF_WUR;
/* Writes the .docx file to path (created or truncated, mode 0644 less
 * the umask).  0, or -1 with the reason in docx_error. */
int docx_save(struct docx *d, const char *path) QF_WUR;

#endif
