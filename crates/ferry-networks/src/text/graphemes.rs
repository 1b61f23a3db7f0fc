//! Extended grapheme clusters — what a person sees as one character, and what Bluesky, Mastodon
//! and most composers count: `👨‍👩‍👧` is one, `é` written as `e` + U+0301 is one, `🇨🇳` is one.

use unicode_segmentation::UnicodeSegmentation;

/// Number of extended grapheme clusters in `text`.
pub fn count(text: &str) -> usize {
    text.graphemes(true).count()
}

/// Byte offsets where grapheme clusters start, plus `text.len()`: the only places a text may be
/// cut without breaking a character someone sees.
pub fn boundaries(text: &str) -> Vec<usize> {
    let mut cuts: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    cuts.push(text.len());
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_are_what_people_see() {
        assert_eq!(count("👨‍👩‍👧"), 1);
        assert_eq!(count("👍🏽"), 1);
        assert_eq!(count("e\u{301}"), 1);
        assert_eq!(count("🇨🇳中文"), 3);
        assert_eq!(count("مرحبا"), 5);
        assert_eq!(boundaries("a👍🏽b"), vec![0, 1, 9, 10]);
    }
}
