//! Top-level domains as twitter-text matches them: a TLD from its list (the first in the
//! library's order that fits, compared case-insensitively as a JavaScript `/i` regex does) not
//! followed by an ASCII letter, digit, `@`, `+` or `-`; or a Punycode TLD (`xn--…`).

use std::collections::HashMap;

use super::js_regex::js_canonicalize;

/// A TLD list in the library's order (the first that fits wins), in buckets by the TLD's first
/// two units. Every TLD has at least two, and only TLDs that share the text's first two units
/// can match there, so the library's order matters only within a bucket, which keeps it: a
/// binary search and a handful of comparisons instead of a walk through every `c…` TLD.
pub struct TldList {
    buckets: Vec<([u16; 2], Vec<Vec<u16>>)>,
}

impl TldList {
    /// Parses a bundled list: one TLD a line, `#` comments.
    pub fn parse(table: &str) -> Self {
        let mut by_key: HashMap<[u16; 2], Vec<Vec<u16>>> = HashMap::new();
        for line in table.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let canon: Vec<u16> = line.encode_utf16().map(js_canonicalize).collect();
            let key = match canon[..] {
                [a, b, ..] => [a, b],
                _ => panic!("bundled TLD {line:?} is shorter than two UTF-16 units"),
            };
            by_key.entry(key).or_default().push(canon);
        }
        let mut buckets: Vec<_> = by_key.into_iter().collect();
        buckets.sort_unstable_by_key(|(key, _)| *key);
        Self { buckets }
    }

    /// End of the first TLD of the list at `at`, case-insensitively, followed by the end of the
    /// text or by a character other than an ASCII letter or digit, `@`, `+` or `-`.
    pub fn match_at(&self, t: &[u16], at: usize) -> Option<usize> {
        let key = [
            js_canonicalize(*t.get(at)?),
            js_canonicalize(*t.get(at + 1)?),
        ];
        let i = self.buckets.binary_search_by_key(&key, |(k, _)| *k).ok()?;
        self.buckets[i].1.iter().find_map(|tld| {
            let end = at + tld.len();
            let fits = end <= t.len()
                && t[at + 2..end]
                    .iter()
                    .zip(&tld[2..])
                    .all(|(&u, &c)| js_canonicalize(u) == c)
                && t.get(end).is_none_or(|&next| !is_tld_continuation(next));
            fits.then_some(end)
        })
    }
}

fn is_tld_continuation(unit: u16) -> bool {
    u8::try_from(unit).is_ok_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'@' | b'+' | b'-'))
}

/// `unit` equals the ASCII byte `b` case-insensitively, as a JavaScript `/i` regex compares:
/// canonicalization never maps a non-ASCII unit to ASCII, so only ASCII units can match.
pub fn ascii_ci_eq(unit: u16, b: u8) -> bool {
    u8::try_from(unit).is_ok_and(|u| u.eq_ignore_ascii_case(&b))
}

/// `xn--` then at least one of `[-0-9a-z]`, case-insensitively: end of the punycode TLD at `at`.
pub fn punycode_tld_at(t: &[u16], at: usize) -> Option<usize> {
    let prefix = t.get(at..at + 4)?;
    if !(ascii_ci_eq(prefix[0], b'x')
        && ascii_ci_eq(prefix[1], b'n')
        && prefix[2] == 0x2D
        && prefix[3] == 0x2D)
    {
        return None;
    }
    let body = t[at + 4..]
        .iter()
        .take_while(|&&u| u8::try_from(u).is_ok_and(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .count();
    (body > 0).then_some(at + 4 + body)
}
