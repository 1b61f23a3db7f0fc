//! Liking and boosting an item of an account's timeline, as the account whose timeline it came
//! from: a favourite or a reblog on Mastodon, a like or repost record on Bluesky, a NIP-25
//! reaction or NIP-18 repost on Nostr. Items of feeds (RSS, RSSHub) have no one to act as.
//!
//! ```ignore
//! feeds.interact(item.id, Interaction::Like).await?; // once; a second call changes nothing
//! ```
//!
//! No duplicate: before the request, a row with what makes a resend harmless is committed
//! durably (Bluesky's record key and date: the record is written over itself; Nostr's signed
//! event: the same event again; Mastodon needs nothing, favourite and reblog are idempotent).
//! A request the server refused removes the row, so the person may try again; one whose
//! outcome is unknown keeps it, and the next try sends the same thing. Taking one back is in
//! `interaction_undo.rs`.

use chrono::Utc;
use ferry_networks::bluesky::client::{Interaction as BlueskyInteraction, Tid};
use ferry_networks::nostr::client::{EventRef, Reaction, publish, sign_reaction};
use nostr::prelude::Event;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use ts_rs::TS;

use super::Feeds;
use super::error::FeedError;
use crate::accounts::{Account, Accounts, KeptSession, nostr_write_relays};
use crate::clock;
use crate::model::Network;

/// What the person did to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Interaction {
    Like,
    Boost,
}

impl Interaction {
    pub fn as_str(self) -> &'static str {
        match self {
            Interaction::Like => "like",
            Interaction::Boost => "boost",
        }
    }
}

/// The item as the network knows it, and the account to act as.
pub(super) struct Target {
    pub network: String,
    pub remote_id: String,
    pub author_id: Option<String>,
    pub account_id: Option<String>,
}

impl Feeds {
    /// Likes or boosts item `item_id` as the account whose timeline brought it. Done once:
    /// asked again, it changes nothing.
    pub async fn interact(&self, item_id: i64, kind: Interaction) -> Result<(), FeedError> {
        let store = &self.store;
        let target = load(self, item_id).await?;
        let (Some(accounts), Some(account_id)) = (&self.accounts, &target.account_id) else {
            return Err(FeedError::NotInteractive {
                reason: "it comes from a feed, not from one of your accounts' timelines".into(),
            });
        };
        let account = accounts.get(account_id).await?;
        let mut row: Option<(String, Option<String>)> = sqlx::query_as(
            "SELECT state, payload FROM feed_interactions WHERE item_id = ? AND kind = ?",
        )
        .bind(item_id)
        .bind(kind.as_str())
        .fetch_optional(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
        if row.as_ref().is_some_and(|(state, _)| state == "undoing") {
            // Taking it back may have landed (a relay that has the deletion refuses the old
            // reaction): finish that (the row goes), then start afresh.
            self.undo_interaction(item_id, kind).await?;
            row = None;
        }
        let payload = match row {
            Some((state, _)) if state == "done" => return Ok(()),
            Some((_, payload)) => payload,
            None => {
                let payload = prepare(accounts, &account, &target, kind).await?;
                let now = clock::to_db(clock::now());
                store
                    .write_durably(async |tx| {
                        sqlx::query(
                            "INSERT INTO feed_interactions \
                             (item_id, kind, account_id, payload, state, created_at) \
                             VALUES (?, ?, ?, ?, 'sending', ?)",
                        )
                        .bind(item_id)
                        .bind(kind.as_str())
                        .bind(&account.id)
                        .bind(payload.as_deref())
                        .bind(&now)
                        .execute(&mut *tx)
                        .await
                        .map(|_| ())
                    })
                    .await?;
                payload
            }
        };
        match send(accounts, &account, &target, kind, payload.as_deref()).await {
            Ok(()) => {
                sqlx::query(
                    "UPDATE feed_interactions SET state = 'done', done_at = ? \
                     WHERE item_id = ? AND kind = ?",
                )
                .bind(clock::to_db(clock::now()))
                .bind(item_id)
                .bind(kind.as_str())
                .execute(&store.pool)
                .await
                .map_err(|e| store.db_err(e))?;
                Ok(())
            }
            Err(err) => {
                if !err.may_have_landed() {
                    sqlx::query("DELETE FROM feed_interactions WHERE item_id = ? AND kind = ?")
                        .bind(item_id)
                        .bind(kind.as_str())
                        .execute(&store.pool)
                        .await
                        .map_err(|e| store.db_err(e))?;
                }
                Err(err)
            }
        }
    }
}

pub(super) async fn load(feeds: &Feeds, item_id: i64) -> Result<Target, FeedError> {
    let store = &feeds.store;
    let row: Option<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT i.network, i.remote_id, i.author_id, s.account_id \
         FROM feed_items i JOIN feed_sources s ON s.id = i.source_id WHERE i.id = ?",
    )
    .bind(item_id)
    .fetch_optional(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    let (network, remote_id, author_id, account_id) =
        row.ok_or(FeedError::NoItem { id: item_id })?;
    Ok(Target {
        network,
        remote_id,
        author_id,
        account_id,
    })
}

/// What makes sending again harmless, fixed before the first request.
async fn prepare(
    accounts: &Accounts,
    account: &Account,
    target: &Target,
    kind: Interaction,
) -> Result<Option<String>, FeedError> {
    match account.network {
        Network::Mastodon => Ok(None),
        Network::Bluesky => Ok(Some(
            json!({
                "rkey": Tid::now().as_str(),
                "createdAt": Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            })
            .to_string(),
        )),
        Network::Nostr => {
            let keys = accounts.nostr_keys(account).await?;
            let author = target
                .author_id
                .clone()
                .ok_or_else(|| FeedError::NotInteractive {
                    reason: "Ferry does not know who wrote this note".into(),
                })?;
            let note = EventRef {
                id: target.remote_id.clone(),
                author,
                relay: None,
            };
            let reaction = match kind {
                Interaction::Like => Reaction::Like,
                Interaction::Boost => Reaction::Repost,
            };
            let now = u64::try_from(Utc::now().timestamp()).unwrap_or_default();
            let event = sign_reaction(&keys, reaction, &note, now)?;
            Ok(Some(event.as_json()))
        }
        other => Err(FeedError::NotInteractive {
            reason: format!("liking and boosting on {} is planned", other.name()),
        }),
    }
}

async fn send(
    accounts: &Accounts,
    account: &Account,
    target: &Target,
    kind: Interaction,
    payload: Option<&str>,
) -> Result<(), FeedError> {
    let unreadable = || FeedError::NotInteractive {
        reason: "what was prepared for it is unreadable; try again".into(),
    };
    match (target.network.as_str(), kind) {
        ("mastodon", Interaction::Like) => {
            accounts
                .mastodon_client(account)
                .await?
                .favourite(&target.remote_id)
                .await?;
        }
        ("mastodon", Interaction::Boost) => {
            accounts
                .mastodon_client(account)
                .await?
                .reblog(&target.remote_id)
                .await?;
        }
        ("bluesky", _) => {
            let prepared: Value =
                serde_json::from_str(payload.ok_or_else(unreadable)?).map_err(|_| unreadable())?;
            let rkey = Tid::parse(prepared["rkey"].as_str().unwrap_or_default())
                .map_err(|_| unreadable())?;
            let created_at = prepared["createdAt"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let kept = KeptSession::open(accounts, account).await?;
            let subject = kept
                .call::<_, FeedError, _, _>(|| kept.client().post_ref(&target.remote_id))
                .await?
                .ok_or_else(|| FeedError::NotInteractive {
                    reason: "the post is gone from Bluesky".into(),
                })?;
            let record = match kind {
                Interaction::Like => BlueskyInteraction::Like,
                Interaction::Boost => BlueskyInteraction::Repost,
            };
            kept.call::<_, FeedError, _, _>(|| {
                kept.client().interact(record, &subject, &rkey, &created_at)
            })
            .await?;
        }
        ("nostr", _) => {
            let event =
                Event::from_json(payload.ok_or_else(unreadable)?).map_err(|_| unreadable())?;
            publish(&nostr_write_relays(account), &event, accounts.timeout).await?;
        }
        (network, _) => {
            return Err(FeedError::NotInteractive {
                reason: format!("liking and boosting on {network} is planned"),
            });
        }
    }
    Ok(())
}
