# Ferry's two entry points on a fresh Debian/Ubuntu machine:
#   make run   installs what is missing, builds, opens the app
#   make test  installs what the tests need, runs every test
# Each area keeps its own steps in mk/<area>.mk; this file only orders them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Build output and installed test tools live outside the clone so repeated runs (and CI on a
# machine that already built once) are incremental; everything is re-creatable from scratch.
FERRY_CACHE ?= $(HOME)/.cache/ferry
export FERRY_CACHE
export CARGO_TARGET_DIR ?= $(FERRY_CACHE)/target
export CARGO_TERM_COLOR ?= never
export PATH := $(FERRY_CACHE)/bin:$(HOME)/.cargo/bin:$(PATH)

# Steps that fragments append to, in the order they run under `make test`.
TEST_DEPS :=
TEST_STEPS :=

include $(sort $(wildcard mk/*.mk))

.PHONY: help run test deps
help:
	@echo "make run    install what is missing, build and open Ferry"
	@echo "make test   install what the tests need and run every test"

run: deps-system ui-deps ui-build assets
	cargo build -p ferry-app -p ferry-cli
	$(CARGO_TARGET_DIR)/debug/ferry-app

test: deps-system $(TEST_DEPS)
	@for step in $(TEST_STEPS); do \
	  echo "==> $$step"; \
	  $(MAKE) --no-print-directory $$step || exit $$?; \
	done
	@echo "==> all test steps passed: $(TEST_STEPS)"
