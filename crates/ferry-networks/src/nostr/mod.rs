//! Nostr: kind-1 notes; no hard limit, a configurable soft limit.
//!
//! The protocol sets no length, but clients truncate long notes and many relays refuse large
//! events (e.g. `nostr-relay` rejects content over 4,096 characters). Ferry counts characters
//! (Unicode scalar values, as relays written in Python or JavaScript mostly do), warns past the
//! writer's soft limit and warns again past 4,096. A note's `t` tags (NIP-24) are its topics
//! and the hashtags written in it ([`t_tags`]).

pub mod client;
mod hashtags;
pub mod nip05;
pub mod timeline;

pub use hashtags::t_tags;

use crate::rules::{Measurement, Network, Post, Scan, Unit};

/// Default soft limit: past it, readers see "show more" in most clients.
pub const DEFAULT_SOFT_LIMIT: usize = 2000;
/// Content length many relays refuse beyond.
pub const RELAY_CONTENT_LIMIT: usize = 4096;

/// `post` on Nostr: always `ok`, with warnings past the soft limit and the common relay limit.
/// The text is read by `scan`.
pub fn measure(post: &Post<'_>, scan: &Scan<'_>, soft_limit: usize) -> Measurement {
    let characters = scan.scalars();
    let mut m = Measurement::new(
        Network::Nostr,
        scan.graphemes(),
        soft_limit,
        Unit::Graphemes,
    );
    m.ok = true;
    m.over_by = 0;
    if m.length > soft_limit {
        m.warn(
            "nostr.soft_limit",
            format!(
                "{} characters past your soft limit of {soft_limit}; most clients fold long notes",
                m.length - soft_limit
            ),
        );
    }
    if characters > RELAY_CONTENT_LIMIT {
        m.warn(
            "nostr.relays_may_reject",
            format!("{characters} characters: many relays reject content longer than {RELAY_CONTENT_LIMIT}"),
        );
    }
    m.check_common(post, usize::MAX, true);
    m
}
