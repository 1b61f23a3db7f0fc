//! Threads' count: 500 characters, emoji counted as their UTF-8 bytes.
//!
//! Meta's Threads API documentation ("Threads Posts", Limitations): "Text posts are limited to
//! 500 characters. Emojis are counted as the number of UTF-8 bytes." So `👍` counts 4 and
//! `👨‍👩‍👧` (a ZWJ sequence of 18 bytes) counts 18; every other character (Unicode scalar
//! value: a CJK character, a letter, a combining mark) counts 1.

use crate::rules::{Measurement, Network, Post, Scan, Unit};
use crate::text::graphemes;
use unicode_properties::{EmojiStatus, UnicodeEmoji};

pub const MAX_CHARACTERS: usize = 500;
/// A carousel takes up to 20 images or videos.
pub const MAX_IMAGES: usize = 20;

/// Threads' count of `text`.
pub fn count(text: &str) -> usize {
    let mut n = 0;
    graphemes::for_each(text, |g| n += grapheme_count(g));
    n
}

/// What one grapheme cluster counts on Threads.
pub fn grapheme_count(grapheme: &str) -> usize {
    if grapheme.len() == 1 {
        return 1; // ASCII: the common case, without decoding
    }
    if is_emoji(grapheme) {
        grapheme.len()
    } else {
        grapheme.chars().count()
    }
}

/// A grapheme that shows as an emoji: it holds an emoji-presentation character, an emoji with
/// VS16, a regional indicator or a keycap.
fn is_emoji(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if chars.next().is_none() && graphemes::never_joins(first) {
        return false; // ASCII, CJK, kana: the common case, without a table lookup
    }
    let rest_has = |c: char| grapheme.contains(c);
    match first.emoji_status() {
        EmojiStatus::EmojiPresentation
        | EmojiStatus::EmojiModifierBase
        | EmojiStatus::EmojiPresentationAndModifierBase
        | EmojiStatus::EmojiPresentationAndEmojiComponent
        | EmojiStatus::EmojiPresentationAndModifierAndEmojiComponent => true,
        EmojiStatus::EmojiOther | EmojiStatus::EmojiOtherAndEmojiComponent => {
            rest_has('\u{FE0F}') || rest_has('\u{20E3}')
        }
        _ => false,
    }
}

/// `post` on Threads, its text read by `scan`.
pub fn measure(post: &Post<'_>, scan: &Scan<'_>) -> Measurement {
    let mut m = Measurement::new(
        Network::Threads,
        scan.threads_count(),
        MAX_CHARACTERS,
        Unit::Characters,
    );
    m.check_common(post, MAX_IMAGES, true);
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_count_their_bytes() {
        assert_eq!(count("hi"), 2);
        assert_eq!(count("你好"), 2);
        assert_eq!(count("👍"), 4);
        assert_eq!(count("👍🏽"), 8);
        assert_eq!(count("👨‍👩‍👧"), 18);
        assert_eq!(count("❤️"), 6);
        assert_eq!(count("e\u{301}"), 2);
    }
}
