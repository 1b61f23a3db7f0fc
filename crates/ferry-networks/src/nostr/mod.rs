//! Nostr: kind-1 notes; no hard limit, a configurable soft limit.

pub mod client;
