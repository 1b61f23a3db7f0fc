//! X (formerly Twitter): twitter-text v3 weighted length, 280 units; threads by reply.
//!
//! [`weights::parse_tweet`] is twitter-text 3.1.0's `parseTweet`, checked against the npm
//! library on generated text (`tests/it/oracle_x.rs`). [`measure`] reports it in Ferry's terms.

pub mod client;
pub mod cost;
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
    // An empty text is invalid too; that is said once, as an empty post, below.
    if !parsed.valid && within && length > 0 {
        m.refuse(
            "x.invalid_characters",
            "X refuses text containing U+FFFE, U+FEFF or U+FFFF",
        );
    }
    m.check_common(post, MAX_IMAGES, true);
    // twitter-text's parseTweet calls an empty text invalid, and X trims the text it is sent,
    // so a text of only spaces is empty there too (parseTweet alone, which does not trim,
    // would take it). X does take a post of images alone, which parseTweet does not know of.
    if post.text.trim().is_empty() && post.images == 0 {
        m.ok = false;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(text: &str, images: usize) -> Measurement {
        let post = Post {
            images,
            ..Post::text(text)
        };
        measure(&post, &Scan::new(text))
    }

    #[test]
    fn an_empty_or_blank_text_is_not_a_post_unless_it_has_images() {
        for text in ["", " ", "\n\t", "\u{3000}"] {
            let m = x(text, 0);
            assert!(!m.ok, "{text:?}");
            let codes: Vec<&str> = m.warnings.iter().map(|w| w.code).collect();
            assert_eq!(codes, ["post.empty"], "{text:?}");
            assert!(x(text, 1).ok, "{text:?} with an image");
        }
        assert!(x("a", 0).ok);
        assert!(!x("\u{FEFF}", 0).ok);
    }
}
