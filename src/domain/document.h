#ifndef QF_DOMAIN_DOCUMENT_H
#define QF_DOMAIN_DOCUMENT_H
/*
 * domain/document.h: documents (文书, issue 12).  Every step that produces
 * paper produces it here: a .docx in the official layout (office/docx.h)
 * from the kind's editable template (the platform's template syntax,
 * domain/tmpl.h, with its directives and table rows), its placeholders
 * the record's fields by their Chinese names ({{被反映人}} {{立案日期}}),
 * numbered by the commission's pattern for the kind (number_patterns,
 * kind doc_<code>, "{机关代字}纪审〔{年}〕{序号}号"; domain/numbering.h) or
 * by the record's own number (立案决定书: the subject's 立案编号), kept
 * with the record with its bytes.
 *
 * Kinds are registered by the families that own their records
 * (QF_DOCUMENT, a registry set like QF_METRIC): doc_report.c (登记表,
 * 呈批件), doc_case.c (立案决定书, 留置决定书 and 通知书, 审理报告),
 * doc_outcome.c (处分决定书, 澄清正名通知书).  A kind names the fields
 * its templates may use and loads them from one record, answering
 * RES_NOT_FOUND when the actor may not see it: the document's own
 * visibility is its record's.
 */
#include <stdint.h>

#include "core/registry.h"
#include "domain/ctx.h"
#include "domain/perm.h"
#include "domain/tmpl.h"
#include "model/document.h"

struct arena;
struct strbuf;

/* The values of one record, by field name (doc_set). */
struct doc_values {
	struct arena *a;
	const char **name, **value;
	int n, cap;
};
/* Sets name to value (NULL or "" shown as "" in the document). */
void doc_set(struct doc_values *v, const char *name, const char *value);
/* YYYY-MM-DD as 2024年3月5日 ("" for NULL or empty), from arena a. */
const char *doc_cn_date(struct arena *a, const char *iso);

/* A choice offered on a record page: a kind made from one record. */
struct doc_option {
	const char *kind;
	int64_t record_id;
	int64_t subject;        /* a person of the record (立案决定书 per subject), or 0 */
	const char *label;      /* "留置决定书（张三）" */
};

struct doc_kind {
	const char *code;               /* "filing_decision" */
	const char *name;               /* "立案决定书" */
	int order;                      /* in lists */
	const char *record;             /* what it is made from, Chinese: "案件" */
	const char *table;              /* its table: reports, dispositions, cases, detentions,
					   outcomes, clarifications (store/q_documents.c) */
	enum perm perm;                 /* to make one (seeing the record is needed too) */
	const char *const *fields;      /* the field names its templates may use, NULL-terminated */
	/* Fills v from record id and sets *page to the record page that lists
	 * it ("/cases/12"): RES_DONE, RES_NOT_FOUND (absent or not visible to
	 * the actor, the refusal audited by the family's read), RES_STORE. */
	int (*load)(struct ctx *c, int64_t id, struct doc_values *v, const char **page);
	/* NULL: numbered from the counter doc_<code> (numbering.h).  Else the
	 * number the record already has (立案决定书: its subject's 立案编号,
	 * subject a person id or 0 for the only one), values of that subject
	 * set in v: RES_DONE (*number), RES_INVALID (*why), RES_STORE. */
	int (*own_number)(struct ctx *c, int64_t id, int64_t subject, struct doc_values *v, const char **number,
			  const char **why);
};

QF_SET(doc_kinds, const struct doc_kind);
#define QF_DOCUMENT(var) QF_REGISTER(doc_kinds, &(var))

/* The options of a record page (pages/documents.h): a growing list. */
struct doc_options {
	struct doc_option *v;
	int n, cap;
};
void doc_option_add(struct ctx *c, struct doc_options *o, const char *kind, int64_t id, int64_t subject,
		    const char *label);
/* What each record page offers (its caller has read the record):
 * RES_DONE, or RES_STORE.  Defined with the kinds (doc_*.c). */
int doc_options_report(struct ctx *c, int64_t report_id, struct doc_options *o);
int doc_options_clue(struct ctx *c, int64_t clue_id, struct doc_options *o);
int doc_options_case(struct ctx *c, int64_t case_id, struct doc_options *o);
int doc_options_outcome(struct ctx *c, int64_t outcome_id, int sanctioned, struct doc_options *o);
/* The clarification notices of a case (case_id) or else a clue. */
int doc_options_clarifications(struct ctx *c, int64_t case_id, int64_t clue_id, struct doc_options *o);

/* The fields every kind has: 文号, 机关, 机关代字, 成文日期, 年. */
extern const char *const doc_common_fields[];

const struct doc_kind *doc_kind_find(const char *code);
/* The kinds by order, from arena a; their number in *n. */
const struct doc_kind *const *doc_kinds_sorted(struct arena *a, int *n);

/* Checks body as a template of kind k (syntax, directives, every
 * placeholder a field of the kind): 1 valid, 0 not with *e. */
int doc_template_check(struct arena *a, const struct doc_kind *k, const char *body, struct tmpl_block **bl,
		       int *nbl, struct tmpl_error *e);

/* The newest template of kind: RES_DONE, RES_NOT_FOUND, RES_STORE. */
int doc_template_latest(struct ctx *c, const char *kind, struct doc_template *t);
/* Saves body as kind's next template version when it checks (audited
 * doc_template_edit); effective for documents made from now on.
 * RES_DONE (*version), RES_INVALID (*e), RES_STORE. */
int doc_template_save(struct ctx *c, const struct doc_kind *k, const char *body, int64_t *version,
		      struct tmpl_error *e);

/* The commission's 机关代字 is numbering_abbr (domain/numbering.h). */
/* Sets 机关代字 (audited doc_number_rule_edit): RES_DONE, RES_INVALID, RES_STORE. */
int doc_organ_abbr_save(struct ctx *c, const char *abbr, const char **why);

/* 1 when record id of kind k exists (whoever may see it), 0 not, RES_STORE:
 * a request naming no record answers 404 before one lacking the kind's
 * permission answers 403 (the order of the route scan, t42). */
int doc_record_exists(struct ctx *c, const struct doc_kind *k, int64_t id);

/* Makes a document of kind k from record id dated day (YYYY-MM-DD, NULL
 * today): loads the record (visible to the actor, else RES_NOT_FOUND;
 * RES_NOT_FOUND too without k->perm), checks the newest template
 * (RES_INVALID with *e before anything is numbered), then in one
 * transaction takes the next number of kind doc_<code> and the day's year
 * (domain/numbering.h) or, for a kind with own_number, the record's own
 * (the filing decision: subject's 立案编号; subject 0 = the case's only
 * one), renders the .docx and keeps it (audited document_issue).  *d is
 * the document with its bytes.  RES_DONE, RES_NOT_FOUND, RES_INVALID,
 * RES_STORE. */
int doc_issue(struct ctx *c, const struct doc_kind *k, int64_t id, int64_t subject, const char *day,
	      struct document *d, struct tmpl_error *e);

/* A document with its bytes, when the actor may see its record (else
 * RES_NOT_FOUND, the refusal audited); the download audited
 * document_download.  RES_DONE, RES_NOT_FOUND, RES_STORE. */
int doc_download(struct ctx *c, int64_t id, struct document *d);
/* The documents a record page lists (the caller has read the record):
 * the count or RES_STORE. */
int doc_list_of_page(struct ctx *c, const char *page, struct document **out);
/* The file name of a document: "立案决定书-青纪立〔2024〕1号.docx". */
const char *doc_file_name(struct arena *a, const struct document *d);

/* Encryption at rest (doc_seal.c, docs/security.md "Documents at rest").
 * doc_seal: d->content (d->size bytes) sealed under d's place (kind, year,
 * seq) into d->sealed / d->sealed_len in a; 0, or -1 logged.  doc_unseal:
 * d->sealed opened into d->content in c->a, its SHA-256 checked against
 * the row; 0, or -1 with an ERROR log line (altered, another row's, plain,
 * another key): the caller answers RES_STORE and serves nothing. */
int doc_seal(struct ctx *c, struct arena *a, struct document *d);
int doc_unseal(struct ctx *c, struct document *d);
/* Once after migration 0036 (setting documents_sealed = 0): seals every
 * document kept in plain before it, in one transaction, audited
 * document_seal when there was one.  cmd_open calls it.  0 or < 0. */
int doc_seal_fill(struct ctx *c);

#endif
