/*
 * assets.c: the CSS, script and icons embedded in the binary at build
 * time (tools/embed.c), served with a content hash as ETag.
 */
#include <stdio.h>
#include <string.h>

#include "core/embed.h"
#include "core/fnv.h"
#include "domain/health.h"
#include "http/http.h"
#include "pages/assets.h"

static const char *content_type(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (!dot)
		return "application/octet-stream";
	if (!strcmp(dot, ".css"))
		return "text/css; charset=utf-8";
	if (!strcmp(dot, ".js"))
		return "text/javascript; charset=utf-8";
	if (!strcmp(dot, ".svg"))
		return "image/svg+xml";
	if (!strcmp(dot, ".png"))
		return "image/png";
	if (!strcmp(dot, ".ico"))
		return "image/x-icon";
	return "application/octet-stream";
}

/* FNV-1a of the content: a stable ETag for the build. */
static void etag_of(const struct embedded_file *f, char out[24])
{
	uint64_t h = fnv1a(FNV_OFFSET, f->data, f->len);

	snprintf(out, 24, "\"%016llx\"", (unsigned long long)h);
}

int page_asset(struct req *r)
{
	const struct embedded_file *f = embed_find(qf_assets, r->url + strlen("/assets/"));
	char etag[24];

	if (!f)
		return reply_error(r, E_NOT_FOUND, NULL);
	etag_of(f, etag);
	return reply_static(r, content_type(f->name), f->data, f->len, etag);
}

/* /readyz: 200 when this server reaches its database (for load balancers
 * and monitoring), 503 when it does not. */
int page_readyz(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	int ok = health_ready(&r->c);

	strbuf_addstr(&sb, ok ? "ok\n" : "database unavailable\n");
	return reply_text(r, ok ? 200 : 503, "text/plain; charset=utf-8", &sb);
}

int page_healthz(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "ok\n");
	return reply_text(r, 200, "text/plain; charset=utf-8", &sb);
}
