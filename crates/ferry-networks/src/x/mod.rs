//! X (formerly Twitter): twitter-text v3 weighted length, 280 units; threads by reply.
//!
//! [`weights::parse_tweet`] is twitter-text 3.1.0's `parseTweet`, checked against the npm
//! library on generated text (`tests/it/oracle_x.rs`). [`measure`] reports it in Ferry's terms.

pub mod emoji;
pub mod urls;
pub mod weights;

use crate::rules::{Measurement, Network, Post, Scan, Unit};

/// Up to four images (or one video, or one GIF) per post.
pub const MAX_IMAGES: usize = 4;

/// `post` on X, its text read by `scan`: the weighted length against 280.
pub fn measure(post: &Post<'_>, scan: &Scan<'_>) -> Measurement {
    let parsed = weights::parse_tweet_in(scan);
    let length = usize::try_from(parsed.weighted_length).unwrap_or(usize::MAX);
    let limit = usize::try_from(weights::MAX_WEIGHTED_LENGTH).unwrap_or(usize::MAX);
    let mut m = Measurement::new(Network::X, length, limit, Unit::Weighted);
    let within = length <= limit;
    // twitter-text calls an empty text invalid; Ferry reports it as an empty post instead.
    if !parsed.valid && within && length > 0 {
        m.refuse(
            "x.invalid_characters",
            "X refuses text containing U+FFFE, U+FEFF or U+FFFF",
        );
    }
    m.check_common(post, MAX_IMAGES, true);
    m
}
