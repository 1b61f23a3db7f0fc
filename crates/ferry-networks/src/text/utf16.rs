//! UTF-16 views of a text. X's counter, Telegram's limits and the JavaScript oracles all index
//! text in UTF-16 code units; Ferry's spans are UTF-8 byte offsets. These helpers move between
//! the two without guessing.

/// The text as UTF-16 code units.
pub fn units(text: &str) -> Vec<u16> {
    // Never more units than bytes: one allocation, however the text mixes scripts.
    let mut units = Vec::with_capacity(text.len());
    units.extend(text.encode_utf16());
    units
}

/// The code point starting at unit `i` and how many units it takes (a lone surrogate is itself).
pub fn code_point_at(units: &[u16], i: usize) -> (u32, usize) {
    let unit = units[i];
    if (0xD800..=0xDBFF).contains(&unit)
        && let Some(&low) = units.get(i + 1)
        && (0xDC00..=0xDFFF).contains(&low)
    {
        let cp = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
        return (cp, 2);
    }
    (u32::from(unit), 1)
}

/// For each UTF-16 unit index `i` (and one past the end), the byte offset in `text` of the
/// character that unit belongs to; a low surrogate maps to its character's end, so a range
/// `[start, end)` in units always maps to whole characters.
pub fn byte_offsets(text: &str) -> Vec<usize> {
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (byte, ch) in text.char_indices() {
        offsets.push(byte);
        if ch.len_utf16() == 2 {
            offsets.push(byte + ch.len_utf8());
        }
    }
    offsets.push(text.len());
    offsets
}

/// The byte offsets in `text` of ascending UTF-16 unit indices, as [`byte_offsets`] maps them,
/// in one forward walk: for a few positions in a long text, without a table for every unit.
pub fn byte_offsets_at(text: &str, ascending_units: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut offsets = Vec::new();
    let (mut byte, mut unit) = (0, 0);
    let mut chars = text.chars();
    for target in ascending_units {
        while unit < target {
            let Some(c) = chars.next() else { break };
            unit += c.len_utf16();
            byte += c.len_utf8();
        }
        offsets.push(byte);
    }
    offsets
}

/// Number of UTF-16 code units of `text`.
pub fn len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_cover_surrogate_pairs() {
        let text = "a😀中";
        assert_eq!(byte_offsets(text), vec![0, 1, 5, 5, 8]);
        assert_eq!(byte_offsets_at(text, [0, 1, 2, 3, 4]), vec![0, 1, 5, 5, 8]);
        assert_eq!(byte_offsets_at(text, [3, 9]), vec![5, 8]);
        assert_eq!(len(text), 4);
        assert_eq!(code_point_at(&units(text), 1), (0x1F600, 2));
    }
}
