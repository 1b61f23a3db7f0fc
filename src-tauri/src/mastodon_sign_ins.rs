//! Mastodon sign-ins in progress, between "Sign in" (the browser opens) and the code coming
//! back, kept in managed state under an id the UI holds.
//!
//! A loopback sign-in is waited on (`take` it, wait for the redirect, `finish`); an
//! out-of-band one waits for the code the person pastes. Cancelling drops the sign-in, which
//! stops its loopback listener; a waiter learns of it through its cancel signal.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use ferry_core::accounts::MastodonSignIn;
use tokio::sync::Notify;

use crate::error::{AppError, CommandError};

#[derive(Default)]
pub struct MastodonSignIns {
    pending: Mutex<HashMap<String, Pending>>,
    next: AtomicU64,
}

struct Pending {
    sign_in: Option<MastodonSignIn>,
    cancel: Arc<Notify>,
}

impl MastodonSignIns {
    /// Keeps a started sign-in; returns its id.
    pub fn insert(&self, sign_in: MastodonSignIn) -> String {
        let id = format!("mastodon-{}", self.next.fetch_add(1, Ordering::Relaxed));
        let pending = Pending {
            sign_in: Some(sign_in),
            cancel: Arc::new(Notify::new()),
        };
        self.lock().insert(id.clone(), pending);
        id
    }

    /// Hands the sign-in out (to wait on or finish) with its cancel signal.
    pub fn take(&self, id: &str) -> Result<(MastodonSignIn, Arc<Notify>), CommandError> {
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

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Pending>> {
        self.pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn gone(id: &str) -> AppError {
    AppError::SignInGone { id: id.to_owned() }
}
