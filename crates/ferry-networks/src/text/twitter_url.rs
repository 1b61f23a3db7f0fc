//! twitter-text's URL grammar, which X counts with and which Mastodon (through twitter-text's
//! Ruby gem, with its own path rules) counts with too:
//!
//! ```text
//! preceding-char  [scheme://]  domain  [:port]  [/path]  [?query]
//! ```
//!
//! - the URL starts the text or follows a character that is not a letter, digit, `@`, `$`, `#`
//!   (or their full-width forms);
//! - the domain is dot-separated labels of "domain characters" (anything but ASCII punctuation,
//!   spaces and direction marks — so `中文example.com` is one domain) ending in a known TLD that
//!   is not followed by a letter, digit, `@`, `+` or `-`; more labels are tried first;
//! - the path runs over path characters and up to two levels of balanced parentheses and ends
//!   at its last *ending* character, so `example.com/foo.` leaves the `.` out;
//! - the query ends at its last query-ending character.
//!
//! Everything works on UTF-16 code units, as the JavaScript library does, and finds matches
//! leftmost-first without overlap. What a network then keeps or drops (scheme-less URLs, t.co
//! slugs, non-ASCII domains) is decided by its own module from the [`RawUrl`]s.

use std::ops::Range;

use super::domain_runs::DomainRuns;
use super::js_regex::UnitClass;
use super::tlds::{TldList, ascii_ci_eq, punycode_tld_at};

/// The character classes and schemes of one flavour of the grammar.
pub struct UrlGrammar {
    /// May stand right before a URL.
    pub preceding: UnitClass,
    /// May appear in a domain label (besides `-`, and `_` in subdomains).
    pub domain: UnitClass,
    /// May appear in a path.
    pub path: UnitClass,
    /// May end a path (a balanced parenthesis group may too).
    pub path_end: UnitClass,
    /// May appear in a query.
    pub query: UnitClass,
    /// May end a query.
    pub query_end: UnitClass,
    /// Whether a run of path characters may end in a parenthesis group (twitter-text's Ruby
    /// gem, which Mastodon uses) or a group must stand alone (the JavaScript library, whose
    /// regex source lets the group escape the "ending character" alternative).
    pub parens_end_runs: bool,
    /// Schemes, lower case, matched case-insensitively and followed by `://`.
    pub schemes: &'static [&'static str],
    pub gtlds: TldList,
    pub cctlds: TldList,
}

/// One match of the grammar, in UTF-16 unit positions.
#[derive(Debug, Clone)]
pub struct RawUrl {
    /// The preceding character (empty at the start of the text).
    pub before: Range<usize>,
    /// The whole URL, scheme to query.
    pub url: Range<usize>,
    /// Length of `scheme://`, 0 without a scheme.
    pub scheme_len: usize,
    pub domain: Range<usize>,
    /// Whether a `/path` (possibly just `/`) follows the domain and port.
    pub has_path: bool,
}

/// Whether `unit` is one of the ASCII bytes in `set`.
pub fn ascii_in(unit: u16, set: &[u8]) -> bool {
    u8::try_from(unit).is_ok_and(|b| set.contains(&b))
}

/// twitter-text's `latinAccentChars`: Latin letters with diacritics and combining marks.
pub fn latin_accent(unit: u16) -> bool {
    matches!(
        unit,
        0xC0..=0xD6
            | 0xD8..=0xF6
            | 0xF8..=0xFF
            | 0x0100..=0x024F
            | 0x0253
            | 0x0254
            | 0x0256
            | 0x0257
            | 0x0259
            | 0x025B
            | 0x0263
            | 0x0268
            | 0x026F
            | 0x0272
            | 0x0289
            | 0x028B
            | 0x02BB
            | 0x0300..=0x036F
            | 0x1E00..=0x1EFF
    )
}

impl UrlGrammar {
    /// Every match in `t`, leftmost-first; a match consumes its text even if a network later
    /// drops it.
    pub fn scan(&self, t: &[u16]) -> Vec<RawUrl> {
        self.scan_with(t, &DomainRuns::new(t, &self.domain))
    }

    /// [`UrlGrammar::scan`] over runs already built for `t` with this grammar's domain class.
    pub fn scan_with(&self, t: &[u16], runs: &DomainRuns) -> Vec<RawUrl> {
        let mut found = Vec::new();
        let starts = runs.starts();
        let mut next_start = 0;
        // `s` is where the regex tries next: the preceding character's position, so a URL
        // may start at `s + 1` — or at `s` itself when `s` is 0 (the `^` alternative).
        let mut s = 0;
        while s < t.len() {
            if !(s == 0 && starts.first().is_some_and(|r| r.start == 0)) {
                // Jump to the first position after `s` where a URL may start.
                while starts.get(next_start).is_some_and(|r| r.end <= s + 1) {
                    next_start += 1;
                }
                match starts.get(next_start) {
                    Some(r) => s = s.max(r.start.saturating_sub(1)),
                    None => break,
                }
            }
            let after_preceding = self
                .preceding
                .contains(t[s])
                .then(|| self.url_at(t, runs, s + 1))
                .flatten();
            match after_preceding.or_else(|| {
                if s == 0 {
                    self.url_at(t, runs, 0)
                } else {
                    None
                }
            }) {
                Some(mut m) => {
                    m.before = s..m.url.start;
                    s = m.url.end;
                    found.push(m);
                }
                None => s += 1,
            }
        }
        found
    }

    fn url_at(&self, t: &[u16], runs: &DomainRuns, start: usize) -> Option<RawUrl> {
        if let Some(len) = self.scheme_at(t, start)
            && let Some(m) = self.rest_at(t, runs, start, len)
        {
            return Some(m);
        }
        self.rest_at(t, runs, start, 0)
    }

    fn scheme_at(&self, t: &[u16], at: usize) -> Option<usize> {
        if !t
            .get(at)
            .is_some_and(|&u| u8::try_from(u).is_ok_and(|b| b.is_ascii_alphabetic()))
        {
            return None; // every scheme starts with a letter
        }
        self.schemes.iter().find_map(|scheme| {
            let pattern = scheme.bytes().chain(*b"://");
            let len = scheme.len() + 3;
            let text = t.get(at..at + len)?;
            text.iter()
                .zip(pattern)
                .all(|(&u, b)| ascii_ci_eq(u, b))
                .then_some(len)
        })
    }

    fn rest_at(
        &self,
        t: &[u16],
        runs: &DomainRuns,
        start: usize,
        scheme_len: usize,
    ) -> Option<RawUrl> {
        let domain_start = start + scheme_len;
        let domain_end = self.domain_at(t, runs, domain_start)?;
        let mut end = domain_end;
        if t.get(end) == Some(&0x3A) {
            let digits = t[end + 1..]
                .iter()
                .take_while(|&&u| (0x30..=0x39).contains(&u))
                .count();
            if digits > 0 {
                end += 1 + digits;
            }
        }
        let has_path = t.get(end) == Some(&0x2F);
        if has_path {
            end = self.path_end(t, end + 1);
        }
        if t.get(end) == Some(&0x3F) {
            end = self.query_end(t, end);
        }
        Some(RawUrl {
            before: start..start,
            url: start..end,
            scheme_len,
            domain: domain_start..domain_end,
            has_path,
        })
    }

    /// Subdomain labels (as many as possible first), one name label, then a TLD.
    fn domain_at(&self, t: &[u16], runs: &DomainRuns, at: usize) -> Option<usize> {
        // A label from `p` (a subdomain's may hold `_`) up to the dot after it: past the dot.
        let label = |p: usize, subdomain: bool| -> Option<usize> {
            let dot = runs.dot_after(p, subdomain)?;
            let ok = dot > p && self.domain.contains(t[p]) && self.domain.contains(t[dot - 1]);
            ok.then_some(dot + 1)
        };
        // A subdomain label's run is the name label's run or longer, so if no label starts
        // here no domain does either; most positions end here, without allocating.
        let mut next = label(at, true)?;
        let mut label_starts = vec![at, next];
        while let Some(after) = label(next, true) {
            label_starts.push(after);
            next = after;
        }
        label_starts.iter().rev().find_map(|&p| {
            let tld_at = label(p, false)?;
            self.gtlds
                .match_at(t, tld_at)
                .or_else(|| self.cctlds.match_at(t, tld_at))
                .or_else(|| punycode_tld_at(t, tld_at))
        })
    }

    /// End of a path whose first character is at `at` (just after the `/`).
    ///
    /// The path repeats a unit: the longest run of path characters and parenthesis groups that
    /// ends in an ending character. Where the run may end in a parenthesis group too depends on
    /// the flavour ([`UrlGrammar::parens_end_runs`]): in the JavaScript library a group that
    /// is not followed by an ending character only counts as a unit of its own.
    fn path_end(&self, t: &[u16], at: usize) -> usize {
        let mut p = at;
        loop {
            let mut q = p;
            let mut last_end = None;
            loop {
                if let Some(&u) = t.get(q)
                    && self.path.contains(u)
                {
                    q += 1;
                    if self.path_end.contains(u) {
                        last_end = Some(q);
                    }
                } else if t.get(q) == Some(&0x28)
                    && let Some(r) = self.balanced_parens(t, q)
                {
                    q = r;
                    if self.parens_end_runs {
                        last_end = Some(q);
                    }
                } else {
                    break;
                }
            }
            match last_end {
                Some(end) => p = end,
                None => match (t.get(p) == Some(&0x28))
                    .then(|| self.balanced_parens(t, p))
                    .flatten()
                {
                    Some(end) => p = end,
                    None => return p,
                },
            }
        }
    }

    /// `(x)` or `(x(y)z)` of path characters at `at` (an opening parenthesis): its end.
    fn balanced_parens(&self, t: &[u16], at: usize) -> Option<usize> {
        let run = |from: usize| {
            from + t[from.min(t.len())..]
                .iter()
                .take_while(|&&u| self.path.contains(u))
                .count()
        };
        let inner = run(at + 1);
        match t.get(inner) {
            Some(0x29) if inner > at + 1 => Some(inner + 1),
            Some(0x28) => {
                let nested = run(inner + 1);
                if nested == inner + 1 || t.get(nested) != Some(&0x29) {
                    return None;
                }
                let tail = run(nested + 1);
                (t.get(tail) == Some(&0x29)).then_some(tail + 1)
            }
            _ => None,
        }
    }

    /// `?` at `at`: the end of the query, or `at` when no query-ending character follows.
    pub fn query_end(&self, t: &[u16], at: usize) -> usize {
        let mut last_end = at;
        for (i, &u) in t[at + 1..].iter().enumerate() {
            if !self.query.contains(u) {
                break;
            }
            if self.query_end.contains(u) {
                last_end = at + 2 + i;
            }
        }
        last_end
    }
}
