//! One entry point over all networks: what a post measures on each, in the network's own unit.
//!
//! ```
//! use ferry_networks::rules::{measure, Network, Post, Settings};
//! let post = Post::text("你好，世界 https://example.com/some/long/path");
//! let m = measure(Network::X, &post, &Settings::default());
//! // 你好，世界 weighs 2 a character, the space 1, the URL 23 (npm twitter-text says 34 too).
//! assert_eq!((m.length, m.limit, m.ok), (34, 280, true));
//! ```
//!
//! `ok` says whether the network would take the post as it is: text within the limit and media
//! counts within range. An empty text is `ok` (length 0) with an `empty` warning on networks
//! that refuse a post with neither text nor media — except on X, where it is not `ok`: X and
//! its twitter-text library call an empty post invalid, so the composer shows X refusing it.
//! ```
//! # use ferry_networks::rules::{measure, Network, Post, Settings};
//! let empty = Post::text("");
//! assert!(measure(Network::Bluesky, &empty, &Settings::default()).ok);
//! assert!(!measure(Network::X, &empty, &Settings::default()).ok);
//! ```

use serde::Serialize;
use ts_rs::TS;

use super::network::Network;
use super::scan::Scan;
use crate::{bluesky, mastodon, nostr, rednote, telegram, threads, weibo, x};

/// A post variant as the composer holds it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Post<'a> {
    pub text: &'a str,
    /// RedNote's note title.
    pub title: Option<&'a str>,
    /// Mastodon's content warning (spoiler text), counted with the text.
    pub spoiler: Option<&'a str>,
    /// Number of attached images.
    pub images: usize,
}

impl<'a> Post<'a> {
    pub fn text(text: &'a str) -> Self {
        Self {
            text,
            ..Self::default()
        }
    }
}

/// Per-account values the caller knows and the rules cannot.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The Mastodon instance's `configuration.statuses.max_characters` (cached per account).
    pub mastodon_max_characters: usize,
    /// Past this many characters a Nostr note gets a warning (Nostr itself has no limit).
    pub nostr_soft_limit: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            mastodon_max_characters: mastodon::DEFAULT_MAX_CHARACTERS,
            nostr_soft_limit: nostr::DEFAULT_SOFT_LIMIT,
        }
    }
}

/// The unit a network counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// twitter-text weights (CJK 2, URLs 23).
    Weighted,
    /// Extended grapheme clusters.
    Graphemes,
    /// UTF-16 code units.
    Utf16,
    /// Unicode scalar values, emoji counted as their UTF-8 bytes (Threads).
    Characters,
    /// Weibo's 字: two half-width characters make one.
    WeiboCharacters,
}

/// Something the writer should know that is not the length itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Warning {
    /// Stable code, e.g. `bluesky.too_many_bytes`.
    #[ts(type = "string")]
    pub code: &'static str,
    pub message: String,
}

impl Warning {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

/// What one post measures on one network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Measurement {
    pub network: Network,
    pub length: usize,
    pub limit: usize,
    pub unit: Unit,
    pub ok: bool,
    /// How far past `limit` the length is (0 when within it).
    pub over_by: usize,
    pub warnings: Vec<Warning>,
}

impl Measurement {
    /// A measurement of `length` against `limit`, `ok` when within it; networks add warnings
    /// and clear `ok` for their other rules.
    pub fn new(network: Network, length: usize, limit: usize, unit: Unit) -> Self {
        Self {
            network,
            length,
            limit,
            unit,
            ok: length <= limit,
            over_by: length.saturating_sub(limit),
            warnings: Vec::new(),
        }
    }

    /// Adds a warning that does not stop the post.
    pub fn warn(&mut self, code: &'static str, message: impl Into<String>) {
        self.warnings.push(Warning::new(code, message));
    }

    /// Adds a warning about something the network refuses.
    pub fn refuse(&mut self, code: &'static str, message: impl Into<String>) {
        self.ok = false;
        self.warn(code, message);
    }

    /// The usual checks every network shares: the `empty` warning and an image count range.
    pub fn check_common(&mut self, post: &Post<'_>, max_images: usize, empty_needs_media: bool) {
        let network = self.network;
        if post.text.trim().is_empty() && post.images == 0 && empty_needs_media {
            self.warn(
                "post.empty",
                format!("{network} refuses a post with no text and no media"),
            );
        }
        if post.images > max_images {
            self.refuse(
                "post.too_many_images",
                format!(
                    "{network} takes at most {max_images} images; this post has {}",
                    post.images
                ),
            );
        }
        // A soft limit (Nostr) keeps `over_by` at 0 and warns on its own terms.
        if self.over_by > 0 {
            let unit = self.unit.describe();
            self.warnings.insert(
                0,
                Warning::new(
                    "post.too_long",
                    format!(
                        "{network}: {} {unit} over the limit of {}",
                        self.over_by, self.limit
                    ),
                ),
            );
        }
    }
}

impl Unit {
    pub fn describe(self) -> &'static str {
        match self {
            Self::Weighted => "weighted characters",
            Self::Graphemes => "characters",
            Self::Utf16 => "UTF-16 units",
            Self::Characters => "characters",
            Self::WeiboCharacters => "字",
        }
    }
}

/// What `post` measures on `network`.
pub fn measure(network: Network, post: &Post<'_>, settings: &Settings) -> Measurement {
    measure_scanned(network, post, settings, &Scan::new(post.text))
}

/// What `post` measures on each of `networks`, in that order. The text is read once for all
/// of them (see [`Scan`]): counting on eight networks costs little more than on the slowest.
pub fn measure_all(networks: &[Network], post: &Post<'_>, settings: &Settings) -> Vec<Measurement> {
    let scan = Scan::new(post.text);
    networks
        .iter()
        .map(|&n| measure_scanned(n, post, settings, &scan))
        .collect()
}

fn measure_scanned(
    network: Network,
    post: &Post<'_>,
    settings: &Settings,
    scan: &Scan<'_>,
) -> Measurement {
    match network {
        Network::X => x::measure(post, scan),
        Network::Bluesky => bluesky::measure(post, scan),
        Network::Mastodon => mastodon::measure(post, scan, settings.mastodon_max_characters),
        Network::Threads => threads::measure(post, scan),
        Network::Telegram => telegram::measure(post, scan),
        Network::Nostr => nostr::measure(post, scan, settings.nostr_soft_limit),
        Network::Rednote => rednote::measure(post, scan),
        Network::Weibo => weibo::measure(post, scan),
    }
}
