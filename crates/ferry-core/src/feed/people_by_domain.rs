//! People found through a shared, verified domain: when a refresh stores posts whose authors'
//! networks verified a web domain as theirs (`PostAuthor::verified_domains`: a Bluesky handle
//! that is their own domain, a Mastodon profile link with a checked `rel="me"`), each author is
//! remembered with the domain, and the authors sharing one become one person — joining the
//! person the user already made for one of them, if any. An author already in a person stays
//! there. A person the user unlinks is not made again from that domain.

use sqlx::SqliteConnection;

use crate::clock;

/// One author of stored posts: (author_key, label, verified domains).
pub(super) type DomainAuthor = (String, Option<String>, Vec<String>);

/// Remembers the authors' domains and links the authors sharing one (inside the caller's
/// transaction).
pub(super) async fn adopt(
    tx: &mut SqliteConnection,
    network: &str,
    authors: &[DomainAuthor],
) -> Result<(), sqlx::Error> {
    for (key, label, domains) in authors {
        for domain in domains {
            sqlx::query(
                "INSERT INTO feed_author_domains (network, author_key, domain, label) \
                 VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET label = excluded.label",
            )
            .bind(network)
            .bind(key)
            .bind(domain)
            .bind(label.as_deref())
            .execute(&mut *tx)
            .await?;
            link_domain(tx, domain).await?;
        }
    }
    Ok(())
}

async fn link_domain(tx: &mut SqliteConnection, domain: &str) -> Result<(), sqlx::Error> {
    let dismissed: Option<String> =
        sqlx::query_scalar("SELECT domain FROM feed_people_dismissed WHERE domain = ?")
            .bind(domain)
            .fetch_optional(&mut *tx)
            .await?;
    if dismissed.is_some() {
        return Ok(());
    }
    let authors: Vec<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT d.network, d.author_key, d.label, pa.person_id FROM feed_author_domains d \
         LEFT JOIN feed_person_authors pa \
           ON pa.network = d.network AND pa.author_key = d.author_key \
         WHERE d.domain = ? ORDER BY d.network, d.author_key",
    )
    .bind(domain)
    .fetch_all(&mut *tx)
    .await?;
    if authors.len() < 2 || authors.iter().all(|a| a.3.is_some()) {
        // One author alone is no cross-link; everyone placed already: nothing to do.
        return Ok(());
    }
    let found: Option<String> =
        sqlx::query_scalar("SELECT id FROM feed_people WHERE domain = ? LIMIT 1")
            .bind(domain)
            .fetch_optional(&mut *tx)
            .await?;
    let person = match authors.iter().find_map(|a| a.3.clone()).or(found) {
        Some(id) => id,
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            sqlx::query(
                "INSERT INTO feed_people (id, name, created_at, domain) VALUES (?, ?, ?, ?)",
            )
            .bind(&id)
            .bind(domain)
            .bind(clock::to_db(clock::now()))
            .bind(domain)
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    for (network, key, label, placed) in &authors {
        if placed.is_some() {
            continue;
        }
        sqlx::query(
            "INSERT INTO feed_person_authors (network, author_key, person_id, label) \
             VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(network)
        .bind(key)
        .bind(&person)
        .bind(label.as_deref())
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
