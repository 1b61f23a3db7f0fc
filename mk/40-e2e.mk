# The real app window, end to end: tauri-driver (pinned, from crates.io) drives WebKitWebDriver
# (Debian webkit2gtk-driver, from mk/10-system.mk) on the debug build of ferry-app under Xvfb.
# The tests are tests/e2e/*.test.mjs (Node's test runner + selenium-webdriver); they run once
# inside an unlocked gnome-keyring on the E2E's private bus (tests/keyring/with-keyring) with
# the Bluesky PDS and nginx serving the feed fixtures (tests/peers/with-peers,
# FERRY_PEERS="bluesky nginx nostr": started once for every file).
TAURI_DRIVER_VERSION := 2.1.0
TAURI_DRIVER_STAMP := $(FERRY_CACHE)/stamps/tauri-driver-$(TAURI_DRIVER_VERSION)
# Fonts the screenshots need beyond the app's own (colour emoji in the test's texts).
APT_E2E := fonts-noto-color-emoji

.PHONY: e2e-deps test-e2e
# `cargo install` builds in a temporary folder unless CARGO_TARGET_DIR says otherwise; keep
# tauri-driver's build out of the workspace's target folder.
$(TAURI_DRIVER_STAMP):
	env -u CARGO_TARGET_DIR cargo install tauri-driver --locked --version $(TAURI_DRIVER_VERSION) --root $(FERRY_CACHE)
	mkdir -p $(dir $@) && touch $@

tests/e2e/node_modules/.package-lock.json: tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-audit --no-fund

e2e-deps: $(TAURI_DRIVER_STAMP) tests/e2e/node_modules/.package-lock.json
	@scripts/apt-install $(APT_E2E)

# assets: the hints test reads pinyin and meanings from the dictionaries.
# The app and the fake APIs come from the workspace's test build (the one test-rust ran, so
# nothing is compiled again): `cargo build -p ferry-app` would resolve other features than the
# test build, which unifies the dev-dependencies', and compile most of the dependency tree a
# second time (11 min of a cold run). The test build makes both: ferry-app's and
# ferry-test-support's integration tests run them (target/debug/ferry-app, fake-*).
test-e2e: ui-build e2e-deps assets
	$(LINTED) cargo test --workspace --no-run --locked
	FERRY_APP_BINARY=$(CARGO_TARGET_DIR)/debug/ferry-app FERRY_PEERS="bluesky nginx nostr telegram threads x" \
	  FERRY_KEYRING_BUS_CONFIG=$(CURDIR)/tests/e2e/session-bus.conf FERRY_E2E_BUS=inherit \
	  tests/keyring/with-keyring tests/peers/with-peers tests/e2e/run

TEST_DEPS += e2e-deps
TEST_STEPS += test-e2e
