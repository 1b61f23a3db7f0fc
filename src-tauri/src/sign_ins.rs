//! Sign-ins in the browser in progress (Mastodon's, X's), between "Sign in" (the browser
//! opens) and the code coming back, kept in managed state under an id the UI holds.
//!
//! A loopback sign-in is waited on (`take` it, wait for the redirect, `finish`); an
//! out-of-band one (Mastodon) waits for the code the person pastes. Cancelling drops the
//! sign-in, which stops its loopback listener; a waiter learns of it through its cancel signal.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ferry_core::accounts::{AccountError, AddedAccount, MastodonSignIn, XSignIn};
use tokio::sync::Notify;

use crate::error::{AppError, CommandError, CommandResult};

pub struct SignIns<T> {
    /// The network, first in every id (`mastodon-3`).
    prefix: &'static str,
    pending: Mutex<HashMap<String, Pending<T>>>,
    next: AtomicU64,
}

pub type MastodonSignIns = SignIns<MastodonSignIn>;
pub type XSignIns = SignIns<XSignIn>;

struct Pending<T> {
    sign_in: Option<T>,
    cancel: Arc<Notify>,
}

impl<T> SignIns<T> {
    pub fn new(prefix: &'static str) -> Self {
        SignIns {
            prefix,
            pending: Mutex::default(),
            next: AtomicU64::default(),
        }
    }

    /// Keeps a started sign-in; returns its id.
    pub fn insert(&self, sign_in: T) -> String {
        let id = format!(
            "{}-{}",
            self.prefix,
            self.next.fetch_add(1, Ordering::Relaxed)
        );
        let pending = Pending {
            sign_in: Some(sign_in),
            cancel: Arc::new(Notify::new()),
        };
        self.lock().insert(id.clone(), pending);
        id
    }

    /// Hands the sign-in out (to wait on or finish) with its cancel signal.
    pub fn take(&self, id: &str) -> Result<(T, Arc<Notify>), CommandError> {
        let mut pending = self.lock();
        let entry = pending.get_mut(id).ok_or_else(|| gone(id))?;
        let sign_in = entry.sign_in.take().ok_or(AppError::SignInBusy)?;
        Ok((sign_in, Arc::clone(&entry.cancel)))
    }

    /// Forgets the sign-in (finished or failed).
    pub fn remove(&self, id: &str) {
        self.lock().remove(id);
    }

    /// Stops a sign-in: its listener closes and whoever waits on it gets `cancelled`.
    pub fn cancel(&self, id: &str) {
        if let Some(pending) = self.lock().remove(id) {
            pending.cancel.notify_waiters();
            pending.cancel.notify_one();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Pending<T>>> {
        self.pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn gone(id: &str) -> AppError {
    AppError::SignInGone { id: id.to_owned() }
}

/// What waiting on a browser sign-in needs of it, whichever the network.
pub trait BrowserSignIn: Send + 'static {
    fn code(&mut self, limit: Duration) -> Waiting<'_, String>;
    fn complete(self, code: String) -> Waiting<'static, AddedAccount>;
}

/// A sign-in step under way.
pub type Waiting<'a, T> = Pin<Box<dyn Future<Output = Result<T, AccountError>> + Send + 'a>>;

impl BrowserSignIn for MastodonSignIn {
    fn code(&mut self, limit: Duration) -> Waiting<'_, String> {
        Box::pin(self.wait_for_code(limit))
    }
    fn complete(self, code: String) -> Waiting<'static, AddedAccount> {
        Box::pin(async move { self.finish(&code).await })
    }
}

impl BrowserSignIn for XSignIn {
    fn code(&mut self, limit: Duration) -> Waiting<'_, String> {
        Box::pin(self.wait_for_code(limit))
    }
    fn complete(self, code: String) -> Waiting<'static, AddedAccount> {
        Box::pin(async move { self.finish(&code).await })
    }
}

impl<T: BrowserSignIn> SignIns<T> {
    /// Waits for the browser to come back with the code (or the sign-in to be cancelled),
    /// then finishes it; the sign-in is forgotten either way.
    pub async fn wait(&self, id: &str, limit: Duration) -> CommandResult<AddedAccount> {
        let (mut sign_in, cancel) = self.take(id)?;
        let result: CommandResult<AddedAccount> = async {
            let code = tokio::select! {
                code = sign_in.code(limit) => code?,
                () = cancel.notified() => return Err(AppError::SignInCancelled.into()),
            };
            Ok(sign_in.complete(code).await?)
        }
        .await;
        self.remove(id);
        result
    }
}
