//! A Bluesky client that keeps its account signed in: every token rotation (an expired access
//! token refreshed inside the client, or a refresh after an auth error) is written to the
//! keychain before the new tokens are used, because the old refresh token is dead from then
//! on. The outbox's sender
//! and the feed's timeline reader both go through it, so neither can strand an account.
//!
//! ```ignore
//! let kept = KeptSession::open(&accounts, &account).await?;
//! let fetch = kept.call(|| kept.client().following_timeline(&request)).await?;
//! ```

use std::future::Future;
use std::sync::Arc;

use ferry_networks::bluesky::client::{BlueskyClient, BlueskySession, OnRotate};
use ferry_networks::http::{ClientError, ErrorClass, Secret};
use tokio::sync::Mutex;

use super::{Account, AccountError, Accounts};

#[derive(Debug)]
pub(crate) struct KeptSession {
    client: BlueskyClient,
    accounts: Accounts,
    account_id: String,
    /// The refresh token last written to the keychain, to notice a rotation (a redacting
    /// `Secret`, so `Debug` never prints it).
    saved_refresh: Arc<Mutex<Secret>>,
}

impl KeptSession {
    pub async fn open(accounts: &Accounts, account: &Account) -> Result<Self, AccountError> {
        let client = accounts.bluesky_client(account).await?;
        let saved = Arc::new(Mutex::new(client.session().await.refresh_jwt.clone()));
        let client = client.on_rotate(store_rotation(accounts, &account.id, &saved));
        Ok(KeptSession {
            client,
            accounts: accounts.clone(),
            account_id: account.id.clone(),
            saved_refresh: saved,
        })
    }

    pub fn client(&self) -> &BlueskyClient {
        &self.client
    }

    /// Runs a call; after an auth error, refreshes the session once and runs it again (the
    /// access token may be revoked while the refresh token lives). A refresh refused for auth
    /// means the refresh token is dead: that `Auth` error sends the person to sign in.
    pub async fn call<T, E, F, Fut>(&self, op: F) -> Result<T, E>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, ClientError>>,
        E: From<ClientError> + From<AccountError>,
    {
        let first = op().await;
        let result = match first {
            Err(err) if err.class() == ErrorClass::Auth => match self.client.refresh().await {
                Ok(()) => {
                    self.save_if_rotated().await?;
                    op().await
                }
                Err(refresh) => Err(refresh),
            },
            other => other,
        };
        // The client may have refreshed on an expired token by itself too.
        self.save_if_rotated().await?;
        Ok(result?)
    }

    /// The rotation hook already stored the tokens unless the keychain refused: then this
    /// tries again and says why.
    async fn save_if_rotated(&self) -> Result<(), AccountError> {
        let mut saved = self.saved_refresh.lock().await;
        let session = self.client.session().await;
        if session.refresh_jwt != *saved {
            self.accounts
                .save_bluesky_session(&self.account_id, &session)
                .await?;
            *saved = session.refresh_jwt.clone();
        }
        Ok(())
    }
}

/// Stores the new tokens the moment the client rotates them, before it uses them: a process
/// killed between the refresh and the next call still has a live refresh token stored.
fn store_rotation(accounts: &Accounts, account_id: &str, saved: &Arc<Mutex<Secret>>) -> OnRotate {
    let (accounts, account_id, saved) =
        (accounts.clone(), account_id.to_owned(), Arc::clone(saved));
    OnRotate(Arc::new(move |session: BlueskySession| {
        let (accounts, account_id, saved) =
            (accounts.clone(), account_id.clone(), Arc::clone(&saved));
        Box::pin(async move {
            match accounts.save_bluesky_session(&account_id, &session).await {
                Ok(()) => *saved.lock().await = session.refresh_jwt,
                // Kept in memory; `save_if_rotated` tries again after the call and reports it.
                Err(err) => tracing::warn!("could not store a rotated Bluesky session: {err}"),
            }
        })
    }))
}
