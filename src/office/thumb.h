#ifndef QF_THUMB_H
#define QF_THUMB_H
/*
 * thumb: a small PNG of an uploaded JPEG or PNG, made on the server with
 * libgd (the attachment store keeps it encrypted beside the original and
 * the pages show it; the original is never rendered inline).  The image
 * is re-encoded from decoded pixels, so nothing of the upload but its
 * picture reaches the browser.  Before decoding, the pixel size read from
 * the header must be at most THUMB_MAX_PIXELS (the decompression-bomb
 * guard: a 100-byte PNG can claim 60000 x 60000 pixels).
 */
#include <stddef.h>

#include "core/strbuf.h"

struct filetype;

#define THUMB_MAX_SIDE 240              /* the thumbnail's longer side, pixels */
#define THUMB_MAX_PIXELS (40u * 1000 * 1000)  /* what an upload may decode to */

/* Appends the thumbnail (PNG) of data[0..len), of type t, to out: 0; 1 when
 * the image is too large to decode (guard) or not an image; -1 when it
 * cannot be decoded or encoded. */
int thumb_make(const void *data, size_t len, const struct filetype *t, struct strbuf *out);

#endif
