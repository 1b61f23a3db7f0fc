# Real servers the Rust client tests talk to (tests/peers/): the reference Bluesky PDS (npm,
# with Node 24 from PyPI), nostr-relay and mastodon-mock (PyPI) and the Mastodon.py sdist's
# real-server recordings, nginx (Debian) serving fixture feeds, and moto (PyPI) as an
# S3-compatible server. Installed under
# $(FERRY_CACHE)/peers, stamped so a second run is instant; tests/peers/with-peers starts them around `cargo nextest run` (mk/30-rust.mk).
.PHONY: peers-deps
peers-deps: deps-system-test
	tests/peers/bluesky/install.sh
	tests/peers/nostr/install.sh
	tests/peers/mastodon/install.sh
	tests/peers/nginx/install.sh
	tests/peers/s3/install.sh

TEST_DEPS += peers-deps
