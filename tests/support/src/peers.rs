//! Where the test peers are, as `tests/peers/with-peers` exported them.
//!
//! ```no_run
//! let Some(relay) = ferry_test_support::peers::nostr_relay() else { return };
//! ```

/// Seeded on the Bluesky PDS by `tests/peers/bluesky/pds.mjs`.
pub const BSKY_ALICE: (&str, &str) = ("alice.test", "alice-pass");
/// A second seeded Bluesky account, for mentions and replies across accounts.
pub const BSKY_BOB: (&str, &str) = ("bob.test", "bob-pass");
/// mastodon-mock's seeded user; its OAuth screen hands out `mockcode_<user>`.
pub const MASTODON_USER: &str = "testuser";
/// The seeded user's own token on mastodon-mock, for a test to look at the server directly.
pub const MASTODON_TOKEN: &str = "mock_token";

/// The reference PDS's base URL (`http://127.0.0.1:<port>`).
pub fn bluesky_pds() -> Option<String> {
    peer("FERRY_TEST_BSKY_PDS")
}

/// The nostr relay's websocket URL (`ws://127.0.0.1:<port>`).
pub fn nostr_relay() -> Option<String> {
    peer("FERRY_TEST_NOSTR_RELAY")
}

/// A second nostr relay with its own database (`ws://127.0.0.1:<port>`), for reads across
/// relays (the outbox model).
pub fn nostr_relay2() -> Option<String> {
    peer("FERRY_TEST_NOSTR_RELAY2")
}

/// mastodon-mock's base URL (`http://127.0.0.1:<port>`).
pub fn mastodon() -> Option<String> {
    peer("FERRY_TEST_MASTODON")
}

/// The folder of real Mastodon 4.6.4 recordings (Mastodon.py's `tests/cassettes`).
pub fn mastodon_cassettes() -> Option<String> {
    peer("FERRY_TEST_MASTODON_CASSETTES")
}

/// nginx serving `tests/peers/nginx/feeds` (`http://127.0.0.1:<port>`): `rss.rss`,
/// `atom.atom`, `feed.json`, `many.rss`, `not-a-feed.html`, and the failing `limited.rss`
/// (429), `unavailable.rss` (503), `forbidden.rss` (403) and `huge.xml` (5 MiB).
pub fn feeds() -> Option<String> {
    peer("FERRY_TEST_FEEDS")
}

/// moto's S3 server (`http://127.0.0.1:<port>`) with the public-read bucket [`S3_BUCKET`].
pub fn s3() -> Option<String> {
    peer("FERRY_TEST_S3")
}

/// The bucket `tests/peers/s3/start.sh` creates, whose objects anyone may read.
pub const S3_BUCKET: &str = "ferry-media";

/// The value of a peer variable. Missing → panic telling how to run the test, unless
/// `FERRY_SKIP_PEERS=1`, which prints a loud skip and returns `None`.
///
/// Panicking rather than skipping is deliberate: `make test` must never pass by silently
/// not talking to the servers it claims to test against.
pub fn peer(var: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(value) if !value.is_empty() => Some(value),
        _ if std::env::var("FERRY_SKIP_PEERS").as_deref() == Ok("1") => {
            eprintln!(
                "!!! SKIPPED: {var} is not set and FERRY_SKIP_PEERS=1 — this test did not run !!!"
            );
            None
        }
        _ => panic!(
            "{var} is not set: this test needs the real test servers. Run it through \
             tests/peers/with-peers, e.g. `tests/peers/with-peers cargo nextest run --workspace`, \
             or set FERRY_SKIP_PEERS=1 to skip it"
        ),
    }
}
