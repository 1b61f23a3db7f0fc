//! [`Dispatch`]: where a claimed item goes. In Ferry that is the outbox ([`Publisher`]); the
//! scheduler's own tests put a recorder there to count hand-overs by the ten thousand
//! without a network.

use std::future::Future;

use super::rows::StoredSchedule;
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
}

impl Dispatch for Publisher {
    fn store(&self) -> &Store {
        self.accounts().store()
    }

    async fn dispatch(&self, item: &StoredSchedule, owner: &str) -> Result<HandOver, PublishError> {
        self.hand_over(item, owner).await
    }
}
