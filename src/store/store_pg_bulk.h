/*
 * store_pg_bulk.h: the bulk mode's state, shared by store_pg_bulk.c (the
 * pipeline, reserved ids, cached reads) and store_pg_batch.c (rows batched
 * across records).  Private to those two files.
 */
#ifndef QF_STORE_PG_BULK_H
#define QF_STORE_PG_BULK_H

#include <stdint.h>

#include "store/store_pg_impl.h"

#define PEND_MAX 256            /* statements sent before a Sync is forced */
#define CACHE_SLOTS 4096        /* direct-mapped read cache */
#define CLASS_TABLES 8          /* a cached read names at most this many tables */
#define BLOCK_MIN 64
#define BLOCK_MAX 4096

enum { K_OTHER, K_WRITE, K_INSERT_ID, K_READ };

struct pgb_class {
	int kind;
	int target;             /* the table written, -1 none; -2 unknown (forget all) */
	int ntab;               /* K_READ: tables read; -1 not cacheable */
	int tabs[CLASS_TABLES];
	char alt_name[32];      /* K_INSERT_ID: the insert with the id as last parameter */
	char *alt_sql;
	unsigned alt_gen;
	int alt_ready;
	int batch;              /* a one-row INSERT ... VALUES: may be batched */
	int rollup;             /* sets qf.rollup_off: 1 to '1' (off), -1 otherwise, 0 not */
	int nnamed;             /* tables its text names, -1 too many */
	int named[CLASS_TABLES];
};

struct pgb_cres {
	PGresult *res;
	int refs;
	uint64_t stamp;
	int ntab, tabs[CLASS_TABLES];
	char *key;
	size_t keylen;
};

struct pend {
	int64_t line;
	struct pg_stmt *want;   /* the statement whose rows these are */
	PGresult **out;         /* an internal query's result */
	struct pgb_rows *rows;  /* a batch's rows, to find the failing one */
};

struct reserve {
	int loaded;
	char *seq;              /* NULL: the table has no sequence */
	int64_t *ids;
	int pos, n, block;
	int64_t first;          /* the first id reserved in the transaction, 0 none */
	int64_t left;           /* the sequence's last value as we left it (0: not called) */
};

struct pgb_buf;

struct table {
	char *name;
	int cacheable;
	int batch_ok;           /* its inserts may wait in a batch (store_pg_batch.c) */
	int off_ok;             /* the same while the rollup is off: the functions that
				 * name it are triggers skipped then (qf.rollup_off) */
	int plain;              /* a table (not a view), its triggers all the rollup's */
	int nparents, *parents; /* the tables its foreign keys name */
	struct pgb_buf *buf;    /* its rows waiting, NULL none yet */
};

struct pg_bulk {
	int loaded, piping;
	struct table *tables;
	int ntables;
	uint64_t clock, all_stamp, *tgen;
	struct reserve *rsv;
	struct pgb_cres *cache[CACHE_SLOTS];
	struct pend *pend;
	int npend, cappend;
	int64_t line;
	int nbuf;               /* tables with rows waiting in a batch */
	int rollup_off;         /* the transaction set qf.rollup_off to '1' (its rollup off) */
	int unnamed;            /* a batch of rows of several lines failed (kept past the rollback) */
	int exact;              /* one statement a row (store_pg_bulk_exact) */
	int in_flush;
	int fail_rc;
	int64_t fail_line;
	char fail_msg[STORE_ERRMAX];
};


static inline struct pg_store *PS(struct store *s)
{
	return (struct pg_store *)s;
}

/* store_pg_bulk.c */
int pgb_next_word(const char **p, char *w, size_t wlen, int *quoted);
int pgb_table_index(struct pg_bulk *b, const char *name, size_t len);
void pgb_note_failure(struct store *s, PGresult *res, int64_t line);
int pgb_refail(struct store *s);
int pgb_enter_pipe(struct store *s);
int pgb_push(struct store *s, struct pg_stmt *want, PGresult **out);
int pgb_send_prepared(struct store *s, const char *name, int n, char **vals, struct pg_stmt *want);
int pgb_sync_all(struct store *s);

/* store_pg_batch.c */
/* The tables' foreign keys and whether their inserts may be batched. */
int pgb_batch_load(struct store *s, struct pg_bulk *b);
/* Whether sql is a one-row `INSERT INTO t(...) VALUES (...)`. */
int pgb_batch_shape(const char *sql);
/* c's named tables (c->nnamed, c->named) from sql. */
void pgb_batch_names(struct pg_bulk *b, struct pgb_class *c, const char *sql);
/* The row of statement name (sql, np values, class c) into the batch of
 * the table it inserts into: 1 taken, 0 not batched (send it), <0 error. */
int pgb_batch_add(struct store *s, const struct pgb_class *c, const char *name, const char *sql, int np,
		  char **vals);
/* Before a statement of class c that is not batched: the batches it may
 * depend on sent. */
int pgb_batch_before(struct store *s, const struct pgb_class *c);
/* Every batch sent (before a Sync). */
int pgb_batch_flush_all(struct store *s);
/* Whether r's rows all came from one line (its failure names it). */
int pgb_rows_one_line(const struct pgb_rows *r);
void pgb_rows_free(struct pgb_rows *r);
/* The batches emptied (end of a transaction) and freed (pgb_free). */
void pgb_batch_end(struct pg_bulk *b);
void pgb_batch_free(struct pg_bulk *b);

#endif
