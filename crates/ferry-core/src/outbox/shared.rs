//! What every job of one publisher shares: the per-network concurrency caps, one sender per
//! account (so an account's session is refreshed once, not once per target), and the
//! per-account "not before" times a `429` sets, which all of that account's targets obey.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};

use chrono::{DateTime, Utc};
use tokio::sync::mpsc::UnboundedSender;
use tokio::sync::{Mutex, Semaphore};

use super::config::PublishConfig;
use super::failure::{FailKind, Failure};
use super::jobs::status_of;
use super::model::{PublishEvent, TargetEvent};
use super::rows::TargetRow;
use super::send::Sender;
use crate::accounts::{Account, AccountState, Accounts};
use crate::model::Network;

#[derive(Debug)]
pub(crate) struct Shared {
    pub accounts: Accounts,
    pub config: PublishConfig,
    /// `<pid>:<uuid>`: this publisher, as it appears in job claims.
    pub owner: String,
    permits: HashMap<Network, Arc<Semaphore>>,
    /// Keyed by account id, with the account's `updated_at` when the sender was made: signing
    /// in again changes it, and the next target gets a fresh sender.
    senders: Mutex<HashMap<String, MadeSender>>,
    gates: std::sync::Mutex<HashMap<String, tokio::time::Instant>>,
    renewing: AtomicBool,
}

impl Shared {
    pub fn new(accounts: Accounts, config: PublishConfig) -> Self {
        let accounts = accounts.with_timeout(config.request_timeout);
        let permits = [Network::Mastodon, Network::Bluesky, Network::Nostr]
            .into_iter()
            .map(|n| (n, Arc::new(Semaphore::new(config.per_network.get(n)))))
            .collect();
        Shared {
            accounts,
            config,
            owner: format!("{}:{}", std::process::id(), uuid::Uuid::new_v4()),
            permits,
            senders: Mutex::new(HashMap::new()),
            gates: std::sync::Mutex::new(HashMap::new()),
            renewing: AtomicBool::new(false),
        }
    }

    /// Starts (once) the task that keeps this publisher's job claims alive, every third of
    /// the lease. It holds only a weak reference: when the publisher is dropped the claims
    /// lapse, as they would if the process had died.
    pub fn keep_claims(self: &Arc<Self>) {
        if self.renewing.swap(true, Ordering::SeqCst) {
            return;
        }
        let weak: Weak<Shared> = Arc::downgrade(self);
        let every = self.config.lease / 3;
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                let Some(shared) = weak.upgrade() else { return };
                let lease = chrono::Duration::from_std(shared.config.lease).unwrap_or_default();
                let store = shared.accounts.store();
                if let Err(err) = store.renew_claims(&shared.owner, Utc::now() + lease).await {
                    tracing::warn!("cannot renew the publish claims: {err}");
                }
            }
        });
    }

    pub fn permits(&self, network: Network) -> Arc<Semaphore> {
        self.permits
            .get(&network)
            .cloned()
            .unwrap_or_else(|| Arc::new(Semaphore::new(1)))
    }

    /// The account's sender, made on first use. An account that needs a new sign-in, or was
    /// removed, fails here without a request.
    pub async fn sender(&self, account_id: &str) -> Result<(Account, Arc<Sender>), Failure> {
        let account = self.accounts.get(account_id).await.map_err(|e| match e {
            crate::accounts::AccountError::NotFound { .. } => Failure::new(
                FailKind::Permanent,
                "account.not_found",
                format!("account {account_id} was removed; this target can't be sent"),
            ),
            other => other.into(),
        })?;
        if account.state == AccountState::NeedsReauth {
            return Err(Failure::new(
                FailKind::Auth,
                "account.needs_reauth",
                format!(
                    "{} {} needs signing in again ({}); nothing was sent",
                    account.network,
                    account.handle,
                    account
                        .state_detail
                        .as_deref()
                        .unwrap_or("its token stopped working")
                ),
            ));
        }
        let mut senders = self.senders.lock().await;
        if let Some((made_for, sender)) = senders.get(account_id)
            && *made_for == account.updated_at
        {
            return Ok((account, Arc::clone(sender)));
        }
        let sender = Arc::new(Sender::open(&self.accounts, &account, &self.config).await?);
        senders.insert(
            account_id.to_owned(),
            (account.updated_at, Arc::clone(&sender)),
        );
        Ok((account, sender))
    }

    /// Waits until the account may be sent to again after a rate limit.
    pub async fn wait_gate(&self, account_id: &str) {
        let until = self
            .gates
            .lock()
            .ok()
            .and_then(|g| g.get(account_id).copied());
        if let Some(until) = until {
            tokio::time::sleep_until(until).await;
        }
    }

    /// Holds back every target of the account until `until`.
    pub fn close_gate(&self, account_id: &str, until: tokio::time::Instant) {
        if let Ok(mut gates) = self.gates.lock() {
            let gate = gates.entry(account_id.to_owned()).or_insert(until);
            *gate = (*gate).max(until);
        }
    }
}

/// A sender and the account's `updated_at` it was made for.
type MadeSender = (DateTime<Utc>, Arc<Sender>);

/// Where progress goes: the job's channel (dropped receivers are fine).
#[derive(Debug, Clone)]
pub(crate) struct Events(pub UnboundedSender<PublishEvent>);

impl Events {
    /// The target as it now is, about `part` (0-based) when given.
    pub fn target(&self, target: &TargetRow, part: Option<usize>) {
        let status = status_of(target);
        let parts = status.parts;
        let _ = self.0.send(PublishEvent::Target(TargetEvent {
            job_id: status.job_id,
            target_id: status.id,
            account_id: status.account_id,
            network: status.network,
            lang: status.lang,
            state: status.state,
            part: part.filter(|_| parts > 1).map(|p| p as u32 + 1),
            parts,
            attempt: status.attempts,
            remote_url: status.remote_url,
            error: status.error,
            retryable: status.retryable,
            next_attempt_at: status.next_attempt_at,
        }));
    }
}
