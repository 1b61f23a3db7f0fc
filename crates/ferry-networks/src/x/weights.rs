//! X's weighted length: twitter-text 3.1.0 `parseTweet` with the default (v3) configuration.
//!
//! The text is NFC-normalized first. Then, walking UTF-16 units: a URL (see [`super::urls`])
//! weighs 23 whatever its length; an emoji twemoji knows (see [`super::emoji`]) weighs 2
//! however many code points it has; any other code point weighs 1 if it lies in the "light"
//! ranges (U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F, U+2032–U+2037) and 2 otherwise — so
//! every CJK character, kana, Hangul syllable and full-width punctuation mark weighs 2. A tweet
//! is valid when it weighs 1–280 and holds none of U+FFFE, U+FEFF, U+FFFF.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::{emoji, urls};
use crate::rules::Scan;
use crate::text::domain_runs::DomainRuns;
use crate::text::utf16;

pub const MAX_WEIGHTED_LENGTH: u32 = 280;
/// Weights are kept ×100, as twitter-text does, so every sum stays an integer.
const SCALE: u32 = 100;
const DEFAULT_WEIGHT: u32 = 200;
const URL_LENGTH: u32 = 23;
const LIGHT_RANGES: [(u16, u16); 4] = [(0, 4351), (8192, 8205), (8208, 8223), (8242, 8247)];

/// What `twttr.txt.parseTweet(text)` returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedTweet {
    pub weighted_length: u32,
    pub valid: bool,
    /// `floor(weighted_length / 280 × 1000)`, computed in floating point as the library does.
    pub permillage: u32,
    /// Last UTF-16 index (inclusive) of the part of the text that still fits. The library
    /// shifts it by the length change NFC made, which can make it negative in odd cases.
    pub valid_range_end: i64,
    /// Last UTF-16 index (inclusive) of the text, 0 when empty.
    pub display_range_end: usize,
}

/// X's weighted length and validity of `text`.
pub fn parse_tweet(text: &str) -> ParsedTweet {
    parse_tweet_in(&Scan::new(text))
}

/// [`parse_tweet`] of the text `scan` reads, sharing its UTF-16 units and URL domain runs with
/// the other networks' rules when the text is already NFC (most text is).
pub fn parse_tweet_in(scan: &Scan<'_>) -> ParsedTweet {
    let text = scan.text();
    if scan.nfc_by_ranges() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return weigh(text, scan.units(), scan.domain_runs());
    }
    let normalized: String = text.nfc().collect();
    let t = utf16::units(&normalized);
    weigh(text, &t, &DomainRuns::new(&t, &urls::GRAMMAR.domain))
}

/// The weighing of `t`, the NFC form of `text` as UTF-16 units.
fn weigh(text: &str, t: &[u16], runs: &DomainRuns) -> ParsedTweet {
    // Both lists are in text order and never overlap within themselves, so one cursor each
    // finds what starts at `i` without a per-unit lookup table.
    let urls = urls::extract_with(t, runs);
    let emoji = emoji::find_all(t);
    let (mut next_url, mut next_emoji) = (urls.iter().peekable(), emoji.iter().peekable());
    let mut weight = 0;
    let mut valid = true;
    let mut valid_display_index = 0;
    let mut i = 0;
    while i < t.len() {
        // A URL or emoji the walk jumped past (an emoji inside a URL) can never start at `i`.
        while next_url.next_if(|u| u.utf16_start < i).is_some() {}
        while next_emoji.next_if(|&&(start, _)| start < i).is_some() {}
        if let Some(url) = next_url.next_if(|u| u.utf16_start == i) {
            weight += URL_LENGTH * SCALE;
            i += url.url.len() - 1;
        } else if let Some(&(start, end)) = next_emoji.next_if(|&&(start, _)| start == i) {
            weight += DEFAULT_WEIGHT;
            i += end - start - 1;
        } else {
            if is_surrogate_pair(t, i) {
                i += 1;
            }
            weight += unit_weight(t[i]);
        }
        // The library checks only the unit it stopped on: the last of a URL, emoji or pair.
        if valid {
            valid = !matches!(t[i], 0xFFFE | 0xFEFF | 0xFFFF);
        }
        if valid && weight <= MAX_WEIGHTED_LENGTH * SCALE {
            valid_display_index = i;
        }
        i += 1;
    }
    let weighted_length = weight / SCALE;
    let original_len = utf16::len(text);
    ParsedTweet {
        weighted_length,
        valid: valid && weighted_length > 0 && weighted_length <= MAX_WEIGHTED_LENGTH,
        permillage: permillage(weighted_length),
        valid_range_end: as_i64(valid_display_index) + as_i64(original_len) - as_i64(t.len()),
        display_range_end: original_len.saturating_sub(1),
    }
}

/// Whether `c` is NFC in any sequence (quick check Yes, combining class 0: ASCII to IPA,
/// general punctuation, CJK, kana, Hangul syllables, full-width forms, emoji). Most text is
/// made only of such characters, which one range test each tells (see [`Scan::nfc_by_ranges`]);
/// anything else asks the normalization tables.
pub fn is_nfc_in_any_sequence(c: char) -> bool {
    matches!(
        u32::from(c),
        0..=0x2FF
            | 0x2002..=0x206F
            | 0x3000..=0x3029
            | 0x3030..=0x3098
            | 0x309B..=0x30FF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7A3
            | 0xFF01..=0xFF60
            | 0x1F300..=0x1FAFF
    )
}

fn as_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn permillage(weighted_length: u32) -> u32 {
    let value = f64::from(weighted_length) / f64::from(MAX_WEIGHTED_LENGTH) * 1000.0;
    // A weight is at most 23 × 4,096 units per URL; far below u32::MAX.
    value.floor() as u32
}

fn is_surrogate_pair(t: &[u16], i: usize) -> bool {
    i + 1 < t.len() && (0xD800..=0xDBFF).contains(&t[i]) && (0xDC00..=0xDFFF).contains(&t[i + 1])
}

fn unit_weight(unit: u16) -> u32 {
    if LIGHT_RANGES
        .iter()
        .any(|&(lo, hi)| lo <= unit && unit <= hi)
    {
        SCALE
    } else {
        DEFAULT_WEIGHT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_weighs_two_and_latin_one() {
        assert_eq!(parse_tweet("hello").weighted_length, 5);
        assert_eq!(parse_tweet("你好").weighted_length, 4);
        assert_eq!(parse_tweet("こんにちは").weighted_length, 10);
        assert_eq!(parse_tweet("안녕").weighted_length, 4);
        assert_eq!(parse_tweet("，").weighted_length, 2);
    }

    #[test]
    fn urls_weigh_23_and_emoji_2() {
        assert_eq!(
            parse_tweet("https://example.com/a/very/long/path/indeed").weighted_length,
            23
        );
        assert_eq!(parse_tweet("see example.com").weighted_length, 27);
        assert_eq!(parse_tweet("👨‍👩‍👧‍👦").weighted_length, 2);
        assert_eq!(parse_tweet("👍🏽").weighted_length, 2);
    }

    #[test]
    fn characters_taken_as_nfc_without_tables_are_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        let fast = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_nfc_in_any_sequence(c));
        for c in fast {
            assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
        assert!(!Scan::new("e\u{301}").nfc_by_ranges());
        assert!(Scan::new("é 你好 👍").nfc_by_ranges());
        assert_eq!(parse_tweet("e\u{301}").weighted_length, 1); // normalized to é first
    }

    #[test]
    fn validity_and_ranges() {
        let empty = parse_tweet("");
        assert!(!empty.valid);
        assert_eq!(empty.display_range_end, 0);
        let long = "中".repeat(141);
        let parsed = parse_tweet(&long);
        assert_eq!(parsed.weighted_length, 282);
        assert!(!parsed.valid);
        assert_eq!(parsed.valid_range_end, 139);
        assert_eq!(parsed.permillage, 1007);
        assert!(!parse_tweet("a\u{FEFF}b").valid);
    }
}
