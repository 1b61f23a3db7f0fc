//! Nostr authors' domains, proven. A profile's root NIP-05 identifier (`_@lin.example`) is only
//! a claim, so before a refresh stores an account's Nostr posts, Ferry asks each claimed
//! domain whether it lists the author's key (`ferry_networks::nostr::nip05`) and remembers the
//! answer (`feed_nip05_checks`): asked again after a week when it said yes, after a day when it
//! said no or could not be asked, and at most [`MAX_ASKED`] domains per refresh, so a refresh
//! of many new authors stays quick and the rest are asked on the next ones.
//!
//! A proven domain joins the author's `verified_domains`, and the cache does the rest as for a
//! Bluesky domain handle (`people_by_domain.rs`): the author is one person with the other
//! accounts proving that domain, and cards show the domain. A domain that stops listing the key
//! is no longer shown for that author (a person already made stays until the user unlinks it).

use std::collections::HashMap;

use chrono::Duration;
use ferry_networks::nostr::nip05::Nip05Resolver;
use ferry_networks::timeline::TimelinePost;
use tokio::task::JoinSet;

use super::Feeds;
use super::error::FeedError;
use crate::clock;

/// Domains asked per refresh at most (each at most 5 s, all at once).
pub(super) const MAX_ASKED: usize = 8;
const RECHECK_PROVEN: Duration = Duration::days(7);
const RECHECK_OTHERS: Duration = Duration::days(1);

/// Adds each post author's proven root NIP-05 domain to `verified_domains`, asking the domains
/// whose answer is missing or old. A failure to ask is remembered as "not yet", never an error:
/// the posts are stored either way.
pub(super) async fn prove(feeds: &Feeds, posts: &mut [TimelinePost]) -> Result<(), FeedError> {
    let store = &feeds.store;
    let now = clock::now();
    let mut claims: HashMap<(String, String), bool> = HashMap::new();
    let mut stale = Vec::new();
    for post in posts.iter() {
        let (Some(key), Some(domain)) = (&post.author.id, &post.author.claimed_domain) else {
            continue;
        };
        let claim = (key.clone(), domain.clone());
        if claims.contains_key(&claim) {
            continue;
        }
        let known: Option<(i64, String)> = sqlx::query_as(
            "SELECT proven, checked_at FROM feed_nip05_checks WHERE pubkey = ? AND domain = ?",
        )
        .bind(key)
        .bind(domain)
        .fetch_optional(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
        let (proven, fresh) = match known {
            Some((proven, at)) => {
                let age = clock::from_db(&at).map_or(RECHECK_PROVEN, |at| now - at);
                let limit = if proven == 1 {
                    RECHECK_PROVEN
                } else {
                    RECHECK_OTHERS
                };
                (proven == 1, age < limit)
            }
            None => (false, false),
        };
        if !fresh && stale.len() < MAX_ASKED {
            stale.push((claim.clone(), proven));
        }
        claims.insert(claim, proven);
    }
    if !stale.is_empty() {
        for (claim, proven) in ask(feeds, stale).await {
            let was = claims.insert(claim.clone(), proven);
            remember(feeds, &claim, proven, was == Some(true)).await?;
        }
    }
    for post in posts.iter_mut() {
        let author = &mut post.author;
        let (Some(key), Some(domain)) = (&author.id, &author.claimed_domain) else {
            continue;
        };
        if claims.get(&(key.clone(), domain.clone())) == Some(&true)
            && !author.verified_domains.contains(domain)
        {
            author.verified_domains.push(domain.clone());
        }
    }
    Ok(())
}

/// Asks every claimed domain at once; a domain that could not be asked keeps what was known.
async fn ask(
    feeds: &Feeds,
    claims: Vec<((String, String), bool)>,
) -> Vec<((String, String), bool)> {
    let resolver = match Nip05Resolver::new() {
        Ok(r) => match &feeds.nip05_origin {
            Some(origin) => r.asking_at(origin.clone()),
            None => r,
        },
        Err(e) => {
            tracing::warn!(error = %e, "no HTTP client for NIP-05 checks");
            return Vec::new();
        }
    };
    let mut asking = JoinSet::new();
    for (claim, known) in claims {
        let resolver = resolver.clone();
        asking.spawn(async move {
            match resolver.proves(&claim.1, &claim.0).await {
                Ok(proven) => (claim, proven),
                Err(e) => {
                    tracing::info!(domain = %claim.1, error = %e, "NIP-05 domain not reached");
                    (claim, known)
                }
            }
        });
    }
    let mut answers = Vec::new();
    while let Some(answer) = asking.join_next().await {
        if let Ok(answer) = answer {
            answers.push(answer);
        }
    }
    answers
}

/// Records an answer; a domain that no longer lists the key stops being the author's.
async fn remember(
    feeds: &Feeds,
    (key, domain): &(String, String),
    proven: bool,
    was_proven: bool,
) -> Result<(), FeedError> {
    let store = &feeds.store;
    let db = |e| store.db_err(e);
    let mut tx = store.begin_write().await?;
    sqlx::query(
        "INSERT INTO feed_nip05_checks (pubkey, domain, proven, checked_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT DO UPDATE SET proven = excluded.proven, checked_at = excluded.checked_at",
    )
    .bind(key)
    .bind(domain)
    .bind(i64::from(proven))
    .bind(clock::to_db(clock::now()))
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    if was_proven && !proven {
        sqlx::query(
            "DELETE FROM feed_author_domains \
             WHERE network = 'nostr' AND author_key = ? AND domain = ?",
        )
        .bind(key)
        .bind(domain)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    }
    tx.commit().await.map_err(db)?;
    Ok(())
}
