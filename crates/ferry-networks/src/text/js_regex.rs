//! The few pieces of JavaScript regular-expression semantics the official libraries rely on,
//! so the Rust rules match character for character what `twitter-text` and `@atproto/api` do.
//!
//! - [`is_js_space`]: what `\s` matches in a JavaScript regex (Unicode `Zs`, the line
//!   terminators, tab, vertical tab, form feed and U+FEFF; not U+0085 or U+180E).
//! - [`UnitClass`]: a character class over UTF-16 code units as a non-Unicode (`/i` without
//!   `/u`) regex sees it. With the `i` flag JavaScript compares *canonicalized* units (simple
//!   upper-casing that never maps a non-ASCII unit into ASCII), so `[\u0400-\u04FF]` also matches
//!   U+1C80 (whose upper case is U+0412) — [`UnitClass::case_insensitive`] builds that closure.

/// `\s` in a JavaScript regex.
pub fn is_js_space(c: u32) -> bool {
    matches!(
        c,
        0x09..=0x0D
            | 0x20
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
            | 0xFEFF
    )
}

/// A line terminator, where `^` matches in a multiline (`/m`) JavaScript regex.
pub fn is_js_line_terminator(c: u32) -> bool {
    matches!(c, 0x0A | 0x0D | 0x2028 | 0x2029)
}

/// ECMAScript's `Canonicalize(ch)` for a case-insensitive, non-Unicode regex: the unit's upper
/// case when that is a single unit and does not turn a non-ASCII unit into an ASCII one.
pub fn js_canonicalize(unit: u16) -> u16 {
    // ASCII is most of what gets compared (TLDs, schemes); skip the Unicode case tables.
    if let Ok(byte) = u8::try_from(unit)
        && byte.is_ascii()
    {
        return u16::from(byte.to_ascii_uppercase());
    }
    let Some(ch) = char::from_u32(u32::from(unit)) else {
        return unit; // a lone surrogate has no case
    };
    let mut upper = ch.to_uppercase();
    let (Some(single), None) = (upper.next(), upper.next()) else {
        return unit;
    };
    let Ok(cu) = u16::try_from(u32::from(single)) else {
        return unit;
    };
    if unit >= 128 && cu < 128 { unit } else { cu }
}

/// A set of UTF-16 code units, as one bit per unit (8 KiB), for constant-time class tests.
pub struct UnitClass {
    bits: Box<[u64; 1024]>,
}

impl UnitClass {
    /// The units `member` accepts, compared exactly (a regex without the `i` flag).
    pub fn exact(member: impl Fn(u16) -> bool) -> Self {
        let mut class = Self::empty();
        for unit in 0..=u16::MAX {
            if member(unit) {
                class.insert(unit);
            }
        }
        class
    }

    /// The units a case-insensitive non-Unicode regex class built from `member` matches: every
    /// unit whose canonical form equals the canonical form of some member.
    pub fn case_insensitive(member: impl Fn(u16) -> bool) -> Self {
        let mut canonical = Self::empty();
        for unit in 0..=u16::MAX {
            if member(unit) {
                canonical.insert(js_canonicalize(unit));
            }
        }
        Self::exact(|unit| canonical.contains(js_canonicalize(unit)))
    }

    /// The complement of a case-insensitive class, as `[^…]` with the `i` flag matches.
    pub fn case_insensitive_negated(member: impl Fn(u16) -> bool) -> Self {
        let positive = Self::case_insensitive(member);
        Self::exact(|unit| !positive.contains(unit))
    }

    fn empty() -> Self {
        Self {
            bits: Box::new([0; 1024]),
        }
    }

    fn insert(&mut self, unit: u16) {
        self.bits[usize::from(unit >> 6)] |= 1 << (unit & 63);
    }

    pub fn contains(&self, unit: u16) -> bool {
        self.bits[usize::from(unit >> 6)] & (1 << (unit & 63)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalize_keeps_non_ascii_out_of_ascii() {
        assert_eq!(js_canonicalize(u16::from(b'a')), u16::from(b'A'));
        assert_eq!(js_canonicalize(0x017F), 0x017F); // long s would become 'S'
        assert_eq!(js_canonicalize(0x212A), 0x212A); // Kelvin sign is its own upper case
        assert_eq!(js_canonicalize(0x1C80), 0x0412); // Cyrillic rounded ve → В
    }

    #[test]
    fn case_insensitive_class_closes_over_case() {
        let cyrillic = UnitClass::case_insensitive(|u| (0x0400..=0x04FF).contains(&u));
        assert!(cyrillic.contains(0x1C80));
        assert!(!cyrillic.contains(u16::from(b'a')));
        let ascii = UnitClass::case_insensitive(|u| u16::from(b'a') <= u && u <= u16::from(b'z'));
        assert!(ascii.contains(u16::from(b'Q')));
        assert!(!ascii.contains(0x212A));
    }

    #[test]
    fn js_space_is_not_unicode_white_space() {
        assert!(is_js_space(0x3000));
        assert!(is_js_space(0xFEFF));
        assert!(!is_js_space(0x85));
        assert!(!is_js_space(0x180E));
    }
}
