//! Handing a due scheduled item to the outbox. The item names accounts; what goes out is the
//! draft *as it is now*, planned exactly as "Post now" plans it. Targets that cannot go out are
//! left out with a reason on the item, and the others still go:
//! - an account removed since scheduling;
//! - an account this draft was already posted to (by "Post now" or another item), since the
//!   outbox never posts a draft to one account twice.
//!
//! - an account whose Mastodon server holds the item in its own schedule
//!   (`schedule/server_copies`): the server posts it;
//! - an X account, when the draft now costs more to post than was accepted at scheduling
//!   (that target fails saying both prices).
//!
//! The job is written and the item marked handed in one transaction that also checks the
//! claim (see `Store::insert_job_for`), so a cancel or move that lands first sends nothing.

use super::cost;
use super::error::PublishError;
use super::plan;
use super::publisher::{PublishHandle, Publisher, part_key};
use super::rows::HandOverClaim;
use crate::error::{ErrorPayload, StoreError};
use crate::schedule::server_copies::rows::CopyRow;
use crate::schedule::{ScheduleError, StoredSchedule};

/// How late an item may get waiting for a server's copy to be moved to its time; later, the
/// copy is left to go out at its own time rather than holding the other targets back.
const WAIT_FOR_MOVE: chrono::Duration = chrono::Duration::minutes(10);

/// What became of a claimed item.
#[derive(Debug)]
pub enum HandOver {
    /// Its job is running.
    Started(PublishHandle),
    /// Nothing can go out; the reason is stored on the item.
    Failed(ErrorPayload),
    /// The item changed (cancelled, moved) or another loop took it: nothing was written.
    Lost,
    /// Every target is held by its own server (Mastodon's schedule): nothing for the outbox.
    ToServers,
}

impl Publisher {
    pub(crate) async fn hand_over(
        &self,
        item: &StoredSchedule,
        owner: &str,
    ) -> Result<HandOver, PublishError> {
        let store = self.accounts().store();
        let id = &item.schedule.id;
        let fail = |payload: ErrorPayload| async move {
            let stored = store
                .fail_claimed(id, owner, item.version, &payload)
                .await?;
            Ok::<_, PublishError>(if stored {
                HandOver::Failed(payload)
            } else {
                HandOver::Lost
            })
        };
        let draft = match store.get_draft(&item.schedule.draft_id).await {
            Ok(draft) => draft,
            Err(StoreError::DraftNotFound { id }) => {
                return fail(ErrorPayload::of(&ScheduleError::DraftDeleted { draft: id })).await;
            }
            Err(other) => return Err(other.into()),
        };
        let all = self.accounts().list().await?;
        let sent = store.accounts_posted_for(&draft.id).await?;
        let copies = store.server_copies(Some(id)).await?;
        let servers = match servers_targets(item, &copies) {
            Some(servers) => servers,
            // A copy still at another time: the pass that moves or withdraws it runs within
            // seconds; the claim expires and the item is taken again then.
            None => return Ok(HandOver::Lost),
        };
        let mut left_out = Vec::new();
        let mut to = Vec::new();
        for account in &item.accounts {
            if servers.contains(account) {
                continue;
            } else if !all.iter().any(|a| &a.id == account) {
                left_out.push(format!("account {account} was removed"));
            } else if sent.contains(account) {
                left_out.push(format!("account {account} already has this draft"));
            } else {
                to.push(account.clone());
            }
        }
        let note = (!left_out.is_empty()).then(|| {
            ErrorPayload::of(&ScheduleError::TargetsLeftOut {
                detail: left_out.join("; "),
            })
        });
        if to.is_empty() && !servers.is_empty() {
            return Ok(if store.hand_to_servers(id, owner, item.version).await? {
                HandOver::ToServers
            } else {
                HandOver::Lost
            });
        }
        if to.is_empty() {
            let none = ScheduleError::NoTargets {
                draft: draft.id.clone(),
            };
            return fail(note.unwrap_or_else(|| ErrorPayload::of(&none))).await;
        }
        let mut request = item.request();
        request.to = to;
        let planned = plan::accounts_for(&draft, &request, &all)
            .and_then(|accounts| plan::plan(&draft, accounts, &request));
        let mut planned = match planned {
            Ok(planned) => planned,
            Err(err @ (PublishError::Store(_) | PublishError::Busy { .. })) => return Err(err),
            Err(refused) => {
                return fail(ErrorPayload {
                    code: refused.code().to_owned(),
                    message: format!("not sent: {refused}"),
                })
                .await;
            }
        };
        cost::hold_unaccepted(&mut planned, item.x_cost_accepted);
        let claim = HandOverClaim {
            schedule_id: id.clone(),
            owner: owner.to_owned(),
            version: item.version,
            note,
        };
        let job = store
            .insert_job_for(&draft.id, draft.revision, &planned, part_key, Some(&claim))
            .await?;
        match job {
            Some(job) => Ok(HandOver::Started(self.start_pending(job).await?)),
            None => Ok(HandOver::Lost),
        }
    }
}

/// The accounts whose server holds (or may hold) the item: the outbox leaves them out.
/// `None` while a copy is still at another time than the item (it is being moved).
fn servers_targets(item: &StoredSchedule, copies: &[CopyRow]) -> Option<Vec<String>> {
    let mut servers = Vec::new();
    for copy in copies.iter().filter(|c| c.state.is_servers()) {
        let elsewhere = copy.state == crate::schedule::ServerCopyState::Kept
            && copy.due_at != item.schedule.due_at;
        if elsewhere && crate::clock::now() < item.schedule.due_at + WAIT_FOR_MOVE {
            return None;
        }
        servers.push(copy.account_id.clone());
    }
    Some(servers)
}
