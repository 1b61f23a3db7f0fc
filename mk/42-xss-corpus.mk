# The sanitizer attack corpus the feed XSS test (tests/e2e/feed-xss.test.mjs) renders in the
# real window: the sanitizer cases in the feedparser sdist (PyPI, pinned by version and sha256
# in tests/xss/install.sh, BSD-2-Clause), kept under $(FERRY_CACHE)/xss; stamped, so a second
# run is instant. python3-venv comes from APT_TEST (mk/10-system.mk).
.PHONY: xss-corpus
xss-corpus: deps-system-test
	tests/xss/install.sh

e2e-deps: xss-corpus
