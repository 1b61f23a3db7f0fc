//! Linked people: the user says that the authors of some items are one person — their
//! Mastodon account, their Bluesky handle, their Weibo through RSSHub — and from then on that
//! person's posts of one moment show as one card (`twins.rs`).
//!
//! ```no_run
//! # async fn demo(feeds: ferry_core::feed::Feeds, on_mastodon: i64, on_weibo: i64) -> Result<(), ferry_core::feed::FeedError> {
//! let lin = feeds.link_person(&[on_mastodon, on_weibo], Some("林 Lin")).await?;
//! assert_eq!(lin.authors.len(), 2);
//! feeds.remove_person(&lin.id).await?; // the posts show separately again
//! # Ok(()) }
//! ```
//!
//! An author is one person's at most: linking an author who already belongs to someone merges
//! the two people. One author alone is a person too (a bilingual account's Chinese post and
//! its English twin then fold into one card). An RSS or RSSHub source is one author, since
//! such a feed is one creator's.

use sqlx::SqliteConnection;

use super::Feeds;
use super::error::FeedError;
use super::model::{Person, PersonAuthor};
use crate::clock;

/// (network, author_key, label) of an item's author.
type AuthorRow = (String, Option<String>, Option<String>);

impl Feeds {
    /// Links the authors of `item_ids` as one person (merged with any person one of them
    /// already belongs to), named `name` or after the first author.
    pub async fn link_person(
        &self,
        item_ids: &[i64],
        name: Option<&str>,
    ) -> Result<Person, FeedError> {
        if item_ids.is_empty() {
            return Err(FeedError::BadQuery(
                "name at least one item whose author to link".into(),
            ));
        }
        let store = &self.store;
        let mut authors: Vec<PersonAuthor> = Vec::new();
        for &id in item_ids {
            let row: Option<AuthorRow> = sqlx::query_as(
                "SELECT i.network, i.author_key, \
                 coalesce(i.author_handle, i.author_name, s.title, s.url) \
                 FROM feed_items i JOIN feed_sources s ON s.id = i.source_id WHERE i.id = ?",
            )
            .bind(id)
            .fetch_optional(&store.pool)
            .await
            .map_err(|e| store.db_err(e))?;
            let (network, key, label) = row.ok_or(FeedError::NoItem { id })?;
            let author_key = key.ok_or_else(|| FeedError::NotLinkable {
                item: id,
                reason: "Ferry does not know who wrote it (refresh the feed)".into(),
            })?;
            if !authors
                .iter()
                .any(|a| a.network == network && a.author_key == author_key)
            {
                authors.push(PersonAuthor {
                    network,
                    author_key,
                    label,
                });
            }
        }
        let name = name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        let id = store
            .write_durably(async |tx| link(tx, &authors, name.as_deref()).await)
            .await?;
        self.person(&id).await
    }

    /// Every linked person with their authors, by name.
    pub async fn people(&self) -> Result<Vec<Person>, FeedError> {
        let store = &self.store;
        let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM feed_people ORDER BY name, id")
            .fetch_all(&store.pool)
            .await
            .map_err(|e| store.db_err(e))?;
        let mut people = Vec::with_capacity(ids.len());
        for id in ids {
            people.push(self.person(&id).await?);
        }
        Ok(people)
    }

    /// Unlinks a person: their posts show separately again.
    pub async fn remove_person(&self, id: &str) -> Result<(), FeedError> {
        let store = &self.store;
        let removed = store
            .write_durably(async |tx| {
                // A person found through a domain is not found again once unlinked.
                sqlx::query(
                    "INSERT OR IGNORE INTO feed_people_dismissed (domain) \
                     SELECT domain FROM feed_people WHERE id = ? AND domain IS NOT NULL",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
                let done = sqlx::query("DELETE FROM feed_people WHERE id = ?")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                Ok(done.rows_affected())
            })
            .await?;
        if removed == 0 {
            return Err(FeedError::NoPerson { id: id.to_owned() });
        }
        Ok(())
    }

    async fn person(&self, id: &str) -> Result<Person, FeedError> {
        let store = &self.store;
        let name: Option<String> = sqlx::query_scalar("SELECT name FROM feed_people WHERE id = ?")
            .bind(id)
            .fetch_optional(&store.pool)
            .await
            .map_err(|e| store.db_err(e))?;
        let name = name.ok_or_else(|| FeedError::NoPerson { id: id.to_owned() })?;
        let authors: Vec<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT network, author_key, label FROM feed_person_authors WHERE person_id = ? \
             ORDER BY network, author_key",
        )
        .bind(id)
        .fetch_all(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
        Ok(Person {
            id: id.to_owned(),
            name,
            authors: authors
                .into_iter()
                .map(|(network, author_key, label)| PersonAuthor {
                    network,
                    author_key,
                    label,
                })
                .collect(),
        })
    }
}

/// In one transaction: the person the authors already belong to (the oldest, when several:
/// the others merge into it) or a new one; every author then belongs to it.
async fn link(
    tx: &mut SqliteConnection,
    authors: &[PersonAuthor],
    name: Option<&str>,
) -> Result<String, sqlx::Error> {
    let mut existing: Vec<(String, String)> = Vec::new();
    for a in authors {
        let found: Option<(String, String)> = sqlx::query_as(
            "SELECT p.id, p.created_at FROM feed_person_authors pa \
             JOIN feed_people p ON p.id = pa.person_id WHERE pa.network = ? AND pa.author_key = ?",
        )
        .bind(&a.network)
        .bind(&a.author_key)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(found) = found
            && !existing.contains(&found)
        {
            existing.push(found);
        }
    }
    existing.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let id = match existing.first() {
        Some((id, _)) => id.clone(),
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            let label = authors.first().and_then(|a| a.label.clone());
            sqlx::query("INSERT INTO feed_people (id, name, created_at) VALUES (?, ?, ?)")
                .bind(&id)
                .bind(name.map(str::to_owned).or(label).unwrap_or_default())
                .bind(clock::to_db(clock::now()))
                .execute(&mut *tx)
                .await?;
            id
        }
    };
    for (other, _) in existing.iter().skip(1) {
        sqlx::query("UPDATE feed_person_authors SET person_id = ? WHERE person_id = ?")
            .bind(&id)
            .bind(other)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM feed_people WHERE id = ?")
            .bind(other)
            .execute(&mut *tx)
            .await?;
    }
    if let Some(name) = name {
        sqlx::query("UPDATE feed_people SET name = ? WHERE id = ?")
            .bind(name)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
    }
    for a in authors {
        sqlx::query(
            "INSERT INTO feed_person_authors (network, author_key, person_id, label) \
             VALUES (?, ?, ?, ?) ON CONFLICT (network, author_key) \
             DO UPDATE SET person_id = excluded.person_id, \
             label = coalesce(excluded.label, feed_person_authors.label)",
        )
        .bind(&a.network)
        .bind(&a.author_key)
        .bind(&id)
        .bind(a.label.as_deref())
        .execute(&mut *tx)
        .await?;
    }
    Ok(id)
}
