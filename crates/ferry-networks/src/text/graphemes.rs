//! Extended grapheme clusters — what a person sees as one character, and what Bluesky, Mastodon
//! and most composers count: `👨‍👩‍👧` is one, `é` written as `e` + U+0301 is one, `🇨🇳` is one.

use unicode_segmentation::UnicodeSegmentation;

/// Number of extended grapheme clusters in `text`.
pub fn count(text: &str) -> usize {
    count_with(text, |_| {})
}

/// Number of extended grapheme clusters in `text`, calling `f` with each cluster that is not
/// a single character that never joins (ASCII, CJK, kana …): what a count that weighs clusters
/// differently (Threads' emoji) needs to look at, without a call per ordinary character.
pub fn count_with(text: &str, mut f: impl FnMut(&str)) -> usize {
    let mut n = 0;
    walk(text, |chunk| match chunk {
        Chunk::Single(_) => n += 1,
        Chunk::Mixed(chunk) => {
            for g in chunk.graphemes(true) {
                n += 1;
                f(g);
            }
        }
    });
    n
}

/// Calls `f` with each grapheme cluster of `text`, in order.
pub fn for_each<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    walk(text, |chunk| match chunk {
        Chunk::Single(c) => f(c),
        Chunk::Mixed(chunk) => chunk.graphemes(true).for_each(&mut f),
    });
}

/// A piece of text that is one cluster by itself, or a run for the segmenter.
enum Chunk<'a> {
    Single(&'a str),
    Mixed(&'a str),
}

/// Cuts `text` into chunks for `on_chunk`, in order.
///
/// Full segmentation is the slow part of counting a long post, so runs of characters that
/// never join a neighbour (printable ASCII, CJK ideographs, kana, CJK and full-width
/// punctuation) are cut between every two of them without asking the segmenter: the Unicode
/// rules (UAX #29) always break between two such characters. Everything else — combining
/// marks, ZWJ sequences, Hangul jamo, regional indicators, CR LF — goes through the
/// segmenter together with the simple characters around it.
fn walk<'a>(text: &'a str, mut on_chunk: impl FnMut(Chunk<'a>)) {
    let mut chunk_start = 0;
    let mut previous_start = 0;
    let mut previous_simple = false;
    for (i, c) in text.char_indices() {
        let simple = never_joins(c);
        if simple && previous_simple {
            // The chunk ends with a simple character; alone, it is its own cluster.
            let chunk = &text[chunk_start..i];
            on_chunk(if chunk_start == previous_start {
                Chunk::Single(chunk)
            } else {
                Chunk::Mixed(chunk)
            });
            chunk_start = i;
        }
        previous_start = i;
        previous_simple = simple;
    }
    if chunk_start < text.len() {
        on_chunk(Chunk::Mixed(&text[chunk_start..]));
    }
}

/// Characters with grapheme-break property Other that are not emoji, Indic letters or
/// Hangul: two of them in a row are always two clusters.
pub fn never_joins(c: char) -> bool {
    matches!(
        u32::from(c),
        0x20..=0x7E
            | 0x3001..=0x3029
            | 0x3041..=0x3096
            | 0x30A1..=0x30FA
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xFF01..=0xFF60
    )
}

/// Byte offsets where grapheme clusters start, plus `text.len()`: the only places a text may be
/// cut without breaking a character someone sees.
pub fn boundaries(text: &str) -> Vec<usize> {
    let mut cuts = Vec::with_capacity(text.len() / 2 + 1);
    for_each(text, |g| {
        cuts.push(g.as_ptr() as usize - text.as_ptr() as usize)
    });
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
        assert_eq!(count("ab\r\n中文\u{301}か\u{3099}"), 6);
    }

    #[test]
    fn fast_path_agrees_with_the_segmenter() {
        let samples = [
            "hello 世界！",
            "e\u{301}\u{302}x",
            "a\u{200D}b",
            "🇨🇳🇺🇸x",
            "한국어 ᄀ\u{1161}\u{11A8}",
            "क्षि",
            "#\u{FE0F}\u{20E3}1",
            "\r\n\n",
            "ｶﾞ",
        ];
        for sample in samples {
            let mut ours = Vec::new();
            for_each(sample, |g| ours.push(g));
            let theirs: Vec<&str> = sample.graphemes(true).collect();
            assert_eq!(ours, theirs, "{sample:?}");
        }
    }
}
