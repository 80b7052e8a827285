/*
 * filetype.c: the type of an upload from its content (see filetype.h).
 *
 * Signatures: PDF "%PDF-" at the start; JPEG FF D8 FF; PNG its 8-byte
 * signature; TIFF "II*\0" or "MM\0*"; OLE D0 CF 11 E0 A1 B1 1A E1 (DOC,
 * XLS); a zip (PK\3\4) is opened with libzip and must be a DOCX (its
 * [Content_Types].xml names the wordprocessingml main part), an XLSX (the
 * spreadsheetml sheet main part) or an OFD (an OFD.xml entry); any part
 * named vbaProject.bin, or a macro-enabled content type, refuses it.
 * Text: the whole file passes the input rule for multi-line text
 * (core/text.h: valid UTF-8, no NUL or controls).
 */
#include "office/filetype.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zip.h>

#include "core/compat.h"
#include "core/text.h"

static const struct filetype types[] = {
	{ "pdf", "application/pdf", ".pdf", "PDF 文档", 0 },
	{ "jpeg", "image/jpeg", ".jpg .jpeg .jpe", "JPEG 图片", 1 },
	{ "png", "image/png", ".png", "PNG 图片", 1 },
	{ "tiff", "image/tiff", ".tif .tiff", "TIFF 扫描件", 0 },
	{ "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
	  "Word 文档", 0 },
	{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx",
	  "Excel 表格", 0 },
	{ "ofd", "application/ofd", ".ofd", "OFD 版式文档", 0 },
	{ "ole", "application/x-ole-storage", ".doc .xls .wps .et", "Word/Excel 97-2003 文档", 0 },
	{ "text", "text/plain", ".txt .csv .log", "文本", 0 },
};

enum { T_PDF, T_JPEG, T_PNG, T_TIFF, T_DOCX, T_XLSX, T_OFD, T_OLE, T_TEXT };

/* The largest [Content_Types].xml read (a real one is a few KiB). */
#define CT_MAX (256 * 1024)

static int starts(const unsigned char *d, size_t len, const void *sig, size_t n)
{
	return len >= n && !memcmp(d, sig, n);
}

/* The [Content_Types].xml of an open archive, NUL-terminated (malloc), or NULL. */
static char *content_types(zip_t *za)
{
	zip_stat_t st;
	zip_file_t *zf;
	char *buf;
	zip_int64_t n;

	if (zip_stat(za, "[Content_Types].xml", 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    st.size > CT_MAX)
		return NULL;
	zf = zip_fopen(za, "[Content_Types].xml", 0);
	if (!zf)
		return NULL;
	buf = malloc((size_t)st.size + 1);
	n = buf ? zip_fread(zf, buf, st.size) : -1;
	zip_fclose(zf);
	if (n < 0 || (zip_uint64_t)n != st.size) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

/* 1 when some entry's name ends with tail (case-insensitive). */
static int has_entry_ending(zip_t *za, const char *tail)
{
	zip_int64_t n = zip_get_num_entries(za, 0);
	size_t tl = strlen(tail);

	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
		size_t nl = name ? strlen(name) : 0;
		if (nl >= tl && !strcasecmp(name + nl - tl, tail))
			return 1;
	}
	return 0;
}

/* DOCX, XLSX, OFD, or -1 for any other zip (or a broken one). */
static int zip_kind(const void *data, size_t len)
{
	zip_error_t err;
	zip_source_t *src;
	zip_t *za;
	char *ct = NULL;
	int kind = -1;

	zip_error_init(&err);
	src = zip_source_buffer_create(data, len, 0, &err);
	if (!src) {
		zip_error_fini(&err);
		return -1;
	}
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (!za) {
		zip_source_free(src);
		zip_error_fini(&err);
		return -1;
	}
	if (has_entry_ending(za, "vbaProject.bin"))
		goto out;
	if (zip_name_locate(za, "OFD.xml", 0) >= 0) {
		kind = T_OFD;
		goto out;
	}
	ct = content_types(za);
	if (!ct || strstr(ct, "macroEnabled"))
		goto out;
	if (strstr(ct, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml") &&
	    zip_name_locate(za, "word/document.xml", 0) >= 0)
		kind = T_DOCX;
	else if (strstr(ct, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") &&
		 zip_name_locate(za, "xl/workbook.xml", 0) >= 0)
		kind = T_XLSX;
out:
	free(ct);
	zip_discard(za);        /* frees the source too */
	zip_error_fini(&err);
	return kind;
}

const struct filetype *filetype_sniff(const void *data, size_t len)
{
	const unsigned char *d = data;
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a };
	static const unsigned char ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
	static const unsigned char jpeg[] = { 0xff, 0xd8, 0xff };
	struct text_fault tf;
	int k;

	if (!d || len == 0)
		return NULL;
	if (starts(d, len, "%PDF-", 5))
		return &types[T_PDF];
	if (starts(d, len, jpeg, sizeof(jpeg)))
		return &types[T_JPEG];
	if (starts(d, len, png, sizeof(png)))
		return &types[T_PNG];
	if (starts(d, len, "II*\0", 4) || starts(d, len, "MM\0*", 4))
		return &types[T_TIFF];
	if (starts(d, len, ole, sizeof(ole)))
		return &types[T_OLE];
	if (starts(d, len, "PK\3\4", 4))
		return (k = zip_kind(data, len)) >= 0 ? &types[k] : NULL;
	memset(&tf, 0, sizeof(tf));
	if (text_check(data, len, TEXT_MULTILINE, &tf) == TEXT_OK)
		return &types[T_TEXT];
	return NULL;
}

const struct filetype *filetype_find(const char *code)
{
	for (size_t i = 0; code && i < QF_ARRAY_SIZE(types); i++)
		if (!strcmp(types[i].code, code))
			return &types[i];
	return NULL;
}

const char *filetype_accepted(void)
{
	return "PDF、OFD、Word（DOC/DOCX）、Excel（XLS/XLSX）、JPEG、PNG、TIFF、纯文本";
}

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

/* The frame size of a JPEG: the first SOFn marker's height and width. */
static int jpeg_size(const unsigned char *d, size_t len, unsigned *w, unsigned *h)
{
	size_t i = 2;

	while (i + 4 <= len) {
		unsigned char m;
		unsigned seg;

		if (d[i] != 0xff)
			return -1;
		m = d[i + 1];
		if (m == 0xff) {        /* fill byte */
			i++;
			continue;
		}
		if (m == 0xd8 || m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {
			i += 2;
			continue;
		}
		seg = be16(d + i + 2);
		if (seg < 2)
			return -1;
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
			if (i + 9 > len)
				return -1;
			*h = be16(d + i + 5);
			*w = be16(d + i + 7);
			return 0;
		}
		if (m == 0xd9 || m == 0xda)     /* end, or scan data before a frame */
			return -1;
		i += 2 + seg;
	}
	return -1;
}

int filetype_image_size(const void *data, size_t len, const struct filetype *t, unsigned *w,
			unsigned *h)
{
	const unsigned char *d = data;

	if (!t || !d)
		return -1;
	if (t == &types[T_PNG]) {
		/* signature, then the IHDR chunk: length, "IHDR", width, height */
		if (len < 24 || memcmp(d + 12, "IHDR", 4))
			return -1;
		*w = be32(d + 16);
		*h = be32(d + 20);
		return 0;
	}
	if (t == &types[T_JPEG])
		return jpeg_size(d, len, w, h);
	return -1;
}
