# Oracles: the official JavaScript libraries Ferry's text rules are differentially tested against
# (npm twitter-text, @atproto/api), pinned by tests/oracles/package-lock.json. The Rust tests in
# crates/ferry-networks/tests/it/oracle_*.rs start tests/oracles/oracle.mjs and need these installed;
# they fail (never skip) when the packages are missing.
.PHONY: oracles-deps
tests/oracles/node_modules/.package-lock.json: tests/oracles/package.json tests/oracles/package-lock.json
	cd tests/oracles && npm ci --no-audit --no-fund
oracles-deps: tests/oracles/node_modules/.package-lock.json

TEST_DEPS += oracles-deps
