//! Extended grapheme clusters — what a person sees as one character, and what Bluesky, Mastodon
//! and most composers count: `👨‍👩‍👧` is one, `é` written as `e` + U+0301 is one, `🇨🇳` is one.

use std::ops::Range;

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

/// Whether a cluster boundary at byte `at` of `text` holds whatever is put before it (`Side::
/// Start`) or after it (`Side::End`): between two characters that never join (UAX #29 breaks
/// there, and no rule looks back past such a character), or at that end of the text.
fn is_firm_cut(text: &str, at: usize, side: Side) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    match (before, after, side) {
        (Some(b), Some(a), _) => never_joins(b) && never_joins(a),
        (None, _, Side::Start) | (_, None, Side::End) => true,
        _ => false,
    }
}

#[derive(Clone, Copy)]
enum Side {
    Start,
    End,
}

/// The cluster count of `text` with each of `edits` (byte ranges, in order, not overlapping)
/// replaced by its string, given `count`, the cluster count of `text` itself.
///
/// Only the stretch from the firm cut before an edit to the firm cut after it can cluster
/// differently, so each such window is counted both ways and the difference applied: a few
/// characters per edit instead of the whole text. Replacements must be non-empty and made of
/// characters that never join (printable ASCII, as Mastodon's `x`s and `@user`s are), so the
/// window's edges stay firm cuts; anything else is counted by building the whole text.
pub fn count_replaced(text: &str, count: usize, edits: &[(Range<usize>, &str)]) -> usize {
    let firm = |r: &str| !r.is_empty() && r.chars().all(never_joins);
    if !edits.iter().all(|(_, r)| firm(r)) {
        let mut whole = String::with_capacity(text.len());
        let mut last = 0;
        for (range, replacement) in edits {
            whole.push_str(&text[last..range.start]);
            whole.push_str(replacement);
            last = range.end;
        }
        whole.push_str(&text[last..]);
        return self::count(&whole);
    }
    let mut total = count;
    let mut window_end = 0;
    let mut i = 0;
    let mut replaced = String::new();
    while i < edits.len() {
        let mut start = edits[i].0.start;
        while start > window_end && !is_firm_cut(text, start, Side::Start) {
            start = text[..start]
                .char_indices()
                .next_back()
                .map_or(0, |(b, _)| b);
        }
        let mut end = edits[i].0.start;
        let mut last = start;
        replaced.clear();
        // Take every edit that starts inside the window, widening it past each one's end.
        while i < edits.len() && edits[i].0.start <= end {
            let (range, replacement) = &edits[i];
            replaced.push_str(&text[last..range.start]);
            replaced.push_str(replacement);
            last = range.end;
            end = range.end;
            while end < text.len() && !is_firm_cut(text, end, Side::End) {
                end += text[end..].chars().next().map_or(1, char::len_utf8);
            }
            i += 1;
        }
        replaced.push_str(&text[last..end]);
        total = total + self::count(&replaced) - self::count(&text[start..end]);
        window_end = end;
    }
    total
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

#[cfg(test)]
mod replaced_tests {
    use super::*;

    /// Characters that cluster with their neighbours in every way UAX #29 knows: prepend,
    /// extend, ZWJ, spacing marks, regional indicators, Hangul jamo, CR LF, emoji.
    const TRICKY: &[&str] = &[
        "a", "中", " ", "\u{600}", "\u{301}", "\u{200D}", "\u{903}", "🇨", "🇳", "ᄀ", "\u{1161}",
        "\r", "\n", "👩", "🏽", "❤", "\u{FE0F}", "x", "@", "क", "\u{94D}",
    ];

    /// A small deterministic generator (no dev-dependency needed for one property test).
    fn next(seed: &mut u64) -> usize {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        usize::try_from(*seed >> 33).unwrap_or(0)
    }

    #[test]
    fn count_replaced_agrees_with_counting_the_replaced_text() {
        let mut seed = 7;
        for _ in 0..20_000 {
            let pieces: Vec<&str> = (0..next(&mut seed) % 14)
                .map(|_| TRICKY[next(&mut seed) % TRICKY.len()])
                .collect();
            let text: String = pieces.concat();
            let mut cuts: Vec<usize> = (0..next(&mut seed) % 5)
                .map(|_| {
                    pieces[..next(&mut seed) % (pieces.len() + 1)]
                        .concat()
                        .len()
                })
                .collect();
            cuts.sort_unstable();
            let replacements = ["xxx", "@ab", "y"];
            let edits: Vec<(Range<usize>, &str)> = cuts
                .chunks_exact(2)
                .map(|c| {
                    (
                        c[0]..c[1],
                        replacements[next(&mut seed) % replacements.len()],
                    )
                })
                .collect();
            let mut whole = String::new();
            let mut last = 0;
            for (range, r) in &edits {
                whole.push_str(&text[last..range.start]);
                whole.push_str(r);
                last = range.end;
            }
            whole.push_str(&text[last..]);
            let expected = whole.graphemes(true).count();
            assert_eq!(text.graphemes(true).count(), count(&text), "{text:?}");
            assert_eq!(
                count_replaced(&text, count(&text), &edits),
                expected,
                "{text:?} {edits:?}"
            );
        }
    }
}
