//! One card for a linked person's posts of one moment (`people.rs` says who is one person).
//!
//! Two items are twins when their authors belong to the same person and, published within
//! [`WINDOW_SECS`] of each other, they share a link or the same text (`twin_keys.rs`) or
//! picture (`image_keys.rs`) — a cross-post — or, within [`LANG_WINDOW_SECS`], one is Chinese and the other is not: a post
//! and its translation. The newest of a group is the card; the others are folded into it as
//! its `twins` (listing hides an item that has a newer twin, the way it hides an older copy
//! of the same post). Folding follows chains: a post whose newer twin is itself folded
//! into a third is found from that third, so no post disappears.

use sqlx::Row;

use super::error::FeedError;
use super::model::{AlsoOn, FeedItem, FeedTwin, ItemAuthor};
use crate::Store;
use crate::clock;

/// How far apart a cross-post's copies may be published.
pub(super) const WINDOW_SECS: u32 = 3 * 3600;
/// How far apart a post and its translation may be published when nothing else ties them.
pub(super) const LANG_WINDOW_SECS: u32 = 30 * 60;
/// At most this many posts fold into one card.
const MAX_TWINS: usize = 12;

/// SQL true when item `b` is a twin of item `a` by the content rules (the person is joined
/// by the caller).
pub(super) fn twin_sql(a: &str, b: &str) -> String {
    let apart = format!("abs(julianday({b}.published_at) - julianday({a}.published_at)) * 86400");
    // The text bounds (whole seconds, a second wider than the window) let SQLite read `b` from
    // the (network, author_key, published_at) index instead of every newer or older item;
    // `apart` then decides exactly.
    let bound = |sign: char| {
        format!(
            "strftime('%Y-%m-%dT%H:%M:%S', {a}.published_at, '{sign}{WINDOW_SECS} seconds', \
             '{sign}1 seconds')"
        )
    };
    format!(
        "{b}.id <> {a}.id AND NOT ({b}.network = {a}.network AND {b}.remote_id = {a}.remote_id) \
         AND {b}.published_at >= {} AND {b}.published_at <= {} \
         AND {apart} <= {WINDOW_SECS} \
         AND ({b}.link_key = {a}.link_key OR {b}.text_key = {a}.text_key \
              OR ({b}.image_key = {a}.image_key AND length({a}.image_key) = 16) \
              OR ({apart} <= {LANG_WINDOW_SECS} AND {a}.lang IS NOT NULL AND {b}.lang IS NOT NULL \
                  AND (lower({a}.lang) LIKE 'zh%') <> (lower({b}.lang) LIKE 'zh%')))",
        bound('-'),
        bound('+'),
    )
}

/// `FROM`-less join from item `a` to the items `b` of the same person: append conditions.
pub(super) fn same_person_sql(a: &str, b: &str) -> String {
    format!(
        "feed_person_authors p{a} \
         JOIN feed_person_authors p{b} ON p{b}.person_id = p{a}.person_id \
         JOIN feed_items {b} ON {b}.network = p{b}.network AND {b}.author_key = p{b}.author_key \
         WHERE p{a}.network = {a}.network AND p{a}.author_key = {a}.author_key"
    )
}

/// The person's name for the listing's `SELECT` (NULL when the author is linked to no one).
pub(super) const PERSON_NAME: &str = "(SELECT p.name FROM feed_person_authors pa \
     JOIN feed_people p ON p.id = pa.person_id \
     WHERE pa.network = i.network AND pa.author_key = i.author_key)";

/// Fills `item.twins` (and `also_on` with their networks): the older twins of the item, and
/// theirs in turn.
pub(super) async fn fold_into(store: &Store, item: &mut FeedItem) -> Result<(), FeedError> {
    let mut seen: Vec<(String, String)> = vec![(item.network.clone(), item.remote_id.clone())];
    let mut queue = vec![item.id];
    let mut twins: Vec<FeedTwin> = Vec::new();
    while let Some(anchor) = queue.pop() {
        if twins.len() >= MAX_TWINS {
            break;
        }
        for (remote_id, twin) in older_twins(store, anchor).await? {
            let key = (twin.network.clone(), remote_id);
            if seen.contains(&key) || twins.len() >= MAX_TWINS {
                continue;
            }
            seen.push(key);
            queue.push(twin.id);
            twins.push(twin);
        }
    }
    twins.sort_by(|a, b| b.published_at.cmp(&a.published_at).then(b.id.cmp(&a.id)));
    for twin in &twins {
        if twin.network != item.network && !item.also_on.iter().any(|a| a.network == twin.network) {
            item.also_on.push(AlsoOn {
                network: twin.network.clone(),
                url: twin.url.clone(),
            });
        }
    }
    item.twins = twins;
    Ok(())
}

/// The twins of item `anchor` published before it (or at the same time with a lower id).
async fn older_twins(store: &Store, anchor: i64) -> Result<Vec<(String, FeedTwin)>, FeedError> {
    let sql = format!(
        "SELECT j.id, j.remote_id, j.network, j.lang, j.text, j.html, j.url, j.author_name, \
         j.author_handle, j.author_avatar, j.published_at FROM feed_items i, {} \
         AND i.id = ? AND {} \
         AND (j.published_at < i.published_at OR (j.published_at = i.published_at AND j.id < i.id)) \
         ORDER BY j.published_at DESC, j.id DESC LIMIT {MAX_TWINS}",
        same_person_sql("i", "j"),
        twin_sql("i", "j"),
    );
    let rows = sqlx::query(&sql)
        .bind(anchor)
        .fetch_all(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
    rows.iter()
        .map(|row| {
            let published: String = row.get("published_at");
            let twin = FeedTwin {
                id: row.get("id"),
                network: row.get("network"),
                lang: row.get("lang"),
                text: row.get("text"),
                html: row.get("html"),
                url: row.get("url"),
                author: ItemAuthor {
                    name: row.get("author_name"),
                    handle: row.get("author_handle"),
                    avatar_url: row.get("author_avatar"),
                    domain: None,
                },
                published_at: clock::from_db(&published).map_err(|detail| {
                    FeedError::from(crate::StoreError::Sqlite {
                        path: store.db_path().to_path_buf(),
                        detail,
                    })
                })?,
            };
            Ok((row.get("remote_id"), twin))
        })
        .collect()
}
