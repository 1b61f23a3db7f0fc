//! The merged feed: RSS, Atom and JSON Feed sources (and RedNote, Weibo, Douyin through the
//! user's own RSSHub) and the user's accounts (Mastodon home timelines, Bluesky following
//! timelines, Nostr follows), cached
//! in SQLite and read back as one timeline, newest first. Reading works offline: it only
//! reads the cache.
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store) -> Result<(), ferry_core::feed::FeedError> {
//! use ferry_core::feed::{Feeds, ItemQuery};
//! use ferry_networks::rss::Platform;
//! let feeds = Feeds::new(store)?;
//! let blog = feeds.add_source("https://example.org/feed.xml").await?;
//! feeds.add_rsshub("https://rsshub.example.org", Platform::Weibo, "https://weibo.com/u/1195230310").await?;
//! for report in feeds.refresh_due().await? {
//!     println!("{}: {:?}, {} new", report.url, report.health, report.new_items);
//! }
//! let page = feeds.items(&ItemQuery { limit: 50, search: Some("日出".into()), ..ItemQuery::default() }).await?;
//! feeds.set_retention(500).await?;      // keep the newest 500 items per source
//! feeds.remove_source(&blog.id).await?; // and its items
//! # let _ = page; Ok(()) }
//! ```
//!
//! - A refresh sends the last ETag / Last-Modified (a 304 adds nothing), stores new items
//!   once per source (by Miniflux's entry identity), records the source's
//!   [`ferry_networks::rss::SourceHealth`] and error, and schedules the next fetch (TTL,
//!   Cache-Control, Retry-After, backoff after failures). [`Feeds::refresh_due`] fetches only
//!   sources whose time has come; [`Feeds::refresh`] one source now.
//! - Item HTML is sanitized (ammonia) before it is stored; `text` is its plain text.
//! - Accounts are sources automatically once [`Feeds::with_accounts`] is given: each
//!   refresh asks the network for what is new since the cursor it returned last, at most
//!   200 posts; when that did not reach the previous posts, the source gets a [`FeedGap`],
//!   which [`Feeds::load_gap`] fills from where the refresh stopped (or
//!   [`Feeds::forget_gap`] dismisses).
//! - Each post shows once (the same id from two sources; the user's own cross-post folded
//!   into one item with `also_on`), filtered by network, language (declared, else
//!   detected) and source ([`ItemQuery`]).
//! - A linked person's posts of one moment (a cross-post, or a Chinese post and its English
//!   twin) are one card with the others in `twins`: [`Feeds::link_person`] from items, or
//!   found by itself when two authors' profiles prove one domain (`people_by_domain.rs`; a
//!   Nostr root NIP-05 identifier once its domain confirmed it, `nostr_domains.rs`).
//! - Replying: [`Feeds::start_reply`] makes the draft that answers an item (`reply.rs`).
//! - Progress: [`Feeds::due_sources`] then [`Feeds::refresh_each`], which reports each
//!   source as it finishes (the desktop window shows it while it happens).
//! - The user's RSSHub address is remembered by [`Feeds::add_rsshub_remembered`]
//!   (setting `feed.rsshub_base`).
//! - Retention: the newest [`DEFAULT_RETENTION`] items per source, changed with
//!   [`Feeds::set_retention`] (setting `feed.retention`).
//! - Images (avatars, attached photos) are fetched by the engine, never the window, and
//!   cached on disk: [`Feeds::item_image`].
//! - Errors: [`FeedError`] with stable codes (`feed.not_found`, `feed.bad_url`,
//!   `feed.duplicate`, `feed.bad_profile` …).

mod account_refresh;
mod bring;
mod error;
mod gap_loading;
mod host_gates;
mod image_keys;
#[cfg(test)]
mod image_twins_tests;
mod interaction_undo;
mod interactions;
mod items;
mod listing;
#[cfg(test)]
mod listing_tests;
mod model;
mod nostr_domains;
mod people;
mod people_by_domain;
#[cfg(test)]
mod people_tests;
mod refresh;
mod remote_images;
#[cfg(test)]
mod remote_images_tests;
mod reply;
mod sources;
mod timelines;
mod twin_keys;
mod twins;

use ferry_networks::rss::{FeedClient, Platform, redacted_url, rsshub_route};

pub use error::FeedError;
pub use interactions::Interaction;
pub use model::{
    AlsoOn, FeedGap, FeedItem, FeedSource, FeedTwin, GapReport, ItemAuthor, ItemMedia, ItemQuery,
    ItemReply, ItemSource, Person, PersonAuthor, RefreshReport, SourceKind,
};
pub use remote_images::{CACHE_MAX_BYTES, FetchedImage, ItemImage};
pub use timelines::MAX_POSTS;

use crate::Store;
use crate::accounts::Accounts;

/// Items kept per source unless the user changes it.
pub const DEFAULT_RETENTION: u32 = 1000;
/// The most items per source the setting allows.
pub const MAX_RETENTION: u32 = 100_000;
const RETENTION_KEY: &str = "feed.retention";
const RSSHUB_BASE_KEY: &str = "feed.rsshub_base";

/// Feed sources and their cache in one data folder. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Feeds {
    store: Store,
    client: FeedClient,
    /// Set with [`Feeds::with_accounts`]: the accounts whose timelines are sources.
    accounts: Option<Accounts>,
    /// Posts one read of an account's timeline may bring ([`MAX_POSTS`]).
    timeline_cap: usize,
    /// Where NIP-05 documents are asked instead of each domain (tests: a local server).
    nip05_origin: Option<url::Url>,
}

impl Feeds {
    pub fn new(store: Store) -> Result<Feeds, FeedError> {
        Ok(Feeds::with_client(store, FeedClient::new()?))
    }

    /// The same with another HTTP client (other limits, in tests).
    pub fn with_client(store: Store, client: FeedClient) -> Feeds {
        Feeds {
            store,
            client,
            accounts: None,
            timeline_cap: MAX_POSTS,
            nip05_origin: None,
        }
    }

    /// The same, asking every Nostr author's domain for its NIP-05 document under `origin`
    /// (a folder URL) instead of at the domain, so a test can serve it (`nostr_domains.rs`).
    #[doc(hidden)]
    pub fn with_nip05_origin(mut self, origin: url::Url) -> Feeds {
        self.nip05_origin = Some(origin);
        self
    }

    /// The same, bringing at most `cap` posts per read of an account's timeline, so a test
    /// can leave and load a gap with a handful of posts.
    #[doc(hidden)]
    pub fn with_timeline_cap(mut self, cap: usize) -> Feeds {
        self.timeline_cap = cap.max(1);
        self
    }

    /// The same, with the user's accounts as sources too: each Mastodon account's home
    /// timeline and each Nostr account's follows (read with the keys in the keychain).
    pub fn with_accounts(mut self, accounts: Accounts) -> Feeds {
        self.accounts = Some(accounts);
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Adds an RSS, Atom or JSON Feed URL (http or https). Nothing is fetched yet: the source
    /// is due at once, for the next refresh.
    pub async fn add_source(&self, url: &str) -> Result<FeedSource, FeedError> {
        let url = feed_url(url)?;
        sources::insert(&self.store, SourceKind::Rss, url.as_str(), None).await
    }

    /// Adds a RedNote, Weibo or Douyin user through the RSSHub at `base`, from the user's id
    /// or a profile link copied from the app or site.
    pub async fn add_rsshub(
        &self,
        base: &str,
        platform: Platform,
        user: &str,
    ) -> Result<FeedSource, FeedError> {
        let url = rsshub_route(base, platform, user)?;
        sources::insert(&self.store, SourceKind::Rsshub, url.as_str(), None).await
    }

    /// The RSSHub address last used to add a creator, so the window can offer it again.
    pub async fn rsshub_base(&self) -> Result<Option<String>, FeedError> {
        Ok(self.store.get_setting(RSSHUB_BASE_KEY).await?)
    }

    /// [`Feeds::add_rsshub`], then remembers `base` for [`Feeds::rsshub_base`] (only once a
    /// route was built from it, so a mistyped address is not kept).
    pub async fn add_rsshub_remembered(
        &self,
        base: &str,
        platform: Platform,
        user: &str,
    ) -> Result<FeedSource, FeedError> {
        let added = self.add_rsshub(base, platform, user).await?;
        self.store.set_setting(RSSHUB_BASE_KEY, base.trim()).await?;
        Ok(added)
    }

    /// Every source, oldest first, with its health and item count (the accounts' own
    /// sources included once [`Feeds::with_accounts`] was given).
    pub async fn sources(&self) -> Result<Vec<FeedSource>, FeedError> {
        self.add_account_sources().await?;
        sources::list(&self.store).await
    }

    /// Accounts added since the last look become sources, due at once.
    pub(crate) async fn add_account_sources(&self) -> Result<(), FeedError> {
        if self.accounts.is_some() {
            sources::add_account_sources(&self.store).await?;
        }
        Ok(())
    }

    pub async fn source(&self, id: &str) -> Result<FeedSource, FeedError> {
        sources::get(&self.store, id).await
    }

    /// Removes a source and its cached items. An account's own source goes with the
    /// account (`ferry accounts remove`), not here.
    pub async fn remove_source(&self, id: &str) -> Result<(), FeedError> {
        if self.source(id).await?.kind == SourceKind::Account {
            return Err(FeedError::AccountSource { id: id.to_owned() });
        }
        if sources::delete(&self.store, id).await? {
            Ok(())
        } else {
            Err(FeedError::NotFound { id: id.to_owned() })
        }
    }

    /// A page of the merged feed from the cache, newest first.
    pub async fn items(&self, query: &ItemQuery) -> Result<Vec<FeedItem>, FeedError> {
        listing::list(&self.store, query).await
    }

    /// Items kept per source.
    /// One cached item, as the timeline lists it.
    pub async fn item(&self, id: i64) -> Result<FeedItem, FeedError> {
        listing::one(&self.store, id)
            .await?
            .ok_or(FeedError::NoItem { id })
    }

    pub async fn retention(&self) -> Result<u32, FeedError> {
        match self.store.get_setting(RETENTION_KEY).await? {
            Some(text) => check_retention(&text),
            None => Ok(DEFAULT_RETENTION),
        }
    }

    /// Changes how many items are kept per source, trimming the cache at once. Returns how
    /// many items were removed.
    pub async fn set_retention(&self, keep: u32) -> Result<u64, FeedError> {
        check_retention(&keep.to_string())?;
        self.store
            .set_setting(RETENTION_KEY, &keep.to_string())
            .await?;
        items::trim_all(&self.store, keep).await
    }
}

fn check_retention(text: &str) -> Result<u32, FeedError> {
    let bad = |reason: String| FeedError::BadRetention {
        value: text.to_owned(),
        reason,
    };
    let keep: u32 = text
        .trim()
        .parse()
        .map_err(|_| bad("not a whole number".into()))?;
    if keep == 0 || keep > MAX_RETENTION {
        return Err(bad(format!("keep 1 to {MAX_RETENTION} items per source")));
    }
    Ok(keep)
}

/// A feed address: absolute http(s) with a host, no user name or password in it (they would
/// be stored and shown in plain text).
fn feed_url(text: &str) -> Result<url::Url, FeedError> {
    let bad = |reason: &str| FeedError::BadUrl {
        url: text.to_owned(),
        reason: reason.to_owned(),
    };
    let url = url::Url::parse(text.trim()).map_err(|e| bad(&format!("not a URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("only http:// and https:// feeds can be added"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("the address has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        // The message must not repeat the password it refuses to store.
        return Err(FeedError::BadUrl {
            url: redacted_url(&url),
            reason: "the address has a user name or password in it; Ferry would store it in \
                     plain text"
                .to_owned(),
        });
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_sources() {
        assert!(feed_url("https://example.org/feed.xml").is_ok());
        assert!(feed_url(" http://127.0.0.1:8080/a.rss ").is_ok());
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://example.org/feed",
            "example.org/feed.xml",
            "https://user:pw@example.org/feed",
            "",
        ] {
            let err = feed_url(bad).unwrap_err();
            assert_eq!(err.code(), "feed.bad_url", "{bad}");
            assert!(!err.to_string().contains(":pw@"), "{err}");
        }
    }

    #[test]
    fn retention_is_a_sane_count() {
        assert_eq!(check_retention("250").unwrap(), 250);
        for bad in ["0", "-1", "lots", "100001"] {
            assert_eq!(
                check_retention(bad).unwrap_err().code(),
                "feed.bad_retention"
            );
        }
    }
}
