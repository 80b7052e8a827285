# qingfeng: one binary, built with pkg-config.  See README.md.
#
#   make            build build/qingfeng (optimised) and its manual page build/man/qingfeng.1
#   make run        install what running needs if missing, build, create var/qingfeng.db, serve
#                   on LISTEN (default 127.0.0.1:8080; e.g. make run LISTEN=0.0.0.0:8080); a new
#                   database gets the demo year DEMO (default 2022; DEMO= for an empty one) and
#                   one staff account per role, passwords shown once
#   make test       install the test tools if missing; unit, black-box, crash and browser tests under ASan+UBSan
#   make fuzz       run each libFuzzer target for a short time
#   make bench      benchmarks: against a bare libmicrohttpd floor, then PostgreSQL beside SQLite (bench/README.md)
#   make bench-ratings  acknowledged ratings/s through the group writer beside a POST floor (bench/README.md)
#   make bench-stats  the statistics (report, dashboard) on a national-scale year, SQLite and PostgreSQL (bench/README.md)
#   make bench-opinion  an opinion request of 2,000 cadres matched and checked on a national-scale year (bench/README.md)
#   make bench-lists  every list page of 100 rows and /login against the floor; BENCH_ROWS=1000000 (bench/README.md)
#   make bench-burst  1,000 public reports with attachments at once, then the ferry (bench/README.md)

PKGS     := libmicrohttpd sqlite3 libpq jansson libsodium libcrypto liboath libqrencode libzip xlsxwriter gdlib libcurl
TESTPKGS := cmocka
CC       ?= cc
LISTEN   ?= 127.0.0.1:8080
DB       ?= var/qingfeng.db
DEMO     ?= 2022

WARN     := -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wstrict-prototypes -Wno-unused-parameter
BASE     := -std=c17 -D_GNU_SOURCE -Isrc -Ibuild/gen $(WARN)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm

REL_CFLAGS := $(BASE) -O2 -g -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
SAN_CFLAGS := $(BASE) -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
REL_LDFLAGS := -pie -Wl,-z,relro,-z,now
SAN_LDFLAGS := -fsanitize=address,undefined
# header dependencies written by the compiler beside each object (foo.o -> foo.d);
# -MP adds an empty rule per header, so a removed header does not stop the build
DEPFLAGS := -MMD -MP

# the layers, lowest first: a file includes headers of its own layer or lower ones only
# (docs/architecture.md; `make check-layers`); src/model holds the plain records and filters;
# src/office the .docx and .xlsx writers, which know no records (core only)
LAYERS   := core office model store domain http pages api cmd
SRC      := $(foreach d,$(LAYERS),$(wildcard src/$(d)/*.c))
ASSETS   := $(sort $(wildcard assets/*))
MIGR     := $(sort $(wildcard src/store/migrations/*.sql))
DATA     := data/cn-holidays.csv
GEN      := build/gen/assets.c build/gen/migrations.c build/gen/data.c
UNIT_SRC := $(wildcard tests/unit/test_*.c)

REL_OBJ  := $(patsubst src/%.c,build/rel/%.o,$(SRC)) $(patsubst build/gen/%.c,build/rel/gen/%.o,$(GEN))
SAN_OBJ  := $(patsubst src/%.c,build/san/%.o,$(SRC)) $(patsubst build/gen/%.c,build/san/gen/%.o,$(GEN))
UNIT_BIN := $(patsubst tests/unit/%.c,build/san/tests/%,$(UNIT_SRC))

.PHONY: all deps deps-test run test test-unit test-http test-browser fuzz bench bench-stats bench-opinion bench-burst bench-ratings bench-lists clean check-layers
.DELETE_ON_ERROR:

all: deps build/qingfeng build/man/qingfeng.1

# what building and running needs; the tests' tools (PostgreSQL, chromium,
# npm's playwright-core, clang, wrk ...) only for test, fuzz and bench
deps:
	@scripts/install-deps run
deps-test:
	@scripts/install-deps test

build/qingfeng: $(REL_OBJ) build/rel/main.o
	@echo "  LINK    $@"
	@$(CC) $(REL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

build/san/qingfeng: $(SAN_OBJ) build/san/main.o
	@echo "  LINK    $@"
	@$(CC) $(SAN_LDFLAGS) -o $@ $^ $(PKG_LIBS)

build/rel/%.o: src/%.c | deps build/gen/.stamp
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(REL_CFLAGS) $(DEPFLAGS) $(PKG_CFLAGS) -c -o $@ $<
build/san/%.o: src/%.c | deps build/gen/.stamp
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(SAN_CFLAGS) $(DEPFLAGS) $(PKG_CFLAGS) -c -o $@ $<
build/rel/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	@$(CC) $(REL_CFLAGS) $(DEPFLAGS) -c -o $@ $<
build/san/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	@$(CC) $(SAN_CFLAGS) $(DEPFLAGS) -c -o $@ $<

build/gen/.stamp:
	@mkdir -p build/gen && touch $@
build/embed: tools/embed.c | build/gen/.stamp
	@$(CC) -O1 -o $@ $<
build/gen/assets.c: build/embed $(ASSETS)
	@build/embed qf_assets $@ assets/ $(ASSETS)
build/gen/migrations.c: build/embed $(MIGR)
	@build/embed qf_migrations $@ src/store/migrations/ $(MIGR)
build/gen/data.c: build/embed $(DATA)
	@build/embed qf_data $@ data/ $(DATA)

# compiled and linked in one step: the .d file is named and targeted explicitly,
# in a folder of its own (tests/run-all.sh runs whatever build/san/tests/test_* is)
build/san/tests/%: tests/unit/%.c $(SAN_OBJ)
	@mkdir -p $(dir $@) build/san/unitdeps
	@echo "  LINK    $@"
	@$(CC) $(SAN_CFLAGS) $(DEPFLAGS) -MF build/san/unitdeps/$*.d -MT $@ $(PKG_CFLAGS) -Itests/unit $(SAN_LDFLAGS) -o $@ $< $(SAN_OBJ) $(PKG_LIBS) $(shell pkg-config --libs cmocka)

# no #include of a higher layer (pages and api reach the store only through domain)
check-layers:
	@scripts/check-layers $(LAYERS)

run: deps build/qingfeng
	@mkdir -p $(dir $(DB))
	@test -f $(DB) || { build/qingfeng init --db $(DB) && { test -z "$(DEMO)" || \
		build/qingfeng demo --year $(DEMO) --accounts --db $(DB) || \
		echo "qingfeng: the demo year was not loaded: the database starts empty"; }; }
	@echo "qingfeng: http://$(LISTEN)/"
	build/qingfeng serve --db $(DB) --listen $(LISTEN)

test: deps-test check-layers build/qingfeng build/san/qingfeng $(UNIT_BIN)
	@tests/run-all.sh

fuzz: deps-test
	@tests/fuzz/run.sh

bench: deps-test build/qingfeng
	@bench/run.sh && bench/pg.sh

# issue 16's list pages (bench/README.md, "List pages"): BENCH_ROWS=1000000
# for the large database, QF_OLD=BINARY to interleave a second binary
bench-lists: deps-test build/qingfeng
	@bench/lists.sh

# issue 11's statistics at national scale (bench/README.md, "Statistics at
# national scale"): STATS_RECORDS=500000 for a quick run
bench-stats: deps-test build/qingfeng
	@bench/stats.sh

# issue 15's opinion request of 2,000 cadres against a national-scale database
# (bench/README.md, "Opinion replies: 2,000 cadres")
bench-opinion: deps-test build/qingfeng
	@bench/opinion.sh

# issue 13's burst of 1,000 public reports with attachments (bench/README.md,
# "Public reports: a burst of 1,000")
bench-burst: build/qingfeng
	@bench/burst.sh

# issue 13's write path: ratings acknowledged once durable, committed in
# groups (bench/README.md, "Ratings: group commit")
bench-ratings: deps-test build/qingfeng
	@bench/ratings.sh

# ---- the manual page: written by the binary from the option tables its
# --help prints (src/cmd/man.c); install it with
#   install -D -m 0644 build/man/qingfeng.1 /usr/local/share/man/man1/qingfeng.1
.PHONY: man
man: build/man/qingfeng.1
build/man/qingfeng.1: build/qingfeng
	@mkdir -p $(dir $@)
	@echo "  MAN     $@"
	@build/qingfeng man >$@

clean:
	rm -rf build

# ---- fault injection (tests/fault/, docs/testing.md "Fault sweeps") ----------------
# build/fault/qingfeng: the sanitizer objects linked with tests/fault/fault.c, which
# fails the Nth allocation (ours through --wrap, SQLite's, jansson's), the Nth
# SQLite write or sync, or the Nth store call (busy, storeerr) when armed.  Only this binary carries it.
FAULT_WRAP := $(foreach f,malloc calloc realloc strdup strndup store_step store_exec store_exec_late store_begin store_commit,-Wl,--wrap=$(f))

build/fault/fault.o: tests/fault/fault.c | deps
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(SAN_CFLAGS) $(DEPFLAGS) $(PKG_CFLAGS) -c -o $@ $<

build/fault/qingfeng: $(SAN_OBJ) build/san/main.o build/fault/fault.o
	@echo "  LINK    $@"
	@$(CC) $(SAN_LDFLAGS) $(FAULT_WRAP) -o $@ $^ $(PKG_LIBS)

.PHONY: faultsweep
faultsweep: deps build/fault/qingfeng
	@python3 tests/fault/sweep.py --full
test: build/fault/qingfeng

# the header dependencies of what has been built (none yet in a fresh clone,
# where every object is built anyway)
-include $(REL_OBJ:.o=.d) $(SAN_OBJ:.o=.d) build/rel/main.d build/san/main.d \
	$(patsubst build/san/tests/%,build/san/unitdeps/%.d,$(UNIT_BIN)) build/fault/fault.d
