//! Test-only helpers shared by Ferry's crates.
//!
//! - [`peers`]: the addresses of the real servers that `tests/peers/with-peers` starts, and the
//!   accounts seeded on them. A test that needs a peer calls e.g.
//!   `let Some(pds) = peers::bluesky_pds() else { return };` — it fails with instructions when
//!   the variable is missing, or skips loudly under `FERRY_SKIP_PEERS=1`.
//! - [`keyring`]: the real OS keychain that `tests/keyring/with-keyring` provides, the same
//!   way: `keyring::keychain_or_skip(test, KeychainStore::open)` fails with instructions when
//!   there is none, or skips loudly under `FERRY_SKIP_KEYRING=1`.
//! - [`fault_proxy`]: a TCP/HTTP proxy on 127.0.0.1 that, request by request, forwards, drops
//!   the connection after forwarding, answers 500/503/429, or stalls — so client and outbox
//!   tests can reproduce every way a publish can fail.
//! - [`translation_servers`]: DeepL, LibreTranslate and an OpenAI-compatible endpoint on
//!   127.0.0.1, for the translation clients' and the engine's tests.
//! - [`telegram_bot_api`]: a FAKE Telegram Bot API (no real one runs here), from its
//!   documentation; also the `fake-telegram` binary for the E2E tests.
//! - [`threads_graph_api`]: a FAKE Threads API (Meta's Threads Graph API; no real one runs
//!   here), from its documentation; also the `fake-threads` binary for the E2E tests.
//! - [`x_api`]: a FAKE X (Twitter) API v2 (no real one runs here), from X's documentation:
//!   OAuth 2.0 with PKCE, posts, media, reads, rate limits and pay-per-usage credits; also
//!   the `fake-x` binary for the E2E tests.
//! - [`blossom`]: a FAKE Blossom media server (Nostr blob storage; no real one runs here),
//!   from BUD-01 and BUD-02: signed uploads, blobs served by their SHA-256.
//! - [`nip96`]: a FAKE NIP-96 media server (Nostr HTTP file storage; no real one runs here),
//!   from NIP-96 and NIP-98: discovery, signed multipart uploads, delayed processing, deletes.
//! - [`mastodon_mock`]: the browser's part of mastodon-mock's OAuth sign-in.
//! - [`fuzz_replay`]: the fuzz targets' seeds, kept crashes and seeded mutants of them, for
//!   the targets' checks to run in the ordinary test build.

pub mod blossom;
pub mod fault_proxy;
pub mod fuzz_replay;
pub mod keyring;
pub mod mastodon_mock;
pub mod nip96;
mod nostr_authorization;
pub mod peers;
pub mod telegram_bot_api;
pub mod threads_graph_api;
pub mod translation_servers;
pub mod x_api;

pub use fault_proxy::{Fault, FaultProxy};
