//! RSS, Atom and JSON Feed sources, and Chinese platforms through the user's own RSSHub.
//!
//! - [`FeedClient::fetch`] GETs a feed with the last answer's [`Validators`] (a 304 means
//!   nothing changed), a timeout and a size cap ([`MAX_FEED_BYTES`]), and parses it with
//!   [`parse_feed`] into [`FeedEntry`]s whose HTML is already sanitized ([`sanitize_html`])
//!   and whose `remote_id` follows Miniflux's identity (GUID, else link, else title + content).
//! - A failure is a [`FetchError`]; [`FetchError::health`] turns it into the [`SourceHealth`]
//!   badge (blocked, rate limited, not a feed …). [`NextFetch`] says when to come back (TTL,
//!   `Cache-Control`, `Retry-After`, backoff).
//! - [`rsshub_route`] builds the RSSHub URL for a RedNote, Weibo or Douyin user from an id or
//!   a profile link.
//!
//! Everything here is network input and treated as hostile: nothing is trusted for size,
//! markup, link schemes or dates.

mod entry_media;
mod fetch;
mod fetch_image;
mod health;
mod lang_tag;
mod parse;
mod rsshub;
mod sanitize;
mod schedule;

pub use fetch::{FETCH_TIMEOUT, FeedClient, Fetched, MAX_FEED_BYTES, Validators};
pub use fetch_image::MAX_IMAGE_BYTES;
pub use health::{FetchError, SourceHealth};
pub use parse::{FeedEntry, ParsedFeed, parse_feed};
pub use rsshub::{Platform, RouteError, redacted_url, rsshub_route};
pub use sanitize::{ALLOWED_TAGS, Sanitized, escape_text, plain_text, sanitize_html};
pub use schedule::{MAX_WAIT, NextFetch, REFRESH_INTERVAL};
