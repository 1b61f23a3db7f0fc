# Rust: formatting, clippy with warnings denied, then every workspace test. Tests that need a
# real server get it from tests/peers/with-peers, which starts them on 127.0.0.1.
.PHONY: lint test-rust
lint: ui-build
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings

test-rust: ui-build
	tests/keyring/with-keyring tests/peers/with-peers cargo nextest run --workspace --locked --no-fail-fast

TEST_STEPS += lint test-rust
