/*
 * qr.c: QR codes as standalone SVG (libqrencode), for the "码上问效" code of
 * every unit and for TOTP enrolment; and the same symbol as a PNG (libgd)
 * for documents (the unit's poster as .docx).
 *
 * The symbol uses error-correction level M, 8-bit mode, case-sensitive.
 * The SVG has a 4-module quiet zone, a white background rectangle and one
 * <path> whose subpaths are the horizontal runs of dark modules; it scales
 * through its viewBox and carries no script, style or event attribute, so
 * it can be served as image/svg+xml or inlined under a strict CSP.  The
 * PNG has the same modules and quiet zone, each module a square of
 * QR_PNG_MODULE pixels, black on white in a two-colour palette.
 */
#include "core/crypto.h"

#include <gd.h>
#include <qrencode.h>

#define QUIET 4

/* The symbol of text (NULL for an empty text or when it does not fit). */
static QRcode *encode(const char *text)
{
	if (!text || !*text)
		return NULL;
	return QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
}

int qr_png(const char *text, struct strbuf *out)
{
	QRcode *qr = encode(text);
	gdImagePtr im;
	void *png = NULL;
	int w, n, black, size = 0, rc = -1;

	if (!qr)
		return -1;
	w = qr->width;
	n = (w + 2 * QUIET) * QR_PNG_MODULE;
	im = gdImageCreate(n, n);
	if (im) {
		gdImageColorAllocate(im, 255, 255, 255);        /* the first colour is the background */
		black = gdImageColorAllocate(im, 0, 0, 0);
		for (int y = 0; y < w; y++)
			for (int x = 0; x < w; x++)
				if (qr->data[(size_t)y * (size_t)w + (size_t)x] & 1)
					gdImageFilledRectangle(im, (x + QUIET) * QR_PNG_MODULE,
							       (y + QUIET) * QR_PNG_MODULE,
							       (x + QUIET + 1) * QR_PNG_MODULE - 1,
							       (y + QUIET + 1) * QR_PNG_MODULE - 1, black);
		png = gdImagePngPtr(im, &size);
		gdImageDestroy(im);
	}
	if (png && size > 0)
		rc = strbuf_add(out, png, (size_t)size);
	gdFree(png);
	QRcode_free(qr);
	return rc;
}

int qr_svg(const char *text, struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;
	QRcode *qr;
	int w, n, x, y, rc;

	qr = encode(text);
	if (!qr)
		return -1;
	w = qr->width;
	n = w + 2 * QUIET;
	strbuf_addf(&sb,
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
		    "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"二维码\">"
		    "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
		    n, n, n, n);
	for (y = 0; y < w; y++) {
		const unsigned char *row = qr->data + (size_t)y * (size_t)w;

		for (x = 0; x < w; x++) {
			int run = 0;

			/* bit 0 of each byte: 1 = dark module */
			while (x + run < w && (row[x + run] & 1))
				run++;
			if (run) {
				strbuf_addf(&sb, "M%d %dh%dv1h-%dz", x + QUIET, y + QUIET, run, run);
				x += run;
			}
		}
	}
	strbuf_addstr(&sb, "\"/></svg>");
	QRcode_free(qr);
	rc = strbuf_add(out, sb.buf, sb.len);
	strbuf_release(&sb);
	return rc;
}
