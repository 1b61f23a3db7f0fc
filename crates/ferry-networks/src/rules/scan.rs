//! One reading of a post's text that every network's rules draw from, so measuring a post on
//! all networks at once reads it once instead of once per network.
//!
//! ```
//! use ferry_networks::rules::Scan;
//! let scan = Scan::new("你好 👍🏽 https://example.com");
//! assert_eq!(scan.graphemes(), 24); // what Bluesky, Nostr and RedNote count
//! assert_eq!(scan.threads_count(), 31); // the emoji counts its 8 UTF-8 bytes
//! assert_eq!(scan.utf16_len(), 27); // Telegram
//! ```
//!
//! Each part is computed the first time a network asks for it, then kept:
//! - the grapheme pass: the cluster count (Bluesky, Mastodon, Nostr, RedNote) and Threads'
//!   count, which needs the same clusters;
//! - the character pass: scalar values (Nostr's relay limit), Weibo's half-字, whether X may
//!   skip normalization, and the UTF-16 units (Telegram's count; X and Mastodon scan them);
//! - the URL grammar's domain runs over those units, which X and Mastodon share.
//!
//! [`measure`](super::measure) for one network asks only for what that network needs.

use std::cell::OnceCell;

use crate::text::domain_runs::DomainRuns;
use crate::text::graphemes;
use crate::{threads, weibo, x};

/// A text and what has been learned about it so far.
pub struct Scan<'a> {
    text: &'a str,
    clusters: OnceCell<Clusters>,
    characters: OnceCell<Characters>,
    runs: OnceCell<DomainRuns>,
}

#[derive(Clone, Copy)]
struct Clusters {
    graphemes: usize,
    threads: usize,
}

struct Characters {
    scalars: usize,
    weibo_halves: usize,
    /// Whether every character is NFC in any sequence, so X needs no normalization tables.
    nfc_by_ranges: bool,
    units: Vec<u16>,
}

impl<'a> Scan<'a> {
    /// Reads nothing yet: each part is computed when first asked for.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            clusters: OnceCell::new(),
            characters: OnceCell::new(),
            runs: OnceCell::new(),
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Extended grapheme clusters.
    pub fn graphemes(&self) -> usize {
        self.clusters().graphemes
    }

    /// Threads' count: scalar values, an emoji counted as its UTF-8 bytes.
    pub fn threads_count(&self) -> usize {
        self.clusters().threads
    }

    /// Unicode scalar values.
    pub fn scalars(&self) -> usize {
        self.characters().scalars
    }

    /// UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.characters().units.len()
    }

    /// Weibo's count in half-字.
    pub fn weibo_halves(&self) -> usize {
        self.characters().weibo_halves
    }

    /// The text as UTF-16 code units.
    pub fn units(&self) -> &[u16] {
        &self.characters().units
    }

    /// Whether the text is made only of characters that are NFC in any sequence (ASCII, CJK,
    /// kana, Hangul, emoji …): then it is NFC without asking the normalization tables.
    pub fn nfc_by_ranges(&self) -> bool {
        self.characters().nfc_by_ranges
    }

    /// twitter-text's domain runs over [`Scan::units`], for X's and Mastodon's URL grammars
    /// (they share the domain class).
    pub fn domain_runs(&self) -> &DomainRuns {
        self.runs
            .get_or_init(|| DomainRuns::new(self.units(), &x::urls::GRAMMAR.domain))
    }

    fn clusters(&self) -> Clusters {
        *self.clusters.get_or_init(|| {
            // Threads counts an ordinary character 1, like a cluster; only the others differ.
            let (mut others, mut others_on_threads) = (0, 0);
            let graphemes = graphemes::count_with(self.text, |g| {
                others += 1;
                others_on_threads += threads::grapheme_count(g);
            });
            Clusters {
                graphemes,
                threads: graphemes - others + others_on_threads,
            }
        })
    }

    /// One pass over the characters serves the counts and X's NFC test; the UTF-16 units are
    /// encoded beside it (the encoder's own loop is faster than pushing each character's units).
    fn characters(&self) -> &Characters {
        self.characters.get_or_init(|| {
            let mut counts = Characters {
                scalars: 0,
                weibo_halves: 0,
                nfc_by_ranges: true,
                // Never more units than bytes: one allocation, however the text mixes scripts.
                units: Vec::with_capacity(self.text.len()),
            };
            for c in self.text.chars() {
                counts.scalars += 1;
                counts.weibo_halves += weibo::halves(c);
                counts.nfc_by_ranges &= x::weights::is_nfc_in_any_sequence(c);
            }
            counts.units.extend(self.text.encode_utf16());
            counts
        })
    }
}
