//! What posting costs on X. X's API is pay-per-use: each post is charged to the credits the
//! person bought for their app, and a post with a link costs more than ten times as much.
//!
//! ```
//! use ferry_networks::x::cost::{estimate, usd};
//! let parts = ["第一段 1/2", "second part with https://example.com 2/2"];
//! let e = estimate(&parts, 1);
//! assert_eq!((e.posts, e.posts_with_link, e.alt_texts), (1, 1, 1));
//! assert_eq!(usd(e.micro_dollars), "$0.220");
//! ```
//!
//! The prices are X's published rates (docs.x.com, "X API pay-per-usage pricing", read
//! 2026-12-07): X may change them, so Ferry calls the figure an estimate and points to the
//! Developer Console for the current ones.

use crate::x::urls;

/// Micro-dollars (millionths of a US dollar) per request.
pub mod price {
    /// "Content: Create": a post.
    pub const POST: u64 = 15_000;
    /// "Content: Create (with URL)": a post whose text has a link.
    pub const POST_WITH_LINK: u64 = 200_000;
    /// "Media Metadata": a picture's alt text.
    pub const ALT_TEXT: u64 = 5_000;
    /// "Owned Reads", per post: what looking for a lost post among the latest costs, each.
    pub const OWNED_READ: u64 = 1_000;
}

/// When Ferry's figures were last compared with X's.
pub const PRICES_AS_OF: &str = "2026-12-07";

/// What sending one draft's parts to X is expected to cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Estimate {
    /// Posts without a link.
    pub posts: u32,
    pub posts_with_link: u32,
    pub alt_texts: u32,
    pub micro_dollars: u64,
}

/// The cost of posting `parts` (a thread's texts, in order) with `alt_texts` pictures that
/// carry alt text. Uploading pictures is free.
pub fn estimate(parts: &[&str], alt_texts: usize) -> Estimate {
    let mut e = Estimate {
        alt_texts: u32::try_from(alt_texts).unwrap_or(u32::MAX),
        ..Estimate::default()
    };
    for part in parts {
        if has_link(part) {
            e.posts_with_link += 1;
        } else {
            e.posts += 1;
        }
    }
    e.micro_dollars = u64::from(e.posts) * price::POST
        + u64::from(e.posts_with_link) * price::POST_WITH_LINK
        + u64::from(e.alt_texts) * price::ALT_TEXT;
    e
}

/// Whether X sees a link in `text` (bare domains count, as on X).
pub fn has_link(text: &str) -> bool {
    let units: Vec<u16> = text.encode_utf16().collect();
    !urls::extract(&units).is_empty()
}

/// `$0.015`: dollars with three decimals, rounded up so an estimate never reads low.
pub fn usd(micro_dollars: u64) -> String {
    let mills = micro_dollars.div_ceil(1_000);
    format!("${}.{:03}", mills / 1_000, mills % 1_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_anywhere_makes_a_post_the_dear_kind() {
        assert!(has_link("看 example.com"));
        assert!(!has_link("纯文本，没有链接。No link here."));
        let e = estimate(&["a", "b example.org", "c"], 0);
        assert_eq!(e.micro_dollars, 2 * price::POST + price::POST_WITH_LINK);
        assert_eq!(usd(0), "$0.000");
        assert_eq!(usd(1), "$0.001");
        assert_eq!(usd(1_230_000), "$1.230");
    }
}
