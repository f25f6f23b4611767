# jubao: FastCGI programs for a provincial report platform. Plain make, explicit object lists.
#
#   make run     the whole stack on http://127.0.0.1:$(PORT)/jubao/ (installs what is missing)
#   make check   every test: unit, integration against real MariaDB + nginx, and again under
#                AddressSanitizer + UndefinedBehaviorSanitizer
#
# Variants are built in their own directories: build/ (release) and build/asan/.

PORT      ?= 8080
STATE_DIR ?= var
BUILD     ?= build
SAN       ?=

CC        ?= cc
PKGS       = libmariadb libxslt libxml-2.0 openssl libseccomp libqrencode zlib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# libxlsxwriter: linked into the console and jubaoctl only (the ledgers' .xlsx), never into the
# public programs (scripts/check.sh checks what they link).
XLSX_LIBS  := $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)

# Table rows (key tables, routes) leave trailing members out when they are zero.
WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wpointer-arith -Wsign-compare -Wvla -Wformat=2 -Wno-format-nonliteral \
            -Wno-missing-field-initializers
ifeq ($(SAN),1)
OPT       = -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined \
            -DJUBAO_SANITIZERS
LDSAN     = -fsanitize=address,undefined
else
OPT       = -O2 -D_FORTIFY_SOURCE=2
LDSAN     =
endif
CFLAGS    = -std=c11 -D_GNU_SOURCE -g $(OPT) $(WARN) -fstack-protector-strong -fPIE \
            -Ilib $(PKG_CFLAGS)
LDFLAGS   = -pie -Wl,-z,relro,-z,now $(LDSAN)
LIBS      = -lfcgi $(PKG_LIBS)

LIB_MODULES = arena log config proxy crypto seal seal_x25519 seal_sm2 tokens validate calendar \
              holidays region http form db dbload lists \
              queries render audit \
              auth workflow staff \
              refdata ratelimit scrub store spool spooldir stats report reportform sandbox app routing htmlout listpages listannual listyears listcache gz fcgiout publish qr creditexport \
              ledger ledger_entries xlsx
LIB_OBJS    = $(LIB_MODULES:%=$(BUILD)/lib/%.o)
PROGRAMS    = submit status pages lists admin
# The console is a folder: a route table (main.c) and one file per page or group of pages.
ADMIN_MODULES = main page session login account dashboard reporting reporting_below cases case case_page actions attachment intake \
              routing routing_page calendar reasons auditlog users users_edit users_change \
              lists_common lists lists_entries lists_entry lists_save lists_moves lists_items \
              lists_credit stats stats_charts stats_cache ledgers cases_export
ADMIN_OBJS  = $(ADMIN_MODULES:%=$(BUILD)/cgi/admin-objs/%.o)
PROG_BINS   = $(PROGRAMS:%=$(BUILD)/cgi/%)
UNIT_TESTS  = test_validate test_calendar test_holidays test_crypto test_http test_form test_routing test_auth \
              test_htmlout test_region test_workflow test_proxy test_staff test_scrub test_arena test_seal test_lists \
              test_sandbox test_listpages test_spool test_stats test_ledger test_gz test_listcache test_fcgiout
UNIT_BINS   = $(UNIT_TESTS:%=$(BUILD)/tests/%)
BENCH_BINS  = $(BUILD)/bench/hello $(BUILD)/bench/tokens
TOOL_BINS   = $(BUILD)/tools/jubaoctl
# libFuzzer harnesses (tests/fuzz/fuzz_NAME.c, corpus tests/fuzz/corpus/NAME/); each is also built
# with $(CC) into a replay program that `make check` runs over the committed corpus.
FUZZERS     = http validate holidays config scrub spool
REPLAY_BINS = $(FUZZERS:%=$(BUILD)/fuzz/replay_%)

-include Makefile.local

.PHONY: all deps run check unit clean bench bench-console soak fuzz cluster cluster-stop cluster-test
all: $(PROG_BINS) $(UNIT_BINS) $(BENCH_BINS) $(TOOL_BINS) $(REPLAY_BINS)

$(BUILD)/lib/%.o: lib/%.c lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/libjubao.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/cgi/admin-objs/%.o: cgi/admin/%.c cgi/admin/admin.h lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Icgi/admin -c -o $@ $<

$(BUILD)/cgi/admin: $(ADMIN_OBJS) $(BUILD)/libjubao.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(ADMIN_OBJS) $(BUILD)/libjubao.a $(LIBS) $(XLSX_LIBS)

$(BUILD)/cgi/%: cgi/%.c $(BUILD)/libjubao.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libjubao.a $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libjubao.a lib/*.h tests/unit/unit.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -DJUBAO_SRC_DIR=\"$(CURDIR)\" $(LDFLAGS) -o $@ $< $(BUILD)/libjubao.a $(LIBS)

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(BUILD)/libjubao.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -DREPLAY_NAME=\"$*\" $(LDFLAGS) -o $@ tests/fuzz/replay.c $< \
	    $(BUILD)/libjubao.a $(LIBS)

# The operator's tool, one file per command; its default migration directory is this checkout's
# sql/.
CTL_MODULES = main common migrate create_admin reset_password demo rotate sweep mail export keygen \
              publish credit_export backup restore backupio manifest spool stats_rebuild ledger \
              progress
CTL_OBJS    = $(CTL_MODULES:%=$(BUILD)/tools/jubaoctl-objs/%.o)

$(BUILD)/tools/jubaoctl-objs/%.o: tools/jubaoctl/%.c tools/jubaoctl/*.h lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -DJUBAO_SQL_DIR=\"$(CURDIR)/sql\" -c -o $@ $<

$(BUILD)/tools/jubaoctl: $(CTL_OBJS) $(BUILD)/libjubao.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CTL_OBJS) $(BUILD)/libjubao.a $(LIBS) $(XLSX_LIBS)

$(BUILD)/bench/hello: bench/hello.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< -lfcgi

$(BUILD)/bench/tokens: bench/tokens.c $(BUILD)/libjubao.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libjubao.a $(LIBS)

deps:
	@scripts/deps.sh

unit: $(UNIT_BINS)
	@scripts/run-unit.sh $(UNIT_BINS)

run: deps
	@$(MAKE) --no-print-directory all
	@STATE_DIR="$(STATE_DIR)" PORT="$(PORT)" BUILD="$(BUILD)" exec scripts/stack.sh run

check: deps
	@scripts/check.sh

# A loopback Galera cluster behind two web nodes and a front nginx (scripts/cluster.sh); not part
# of make check: the test takes one to two minutes and some sixty processes.
CLUSTER_DIR ?= /tmp/h8par/cluster
cluster: deps
	@$(MAKE) --no-print-directory all
	@CLUSTER_DIR="$(CLUSTER_DIR)" BUILD="$(BUILD)" scripts/cluster.sh start

cluster-stop:
	@CLUSTER_DIR="$(CLUSTER_DIR)" scripts/cluster.sh stop

cluster-test: deps
	@$(MAKE) --no-print-directory all
	@tests/cluster/run.sh "$(CLUSTER_DIR)" "$(BUILD)"

bench: deps
	@$(MAKE) --no-print-directory all
	@bench/run.sh

bench-console: deps
	@$(MAKE) --no-print-directory all
	@bench/console.sh

# Ten minutes of mixed load at half the capacity measured in the same run (bench/soak.sh;
# SOAK_SECONDS to change the length).
soak: deps
	@$(MAKE) --no-print-directory all
	@bench/soak.sh

# libFuzzer harnesses for the parsers and validators (clang with libFuzzer: Debian's clang
# package); each runs FUZZ_SECONDS on its committed corpus (new inputs go to build/fuzz/NAME, not
# the repository). fuzz_http gets the multipart dictionary.
FUZZ_SECONDS ?= 60
FUZZ_SRCS = lib/arena.c lib/log.c lib/proxy.c lib/http.c lib/validate.c lib/calendar.c lib/crypto.c \
            lib/seal.c lib/seal_x25519.c lib/seal_sm2.c lib/tokens.c lib/holidays.c lib/config.c \
            lib/scrub.c lib/spool.c
FUZZ_CC   = clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
            -fno-sanitize-recover=undefined -Ilib $(PKG_CFLAGS)
FUZZ_ARGS_http = -dict=tests/fuzz/multipart.dict
fuzz:
	@command -v clang >/dev/null || { echo "make fuzz needs clang (apt-get install clang)"; exit 1; }
	@for f in $(FUZZERS); do mkdir -p build/fuzz/$$f || exit 1; done
	$(foreach f,$(FUZZERS),$(FUZZ_CC) -o build/fuzz/fuzz_$(f) tests/fuzz/fuzz_$(f).c \
	    $(FUZZ_SRCS) -lcrypto && ) true
	$(foreach f,$(FUZZERS),build/fuzz/fuzz_$(f) -max_total_time=$(FUZZ_SECONDS) \
	    $(FUZZ_ARGS_$(f)) build/fuzz/$(f) tests/fuzz/corpus/$(f) && ) true

clean:
	rm -rf build
