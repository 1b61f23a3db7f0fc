//! Accounts on Mastodon, Bluesky, Nostr, Telegram, Threads and X: several per network, added once,
//! used by the outbox for every post.
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store, secrets: ferry_core::secrets::Secrets) -> Result<(), ferry_core::accounts::AccountError> {
//! use ferry_core::accounts::{AddBluesky, AddNostr, Accounts, NostrKey, StartMastodon};
//! let accounts = Accounts::new(store, secrets);
//!
//! // Bluesky: handle (or email) and an app password, once; tokens go to the keychain.
//! let alice = accounts.add_bluesky(AddBluesky {
//!     pds_url: "https://bsky.social".into(),
//!     identifier: "alice.bsky.social".into(),
//!     password: "xxxx-xxxx-xxxx-xxxx".into(),
//!     audience: vec![],
//! }).await?;
//!
//! // Nostr: a new key (or NostrKey::Import), relays with read/write use (NIP-65).
//! let relays = vec![ferry_core::accounts::Relay { url: "wss://relay.example".into(), read: true, write: true }];
//! accounts.add_nostr(AddNostr { key: NostrKey::Generate, relays, audience: vec![] }).await?;
//!
//! // Telegram: a bot from @BotFather, administrator of the channel with "Post messages".
//! accounts.add_telegram(ferry_core::accounts::AddTelegram {
//!     token: "123456789:AAH…".into(),
//!     chat: "@my_channel".into(),
//!     api_url: None,
//!     audience: vec![],
//! }).await?;
//!
//! // Mastodon: OAuth in the browser, back through http://127.0.0.1:<port>/callback.
//! let mut sign_in = accounts.start_mastodon_sign_in(StartMastodon {
//!     instance: "https://mastodon.social".into(),
//!     out_of_band: false,
//! }).await?;
//! println!("open {}", sign_in.started().authorize_url);
//! let code = sign_in.wait_for_code(std::time::Duration::from_secs(300)).await?;
//! let added = sign_in.finish(&code).await?;
//! # drop((alice, added)); Ok(()) }
//! ```
//!
//! Rows in SQLite hold only what is not secret (network, handle, server, DID or public key,
//! cached limits, relays, audience, state); tokens and keys live in the keychain under the
//! account's id ([`crate::secrets`]). An account whose token died is marked
//! [`AccountState::NeedsReauth`]; signing in again (the same `add_…` call) makes it active.

mod bluesky;
mod bluesky_session;
mod error;
mod mastodon;
mod mastodon_app;
mod model;
mod nostr;
mod nostr_media_server;
mod rows;
mod secret_bridge;
mod telegram;
mod threads;
mod token_times;
mod x;
mod x_tokens;

use std::time::Duration;

pub use bluesky::{AddBluesky, DEFAULT_PDS};
pub(crate) use bluesky_session::KeptSession;
pub use error::AccountError;
pub(crate) use mastodon::instance_limits as mastodon_instance_limits;
pub use mastodon::{MastodonSignIn, MastodonSignInStarted, StartMastodon};
pub use model::{
    Account, AccountLimits, AccountState, AddedAccount, MediaServerProtocol, NostrMediaServer,
    Relay,
};
pub(crate) use nostr::write_relays as nostr_write_relays;
pub use nostr::{AddNostr, NostrKey};
pub use telegram::AddTelegram;
pub(crate) use telegram::telegram_chat;
pub use threads::AddThreads;
pub use x::{DEFAULT_X_PORT, StartX, XSignIn, XSignInStarted};

use crate::Store;
use crate::model::LangTag;
use crate::secrets::Secrets;

/// How long one request to a server may take while signing in, by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The accounts of one data folder, with the keychain holding their secrets. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Accounts {
    pub(crate) store: Store,
    pub(crate) secrets: Secrets,
    pub(crate) timeout: Duration,
}

impl Accounts {
    pub fn new(store: Store, secrets: Secrets) -> Self {
        Accounts {
            store,
            secrets,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// The same accounts with another per-request time limit (tests use short ones).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn secrets(&self) -> &Secrets {
        &self.secrets
    }

    pub async fn list(&self) -> Result<Vec<Account>, AccountError> {
        self.store.list_accounts().await
    }

    pub async fn get(&self, id: &str) -> Result<Account, AccountError> {
        self.store.account(id).await
    }

    /// Which variants of a draft this account gets (`["zh-Hans"]`; empty: the main one).
    pub async fn set_audience(
        &self,
        id: &str,
        audience: Vec<LangTag>,
    ) -> Result<Account, AccountError> {
        self.store.set_account_audience(id, &audience).await
    }

    /// Removes the account and every secret it has in the keychain. Its past posts stay in
    /// the outbox history. Returns how many secrets were removed.
    pub async fn remove(&self, id: &str) -> Result<usize, AccountError> {
        // The row must exist, so a typo is reported instead of silently doing nothing.
        self.store.account(id).await?;
        // Secrets first: if the keychain fails, the row stays and removal can be retried.
        let removed = self.secrets.delete_account(id).await?;
        self.store.delete_account_row(id).await?;
        Ok(removed)
    }
}

/// Checks and canonicalises an audience list given as text (`zh-Hans,en`).
pub fn parse_audience(list: &str) -> Result<Vec<LangTag>, AccountError> {
    let mut tags: Vec<LangTag> = Vec::new();
    for raw in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let tag =
            LangTag::parse(raw).map_err(|e| AccountError::invalid("audience", e.to_string()))?;
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Ok(tags)
}
