//! Bluesky (AT Protocol): 300 graphemes / 3,000 bytes, rich-text facets at UTF-8 byte offsets.
//!
//! [`facets::detect`] is `@atproto/api`'s facet detection, checked against the npm library on
//! generated text (`tests/it/oracle_bluesky.rs`).

pub mod client;
pub mod facets;

use crate::rules::{Measurement, Network, Post, Scan, Unit};

pub const MAX_GRAPHEMES: usize = 300;
pub const MAX_BYTES: usize = 3000;
pub const MAX_IMAGES: usize = 4;

/// `post` on Bluesky, its text read by `scan`: graphemes against 300, and UTF-8 bytes against
/// 3,000.
pub fn measure(post: &Post<'_>, scan: &Scan<'_>) -> Measurement {
    let mut m = Measurement::new(
        Network::Bluesky,
        scan.graphemes(),
        MAX_GRAPHEMES,
        Unit::Graphemes,
    );
    let bytes = post.text.len();
    if bytes > MAX_BYTES {
        m.refuse(
            "bluesky.too_many_bytes",
            format!(
                "Bluesky takes at most {MAX_BYTES} UTF-8 bytes; this text has {bytes} ({} over)",
                bytes - MAX_BYTES
            ),
        );
    }
    m.check_common(post, MAX_IMAGES, true);
    m
}
