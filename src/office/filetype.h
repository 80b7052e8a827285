#ifndef QF_FILETYPE_H
#define QF_FILETYPE_H
/*
 * filetype: what an uploaded file is, from its bytes alone (never from its
 * name), for the attachment store (domain/attach.h).  The accepted types
 * are a short list of what a commission files: scans and photos (JPEG,
 * PNG, TIFF), PDF, OFD (GB/T 33190, a zip with OFD.xml), Word and Excel
 * (DOCX/XLSX: a zip whose [Content_Types].xml declares the main part of a
 * document or a workbook, macros refused; DOC/XLS: an OLE compound file)
 * and plain UTF-8 text.  Anything else (executables, scripts, archives,
 * HTML with a binary byte ...) is not recognised and is refused.
 *
 * Pure functions over a buffer; the zip checks read the archive with
 * libzip from memory.  tests/unit/test_filetype.c covers each type and
 * the usual disguises (an .exe named .pdf, a zip that is no document, a
 * macro-enabled workbook).
 */
#include <stddef.h>

struct filetype {
	const char *code;       /* stored type: "pdf", "jpeg", "png", ... */
	const char *mime;       /* its media type */
	const char *exts;       /* its extensions, with the dot, space-separated:
				 * the first is the usual one */
	const char *label;      /* Chinese, for the pages */
	int image;              /* 1: a thumbnail can be made (JPEG, PNG) */
};

/* The type of data[0..len), or NULL when it is none of the accepted ones. */
const struct filetype *filetype_sniff(const void *data, size_t len);
/* The accepted type with this code, or NULL. */
const struct filetype *filetype_find(const char *code);
/* The Chinese labels of the accepted types joined by "、" (for messages). */
const char *filetype_accepted(void);

/* The pixel size of a PNG or JPEG from its header, before any decoding (the
 * decompression-bomb guard): 0 with *w, *h set, -1 when it cannot be read. */
int filetype_image_size(const void *data, size_t len, const struct filetype *t, unsigned *w,
			unsigned *h);

#endif
