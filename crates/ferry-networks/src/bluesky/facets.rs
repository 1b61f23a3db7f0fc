//! Bluesky rich-text facets exactly as `@atproto/api` detects them
//! (`RichText.detectFacetsWithoutResolution`), with UTF-8 byte offsets:
//!
//! - **mentions** `@handle` at the start, after whitespace or `(`; the handle is ASCII letters,
//!   digits, `.` and `-` up to a word boundary and must end in a known TLD (or `.test`). The
//!   facet carries the handle: resolving it to a DID is the client's job, against the account's
//!   own PDS.
//! - **links** at the start of a line, after whitespace or `(`: `http(s)://…` up to the next
//!   whitespace, or a bare domain (`[a-z][a-z0-9]*(\.[a-z0-9]+)+` with a known TLD) which gets
//!   `https://`. One trailing `.,;:!?` is dropped, then a `)` without a `(` in the URL.
//! - **tags** `#tag` or `＃标签` at the start or after whitespace (U+3000 included): the run up to
//!   whitespace or a zero-width/soft-hyphen character, holding at least one character that is
//!   not a digit or punctuation (so `#123` is no tag), trailing punctuation stripped, at most 64
//!   graphemes.
//! - **cashtags** `$AAPL` (a letter then up to 4 letters or digits, followed by whitespace, the
//!   end or `.,;:!?)"'’`), stored as the tag `$AAPL` in upper case.
//!
//! Facets come sorted by start, stably (mentions, links, tags, cashtags at equal starts).

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Serialize;
use ts_rs::TS;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use crate::text::graphemes;
use crate::text::js_regex::{is_js_line_terminator, is_js_space};

/// What a facet points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FacetKind {
    Mention,
    Link,
    Tag,
}

/// One facet: `[byte_start, byte_end)` in UTF-8 bytes of the text, and its value — the handle
/// without `@`, the full URI, or the tag without `#` (a cashtag keeps its `$`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Facet {
    #[serde(rename = "byteStart")]
    pub byte_start: usize,
    #[serde(rename = "byteEnd")]
    pub byte_end: usize,
    #[serde(rename = "type")]
    pub kind: FacetKind,
    pub value: String,
}

const MAX_TAG_GRAPHEMES: usize = 64;

static TLDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/tlds.txt")
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// `true` when `domain` ends in `.` + a known TLD (case-sensitive, as the library checks).
pub fn is_valid_domain(domain: &str) -> bool {
    domain
        .rsplit_once('.')
        .is_some_and(|(_, tld)| TLDS.contains(tld))
}

/// The facets of `text`, sorted by start.
pub fn detect(text: &str) -> Vec<Facet> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut facets = mentions(text, &chars);
    facets.extend(links(text, &chars));
    facets.extend(tags(text, &chars));
    facets.extend(cashtags(text, &chars));
    facets.sort_by_key(|f| f.byte_start); // stable, like Array.prototype.sort
    facets
}

fn byte_at(text: &str, chars: &[(usize, char)], i: usize) -> usize {
    chars.get(i).map_or(text.len(), |&(b, _)| b)
}

fn space(c: char) -> bool {
    is_js_space(u32::from(c))
}

/// Positions where a mention, link or cashtag may start: the start, or after the characters
/// `leading` accepts (whitespace, `(`), each paired with the index the entity itself starts at.
fn starts(
    chars: &[(usize, char)],
    from: usize,
    leading: impl Fn(char) -> bool,
) -> impl Iterator<Item = usize> {
    (from..chars.len()).flat_map(move |s| {
        let at_start = (s == 0).then_some(0);
        let after = leading(chars[s].1).then_some(s + 1);
        at_start.into_iter().chain(after)
    })
}

fn mentions(text: &str, chars: &[(usize, char)]) -> Vec<Facet> {
    let handle_char = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    let word = |i: usize| {
        chars
            .get(i)
            .is_some_and(|&(_, c)| c.is_ascii_alphanumeric() || c == '_')
    };
    let mut out = Vec::new();
    let mut from = 0;
    loop {
        let found = starts(chars, from, |c| space(c) || c == '(').find_map(|at| {
            if chars.get(at)?.1 != '@' {
                return None;
            }
            let run_end = (at + 1..chars.len())
                .find(|&i| !handle_char(chars[i].1))
                .unwrap_or(chars.len());
            // Backtrack to the last word boundary, as `(\b)` makes the regex do.
            let end = (at + 2..=run_end).rev().find(|&e| word(e - 1) != word(e))?;
            Some((at, end))
        });
        let Some((at, end)) = found else { break };
        from = end;
        let handle = &text[byte_at(text, chars, at + 1)..byte_at(text, chars, end)];
        if is_valid_domain(handle) || handle.ends_with(".test") {
            out.push(Facet {
                byte_start: byte_at(text, chars, at),
                byte_end: byte_at(text, chars, end),
                kind: FacetKind::Mention,
                value: handle.to_owned(),
            });
        }
    }
    out
}

fn links(text: &str, chars: &[(usize, char)]) -> Vec<Facet> {
    let mut out = Vec::new();
    let mut from = 0;
    let line_start = |s: usize| s == 0 || is_js_line_terminator(u32::from(chars[s - 1].1));
    loop {
        let found = (from..chars.len()).find_map(|s| {
            let mut candidates = Vec::with_capacity(2);
            if line_start(s) {
                candidates.push(s);
            }
            if space(chars[s].1) || chars[s].1 == '(' {
                candidates.push(s + 1);
            }
            candidates
                .into_iter()
                .find_map(|at| link_at(chars, at).map(|(end, domain)| (at, end, domain)))
        });
        let Some((at, end, domain)) = found else {
            break;
        };
        from = end;
        let raw = &text[byte_at(text, chars, at)..byte_at(text, chars, end)];
        let mut uri = raw.to_owned();
        if !uri.starts_with("http") {
            match domain {
                Some(d)
                    if is_valid_domain(
                        &text[byte_at(text, chars, d.0)..byte_at(text, chars, d.1)],
                    ) => {}
                _ => continue,
            }
            uri.insert_str(0, "https://");
        }
        let mut byte_end = byte_at(text, chars, end);
        if uri.ends_with(['.', ',', ';', ':', '!', '?']) {
            uri.pop();
            byte_end -= 1;
        }
        if uri.ends_with(')') && !uri.contains('(') {
            uri.pop();
            byte_end -= 1;
        }
        out.push(Facet {
            byte_start: byte_at(text, chars, at),
            byte_end,
            kind: FacetKind::Link,
            value: uri,
        });
    }
    out
}

/// A link at char index `at`: its end (the next whitespace) and, for a bare domain, the domain.
fn link_at(chars: &[(usize, char)], at: usize) -> Option<(usize, Option<(usize, usize)>)> {
    // Both forms start with an ASCII letter; skip the scan to the next space otherwise.
    if !chars.get(at).is_some_and(|&(_, c)| c.is_ascii_alphabetic()) {
        return None;
    }
    let run_end = (at..chars.len())
        .find(|&i| space(chars[i].1))
        .unwrap_or(chars.len());
    let lower = |i: usize| chars.get(i).map(|&(_, c)| c.to_ascii_lowercase());
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| s.chars().enumerate().all(|(k, c)| lower(at + k) == Some(c)));
    if let Some(scheme) = scheme
        && run_end > at + scheme.len()
    {
        return Some((run_end, None));
    }
    // [a-z][a-z0-9]*(\.[a-z0-9]+)+ , case-insensitively, as long as it goes.
    let alnum = |i: usize| {
        chars
            .get(i)
            .is_some_and(|&(_, c)| c.is_ascii_alphanumeric())
    };
    if !chars.get(at).is_some_and(|&(_, c)| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut end = at + 1;
    while alnum(end) {
        end += 1;
    }
    let mut labels = 0;
    while chars.get(end).is_some_and(|&(_, c)| c == '.') && alnum(end + 1) {
        end += 2;
        while alnum(end) {
            end += 1;
        }
        labels += 1;
    }
    (labels > 0).then_some((run_end, Some((at, end))))
}

/// Characters that end a tag without being whitespace.
fn tag_breaker(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{2060}' | '\u{200A}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{20E2}'
    )
}

fn is_punctuation(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Punctuation
}

fn tags(text: &str, chars: &[(usize, char)]) -> Vec<Facet> {
    let mut out = Vec::new();
    let mut from = 0;
    loop {
        let Some(hash) = starts(chars, from, space)
            .find(|&at| chars.get(at).is_some_and(|&(_, c)| c == '#' || c == '＃'))
        else {
            break;
        };
        let body = hash + 1;
        let run_end = (body..chars.len())
            .find(|&i| space(chars[i].1) || tag_breaker(chars[i].1))
            .unwrap_or(chars.len());
        let run = &chars[body..run_end];
        let has_letter = run
            .iter()
            .any(|&(_, c)| !c.is_ascii_digit() && !is_punctuation(c));
        let starts_with_vs16 = run.first().is_some_and(|&(_, c)| c == '\u{FE0F}');
        if !has_letter || starts_with_vs16 {
            from = body; // the regex matched only the `#`
            continue;
        }
        from = run_end;
        let kept = run.len()
            - run
                .iter()
                .rev()
                .take_while(|&&(_, c)| is_punctuation(c))
                .count();
        let tag = &text[byte_at(text, chars, body)..byte_at(text, chars, body + kept)];
        if tag.encode_utf16().count() > MAX_TAG_GRAPHEMES
            && graphemes::count(tag) > MAX_TAG_GRAPHEMES
        {
            continue;
        }
        out.push(Facet {
            byte_start: byte_at(text, chars, hash),
            byte_end: byte_at(text, chars, body) + tag.len(),
            kind: FacetKind::Tag,
            value: tag.to_owned(),
        });
    }
    out
}

fn cashtags(text: &str, chars: &[(usize, char)]) -> Vec<Facet> {
    let terminator = |i: usize| {
        chars.get(i).is_none_or(|&(_, c)| {
            space(c)
                || matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '’'
                )
        })
    };
    let mut out = Vec::new();
    let mut from = 0;
    loop {
        let found = starts(chars, from, |c| space(c) || c == '(').find_map(|at| {
            if chars.get(at)?.1 != '$' || !chars.get(at + 1)?.1.is_ascii_alphabetic() {
                return None;
            }
            let longest = (at + 2..at + 6)
                .take_while(|&i| {
                    chars
                        .get(i)
                        .is_some_and(|&(_, c)| c.is_ascii_alphanumeric())
                })
                .count();
            (0..=longest)
                .rev()
                .map(|extra| at + 2 + extra)
                .find(|&end| terminator(end))
                .map(|end| (at, end))
        });
        let Some((at, end)) = found else { break };
        from = end;
        let ticker = &text[byte_at(text, chars, at + 1)..byte_at(text, chars, end)];
        out.push(Facet {
            byte_start: byte_at(text, chars, at),
            byte_end: byte_at(text, chars, end),
            kind: FacetKind::Tag,
            value: format!("${}", ticker.to_ascii_uppercase()),
        });
    }
    out
}
