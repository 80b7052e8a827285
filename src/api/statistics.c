/*
 * statistics.c: the figures of domain/metrics.h as JSON (issue 11), the
 * shape docs/statistics.md shows: the period, the scope as given, and one
 * object per key in order.  Written once here for the report command and
 * the pages' JSON twins; GET /api/statistics, the twin of the statistics
 * page (same query, same jurisdiction, 422 naming each bad argument).
 */
#include "api/statistics.h"

#include "domain/metrics.h"
#include "domain/result.h"
#include "http/http.h"
#include "pages/statistics.h"

static json_t *json_value(const struct metric_value *v)
{
	if (!v->applicable)
		return json_null();
	if (v->kind == METRIC_RATE)
		return json_pack("{s:I, s:I}", "num", (json_int_t)v->num, "den", (json_int_t)v->den);
	return json_integer(v->value);
}

/* a member of the scope as given, or null */
static json_t *json_text_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *json_id_or_null(int64_t id)
{
	return id ? json_integer(id) : json_null();
}

json_t *api_metrics_json(struct arena *a, const struct metric_period *p, const struct metric_scope *s,
			 const struct metric_value *v, int n)
{
	json_t *arr = json_array();

	for (int i = 0; i < n; i++) {
		const struct metric_def *d = metric_find(v[i].key);
		const char *list = d && v[i].applicable ? metrics_list_url(a, d, p, s) : NULL;

		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:o, s:s, s:b, s:o}",
			"key", v[i].key, "zh", v[i].zh, "en", d && d->en ? d->en : "",
			"kind", v[i].kind == METRIC_RATE ? "rate" : v[i].kind == METRIC_MONEY ? "money" : "count",
			"value", json_value(&v[i]), "display", v[i].display, "applicable", v[i].applicable,
			"list", json_text_or_null(list)));
	}
	return json_pack("{s:{s:s, s:s}, s:{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:b, s:b, s:b, s:o, s:o}, s:o}",
		"period", "from", p->from, "to", p->to,
		"scope", "unit_id", json_id_or_null(s->unit_id), "campaign_id", json_id_or_null(s->campaign_id),
		"category", json_text_or_null(s->category), "source", json_text_or_null(s->source),
		"organ_kind", json_text_or_null(s->organ_kind), "activity_kind", json_text_or_null(s->activity_kind),
		"rank", json_text_or_null(s->rank),
		"top_leader", s->top_leader, "leadership", s->leadership, "key_persons", s->key_persons,
		"scope_user", json_id_or_null(s->scope_user), "round_id", json_id_or_null(s->round_id), "metrics", arr);
}

int api_statistics(struct req *r)
{
	struct stats_query q;
	struct fielderr fe = { 0 };
	struct metric_value *v;
	json_t *root;
	int n, rc = stats_query_parse(r, &q, &fe);

	if (rc == 1)
		return reply_fields(r, &fe);
	if (rc < 0)
		return res_error(r, RES_STORE, "statistics");
	if ((rc = metrics_compute(r->c.db, r->arena, &q.p, &q.s, &v, &n)) != RES_DONE)
		return res_error(r, rc, "statistics");
	if (!(root = api_metrics_json(r->arena, &q.p, &q.s, v, n)))
		return reply_error(r, E_INTERNAL, "statistics: out of memory");
	return reply_json(r, 200, root);
}
