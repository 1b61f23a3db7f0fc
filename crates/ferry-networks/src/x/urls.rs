//! The URLs X counts as 23: twitter-text 3.1.0's `extractUrlsWithIndices` with URLs without a
//! scheme allowed, as `parseTweet` calls it.
//!
//! On top of the shared grammar ([`crate::text::twitter_url`]) X keeps a match only if
//! - its domain's labels are 1–63 characters once Punycode-encoded and `scheme + URL` is at
//!   most 4,096 units;
//! - without a scheme: it does not follow `-`, `_`, `.` or `/`, and only the ASCII (and
//!   Latin-accented) domain names inside the domain count — `访问example.com` links
//!   `example.com`; the path then extends the *last* of them (a query without a path does not);
//! - for `t.co` links: the slug is at most 40 characters and nothing past the slug and query
//!   belongs to the URL.

use std::sync::LazyLock;

use crate::text::domain_runs::DomainRuns;
use crate::text::js_regex::UnitClass;
use crate::text::punycode;
use crate::text::tlds::{TldList, punycode_tld_at};
use crate::text::twitter_url::{RawUrl, UrlGrammar, ascii_in, latin_accent};

/// A URL entity as twitter-text reports it: `url` may be shorter than the range it came from
/// (an ASCII domain cut out of a longer one), and `parseTweet` skips `url`'s length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlEntity {
    pub url: Vec<u16>,
    pub utf16_start: usize,
    pub utf16_end: usize,
}

const MAX_URL_LENGTH: usize = 4096;
const MAX_TCO_SLUG_LENGTH: usize = 40;
const MAX_LABEL_LENGTH: usize = 63;

fn alnum_lower(u: u16) -> bool {
    (0x61..=0x7A).contains(&u) || (0x30..=0x39).contains(&u)
}

/// X's flavour of the grammar (the JavaScript library's classes, with its `i` flag).
pub static GRAMMAR: LazyLock<UrlGrammar> = LazyLock::new(|| {
    let punct = b"!'#%&()*+,\\-./:;<=>?@[]^_{|}~$";
    UrlGrammar {
        preceding: UnitClass::case_insensitive_negated(|u| {
            (0x41..=0x5A).contains(&u)
                || alnum_lower(u)
                || ascii_in(u, b"@$#")
                || matches!(u, 0xFF20 | 0xFF03 | 0xFFFE | 0xFEFF | 0xFFFF)
        }),
        domain: UnitClass::case_insensitive_negated(|u| {
            ascii_in(u, punct)
                || matches!(
                    u,
                    0x09..=0x0D
                        | 0x20
                        | 0x85
                        | 0xA0
                        | 0x1680
                        | 0x180E
                        | 0x2000..=0x200A
                        | 0x2028
                        | 0x2029
                        | 0x202F
                        | 0x205F
                        | 0x3000
                        | 0xFFFE
                        | 0xFEFF
                        | 0xFFFF
                        | 0x202A..=0x202E
                        | 0x061C
                        | 0x200E
                        | 0x200F
                        | 0x2066..=0x2069
                )
        }),
        path: UnitClass::case_insensitive(|u| {
            alnum_lower(u)
                || (0x0400..=0x04FF).contains(&u)
                || ascii_in(u, b"!*';:=+,.$/%#[]-_~@|&")
                || u == 0x2013
                || latin_accent(u)
        }),
        path_end: UnitClass::case_insensitive(|u| {
            alnum_lower(u)
                || (0x0400..=0x04FF).contains(&u)
                || ascii_in(u, b"+-=_#/")
                || latin_accent(u)
        }),
        query: UnitClass::case_insensitive(|u| {
            alnum_lower(u) || ascii_in(u, b"!?*'@();:&=+$/%#[]-_.,~|")
        }),
        query_end: UnitClass::case_insensitive(|u| alnum_lower(u) || ascii_in(u, b"-_&=#/")),
        parens_end_runs: false,
        schemes: &["https", "http"],
        gtlds: TldList::parse(include_str!("data/gtld.txt")),
        cctlds: TldList::parse(include_str!("data/cctld.txt")),
    }
});

/// Letters of an "ASCII domain" label: `[-a-z0-9]` and Latin accents, case-insensitively.
static ASCII_LABEL: LazyLock<UnitClass> = LazyLock::new(|| {
    UnitClass::case_insensitive(|u| alnum_lower(u) || u == 0x2D || latin_accent(u))
});

/// `extractUrlsWithIndices(text)` over UTF-16 units.
pub fn extract(t: &[u16]) -> Vec<UrlEntity> {
    extract_with(t, &DomainRuns::new(t, &GRAMMAR.domain))
}

/// [`extract`] over runs already built for `t` with [`GRAMMAR`]'s domain class.
pub fn extract_with(t: &[u16], runs: &DomainRuns) -> Vec<UrlEntity> {
    let mut urls = Vec::new();
    for raw in GRAMMAR.scan_with(t, runs) {
        if !is_valid_url(t, &raw) {
            continue;
        }
        if raw.scheme_len == 0 {
            keep_without_scheme(t, &raw, &mut urls);
        } else if let Some(entity) = keep_with_scheme(t, &raw) {
            urls.push(entity);
        }
    }
    urls
}

fn is_valid_url(t: &[u16], raw: &RawUrl) -> bool {
    let domain = &t[raw.domain.clone()];
    if domain.starts_with(&[0x78, 0x6E, 0x2D, 0x2D]) && ascii_domains(domain).is_empty() {
        return false; // a Punycode domain must hold an ASCII domain name
    }
    let labels_fit = domain.split(|&u| u == 0x2E).all(|label| {
        let code_points: Vec<u32> = char::decode_utf16(label.iter().copied())
            .map(|r| r.map_or_else(|e| u32::from(e.unpaired_surrogate()), u32::from))
            .collect();
        punycode::to_ascii_len(&code_points)
            .is_some_and(|len| (1..=MAX_LABEL_LENGTH).contains(&len))
    });
    let scheme_len = if raw.scheme_len == 0 {
        "https://".len()
    } else {
        raw.scheme_len
    };
    labels_fit && scheme_len + raw.url.len() <= MAX_URL_LENGTH
}

fn keep_without_scheme(t: &[u16], raw: &RawUrl, urls: &mut Vec<UrlEntity>) {
    if t[raw.before.clone()].iter().any(|&u| ascii_in(u, b"-_./")) {
        return;
    }
    let domain = &t[raw.domain.clone()];
    let mut search_from = 0;
    let mut last = None;
    for (start, end) in ascii_domains(domain) {
        // twitter-text locates each match with indexOf from the previous end; do the same.
        let name = &domain[start..end];
        let at = (search_from..=domain.len() - name.len())
            .find(|&i| &domain[i..i + name.len()] == name)
            .unwrap_or(start);
        search_from = at + name.len();
        urls.push(UrlEntity {
            url: name.to_vec(),
            utf16_start: raw.url.start + at,
            utf16_end: raw.url.start + search_from,
        });
        last = Some(urls.len() - 1);
    }
    if let (Some(i), true) = (last, raw.has_path) {
        let entity = &mut urls[i];
        let mut url = entity.url.clone();
        url.extend_from_slice(&t[raw.domain.end..raw.url.end]);
        entity.url = url;
        entity.utf16_end = raw.url.end;
    }
}

fn keep_with_scheme(t: &[u16], raw: &RawUrl) -> Option<UrlEntity> {
    let url = &t[raw.url.clone()];
    let mut end = raw.url.end;
    if let Some((slug_len, tco_len)) = tco_prefix(url, raw.scheme_len) {
        if slug_len > MAX_TCO_SLUG_LENGTH {
            return None;
        }
        end = raw.url.start + tco_len;
    }
    Some(UrlEntity {
        url: t[raw.url.start..end].to_vec(),
        utf16_start: raw.url.start,
        utf16_end: end,
    })
}

/// `^https?://t\.co/([a-z0-9]+)(?:\?query)?` (case-insensitive): the slug's length and the
/// length of the matched prefix.
fn tco_prefix(url: &[u16], scheme_len: usize) -> Option<(usize, usize)> {
    let host: Vec<u16> = "t.co/".encode_utf16().collect();
    let rest = url.get(scheme_len..)?;
    let lower = |u: u16| {
        if (0x41..=0x5A).contains(&u) {
            u + 0x20
        } else {
            u
        }
    };
    if rest.len() < host.len()
        || rest[..host.len()]
            .iter()
            .map(|&u| lower(u))
            .ne(host.iter().copied())
    {
        return None;
    }
    let slug_start = scheme_len + host.len();
    let slug = url[slug_start..]
        .iter()
        .take_while(|&&u| alnum_lower(lower(u)))
        .count();
    if slug == 0 {
        return None;
    }
    let mut end = slug_start + slug;
    if url.get(end) == Some(&0x3F) {
        end = GRAMMAR.query_end(url, end);
    }
    Some((slug, end))
}

/// twitter-text's `validAsciiDomain` matches in `domain`, leftmost-first: labels of ASCII
/// letters, digits, `-` and Latin accents, each followed by a dot, then a TLD.
fn ascii_domains(domain: &[u16]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut s = 0;
    while s < domain.len() {
        match ascii_domain_at(domain, s) {
            Some(end) => {
                found.push((s, end));
                s = end;
            }
            None => s += 1,
        }
    }
    found
}

fn ascii_domain_at(d: &[u16], at: usize) -> Option<usize> {
    let mut label_ends = Vec::new(); // positions just after each label's dot
    let mut p = at;
    loop {
        let run = d[p..]
            .iter()
            .take_while(|&&u| ASCII_LABEL.contains(u))
            .count();
        if run == 0 || d.get(p + run) != Some(&0x2E) {
            break;
        }
        p += run + 1;
        label_ends.push(p);
    }
    label_ends.iter().rev().find_map(|&tld_at| {
        GRAMMAR
            .gtlds
            .match_at(d, tld_at)
            .or_else(|| GRAMMAR.cctlds.match_at(d, tld_at))
            .or_else(|| punycode_tld_at(d, tld_at))
    })
}
