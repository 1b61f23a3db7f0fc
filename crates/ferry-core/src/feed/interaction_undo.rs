//! Taking back a like or boost the person gave through Ferry, as the same account: unfavourite
//! or unreblog on Mastodon, deleting the like or repost record on Bluesky, a NIP-09 deletion
//! request for the reaction on Nostr.
//!
//! ```ignore
//! feeds.undo_interaction(item.id, Interaction::Like).await?; // nothing to take back: Ok too
//! ```
//!
//! The same rule as giving one: before the request the row becomes `undoing`, durably, with
//! what makes a resend harmless (Nostr's signed deletion; the Bluesky record key is already
//! there; Mastodon's calls are idempotent). The server's yes removes the row; a refusal puts
//! it back as it was; an unknown outcome keeps `undoing`, and the next try (or a new like)
//! sends the same undo first.

use ferry_networks::bluesky::client::{Interaction as BlueskyInteraction, Tid};
use ferry_networks::nostr::client::{publish, sign_withdrawal};
use nostr::prelude::Event;
use serde_json::Value;

use super::Feeds;
use super::error::FeedError;
use super::interactions::{Interaction, Target, load};
use crate::accounts::{Account, Accounts, KeptSession, nostr_write_relays};
use crate::clock;
use crate::model::Network;

/// The stored row of a like or boost.
struct Given {
    state: String,
    account_id: String,
    payload: Option<String>,
    undo_payload: Option<String>,
}

impl Feeds {
    /// Takes back the like or boost of item `item_id` that Ferry gave, as the account that gave
    /// it. When there is none, nothing is sent and it is not an error.
    pub async fn undo_interaction(&self, item_id: i64, kind: Interaction) -> Result<(), FeedError> {
        let store = &self.store;
        let target = load(self, item_id).await?;
        let row: Option<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT state, account_id, payload, undo_payload FROM feed_interactions \
             WHERE item_id = ? AND kind = ?",
        )
        .bind(item_id)
        .bind(kind.as_str())
        .fetch_optional(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
        let Some((state, account_id, payload, undo_payload)) = row else {
            return Ok(());
        };
        let given = Given {
            state,
            account_id,
            payload,
            undo_payload,
        };
        let Some(accounts) = &self.accounts else {
            return Err(FeedError::NotInteractive {
                reason: "this window was opened without the accounts; restart Ferry".into(),
            });
        };
        let account = accounts.get(&given.account_id).await?;
        let undo_payload = if given.state == "undoing" {
            given.undo_payload.clone()
        } else {
            let prepared = prepare(accounts, &account, given.payload.as_deref()).await?;
            store
                .write_durably(async |tx| {
                    sqlx::query(
                        "UPDATE feed_interactions SET state = 'undoing', undo_payload = ? \
                         WHERE item_id = ? AND kind = ?",
                    )
                    .bind(prepared.as_deref())
                    .bind(item_id)
                    .bind(kind.as_str())
                    .execute(&mut *tx)
                    .await
                    .map(|_| ())
                })
                .await?;
            prepared
        };
        let sent = send(
            accounts,
            &account,
            &target,
            kind,
            &given,
            undo_payload.as_deref(),
        )
        .await;
        let settle = match &sent {
            Ok(()) => Some((
                "DELETE FROM feed_interactions WHERE item_id = ? AND kind = ?",
                None,
            )),
            // Refused before anything changed: as it was, so the person may try again. An
            // earlier try that may have landed keeps `undoing`.
            Err(err) if !err.may_have_landed() && given.state != "undoing" => Some((
                "UPDATE feed_interactions SET state = ?, undo_payload = NULL \
                 WHERE item_id = ? AND kind = ?",
                Some(given.state.as_str()),
            )),
            Err(_) => None,
        };
        if let Some((sql, state)) = settle {
            let mut query = sqlx::query(sql);
            if let Some(state) = state {
                query = query.bind(state);
            }
            query
                .bind(item_id)
                .bind(kind.as_str())
                .execute(&store.pool)
                .await
                .map_err(|e| store.db_err(e))?;
        }
        sent
    }
}

/// What makes sending the undo again harmless: on Nostr the deletion request, signed once.
async fn prepare(
    accounts: &Accounts,
    account: &Account,
    payload: Option<&str>,
) -> Result<Option<String>, FeedError> {
    match account.network {
        Network::Nostr => {
            let reaction = stored_event(payload)?;
            let keys = accounts.nostr_keys(account).await?;
            let now = u64::try_from(clock::now().timestamp()).unwrap_or_default();
            Ok(Some(sign_withdrawal(&keys, &reaction, now)?.as_json()))
        }
        _ => Ok(None),
    }
}

async fn send(
    accounts: &Accounts,
    account: &Account,
    target: &Target,
    kind: Interaction,
    given: &Given,
    undo_payload: Option<&str>,
) -> Result<(), FeedError> {
    match (target.network.as_str(), kind) {
        ("mastodon", Interaction::Like) => {
            let client = accounts.mastodon_client(account).await?;
            client.unfavourite(&target.remote_id).await?;
        }
        ("mastodon", Interaction::Boost) => {
            let client = accounts.mastodon_client(account).await?;
            client.unreblog(&target.remote_id).await?;
        }
        ("bluesky", _) => {
            let prepared: Value = given
                .payload
                .as_deref()
                .and_then(|p| serde_json::from_str(p).ok())
                .ok_or_else(unreadable)?;
            let rkey = Tid::parse(prepared["rkey"].as_str().unwrap_or_default())
                .map_err(|_| unreadable())?;
            let record = match kind {
                Interaction::Like => BlueskyInteraction::Like,
                Interaction::Boost => BlueskyInteraction::Repost,
            };
            let kept = KeptSession::open(accounts, account).await?;
            kept.call::<_, FeedError, _, _>(|| kept.client().withdraw(record, &rkey))
                .await?;
        }
        ("nostr", _) => {
            let event = stored_event(undo_payload)?;
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

/// A signed event Ferry stored (the reaction, or the deletion that takes it back).
fn stored_event(payload: Option<&str>) -> Result<Event, FeedError> {
    Event::from_json(payload.ok_or_else(unreadable)?).map_err(|_| unreadable())
}

fn unreadable() -> FeedError {
    FeedError::NotInteractive {
        reason: "what Ferry stored for it is unreadable; it cannot be taken back from here".into(),
    }
}
