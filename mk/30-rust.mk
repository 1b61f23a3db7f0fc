# Rust: formatting, clippy with warnings denied, then every workspace test. Tests that need a
# real server get it from tests/peers/with-peers, which starts them on 127.0.0.1. nextest does
# not run doctests (nextest-rs/nextest#16), so `cargo test --doc` runs them after it: the
# examples in the docs, and the compile_fail proofs (e.g. that a Secret is not Serialize). Both
# always run, and the step fails if either failed.
.PHONY: lint test-rust
lint: ui-build
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings

test-rust: ui-build
	status=0; \
	tests/keyring/with-keyring tests/peers/with-peers cargo nextest run --workspace --locked --no-fail-fast || status=$$?; \
	cargo test --doc --workspace --locked || status=$$?; \
	exit $$status

TEST_STEPS += lint test-rust
