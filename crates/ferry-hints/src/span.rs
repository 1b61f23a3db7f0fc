//! Text positions in every unit a consumer needs: UTF-8 bytes (Rust slicing), Unicode scalar
//! values (the CLI's `detect` runs) and UTF-16 code units (JavaScript strings in the UI, for
//! hover). `OffsetMap` converts byte offsets once per text so each lookup is a binary search.

use serde::Serialize;

/// A half-open range `[start, end)` of a text, in three units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub byte_start: usize,
    pub byte_end: usize,
    pub char_start: usize,
    pub char_end: usize,
    pub utf16_start: usize,
    pub utf16_end: usize,
}

/// Byte offset → (scalar offset, UTF-16 offset) for one text.
#[derive(Debug)]
pub struct OffsetMap {
    /// Byte offset of each char, plus the text length at the end.
    bytes: Vec<usize>,
    /// UTF-16 offset of each char, plus the total at the end.
    utf16: Vec<usize>,
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        let mut utf16 = Vec::with_capacity(text.len() + 1);
        let mut u = 0;
        for (b, c) in text.char_indices() {
            bytes.push(b);
            utf16.push(u);
            u += c.len_utf16();
        }
        bytes.push(text.len());
        utf16.push(u);
        OffsetMap { bytes, utf16 }
    }

    /// The scalar offset of a byte offset that lies on a char boundary (or the nearest char
    /// start before it, which callers never rely on).
    pub fn char_at(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// A span from a byte range.
    pub fn span(&self, byte_start: usize, byte_end: usize) -> Span {
        let (cs, ce) = (self.char_at(byte_start), self.char_at(byte_end));
        Span {
            byte_start,
            byte_end,
            char_start: cs,
            char_end: ce,
            utf16_start: self.utf16[cs],
            utf16_end: self.utf16[ce],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_astral_characters_as_two_utf16_units() {
        let text = "a😀汉b";
        let map = OffsetMap::new(text);
        let b = text.find('b').unwrap();
        let span = map.span(1, b);
        assert_eq!((span.char_start, span.char_end), (1, 3));
        assert_eq!((span.utf16_start, span.utf16_end), (1, 4));
        assert_eq!(map.span(0, text.len()).utf16_end, 5);
    }
}
