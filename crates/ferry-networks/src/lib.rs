//! What each network counts, links and splits, and how to post to it.
//!
//! One folder per network. Each holds the network's text rules (what its counter counts,
//! its facets, how a long post splits into a thread) and, beside them, its client.
//! [`rules`] is the one entry point over all networks (measure, split, topics, preview);
//! [`text`] holds the shared text primitives; [`rss`] reads RSS, Atom and JSON Feed sources
//! (and RSSHub routes) for the merged feed; [`timeline`] is the shape every social timeline
//! reader returns.

pub mod bluesky;
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod fuzz_checks;
pub mod http;
pub mod mastodon;
pub mod media;
pub mod media_host;
pub mod nostr;
pub mod oauth;
pub mod rednote;
pub mod rss;
pub mod rules;
pub mod telegram;
pub mod text;
pub mod threads;
pub mod timeline;
pub mod weibo;
pub mod x;
