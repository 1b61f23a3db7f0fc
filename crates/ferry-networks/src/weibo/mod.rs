//! Weibo: its current text limits and #话题# topics.
//!
//! A normal Weibo post takes up to 2,000 字 (the 140-字 limit was lifted for normal posts in
//! 2016; longer text goes into a 头条文章). The composer counts in half-字: a character in
//! U+0000–U+00FF (ASCII letters, digits, half-width punctuation, Latin-1) is half a 字, any
//! other BMP character one 字, and a character beyond the BMP (most emoji, rare CJK) two — as
//! documented by J. Schappo, "Weibo Character Count" (2012), and still what the web composer
//! shows. Ferry rounds half-字 up, as the counter does.

use crate::rules::{Measurement, Network, Post, Scan, Unit};

pub const MAX_CHARACTERS: usize = 2000;
pub const MAX_IMAGES: usize = 18;

/// Weibo's count of `text` in 字, half-width characters counting half, rounded up.
pub fn count(text: &str) -> usize {
    text.chars().map(halves).sum::<usize>().div_ceil(2)
}

/// What one character counts on Weibo, in half-字.
pub fn halves(c: char) -> usize {
    match u32::from(c) {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        _ => 4,
    }
}

/// `post` on Weibo, its text read by `scan`.
pub fn measure(post: &Post<'_>, scan: &Scan<'_>) -> Measurement {
    let mut m = Measurement::new(
        Network::Weibo,
        scan.weibo_halves().div_ceil(2),
        MAX_CHARACTERS,
        Unit::WeiboCharacters,
    );
    m.check_common(post, MAX_IMAGES, true);
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_width_counts_half() {
        assert_eq!(count("ab"), 1);
        assert_eq!(count("abc"), 2);
        assert_eq!(count("微博"), 2);
        assert_eq!(count("😀"), 2);
        // Schappo's example: "one two 🀂一二三四五🀀" counts 13.
        assert_eq!(count("one two 🀂一二三四五🀀"), 13);
    }
}
