# The Svelte UI: dependencies from the lock file, the production build the app embeds, and
# its own checks (svelte-check, Vitest).
.PHONY: ui-deps ui-build test-ui
ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
ui-deps: ui/node_modules/.package-lock.json

ui-build: ui-deps
	cd ui && npm run build

test-ui: ui-deps
	cd ui && npm run check && npm test

TEST_DEPS += ui-build
TEST_STEPS += test-ui

# The TypeScript types in ui/src/lib/backend/bindings/ come from the Rust types (ts-rs); a
# test in ferry-app fails when they are stale. This rewrites them.
.PHONY: bindings
bindings: ui-build
	FERRY_UPDATE_BINDINGS=1 cargo test -p ferry-app --lib bindings
