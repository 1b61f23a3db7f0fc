//! Thread splitting: an over-long variant cut into parts that each fit the network, for the
//! networks where a post continues as replies (X, Bluesky, Mastodon, Threads, Nostr).
//!
//! Each part ends at the best break that still fits, trying in order: a sentence end (`.?!`
//! followed by a space, or `。！？…`), a clause break (`，；,;` and friends), a space, and only
//! then any grapheme boundary. A break never falls inside a URL, a mention, a hashtag or a
//! grapheme cluster, unless one of those alone is longer than a part. Whitespace at the cut is
//! dropped. With numbering, each part ends with ` i/n`, counted inside its limit; since `n`
//! decides the suffix width, the split is redone until `n` is stable. Every part is checked
//! with the network's own [`measure`](super::measure): its length within the limit (and, on
//! Bluesky, its bytes within 3,000).

use super::error::RulesError;
use super::measure::{Post, Settings, measure};
use super::network::Network;
use super::tokens::protected_ranges;
use crate::bluesky;
use crate::text::graphemes;

/// How well a place works as a cut, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    Sentence,
    Clause,
    Space,
    Grapheme,
}

/// Splits `text` into parts that each measure `ok` on `network`, numbered `i/n` if `number`.
/// A text that already fits comes back as one part, unnumbered.
pub fn split(
    network: Network,
    text: &str,
    number: bool,
    settings: &Settings,
) -> Result<Vec<String>, RulesError> {
    if !network.has_threads() {
        return Err(RulesError::NoThreads {
            network: network.to_string(),
        });
    }
    // Fitting is about size only: a character the network refuses is no reason to cut.
    let fits = |part: &str| {
        let m = measure(network, &Post::text(part), settings);
        m.length <= m.limit && (network != Network::Bluesky || part.len() <= bluesky::MAX_BYTES)
    };
    let trimmed = text.trim();
    if fits(trimmed) {
        return Ok(vec![trimmed.to_owned()]);
    }
    let cuts = Cuts::new(trimmed);
    if !number {
        return cuts.split(|part, _| fits(part), network, settings);
    }
    let mut total = 2;
    loop {
        let parts = cuts.split(
            |part, i| fits(&format!("{part} {i}/{total}")),
            network,
            settings,
        )?;
        let n = parts.len();
        // A smaller n never widens the suffix, so parts made for `total` still fit with `n`.
        if n <= total {
            return Ok(parts
                .into_iter()
                .enumerate()
                .map(|(i, p)| format!("{p} {}/{n}", i + 1))
                .collect());
        }
        total = n;
    }
}

/// The places `text` may be cut, with how good each is.
struct Cuts<'a> {
    text: &'a str,
    /// (byte offset, kind), ascending; offsets are grapheme boundaries outside protected tokens.
    places: Vec<(usize, Break)>,
    /// Every grapheme boundary, the last resort inside an over-long token.
    boundaries: Vec<usize>,
}

impl<'a> Cuts<'a> {
    fn new(text: &'a str) -> Self {
        let protected = protected_ranges(text);
        let boundaries = graphemes::boundaries(text);
        let inside = |at: usize| protected.iter().any(|r| r.start < at && at < r.end);
        let places = boundaries
            .iter()
            .filter(|&&at| at > 0 && at < text.len() && !inside(at))
            .map(|&at| (at, classify(text, at)))
            .collect();
        Self {
            text,
            places,
            boundaries,
        }
    }

    /// Greedy split: each part takes the farthest cut of the best kind that still fits.
    /// `fits(part, index)` gets the trimmed part and its 1-based number.
    fn split(
        &self,
        fits: impl Fn(&str, usize) -> bool,
        network: Network,
        settings: &Settings,
    ) -> Result<Vec<String>, RulesError> {
        let mut parts = Vec::new();
        let mut start = 0;
        while start < self.text.len() {
            let rest = self.text[start..].trim();
            if rest.is_empty() {
                break;
            }
            let index = parts.len() + 1;
            if fits(rest, index) {
                parts.push(rest.to_owned());
                break;
            }
            // Cuts must leave something in the part: past the first non-space character.
            let content = self.text.len() - self.text[start..].trim_start().len();
            let candidate = |end: usize| fits(self.text[start..end].trim(), index);
            let end = [
                Break::Sentence,
                Break::Clause,
                Break::Space,
                Break::Grapheme,
            ]
            .into_iter()
            .find_map(|kind| {
                let places: Vec<usize> = self
                    .places
                    .iter()
                    .filter(|&&(at, k)| at > content && k <= kind)
                    .map(|&(at, _)| at)
                    .collect();
                farthest_fitting(&places, candidate)
            })
            .or_else(|| {
                let inside: Vec<usize> = self
                    .boundaries
                    .iter()
                    .copied()
                    .filter(|&at| at > content)
                    .collect();
                farthest_fitting(&inside, candidate)
            })
            .ok_or_else(|| {
                let probe = measure(network, &Post::text(""), settings);
                RulesError::SplitImpossible {
                    network: network.to_string(),
                    limit: probe.limit,
                    unit: probe.unit.describe().to_owned(),
                }
            })?;
            parts.push(self.text[start..end].trim().to_owned());
            start = end;
        }
        Ok(parts)
    }
}

/// The farthest of `places` (ascending) for which `fits` holds, by binary search: a longer
/// prefix measures at least as long, except for a URL completing, which only makes it shorter.
fn farthest_fitting(places: &[usize], fits: impl Fn(usize) -> bool) -> Option<usize> {
    let first_failing = places.partition_point(|&at| fits(at));
    if first_failing > 0 {
        return Some(places[first_failing - 1]);
    }
    None
}

fn classify(text: &str, at: usize) -> Break {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    let space_after = after.is_some_and(char::is_whitespace);
    match before {
        Some('。' | '！' | '？' | '…' | '．' | '!' | '?' | '.')
            if matches!(before, Some('。' | '！' | '？' | '…' | '．')) || space_after =>
        {
            Break::Sentence
        }
        Some('，' | '；' | '、' | '：' | ',' | ';' | ':')
            if !matches!(before, Some(',' | ';' | ':')) || space_after =>
        {
            Break::Clause
        }
        Some(c) if c.is_whitespace() => Break::Space,
        _ if space_after => Break::Space,
        _ => Break::Grapheme,
    }
}
