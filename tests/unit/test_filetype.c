/*
 * test_filetype.c: unit tests for src/office/filetype.c, the type of an
 * upload by its content (issue 12, "Attachments": "size and type limits
 * checked by content, not by name").  Each accepted type from a minimal
 * sample; the disguises a commission meets (a Windows executable, a script,
 * HTML with binary bytes, a plain zip, a macro-enabled workbook, a zip that
 * claims a document in its [Content_Types].xml without the part); and the
 * pixel size read from PNG and JPEG headers for the decompression-bomb
 * guard (office/thumb.h).  The zips are built here, stored (no
 * compression), so that each entry is what the test says.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "office/filetype.h"

/* ---- a stored zip, built by hand -------------------------------------------- */

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
	uint32_t c = 0xffffffffu;

	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
	}
	return ~c;
}

struct zbuf {
	unsigned char *b;
	size_t n;
};

static void put(struct zbuf *z, const void *p, size_t n)
{
	z->b = realloc(z->b, z->n + n);
	assert_non_null(z->b);
	memcpy(z->b + z->n, p, n);
	z->n += n;
}

static void u16(struct zbuf *z, unsigned v)
{
	unsigned char b[2] = { (unsigned char)v, (unsigned char)(v >> 8) };
	put(z, b, 2);
}

static void u32(struct zbuf *z, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			       (unsigned char)(v >> 24) };
	put(z, b, 4);
}

/* names[i] holds texts[i]; n entries, NULL-terminated lists. */
static struct zbuf zip_of(const char *const *names, const char *const *texts)
{
	struct zbuf z = { 0 }, cd = { 0 };
	int n = 0;

	for (; names[n]; n++) {
		size_t nl = strlen(names[n]), tl = strlen(texts[n]);
		uint32_t crc = crc32_of((const unsigned char *)texts[n], tl), off = (uint32_t)z.n;

		u32(&z, 0x04034b50); u16(&z, 20); u16(&z, 0); u16(&z, 0); u16(&z, 0); u16(&z, 0);
		u32(&z, crc); u32(&z, (uint32_t)tl); u32(&z, (uint32_t)tl); u16(&z, (unsigned)nl); u16(&z, 0);
		put(&z, names[n], nl);
		put(&z, texts[n], tl);
		u32(&cd, 0x02014b50); u16(&cd, 20); u16(&cd, 20); u16(&cd, 0); u16(&cd, 0); u16(&cd, 0);
		u16(&cd, 0); u32(&cd, crc); u32(&cd, (uint32_t)tl); u32(&cd, (uint32_t)tl);
		u16(&cd, (unsigned)nl); u16(&cd, 0); u16(&cd, 0); u16(&cd, 0); u16(&cd, 0); u32(&cd, 0);
		u32(&cd, off);
		put(&cd, names[n], nl);
	}
	{
		uint32_t cd_off = (uint32_t)z.n, cd_len = (uint32_t)cd.n;
		put(&z, cd.b, cd.n);
		u32(&z, 0x06054b50); u16(&z, 0); u16(&z, 0); u16(&z, (unsigned)n); u16(&z, (unsigned)n);
		u32(&z, cd_len); u32(&z, cd_off); u16(&z, 0);
	}
	free(cd.b);
	return z;
}

#define CT_DOCX "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/" \
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
#define CT_XLSX "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/" \
	"vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"
#define CT_XLSM "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/" \
	"vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>"

static const char *zip_code(const char *const *names, const char *const *texts)
{
	struct zbuf z = zip_of(names, texts);
	const struct filetype *t = filetype_sniff(z.b, z.n);
	free(z.b);
	return t ? t->code : "refused";
}

static const char *code_of(const void *p, size_t n)
{
	const struct filetype *t = filetype_sniff(p, n);
	return t ? t->code : "refused";
}

#define CODE(lit) code_of(lit, sizeof(lit) - 1)

/* ---- tests --------------------------------------------------------------------- */

static void signatures(void **state)
{
	(void)state;
	assert_string_equal(CODE("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "pdf");
	assert_string_equal(CODE("\xff\xd8\xff\xe0\0\x10JFIF\0"), "jpeg");
	assert_string_equal(CODE("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "png");
	assert_string_equal(CODE("II*\0\x08\0\0\0"), "tiff");
	assert_string_equal(CODE("MM\0*\0\0\0\x08"), "tiff");
	assert_string_equal(CODE("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0"), "ole");
	assert_string_equal(CODE("谈话笔录\r\n第一页\tA\n"), "text");
	assert_string_equal(filetype_find("png")->mime, "image/png");
	assert_true(filetype_find("jpeg")->image && !filetype_find("pdf")->image);
	assert_null(filetype_find("exe"));
}

/* What a name cannot make acceptable: the content decides. */
static void disguises(void **state)
{
	(void)state;
	assert_string_equal(CODE("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff"), "refused");     /* PE .exe */
	assert_string_equal(CODE("\x7f" "ELF\x02\x01\x01\0"), "refused");
	assert_string_equal(CODE("<html><body>\x01\x02</body></html>"), "refused");       /* a control byte */
	assert_string_equal(CODE("abc\0def"), "refused");                                  /* NUL */
	assert_string_equal(CODE("caf\xe9"), "refused");                                   /* Latin-1, not UTF-8 */
	assert_string_equal(CODE("Rar!\x1a\x07\0"), "refused");
	assert_string_equal(CODE("\x1f\x8b\x08\0"), "refused");                            /* gzip */
	assert_string_equal(code_of("", 0), "refused");
	assert_null(filetype_sniff(NULL, 0));
	/* a signature that starts too late is not one */
	assert_string_equal(CODE("\x01%PDF-1.4"), "refused");
}

static void zips(void **state)
{
	(void)state;
	assert_string_equal(zip_code((const char *[]){ "[Content_Types].xml", "word/document.xml", NULL },
				     (const char *[]){ CT_DOCX, "<w:document/>", NULL }), "docx");
	assert_string_equal(zip_code((const char *[]){ "[Content_Types].xml", "xl/workbook.xml", NULL },
				     (const char *[]){ CT_XLSX, "<workbook/>", NULL }), "xlsx");
	assert_string_equal(zip_code((const char *[]){ "OFD.xml", "Doc_0/Document.xml", NULL },
				     (const char *[]){ "<ofd:OFD/>", "<ofd:Document/>", NULL }), "ofd");
	/* a zip of anything else */
	assert_string_equal(zip_code((const char *[]){ "payload.js", NULL }, (const char *[]){ "alert(1)", NULL }),
			    "refused");
	/* the declared main part missing */
	assert_string_equal(zip_code((const char *[]){ "[Content_Types].xml", NULL }, (const char *[]){ CT_DOCX, NULL }),
			    "refused");
	/* macros: by content type, and by a vbaProject.bin whatever the types say */
	assert_string_equal(zip_code((const char *[]){ "[Content_Types].xml", "xl/workbook.xml", NULL },
				     (const char *[]){ CT_XLSM, "<workbook/>", NULL }), "refused");
	assert_string_equal(zip_code((const char *[]){ "[Content_Types].xml", "word/document.xml",
						      "word/vbaProject.bin", NULL },
				     (const char *[]){ CT_DOCX, "<w:document/>", "x", NULL }), "refused");
	/* a zip signature on a broken archive */
	assert_string_equal(CODE("PK\3\4garbage that is no archive"), "refused");
}

static void image_sizes(void **state)
{
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\xea\x60\0\0\x01\x2c\x08\x02";
	/* SOI, an APP0 segment, then SOF0: precision 8, height 300, width 400 */
	static const unsigned char jpg[] = "\xff\xd8\xff\xe0\0\x04\0\0\xff\xc0\0\x11\x08\x01\x2c\x01\x90\x03";
	static const unsigned char jpg_nosof[] = "\xff\xd8\xff\xe0\0\x04\0\0\xff\xda\0\x02";
	unsigned w = 0, h = 0;

	assert_int_equal(filetype_image_size(png, sizeof(png) - 1, filetype_find("png"), &w, &h), 0);
	assert_int_equal(w, 60000);
	assert_int_equal(h, 300);
	assert_int_equal(filetype_image_size(jpg, sizeof(jpg) - 1, filetype_find("jpeg"), &w, &h), 0);
	assert_int_equal(w, 400);
	assert_int_equal(h, 300);
	assert_int_equal(filetype_image_size(jpg_nosof, sizeof(jpg_nosof) - 1, filetype_find("jpeg"), &w, &h), -1);
	assert_int_equal(filetype_image_size(png, 20, filetype_find("png"), &w, &h), -1);       /* cut short */
	assert_int_equal(filetype_image_size(png, sizeof(png) - 1, filetype_find("pdf"), &w, &h), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(signatures),
		cmocka_unit_test(disguises),
		cmocka_unit_test(zips),
		cmocka_unit_test(image_sizes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
