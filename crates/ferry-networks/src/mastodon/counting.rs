//! What Mastodon's `StatusLengthValidator` counts (Mastodon 4.x,
//! `app/validators/status_length_validator.rb`):
//!
//! `graphemes(spoiler_text + countable_text(text))`, where `countable_text` is empty for a
//! blank text and otherwise the text with
//! - every URL *with a scheme* replaced by 23 `x` — Mastodon's own URL regex
//!   (`config/initializers/twitter_regex.rb`): schemes `http`, `https` and the
//!   `dat dweb ipfs ipns ssb gopher gemini` family, path characters "anything but whitespace,
//!   `<>()?`"; a bare `example.com` is counted as typed;
//! - every mention `@user@domain` replaced by `@user` (`Account::MENTION_RE`, skipped when
//!   followed by `@`, a Latin accent or `://`), overlapping entities dropped after the first.
//!
//! Mastodon runs these regexes in Ruby over code points; Ferry runs the same grammar over
//! UTF-16 units, which differs only for astral characters inside a URL's query.
//!
//! The count never builds the replaced text: a URL becomes `x`s and a mention `@user`, both
//! printable ASCII, so only the few characters around each entity can cluster differently,
//! and [`recount::count_replaced`] re-counts just those from the text's own grapheme count.

use std::ops::Range;
use std::sync::LazyLock;

use super::mentions;
use crate::rules::Scan;
use crate::text::domain_runs::DomainRuns;
use crate::text::js_regex::UnitClass;
use crate::text::tlds::TldList;
use crate::text::twitter_url::{UrlGrammar, ascii_in};
use crate::text::{graphemes, recount, utf16};
use crate::x::urls::GRAMMAR as X_GRAMMAR;

const URL_PLACEHOLDER_CHARS: usize = 23;

fn white_space(u: u16) -> bool {
    matches!(u, 0x09..=0x0D | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

/// Mastodon's `UCHARS`: non-ASCII characters allowed in a query (surrogates stand for the
/// astral planes it allows).
fn uchar(u: u16) -> bool {
    matches!(u, 0xA0..=0xD7FF | 0xD800..=0xDFFF | 0xE000..=0xF8FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
}

fn alnum(u: u16) -> bool {
    u8::try_from(u).is_ok_and(|b| b.is_ascii_alphanumeric())
}

/// Mastodon's grammar. Its domain class is X's, so both scan the same [`DomainRuns`].
static GRAMMAR: LazyLock<UrlGrammar> = LazyLock::new(|| UrlGrammar {
    preceding: UnitClass::exact(|u| X_GRAMMAR.preceding.contains(u)),
    domain: UnitClass::exact(|u| X_GRAMMAR.domain.contains(u)),
    path: UnitClass::exact(|u| !white_space(u) && !ascii_in(u, b"<>()?")),
    path_end: UnitClass::exact(|u| {
        !white_space(u) && !ascii_in(u, b"()?!*\"'<>;:=,.$%[]~&|@") && !matches!(u, 0x300C | 0x300D)
    }),
    query: UnitClass::exact(|u| alnum(u) || ascii_in(u, b"!?*'();:&=+$/%#[]-_.,~|@^") || uchar(u)),
    query_end: UnitClass::exact(|u| alnum(u) || ascii_in(u, b"_&=#/-") || uchar(u)),
    parens_end_runs: true,
    schemes: &[
        "https", "http", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "gemini",
    ],
    gtlds: TldList::parse(include_str!("../x/data/gtld.txt")),
    cctlds: TldList::parse(include_str!("../x/data/cctld.txt")),
});

/// A URL or mention Mastodon counts at a fixed length, in UTF-16 units of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedEntity {
    pub utf16: Range<usize>,
    /// What Mastodon counts in its place: 23 `x` for a URL, `@user` for a mention.
    pub counted_as: String,
    pub is_url: bool,
}

/// The URLs and mentions of `text` Mastodon counts specially, in order, without overlaps.
pub fn entities(text: &str) -> Vec<CountedEntity> {
    let scan = Scan::new(text);
    entities_in(scan.units(), scan.domain_runs())
}

fn entities_in(t: &[u16], runs: &DomainRuns) -> Vec<CountedEntity> {
    let mut all: Vec<CountedEntity> = GRAMMAR
        .scan_with(t, runs)
        .into_iter()
        .filter(|raw| raw.scheme_len > 0)
        .map(|raw| CountedEntity {
            utf16: raw.url,
            counted_as: "x".repeat(URL_PLACEHOLDER_CHARS),
            is_url: true,
        })
        .collect();
    all.extend(mentions::mentions(t));
    all.sort_by_key(|e| e.utf16.start);
    let mut kept: Vec<CountedEntity> = Vec::with_capacity(all.len());
    for entity in all {
        if kept
            .last()
            .is_none_or(|prev| prev.utf16.end <= entity.utf16.start)
        {
            kept.push(entity);
        }
    }
    kept
}

/// `graphemes(spoiler + countable_text(text))`.
pub fn countable_length(text: &str, spoiler: &str) -> usize {
    countable_length_in(&Scan::new(text), spoiler)
}

/// [`countable_length`] of the text `scan` reads, from its grapheme count and URL runs.
pub fn countable_length_in(scan: &Scan<'_>, spoiler: &str) -> usize {
    let text = scan.text();
    if text.chars().all(char::is_whitespace) {
        return graphemes::count(spoiler);
    }
    let entities = entities_in(scan.units(), scan.domain_runs());
    let bounds = entities.iter().flat_map(|e| [e.utf16.start, e.utf16.end]);
    let bytes = utf16::byte_offsets_at(text, bounds);
    // A content warning is short but may cluster with the text's first characters: count the
    // two together then (one more pass), and shift the entities past it.
    let combined;
    let (counted, base, shift) = if spoiler.is_empty() {
        (text, scan.graphemes(), 0)
    } else {
        combined = format!("{spoiler}{text}");
        (
            combined.as_str(),
            graphemes::count(&combined),
            spoiler.len(),
        )
    };
    let edits: Vec<(Range<usize>, &str)> = entities
        .iter()
        .zip(bytes.chunks_exact(2))
        .map(|(e, b)| (b[0] + shift..b[1] + shift, e.counted_as.as_str()))
        .collect();
    recount::count_replaced(counted, base, &edits)
}
