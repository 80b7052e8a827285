/*
 * httpc.c: the HTTP client over libcurl (httpc.h).
 */
#include "core/httpc.h"

#include <string.h>

#include <curl/curl.h>

int httpc_setup(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

static size_t on_data(char *p, size_t size, size_t n, void *arg)
{
	struct strbuf *sb = arg;

	return strbuf_add(sb, p, size * n) < 0 ? 0 : size * n;
}

static int on_progress(void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	const atomic_int *stop = arg;

	(void)dt, (void)dn, (void)ut, (void)un;
	return stop && atomic_load(stop) ? 1 : 0;
}

int httpc_request(const struct httpc_opts *o, const char *method, const char *url,
		  const char *const *headers, const void *body, size_t len, struct strbuf *resp,
		  long *status, struct strbuf *err)
{
	char ebuf[CURL_ERROR_SIZE] = "";
	struct curl_slist *hl = NULL, *t;
	CURL *h;
	CURLcode rc;

	*status = 0;
	if (strncmp(url, "https://", 8) && !(o->allow_http && !strncmp(url, "http://", 7))) {
		strbuf_addf(err, "'%s' is not an https:// URL%s", url,
			    o->allow_http ? " or an http:// one" : " (plain http only with --allow-http)");
		return -1;
	}
	h = curl_easy_init();
	if (!h) {
		strbuf_addstr(err, "cannot start an HTTP client");
		return -1;
	}
	for (; headers && *headers; headers++) {
		if (!(t = curl_slist_append(hl, *headers))) {
			curl_slist_free_all(hl);
			curl_easy_cleanup(h);
			strbuf_addstr(err, "out of memory");
			return -1;
		}
		hl = t;
	}
	if ((t = curl_slist_append(hl, "Content-Type: application/octet-stream")))
		hl = t;
	if ((t = curl_slist_append(hl, "Expect:")))
		hl = t;
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, o->allow_http ? "https,http" : "https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_PROXY, "");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	if (o->ca)
		curl_easy_setopt(h, CURLOPT_CAINFO, o->ca);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 30L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, o->timeout > 0 ? o->timeout : 600L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, ebuf);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hl);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, resp);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "qingfeng-ferry-pull");
	if (o->stop) {
		curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
		curl_easy_setopt(h, CURLOPT_XFERINFODATA, (void *)o->stop);
		curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	}
	if (!strcmp(method, "POST")) {
		curl_easy_setopt(h, CURLOPT_POST, 1L);
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, len ? body : "");
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	}
	rc = curl_easy_perform(h);
	if (rc == CURLE_OK)
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
	else
		strbuf_addf(err, "%s: %s", url, *ebuf ? ebuf : curl_easy_strerror(rc));
	curl_slist_free_all(hl);
	curl_easy_cleanup(h);
	return rc == CURLE_OK ? 0 : -1;
}
