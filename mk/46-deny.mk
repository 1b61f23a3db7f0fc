# The dependency policy in deny.toml, checked with cargo-deny (pinned, installed once under
# $(FERRY_CACHE), stamped) on both lockfiles: the workspace's and the fuzz crate's.
#   make deny   (a `make test` step) licenses, bans and sources; needs crates.io only
#   make audit  RustSec advisories; needs the advisory database from GitHub, so it is not
#               part of `make test` and fails, saying so, where GitHub can't be reached
CARGO_DENY_VERSION := 0.20.2
CARGO_DENY_STAMP := $(FERRY_CACHE)/stamps/cargo-deny-$(CARGO_DENY_VERSION)
# --locked: the lockfiles as committed. fuzz/Cargo.lock follows the engine crates' dependencies
# when `make fuzz-build` runs (before this step in `make test`); commit it with them.
DENY_LOCKFILES := Cargo.toml fuzz/Cargo.toml
# Duplicate versions are only warnings (deny.toml): counted, not listed one by one.
DENY := cargo deny --config deny.toml --locked -L error

.PHONY: deny-deps deny audit
$(CARGO_DENY_STAMP):
	env -u CARGO_TARGET_DIR cargo install --locked cargo-deny@$(CARGO_DENY_VERSION) --root $(FERRY_CACHE)
	mkdir -p $(dir $@) && touch $@

deny-deps: $(CARGO_DENY_STAMP)

deny: deny-deps
	$(foreach m,$(DENY_LOCKFILES),$(DENY) --manifest-path $(m) check --show-stats licenses bans sources &&) true

AUDIT_UNREACHABLE := make audit: the RustSec advisory database \
  (https://github.com/RustSec/advisory-db) could not be reached; no advisories were checked

audit: deny-deps
	@cargo deny --config deny.toml fetch db || { echo "$(AUDIT_UNREACHABLE)" >&2; exit 1; }
	$(foreach m,$(DENY_LOCKFILES),$(DENY) --manifest-path $(m) check --show-stats advisories &&) true

TEST_STEPS += deny
