//! Mastodon and Mastodon-API servers: graphemes, URLs as 23, the instance's own limit.
//!
//! The limit is the instance's `configuration.statuses.max_characters`, which the caller keeps
//! cached per account and passes in; 500 is Mastodon's default.

pub mod client;
pub mod counting;
pub mod mentions;

use crate::rules::{Measurement, Network, Post, Scan, Unit};

pub const DEFAULT_MAX_CHARACTERS: usize = 500;
pub const MAX_IMAGES: usize = 4;

/// `post` on Mastodon, its text read by `scan`: content warning plus text, as
/// `StatusLengthValidator` counts them.
pub fn measure(post: &Post<'_>, scan: &Scan<'_>, max_characters: usize) -> Measurement {
    let length = counting::countable_length_in(scan, post.spoiler.unwrap_or(""));
    let mut m = Measurement::new(Network::Mastodon, length, max_characters, Unit::Graphemes);
    m.check_common(post, MAX_IMAGES, true);
    m
}
