//! The cluster count of a text after some of its ranges are replaced, worked out from the
//! text's own count without building the new text — how Mastodon's counter (URLs counted as 23
//! `x`, mentions as `@user`) reuses the grapheme pass every network shares.
//!
//! ```
//! use ferry_networks::text::{graphemes, recount};
//! let text = "看 https://example.com/a 👍🏽";
//! let n = recount::count_replaced(text, graphemes::count(text), &[(4..25, "xxx")]);
//! assert_eq!(n, graphemes::count("看 xxx 👍🏽"));
//! ```

use std::ops::Range;

use super::graphemes::{self, never_joins};

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
        return graphemes::count(&whole);
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
        total = total + graphemes::count(&replaced) - graphemes::count(&text[start..end]);
        window_end = end;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

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
            assert_eq!(
                text.graphemes(true).count(),
                graphemes::count(&text),
                "{text:?}"
            );
            assert_eq!(
                count_replaced(&text, graphemes::count(&text), &edits),
                expected,
                "{text:?} {edits:?}"
            );
        }
    }
}
