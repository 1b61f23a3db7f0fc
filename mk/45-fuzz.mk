# Fuzzing every parser of untrusted input with cargo-fuzz (libFuzzer, AddressSanitizer): the
# targets are fuzz/fuzz_targets/*.rs, a crate with a workspace of its own (fuzz/Cargo.toml).
#   make fuzz        each target for FUZZ_SECONDS (default 300), one after another
#   make fuzz-smoke  replays every seed and kept crash, then fuzzes each target for
#                    FUZZ_SMOKE_SECONDS (default 15)
# Each target is a one-liner calling a check in the engine's crates (ferry-networks'
# fuzz_checks, ferry-core's secrets::fuzzing). `make test` runs those checks in the ordinary
# test build on every seed, kept crash and 300 seeded mutants of each
# (ferry_test_support::fuzz_replay): the instrumented build is a second build of the whole
# dependency tree, 14 of the cold `make test`'s minutes on 2 cores, so it is not a test step.
# New inputs go to $(FERRY_CACHE)/fuzz/corpus/<target> (so later runs start from them) and
# crashes to $(FERRY_CACHE)/fuzz/artifacts/<target>; the committed seeds in fuzz/corpus/ are
# only read. A crash is fixed, then its input is kept in fuzz/regressions/<target>/ for
# every smoke to replay. Figures: docs/RELIABILITY.md.
CARGO_FUZZ_VERSION := 0.13.2
CARGO_FUZZ_STAMP := $(FERRY_CACHE)/stamps/cargo-fuzz-$(CARGO_FUZZ_VERSION)
FUZZ_TARGETS := $(sort $(basename $(notdir $(wildcard fuzz/fuzz_targets/*.rs))))
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 15
FUZZ_WORK := $(FERRY_CACHE)/fuzz
# cargo-fuzz passes rustc -Z flags (-Zsanitizer=address, and the coverage instrumentation
# libFuzzer needs) that only a nightly rustc takes; machines here and CI have the stable
# toolchain only. RUSTC_BOOTSTRAP=1 lets stable rustc take them for this build alone. The
# instrumented build has its own target folder, so it never invalidates the main one; 16
# codegen units make its cold build several times quicker on 2 cores for a few % of speed.
FUZZ := RUSTC_BOOTSTRAP=1 cargo fuzz
FUZZ_BUILD_FLAGS := --target-dir $(FERRY_CACHE)/fuzz-target --codegen-units 16
# Inputs are capped per target: images and feeds need room, text and JSON less (long inputs
# mostly slow the fuzzer down). -timeout: an input that takes 10 s is a finding too.
FUZZ_MAX_LEN_image := 16384
FUZZ_MAX_LEN_feed := 16384
FUZZ_MAX_LEN_text_rules := 1024
FUZZ_MAX_LEN_default := 4096
fuzz_max_len = $(or $(FUZZ_MAX_LEN_$(1)),$(FUZZ_MAX_LEN_default))
fuzz_dirs = $(FUZZ_WORK)/corpus/$(1) fuzz/corpus/$(1) $(wildcard fuzz/regressions/$(1))
fuzz_flags = -max_len=$(call fuzz_max_len,$(1)) -timeout=10 -rss_limit_mb=3072 \
  -artifact_prefix=$(FUZZ_WORK)/artifacts/$(1)/ -print_final_stats=1

.PHONY: fuzz-deps fuzz-build fuzz fuzz-smoke
# `cargo install` builds in a temporary folder unless CARGO_TARGET_DIR says otherwise.
$(CARGO_FUZZ_STAMP):
	env -u CARGO_TARGET_DIR cargo install --locked cargo-fuzz@$(CARGO_FUZZ_VERSION) --root $(FERRY_CACHE)
	mkdir -p $(dir $@) && touch $@

fuzz-deps: $(CARGO_FUZZ_STAMP)

fuzz-build: fuzz-deps
	$(FUZZ) build $(FUZZ_BUILD_FLAGS)
	@mkdir -p $(foreach t,$(FUZZ_TARGETS),$(FUZZ_WORK)/corpus/$(t) $(FUZZ_WORK)/artifacts/$(t))

# Per target: fuzz-<target> fuzzes it for FUZZ_SECONDS; fuzz-smoke-<target> runs each seed
# and kept crash once (libFuzzer runs files given by name and stops), then fuzzes briefly.
# libFuzzer writes what it finds into the first folder it is given: the cache's, never the
# committed seeds.
define fuzz_rules
.PHONY: fuzz-$(1) fuzz-smoke-$(1)
fuzz-$(1): fuzz-build
	@echo "==> fuzz $(1) for $(FUZZ_SECONDS) s"
	$(FUZZ) run $(FUZZ_BUILD_FLAGS) $(1) $(call fuzz_dirs,$(1)) -- \
	  $(call fuzz_flags,$(1)) -max_total_time=$(FUZZ_SECONDS)

fuzz-smoke-$(1): fuzz-build
	@echo "==> fuzz-smoke $(1): every seed and kept crash, then $(FUZZ_SMOKE_SECONDS) s"
	$(FUZZ) run $(FUZZ_BUILD_FLAGS) $(1) $(wildcard fuzz/corpus/$(1)/* fuzz/regressions/$(1)/*) -- \
	  -max_len=$(call fuzz_max_len,$(1)) -timeout=10
	$(FUZZ) run $(FUZZ_BUILD_FLAGS) $(1) $(call fuzz_dirs,$(1)) -- \
	  $(call fuzz_flags,$(1)) -max_total_time=$(FUZZ_SMOKE_SECONDS)
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call fuzz_rules,$(t))))

fuzz: $(addprefix fuzz-,$(FUZZ_TARGETS))
fuzz-smoke: $(addprefix fuzz-smoke-,$(FUZZ_TARGETS))

