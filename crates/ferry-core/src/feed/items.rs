//! The `feed_items` table: storing fetched entries and posts once (with their language),
//! keeping the newest N per source, and dropping what authors withdrew. Reading is in
//! `listing`.

use chrono::{DateTime, Utc};
use ferry_networks::rss::FeedEntry;
use ferry_networks::timeline::{PostAuthor, PostMedia, ReplyTo, TimelinePost, Withdrawn};

use super::error::FeedError;
use super::model::ItemMedia;
use super::{people_by_domain, twin_keys};
use crate::Store;
use crate::clock;
use crate::error::StoreError;

/// One row to insert, from a feed entry or a timeline post.
pub(super) struct NewItem<'a> {
    pub remote_id: &'a str,
    /// The network's lasting id of the author (see `PostAuthor::id`).
    pub author_id: Option<&'a str>,
    pub author: Option<&'a str>,
    pub handle: Option<&'a str>,
    pub avatar: Option<&'a str>,
    pub title: Option<&'a str>,
    pub text: &'a str,
    pub html: Option<&'a str>,
    pub url: Option<&'a str>,
    pub lang: Option<&'a str>,
    pub published_at: Option<DateTime<Utc>>,
    pub boosted_by: Option<&'a PostAuthor>,
    pub reply_to: Option<&'a ReplyTo>,
    pub media: &'a [PostMedia],
    /// Domains the network verified as the author's (`people_by_domain.rs`).
    pub verified_domains: &'a [String],
}

impl<'a> NewItem<'a> {
    pub fn from_entry(entry: &'a FeedEntry) -> Self {
        NewItem {
            remote_id: &entry.remote_id,
            author_id: None,
            author: entry.author.as_deref(),
            handle: None,
            avatar: None,
            title: entry.title.as_deref(),
            text: &entry.text,
            html: entry.html.as_deref(),
            url: entry.url.as_deref(),
            lang: entry.lang.as_deref(),
            published_at: entry.published_at,
            boosted_by: None,
            reply_to: None,
            media: &entry.media,
            verified_domains: &[],
        }
    }

    pub fn from_post(post: &'a TimelinePost) -> Self {
        NewItem {
            remote_id: &post.remote_id,
            author_id: post.author.id.as_deref(),
            author: post.author.name.as_deref(),
            handle: post.author.handle.as_deref(),
            avatar: post.author.avatar_url.as_deref(),
            title: None,
            text: &post.text,
            html: post.html.as_deref(),
            url: post.url.as_deref(),
            lang: post.lang.as_deref(),
            published_at: Some(post.published_at),
            boosted_by: post.boosted_by.as_ref(),
            reply_to: post.reply_to.as_ref(),
            media: &post.media,
            verified_domains: &post.author.verified_domains,
        }
    }
}

/// Inserts the items not cached yet and trims the source to its newest `keep` items, inside
/// the caller's transaction. Returns how many new items are still there afterwards.
///
/// A feed keeps listing entries that retention already dropped; they are skipped when older
/// than the oldest kept item, so they don't come back as "new" on every refresh.
pub(super) async fn store_items(
    tx: &mut sqlx::SqliteConnection,
    store: &Store,
    source_id: &str,
    network: &str,
    items: &[NewItem<'_>],
    fetched_at: DateTime<Utc>,
    keep: u32,
) -> Result<u32, StoreError> {
    let db = |e| store.db_err(e);
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM feed_items WHERE source_id = ?")
        .bind(source_id)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
    let oldest_kept: Option<String> = if count >= i64::from(keep) {
        sqlx::query_scalar("SELECT min(published_at) FROM feed_items WHERE source_id = ?")
            .bind(source_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?
    } else {
        None
    };
    let fetched = clock::to_db(fetched_at);
    // Rows inserted now get ids above every existing one (SQLite's rowid is max + 1), which
    // is how the new ones are counted after the trim.
    let max_before: i64 = sqlx::query_scalar("SELECT ifnull(max(id), 0) FROM feed_items")
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
    // Only the newest `keep` items can survive the trim below; a feed of 100,000 tiny
    // entries must not cost 100,000 inserts.
    let mut newest: Vec<&NewItem> = items.iter().collect();
    if newest.len() > keep as usize {
        newest.sort_by_key(|e| std::cmp::Reverse(e.published_at.unwrap_or(fetched_at)));
        newest.truncate(keep as usize);
    }
    for item in newest {
        // A date in the future (a wrong clock, or a feed pinning itself to the top) is
        // clamped to the fetch; an item with no date gets the fetch time.
        let published = item
            .published_at
            .map(|p| p.min(fetched_at))
            .unwrap_or(fetched_at);
        let published = clock::to_db(published);
        if oldest_kept
            .as_ref()
            .is_some_and(|oldest| &published < oldest)
        {
            continue;
        }
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM feed_items WHERE source_id = ? AND remote_id = ?")
                .bind(source_id)
                .bind(item.remote_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        if exists.is_some() {
            // Detecting the language is the costly part of storing; a known item skips it.
            continue;
        }
        let lang = item_lang(item.lang, item.text);
        let media = serde_json::to_string(
            &item
                .media
                .iter()
                .map(|m| ItemMedia {
                    url: m.url.clone(),
                    alt: m.alt.clone(),
                    kind: m.kind.clone(),
                })
                .collect::<Vec<_>>(),
        )
        .unwrap_or_else(|_| "[]".to_owned());
        sqlx::query(
            "INSERT INTO feed_items (network, source_id, remote_id, author_name, author_handle, \
             author_avatar, title, text, html, url, lang, published_at, fetched_at, \
             boosted_by_name, boosted_by_handle, reply_to_id, reply_to_handle, media_json, \
             author_id, thread_root_id, link_key, text_key) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(network)
        .bind(source_id)
        .bind(item.remote_id)
        .bind(item.author)
        .bind(item.handle)
        .bind(item.avatar)
        .bind(item.title)
        .bind(item.text)
        .bind(item.html)
        .bind(item.url)
        .bind(lang)
        .bind(&published)
        .bind(&fetched)
        .bind(item.boosted_by.and_then(|b| b.name.as_deref()))
        .bind(item.boosted_by.and_then(|b| b.handle.as_deref()))
        .bind(item.reply_to.map(|r| r.remote_id.as_str()))
        .bind(item.reply_to.and_then(|r| r.handle.as_deref()))
        .bind(media)
        .bind(item.author_id)
        .bind(item.reply_to.and_then(|r| r.root_id.as_deref()))
        .bind(twin_keys::link_key(item.text, item.html, item.url))
        .bind(twin_keys::text_key(item.text))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    }
    // Authors whose network verified a domain as theirs: one person with the others of that
    // domain (people_by_domain.rs).
    let mut domain_authors: Vec<people_by_domain::DomainAuthor> = Vec::new();
    for item in items {
        let Some(key) = item.author_id.or(item.handle) else {
            continue;
        };
        if item.verified_domains.is_empty() || domain_authors.iter().any(|(k, _, _)| k == key) {
            continue;
        }
        let label = item.handle.or(item.author).map(str::to_owned);
        domain_authors.push((key.to_owned(), label, item.verified_domains.to_vec()));
    }
    people_by_domain::adopt(&mut *tx, network, &domain_authors)
        .await
        .map_err(db)?;
    sqlx::query(
        "DELETE FROM feed_items WHERE source_id = ?1 AND id NOT IN (SELECT id FROM feed_items \
         WHERE source_id = ?1 ORDER BY published_at DESC, id DESC LIMIT ?2)",
    )
    .bind(source_id)
    .bind(i64::from(keep))
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    let new: i64 =
        sqlx::query_scalar("SELECT count(*) FROM feed_items WHERE source_id = ? AND id > ?")
            .bind(source_id)
            .bind(max_before)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
    Ok(u32::try_from(new).unwrap_or(0))
}

/// Drops the cached copies of posts their authors withdrew (in every source of `network`:
/// two accounts may both follow the author), each only where the stored author is the one
/// who withdrew it. Returns how many went.
pub(super) async fn withdraw(
    tx: &mut sqlx::SqliteConnection,
    store: &Store,
    network: &str,
    withdrawn: &[Withdrawn],
) -> Result<u64, StoreError> {
    let mut gone = 0;
    for w in withdrawn {
        gone += sqlx::query(
            "DELETE FROM feed_items WHERE network = ? AND remote_id = ? AND author_id = ?",
        )
        .bind(network)
        .bind(&w.remote_id)
        .bind(&w.author_id)
        .execute(&mut *tx)
        .await
        .map_err(|e| store.db_err(e))?
        .rows_affected();
    }
    Ok(gone)
}

/// The language an item declares, else the one Ferry's detector hears in its text (so the
/// language filter and chips work for feeds and posts that say nothing).
fn item_lang(declared: Option<&str>, text: &str) -> Option<String> {
    if let Some(tag) = declared.map(str::trim).filter(|t| !t.is_empty()) {
        return Some(tag.to_owned());
    }
    // A long article is judged by its opening; detection of the whole would cost the most
    // and say the same.
    let head: String = text.chars().take(600).collect();
    let lang = ferry_hints::detect::detect(&head).lang;
    (lang != ferry_hints::Lang::Undetermined).then(|| lang.tag().to_owned())
}

/// Trims every source to its newest `keep` items (after the retention setting shrinks).
pub(super) async fn trim_all(store: &Store, keep: u32) -> Result<u64, FeedError> {
    let done = sqlx::query(
        "DELETE FROM feed_items WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER \
         (PARTITION BY source_id ORDER BY published_at DESC, id DESC) AS n FROM feed_items) \
         WHERE n > ?)",
    )
    .bind(i64::from(keep))
    .execute(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    Ok(done.rows_affected())
}
