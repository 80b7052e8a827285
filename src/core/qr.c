/*
 * qr.c: QR codes as standalone SVG (libqrencode), for the "码上问效" code of
 * every unit and for TOTP enrolment.
 *
 * The symbol uses error-correction level M, 8-bit mode, case-sensitive.
 * The SVG has a 4-module quiet zone, a white background rectangle and one
 * <path> whose subpaths are the horizontal runs of dark modules; it scales
 * through its viewBox and carries no script, style or event attribute, so
 * it can be served as image/svg+xml or inlined under a strict CSP.
 */
#include "core/crypto.h"

#include <qrencode.h>

#define QUIET 4

int qr_svg(const char *text, struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;
	QRcode *qr;
	int w, n, x, y, rc;

	if (!text || !*text)
		return -1;
	qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
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
