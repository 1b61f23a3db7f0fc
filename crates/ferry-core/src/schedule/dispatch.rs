//! [`Dispatch`]: where a claimed item goes. In Ferry that is the outbox ([`Publisher`]); the
//! scheduler's own tests put a recorder there to count hand-overs by the ten thousand
//! without a network.

use std::future::Future;

use super::error::ScheduleError;
use super::rows::StoredSchedule;
use super::server_copies::CopyChange;
use crate::Store;
use crate::outbox::{HandOver, PublishError, Publisher};

pub trait Dispatch: Send + Sync + 'static {
    /// The database the loop claims from.
    fn store(&self) -> &Store;

    /// Hands a claimed item over. Must write nothing when the claim is lost (see
    /// `Store::insert_job_for`).
    fn dispatch(
        &self,
        item: &StoredSchedule,
        owner: &str,
    ) -> impl Future<Output = Result<HandOver, PublishError>> + Send;

    /// Keeps the servers' copies of waiting items in step (Mastodon's own schedule), after
    /// each pass. Nothing by default: only the outbox talks to servers.
    fn keep_server_copies(
        &self,
        _owner: &str,
        _now: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Vec<CopyChange>, ScheduleError>> + Send {
        async { Ok(Vec::new()) }
    }
}

impl Dispatch for Publisher {
    fn store(&self) -> &Store {
        self.accounts().store()
    }

    async fn dispatch(&self, item: &StoredSchedule, owner: &str) -> Result<HandOver, PublishError> {
        self.hand_over(item, owner).await
    }

    async fn keep_server_copies(
        &self,
        owner: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<CopyChange>, ScheduleError> {
        Publisher::keep_server_copies(self, owner, now).await
    }
}
