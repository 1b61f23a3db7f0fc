# `make dist`: release packages for Linux (.deb and .rpm) into $(DIST_DIR), built by
# scripts/dist/build with the pinned Tauri CLI (scripts/dist/tauri-cli). The packages carry
# the dictionary tables `make assets` builds. `make test` builds them too and tests the .deb as
# installed (tests/dist/).
DIST_DIR ?= $(FERRY_CACHE)/dist

.PHONY: dist
dist: deps-system ui-build assets
	scripts/dist/build "$(DIST_DIR)"

# The .deb as installed: apt-get install, the installed CLI and app (in the real window, with
# a fresh HOME), then a clean purge (tests/dist/run).
.PHONY: test-dist
test-dist: dist e2e-deps
	tests/dist/run "$$(ls "$(DIST_DIR)"/*.deb | head -n1)"

TEST_STEPS += test-dist
