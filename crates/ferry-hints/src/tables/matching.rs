//! Finding slang and tone terms in a text.
//!
//! Matching is case-insensitive for Latin letters. A Latin or digit term must stand alone
//! ("666" matches "666!" but not "16660"; "awsl" not "hawslaw"), while a Chinese term matches
//! anywhere, since Chinese has no spaces between words. The Latin-letter terms of Chinese
//! entries (yyds, gg, cp) only match in a text with Chinese characters: in an English gaming
//! post "gg" needs no Chinese note.

use super::entry::{HintEntry, HintKind};
use crate::script::Script;

/// A term found in a text, by byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteMatch<'a> {
    pub byte_start: usize,
    pub byte_end: usize,
    pub entry: &'a HintEntry,
}

/// Slang and tone entries found in `text`, in text order, longest first at one position, with
/// overlaps dropped.
pub fn find_terms<'a>(text: &str, entries: &'a [HintEntry]) -> Vec<NoteMatch<'a>> {
    let folded = fold_ascii(text);
    let has_han = text.chars().any(|c| Script::of(c) == Script::Han);
    let mut found: Vec<NoteMatch<'a>> = Vec::new();
    for entry in entries
        .iter()
        .filter(|e| matches!(e.kind, HintKind::Slang | HintKind::Tone))
    {
        let term = fold_ascii(&entry.term);
        if term.is_empty() || (entry.lang.is_chinese() && term.is_ascii() && !has_han) {
            continue;
        }
        let needs_boundary = term
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            || term
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        let mut from = 0;
        while let Some(pos) = folded[from..].find(&term) {
            let start = from + pos;
            let end = start + term.len();
            if !needs_boundary || stands_alone(&folded, start, end) {
                found.push(NoteMatch {
                    byte_start: start,
                    byte_end: end,
                    entry,
                });
            }
            from = end;
        }
    }
    found.sort_by_key(|m| (m.byte_start, std::cmp::Reverse(m.byte_end)));
    let mut kept: Vec<NoteMatch<'a>> = Vec::with_capacity(found.len());
    for m in found {
        if kept.last().is_none_or(|last| m.byte_start >= last.byte_end) {
            kept.push(m);
        }
    }
    kept
}

/// ASCII lower case; other characters keep their bytes, so offsets stay valid.
fn fold_ascii(text: &str) -> String {
    text.to_ascii_lowercase()
}

fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    !joins(before) && !joins(after)
}
