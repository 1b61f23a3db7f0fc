//! The excerpt shown under a search result: a window of text around the first match, on one
//! line, with every match inside it highlighted (ranges in UTF-16 units for the UI).
//!
//! Matching here is case-insensitive by Unicode lowercase, like the trigram index.

use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Highlight, Snippet};

/// Graphemes of context kept on each side of the first match.
const CONTEXT: usize = 30;

pub(crate) fn snippet<'a>(body: &str, words: impl Iterator<Item = &'a str>) -> Option<Snippet> {
    let folded = Folded::new(body);
    let words: Vec<Vec<char>> = words
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    let mut matches: Vec<(usize, usize)> = words.iter().flat_map(|w| folded.find_all(w)).collect();
    if matches.is_empty() {
        return None;
    }
    matches.sort_unstable();
    let (first_start, first_end) = matches[0];

    // A window of whole graphemes around the first match.
    let bounds: Vec<usize> = body
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([body.len()])
        .collect();
    let g_start = bounds
        .partition_point(|&b| b <= first_start)
        .saturating_sub(1);
    let g_end = bounds.partition_point(|&b| b < first_end);
    let from = bounds[g_start.saturating_sub(CONTEXT)];
    let to = bounds[(g_end + CONTEXT).min(bounds.len() - 1)];

    let mut text = String::new();
    let mut highlights = Vec::new();
    if from > 0 {
        text.push('…');
    }
    let mut pos = from;
    for &(s, e) in matches.iter().filter(|&&(s, e)| s >= from && e <= to) {
        if s < pos {
            continue; // overlaps the previous highlight
        }
        push_one_line(&mut text, &body[pos..s]);
        let start = utf16_len(&text);
        push_one_line(&mut text, &body[s..e]);
        highlights.push(Highlight {
            utf16_start: start,
            utf16_end: utf16_len(&text),
        });
        pos = e;
    }
    push_one_line(&mut text, &body[pos..to]);
    if to < body.len() {
        text.push('…');
    }
    Some(Snippet { text, highlights })
}

fn push_one_line(out: &mut String, part: &str) {
    out.extend(
        part.chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
    );
}

fn utf16_len(s: &str) -> u32 {
    u32::try_from(s.encode_utf16().count()).unwrap_or(u32::MAX)
}

/// `body` lowercased char by char, remembering where each folded char came from.
struct Folded {
    chars: Vec<char>,
    /// Byte range in the original text of the char each folded char came from.
    origin: Vec<(usize, usize)>,
}

impl Folded {
    fn new(body: &str) -> Folded {
        let mut chars = Vec::with_capacity(body.len());
        let mut origin = Vec::with_capacity(body.len());
        for (i, c) in body.char_indices() {
            for l in c.to_lowercase() {
                chars.push(l);
                origin.push((i, i + c.len_utf8()));
            }
        }
        Folded { chars, origin }
    }

    /// Byte ranges in the original text where `word` (already folded) occurs.
    fn find_all(&self, word: &[char]) -> Vec<(usize, usize)> {
        if word.is_empty() || word.len() > self.chars.len() {
            return Vec::new();
        }
        self.chars
            .windows(word.len())
            .enumerate()
            .filter(|(_, w)| *w == word)
            .map(|(i, _)| (self.origin[i].0, self.origin[i + word.len() - 1].1))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &Snippet) -> String {
        s.render("[", "]")
    }

    #[test]
    fn highlights_cjk_and_case() {
        let s = snippet("今天去渡口\nFerry time", ["渡口", "ferry"].into_iter()).unwrap();
        assert_eq!(marked(&s), "今天去[渡口] [Ferry] time");
    }

    #[test]
    fn cuts_long_text_between_graphemes() {
        let family = "👩\u{200d}👩\u{200d}👧";
        let body = format!("{}needle{}", family.repeat(40), "x".repeat(100));
        let s = snippet(&body, ["NEEDLE"].into_iter()).unwrap();
        assert!(s.text.starts_with(&format!("…{family}")));
        assert!(s.text.ends_with('…'));
        assert!(marked(&s).contains("[needle]"));
    }

    #[test]
    fn no_match_no_snippet() {
        assert!(snippet("hello", ["bye"].into_iter()).is_none());
    }
}
