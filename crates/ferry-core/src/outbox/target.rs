//! One target from `queued` to a final state: its parts in order (a retry resumes at the first
//! part not posted), anything that may have gone out checked before it is sent again, every
//! change saved before the next request, retries with backoff.

use chrono::Utc;

use super::failure::{FailKind, Failure};
use super::model::TargetState;
use super::rows::TargetRow;
use super::send::Posted;
use super::shared::{Events, Shared};
use crate::accounts::AccountState;

/// Runs the target until it is posted or out of attempts; returns it as last saved.
pub(crate) async fn run_target(
    shared: &Shared,
    mut target: TargetRow,
    events: &Events,
) -> TargetRow {
    let policy = shared.config.retry;
    let mut tries = 0;
    loop {
        tries += 1;
        shared.wait_gate(&target.account_id).await;
        let permits = shared.permits(target.network);
        let outcome = {
            // Closed only if the publisher is gone; then there is nothing left to do.
            let Ok(_permit) = permits.acquire().await else {
                return target;
            };
            attempt(shared, &mut target, events).await
        };
        let failure = match outcome {
            Ok(()) => {
                target.state = TargetState::Posted;
                target.error = None;
                target.retryable = None;
                target.next_attempt_at = None;
                save(shared, &target, events).await;
                return target;
            }
            Err(failure) => failure,
        };
        target.error = Some(failure.payload());
        target.next_attempt_at = None;
        match failure.kind {
            FailKind::Permanent | FailKind::Auth => {
                target.state = TargetState::Failed;
                target.retryable = Some(false);
                if failure.kind == FailKind::Auth && failure.code != "account.needs_reauth" {
                    let _ = shared
                        .accounts
                        .store()
                        .set_account_state(
                            &target.account_id,
                            AccountState::NeedsReauth,
                            Some(&failure.message),
                        )
                        .await;
                }
                save(shared, &target, events).await;
                return target;
            }
            FailKind::Unverifiable => {
                target.state = TargetState::Unknown;
                target.retryable = Some(false);
                save(shared, &target, events).await;
                return target;
            }
            FailKind::Retryable | FailKind::Unknown => {}
        }
        let now = Utc::now();
        if let Some(at) = failure.retry_at
            && let Ok(wait) = (at - now).to_std()
        {
            shared.close_gate(&target.account_id, tokio::time::Instant::now() + wait);
        }
        let delay = policy.delay(tries, failure.retry_at, now);
        // An unknown outcome stays `unknown` until a check settles it, even as a final state.
        let waiting = if failure.kind == FailKind::Unknown {
            TargetState::Unknown
        } else {
            TargetState::Queued
        };
        if tries >= policy.max_attempts || delay > policy.max_wait {
            target.state = if waiting == TargetState::Unknown {
                TargetState::Unknown
            } else {
                TargetState::Failed
            };
            target.retryable = Some(true);
            save(shared, &target, events).await;
            return target;
        }
        target.state = waiting;
        target.retryable = Some(true);
        target.next_attempt_at = chrono::Duration::from_std(delay).ok().map(|d| now + d);
        save(shared, &target, events).await;
        tokio::time::sleep(delay).await;
    }
}

/// One pass over the parts not posted yet.
async fn attempt(shared: &Shared, target: &mut TargetRow, events: &Events) -> Result<(), Failure> {
    let (_, sender) = shared.sender(&target.account_id).await?;
    target.attempts += 1;
    for idx in 0..target.parts.len() {
        let part_state = target.parts[idx].state;
        if part_state == TargetState::Posted {
            continue;
        }
        if matches!(part_state, TargetState::Unknown | TargetState::Sending)
            && let Some(found) = sender.check(target, idx).await?
        {
            mark_posted(target, idx, found);
            persist(shared, target, Some(idx), events).await?;
            continue;
        }
        let mut part = sender.prepare(target, idx).await?;
        part.state = TargetState::Sending;
        part.first_sent_at.get_or_insert_with(Utc::now);
        target.parts[idx] = part;
        target.state = TargetState::Sending;
        target.next_attempt_at = None;
        persist(shared, target, Some(idx), events).await?;
        match sender.send(target, idx).await {
            Ok(found) => {
                mark_posted(target, idx, found);
                persist(shared, target, Some(idx), events).await?;
            }
            Err(failure) => {
                // Unknown: it may be there, so it is checked first next time. Anything else
                // changed nothing remotely: the part is simply still to send.
                let unknown = matches!(failure.kind, FailKind::Unknown | FailKind::Unverifiable);
                target.parts[idx].state = if unknown {
                    TargetState::Unknown
                } else {
                    TargetState::Queued
                };
                if unknown {
                    target.state = TargetState::Unknown;
                }
                persist(shared, target, Some(idx), events).await?;
                return Err(failure);
            }
        }
    }
    Ok(())
}

fn mark_posted(target: &mut TargetRow, idx: usize, found: Posted) {
    let part = &mut target.parts[idx];
    part.state = TargetState::Posted;
    part.remote_id = Some(found.remote_id);
    part.remote_cid = found.cid;
    part.remote_url = found.url;
    if idx == 0 {
        target.remote_id = part.remote_id.clone();
        target.remote_url = part.remote_url.clone();
    }
}

/// Saves the target and part; a failed save stops the attempt (nothing is sent on a state
/// that isn't on disk).
async fn persist(
    shared: &Shared,
    target: &TargetRow,
    idx: Option<usize>,
    events: &Events,
) -> Result<(), Failure> {
    let part = idx.map(|i| &target.parts[i]);
    shared
        .accounts
        .store()
        .save_progress(target, part)
        .await
        .map_err(|e| Failure::new(FailKind::Permanent, e.code(), e.to_string()))?;
    events.target(target, idx);
    Ok(())
}

/// Saves a final or waiting state; when even that fails the row keeps its last saved state,
/// which a later run checks again.
async fn save(shared: &Shared, target: &TargetRow, events: &Events) {
    if let Err(err) = shared.accounts.store().save_progress(target, None).await {
        tracing::error!(target = %target.id, code = err.code(), "cannot save the target's state: {err}");
    }
    events.target(target, None);
}
