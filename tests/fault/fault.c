/*
 * fault.c: fault injection for the fault build (build/fault/qingfeng),
 * after SQLite's own malloc and I/O error tests.  Never linked into the
 * release or the sanitizer binary: the Makefile links this object into
 * the fault build only, so production code carries no trace of it.
 *
 * What can be made to fail, counted from the moment the injector is armed:
 *
 *   own     our own malloc/calloc/realloc/strdup/strndup (the objects are
 *           linked with -Wl,--wrap, so the calls from src/ come here; ASan
 *           still sees every allocation through __real_malloc).  jansson's
 *           allocations are among them: main.c gives jansson an allocator
 *           of ours (json_set_alloc_funcs); until it does, or in a binary
 *           whose main.c does not, the one installed here counts them
 *           the same way
 *   sqlite  SQLite's allocator (SQLITE_CONFIG_MALLOC; lookaside is turned
 *           off so that every SQLite allocation goes through it)
 *   alloc   both, one count across them
 *   write   xWrite of every SQLite file (database, WAL, journal): the
 *           "qf-fault" VFS wraps the default "unix" VFS and is made the
 *           default, answering SQLITE_IOERR_WRITE
 *   sync    xSync likewise (SQLITE_IOERR_FSYNC)
 *   io      write or sync, one count across both
 *   busy    a store call (store_step, store_exec, store_exec_late, store_begin,
 *           store_commit from outside store.c, -Wl,--wrap) answers STORE_BUSY, as
 *           SQLITE_BUSY or a PostgreSQL lock timeout would, recorded as
 *           the connection's failure (store_noted): the request must
 *           answer 503 (issue 9, "Results and errors")
 *   storeerr  the same call answers STORE_ERR: the request must answer 500
 *
 * The Nth counted event fails; with "persist" every event from the Nth on
 * fails until the injector is disarmed (SQLite's transient and persistent
 * modes).  Control, so that one server can be swept point after point:
 *
 *   QF_FAULT_CTL=FILE    SIGUSR1 reads "KIND N [persist]" from FILE, resets
 *                        the counts and arms; SIGUSR2 disarms
 *   QF_FAULT_STATE=FILE  written after each arm ("armed KIND N") and disarm
 *                        ("done COUNT HITS": events counted while armed,
 *                        and how many of them were made to fail)
 *   QF_FAULT="KIND N [persist]"  armed from the start (for a CLI run); the
 *                        state file gets "done COUNT HITS" at exit
 *
 * A thread of its own receives the signals (fault_thread); the counters
 * are process-wide, so the sweep runs the server with --threads 1 and one
 * request at a time.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>

#include "store/store_impl.h"

enum {
	FK_OWN = 1, FK_SQLITE = 2, FK_WRITE = 4, FK_SYNC = 8, FK_BUSY = 16, FK_STOREERR = 32,
};

static const struct {
	const char *name;
	int mask;
} fault_kinds[] = {
	{ "own", FK_OWN }, { "sqlite", FK_SQLITE }, { "alloc", FK_OWN | FK_SQLITE },
	{ "write", FK_WRITE }, { "sync", FK_SYNC }, { "io", FK_WRITE | FK_SYNC },
	{ "busy", FK_BUSY }, { "storeerr", FK_STOREERR },
};

static atomic_int fault_mask;           /* 0: disarmed */
static atomic_long fault_at, fault_count, fault_hits;
static atomic_int fault_persist;
static const char *fault_ctl, *fault_state;

/* 1 when this event (of kind k) is to fail. */
static int fault_hit(int k)
{
	long n;

	if (!(atomic_load_explicit(&fault_mask, memory_order_relaxed) & k))
		return 0;
	n = atomic_fetch_add(&fault_count, 1) + 1;
	if (n == atomic_load(&fault_at) || (atomic_load(&fault_persist) && n > atomic_load(&fault_at))) {
		atomic_fetch_add(&fault_hits, 1);
		return 1;
	}
	return 0;
}

/* ---- async-signal-safe helpers --------------------------------------- */

static size_t put_str(char *p, size_t at, size_t cap, const char *s)
{
	while (*s && at + 1 < cap)
		p[at++] = *s++;
	p[at] = '\0';
	return at;
}

static size_t put_long(char *p, size_t at, size_t cap, long v)
{
	char tmp[24];
	int i = 0;

	if (v < 0)
		v = 0;
	do
		tmp[i++] = (char)('0' + v % 10);
	while ((v /= 10) && i < (int)sizeof(tmp));
	while (i > 0 && at + 1 < cap)
		p[at++] = tmp[--i];
	p[at] = '\0';
	return at;
}

/* Replaces the state file's content with line (a rename would need a
 * second name; truncating is enough for a reader that polls). */
static void state_write(const char *line)
{
	int fd;

	if (!fault_state)
		return;
	fd = open(fault_state, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	if (write(fd, line, strlen(line)) < 0) {
		/* nothing to do: the sweep times out waiting */
	}
	close(fd);
}

static void state_done(void)
{
	char line[96];
	size_t n = put_str(line, 0, sizeof(line), "done ");

	n = put_long(line, n, sizeof(line), atomic_load(&fault_count));
	n = put_str(line, n, sizeof(line), " ");
	n = put_long(line, n, sizeof(line), atomic_load(&fault_hits));
	put_str(line, n, sizeof(line), "\n");
	state_write(line);
}

/* Parses "KIND N [persist]" and arms; -1 when the spec is not one. */
static int fault_arm(const char *spec)
{
	char kind[16];
	size_t i = 0, k;
	long n = 0;

	while (*spec == ' ')
		spec++;
	while (*spec && *spec != ' ' && *spec != '\n' && i + 1 < sizeof(kind))
		kind[i++] = *spec++;
	kind[i] = '\0';
	while (*spec == ' ')
		spec++;
	if (*spec < '0' || *spec > '9')
		return -1;
	while (*spec >= '0' && *spec <= '9')
		n = n * 10 + (*spec++ - '0');
	while (*spec == ' ')
		spec++;
	for (k = 0; k < sizeof(fault_kinds) / sizeof(fault_kinds[0]); k++) {
		if (strcmp(kind, fault_kinds[k].name))
			continue;
		atomic_store(&fault_mask, 0);
		atomic_store(&fault_count, 0);
		atomic_store(&fault_hits, 0);
		atomic_store(&fault_at, n);
		atomic_store(&fault_persist, !strncmp(spec, "persist", 7));
		atomic_store(&fault_mask, fault_kinds[k].mask);
		return 0;
	}
	return -1;
}

/* Reads the control file and arms; writes the state line. */
static void do_arm(void)
{
	char spec[64], line[96];
	ssize_t len = -1;
	int fd;
	size_t n;

	fd = fault_ctl ? open(fault_ctl, O_RDONLY | O_CLOEXEC) : -1;
	if (fd >= 0) {
		len = read(fd, spec, sizeof(spec) - 1);
		close(fd);
	}
	spec[len > 0 ? len : 0] = '\0';
	if (len > 0 && fault_arm(spec) == 0) {
		n = put_str(line, 0, sizeof(line), "armed ");
		put_str(line, n, sizeof(line), spec);
	} else {
		put_str(line, 0, sizeof(line), "error bad spec\n");
	}
	state_write(line);
}

/*
 * SIGUSR1 and SIGUSR2 are blocked in every thread but this one, which
 * waits for them: a handler would interrupt whichever thread the kernel
 * chose, and the server's main thread, woken from sigtimedwait(), runs
 * its session purge (allocations and writes that would take the fault
 * meant for the request).
 */
static void *fault_thread(void *arg)
{
	sigset_t *set = arg;
	int sig;

	for (;;) {
		if (sigwait(set, &sig))
			continue;
		if (sig == SIGUSR1) {
			do_arm();
		} else {
			atomic_store(&fault_mask, 0);
			state_done();
		}
	}
	return NULL;
}

/* ---- our own allocations (-Wl,--wrap=...) ---------------------------- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

void *__wrap_malloc(size_t n)
{
	return fault_hit(FK_OWN) ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fault_hit(FK_OWN) ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	return n && fault_hit(FK_OWN) ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return fault_hit(FK_OWN) ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return fault_hit(FK_OWN) ? NULL : __real_strndup(s, n);
}

/* ---- store calls (-Wl,--wrap=store_step,...) ---------------------------- */

/* The injected failure of a store call on s, or 0 to make the call. */
static int store_fault(struct store *s)
{
	int busy;

	if (!s || !fault_hit(FK_BUSY | FK_STOREERR))
		return 0;
	busy = atomic_load(&fault_mask) & FK_BUSY;
	store_seterr(s, "injected by the fault build: %s", busy ? "database busy" : "store error");
	return store_noted(s, busy ? STORE_BUSY : STORE_ERR);
}

int __real_store_step(struct store_stmt *st);
int __real_store_exec(struct store_stmt *st);
int __real_store_exec_late(struct store_stmt *st);
int __real_store_begin(struct store *s, int write);
int __real_store_commit(struct store *s);
int __wrap_store_step(struct store_stmt *st);
int __wrap_store_exec(struct store_stmt *st);
int __wrap_store_exec_late(struct store_stmt *st);
int __wrap_store_begin(struct store *s, int write);
int __wrap_store_commit(struct store *s);

int __wrap_store_step(struct store_stmt *st)
{
	int rc = st ? store_fault(st->s) : 0;

	return rc ? rc : __real_store_step(st);
}

int __wrap_store_exec(struct store_stmt *st)
{
	int rc = st ? store_fault(st->s) : 0;

	if (rc)
		store_reset(st);
	return rc ? rc : __real_store_exec(st);
}

int __wrap_store_exec_late(struct store_stmt *st)
{
	int rc = st ? store_fault(st->s) : 0;

	if (rc)
		store_reset(st);
	return rc ? rc : __real_store_exec_late(st);
}

int __wrap_store_begin(struct store *s, int write)
{
	int rc = store_fault(s);

	return rc ? rc : __real_store_begin(s, write);
}

int __wrap_store_commit(struct store *s)
{
	int rc = store_fault(s);

	return rc ? rc : __real_store_commit(s);
}

/* ---- SQLite's allocator ------------------------------------------------ */

static sqlite3_mem_methods sq_real;

static void *sq_malloc(int n)
{
	return fault_hit(FK_SQLITE) ? NULL : sq_real.xMalloc(n);
}

static void *sq_realloc(void *p, int n)
{
	return fault_hit(FK_SQLITE) ? NULL : sq_real.xRealloc(p, n);
}

static void sq_free(void *p)
{
	sq_real.xFree(p);
}

static int sq_size(void *p)
{
	return sq_real.xSize(p);
}

static int sq_roundup(int n)
{
	return sq_real.xRoundup(n);
}

static int sq_init(void *arg)
{
	return sq_real.xInit(sq_real.pAppData);
}

static void sq_shutdown(void *arg)
{
	sq_real.xShutdown(sq_real.pAppData);
}

/* ---- jansson's allocator, until main.c installs its own ---------------- */

static void *js_malloc(size_t n)
{
	return fault_hit(FK_OWN) ? NULL : __real_malloc(n);
}

static void js_free(void *p)
{
	free(p);
}

/* ---- the VFS shim ------------------------------------------------------- */

struct ffile {
	sqlite3_file base;
	sqlite3_file *real;     /* the wrapped VFS's file, just after this struct */
};

static sqlite3_vfs *vfs_real;

#define REAL(f) (((struct ffile *)(f))->real)

static int f_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

static int f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (fault_hit(FK_WRITE))
		return SQLITE_IOERR_WRITE;
	return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}

static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int f_sync(sqlite3_file *f, int flags)
{
	if (fault_hit(FK_SYNC))
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int f_filesize(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int f_lock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xLock(REAL(f), lock);
}

static int f_unlock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), lock);
}

static int f_check_lock(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int f_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int f_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int f_devchar(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int f_shm_map(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, pgsz, extend, pp);
}

static int f_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void f_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int f_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static int f_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), off, n, pp);
}

static int f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

/* The same methods for files whose real methods are version 1 or 2 (no
 * shared memory, no memory mapping): SQLite then never calls the rest. */
static const sqlite3_io_methods f_methods[3] = {
#define F_V1 f_close, f_read, f_write, f_truncate, f_sync, f_filesize, f_lock, f_unlock, \
	f_check_lock, f_control, f_sector, f_devchar
	{ 1, F_V1, NULL, NULL, NULL, NULL, NULL, NULL },
	{ 2, F_V1, f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap, NULL, NULL },
	{ 3, F_V1, f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap, f_fetch, f_unfetch },
#undef F_V1
};

static int v_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *f, int flags, int *out)
{
	struct ffile *p = (struct ffile *)f;
	int rc, v;

	p->real = (sqlite3_file *)&p[1];
	rc = vfs_real->xOpen(vfs_real, name, p->real, flags, out);
	if (!p->real->pMethods) {
		p->base.pMethods = NULL;
		return rc;
	}
	v = p->real->pMethods->iVersion;
	p->base.pMethods = &f_methods[v < 1 ? 0 : v > 3 ? 2 : v - 1];
	return rc;
}

static int v_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	return vfs_real->xDelete(vfs_real, name, sync);
}

static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	return vfs_real->xAccess(vfs_real, name, flags, out);
}

static int v_fullpath(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	return vfs_real->xFullPathname(vfs_real, name, n, out);
}

static void *v_dlopen(sqlite3_vfs *vfs, const char *name)
{
	return vfs_real->xDlOpen(vfs_real, name);
}

static void v_dlerror(sqlite3_vfs *vfs, int n, char *msg)
{
	vfs_real->xDlError(vfs_real, n, msg);
}

static void (*v_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
	return vfs_real->xDlSym(vfs_real, h, sym);
}

static void v_dlclose(sqlite3_vfs *vfs, void *h)
{
	vfs_real->xDlClose(vfs_real, h);
}

static int v_random(sqlite3_vfs *vfs, int n, char *out)
{
	return vfs_real->xRandomness(vfs_real, n, out);
}

static int v_sleep(sqlite3_vfs *vfs, int us)
{
	return vfs_real->xSleep(vfs_real, us);
}

static int v_time(sqlite3_vfs *vfs, double *out)
{
	return vfs_real->xCurrentTime(vfs_real, out);
}

static int v_lasterr(sqlite3_vfs *vfs, int n, char *out)
{
	return vfs_real->xGetLastError(vfs_real, n, out);
}

static int v_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	return vfs_real->xCurrentTimeInt64(vfs_real, out);
}

static sqlite3_vfs fault_vfs = {
	.iVersion = 2,
	.zName = "qf-fault",
	.xOpen = v_open, .xDelete = v_delete, .xAccess = v_access,
	.xFullPathname = v_fullpath, .xDlOpen = v_dlopen, .xDlError = v_dlerror,
	.xDlSym = v_dlsym, .xDlClose = v_dlclose, .xRandomness = v_random,
	.xSleep = v_sleep, .xCurrentTime = v_time, .xGetLastError = v_lasterr,
	.xCurrentTimeInt64 = v_time64,
};

/* ---- set-up, before main ------------------------------------------------- */

static void fault_atexit(void)
{
	atomic_store(&fault_mask, 0);
	state_done();
}

__attribute__((constructor)) static void fault_init(void)
{
	static const sqlite3_mem_methods mine = {
		sq_malloc, sq_free, sq_realloc, sq_size, sq_roundup, sq_init, sq_shutdown, NULL,
	};
	static sigset_t set;
	pthread_t tid;
	const char *spec = getenv("QF_FAULT");

	fault_ctl = getenv("QF_FAULT_CTL");
	fault_state = getenv("QF_FAULT_STATE");

	/* before SQLite initialises: sqlite3_vfs_register() initialises it */
	sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sq_real);
	sqlite3_config(SQLITE_CONFIG_MALLOC, &mine);
	sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);
	json_set_alloc_funcs(js_malloc, js_free);
	vfs_real = sqlite3_vfs_find(NULL);
	if (vfs_real) {
		fault_vfs.szOsFile = (int)sizeof(struct ffile) + vfs_real->szOsFile;
		fault_vfs.mxPathname = vfs_real->mxPathname;
		sqlite3_vfs_register(&fault_vfs, 1);
	}

	/* before any other thread exists: all inherit the mask */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (pthread_create(&tid, NULL, fault_thread, &set) == 0)
		pthread_detach(tid);
	if (spec && fault_arm(spec) == 0)
		atexit(fault_atexit);
}
