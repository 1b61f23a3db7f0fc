# Rust: formatting, clippy with warnings denied, then every workspace test. Tests that need a
# real server get it from tests/peers/with-peers, which starts them on 127.0.0.1. nextest does
# not run doctests (nextest-rs/nextest#16), so `cargo test --doc` runs them after it: the
# examples in the docs, and the compile_fail proofs (e.g. that a Secret is not Serialize). Both
# always run, and the step fails if either failed.
#
# One debug build serves clippy, the tests and the E2E (mk/40-e2e.mk). clippy-driver stands in
# for rustc on the workspace's own crates, the way `cargo clippy` runs it
# (RUSTC_WORKSPACE_WRAPPER, and CLIPPY_ARGS for `-- -D warnings`), so it lints them while
# compiling them for real: the dependencies are compiled once, where `cargo clippy` would first
# check every one of them and the tests then build them again (12 min of a cold run,
# docs/BENCHMARKS.md). Every test step sets it: cargo rebuilds a crate whose wrapper changed.
LINTED := RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__
.PHONY: lint test-rust
lint: ui-build
	cargo fmt --all --check
	$(LINTED) cargo test --workspace --all-targets --no-run --locked

test-rust: ui-build
	status=0; \
	$(LINTED) tests/keyring/with-keyring tests/peers/with-peers cargo nextest run --workspace --locked --no-fail-fast || status=$$?; \
	$(LINTED) cargo test --doc --workspace --locked || status=$$?; \
	exit $$status

TEST_STEPS += lint test-rust
