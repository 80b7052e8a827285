/*
 * thumb.c: thumbnails with libgd (see thumb.h).  The longer side becomes
 * THUMB_MAX_SIDE pixels (a smaller image keeps its size), bilinear, saved
 * as PNG whatever the original was.
 */
#include "office/thumb.h"

#include <string.h>

#include <gd.h>

#include "office/filetype.h"

int thumb_make(const void *data, size_t len, const struct filetype *t, struct strbuf *out)
{
	unsigned w = 0, h = 0, tw, th;
	gdImagePtr im, small;
	void *png;
	int size = 0, rc = -1;

	if (!t || !t->image || filetype_image_size(data, len, t, &w, &h) < 0 || !w || !h ||
	    (unsigned long long)w * h > THUMB_MAX_PIXELS)
		return 1;
	if (len > 0x7fffffff)
		return 1;
	im = !strcmp(t->code, "png") ? gdImageCreateFromPngPtr((int)len, (void *)data)
				     : gdImageCreateFromJpegPtr((int)len, (void *)data);
	if (!im)
		return -1;
	/* the decoder's own size, not the header's, decides from here */
	w = (unsigned)gdImageSX(im);
	h = (unsigned)gdImageSY(im);
	if (w >= h) {
		tw = w > THUMB_MAX_SIDE ? THUMB_MAX_SIDE : w;
		th = (unsigned)((unsigned long long)h * tw / w);
	} else {
		th = h > THUMB_MAX_SIDE ? THUMB_MAX_SIDE : h;
		tw = (unsigned)((unsigned long long)w * th / h);
	}
	if (!tw)
		tw = 1;
	if (!th)
		th = 1;
	gdImageSetInterpolationMethod(im, GD_BILINEAR_FIXED);
	small = gdImageScale(im, tw, th);
	gdImageDestroy(im);
	if (!small)
		return -1;
	png = gdImagePngPtr(small, &size);
	gdImageDestroy(small);
	if (png && size > 0)
		rc = strbuf_add(out, png, (size_t)size);
	gdFree(png);
	return rc < 0 ? -1 : 0;
}
