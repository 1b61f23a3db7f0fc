//! Settling a part whose outcome Ferry can't check (Telegram: no idempotency key, and a bot
//! can't read the chat). The person looks in the chat and says what they found:
//!
//! - **posted**, with the message's link when they have it: the part is recorded as posted
//!   (a later part then replies to the message the link names);
//! - **not posted**: the part goes back to the queue.
//!
//! [`crate::outbox::Publisher::settle`] then sends whatever of the target is left.

use serde::Deserialize;
use ts_rs::TS;
use url::Url;

use super::error::PublishError;
use super::model::{JobStatus, TargetState};
use crate::{ErrorPayload, Store};

/// What the person found when they looked.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum Looked {
    /// It is there; `url` is the message's link (`https://t.me/channel/123`), if copied.
    Posted { url: Option<String> },
    /// It is not there: send it.
    NotPosted,
}

/// Settles the first part of `target_id` whose outcome is unknown.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settle {
    pub target_id: String,
    pub looked: Looked,
}

impl Store {
    /// The job `target_id` belongs to.
    pub async fn job_of_target(&self, target_id: &str) -> Result<String, PublishError> {
        let job_id: Option<String> =
            sqlx::query_scalar("SELECT job_id FROM outbox_targets WHERE id = ?")
                .bind(target_id)
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| self.db_err(e))?;
        job_id.ok_or_else(|| PublishError::NothingToSettle {
            target: target_id.to_owned(),
            why: "there is no such target".into(),
        })
    }

    /// Records what the person found and returns the job as it stands.
    pub async fn settle_unknown(&self, settle: Settle) -> Result<JobStatus, PublishError> {
        let job_id = self.job_of_target(&settle.target_id).await?;
        let not_found = || PublishError::NothingToSettle {
            target: settle.target_id.clone(),
            why: "there is no such target".into(),
        };
        let mut target = self
            .job_targets(&job_id)
            .await?
            .into_iter()
            .find(|t| t.id == settle.target_id)
            .ok_or_else(not_found)?;
        let idx = target
            .parts
            .iter()
            .position(|p| matches!(p.state, TargetState::Unknown | TargetState::Sending))
            .ok_or_else(|| PublishError::NothingToSettle {
                target: settle.target_id.clone(),
                why: format!(
                    "none of its parts is unknown (it is {})",
                    target.state.as_str()
                ),
            })?;
        let n = target.parts.len();
        let part = &mut target.parts[idx];
        let what = if n > 1 {
            format!("part {} of {n}", idx + 1)
        } else {
            "the post".to_owned()
        };
        let note = match &settle.looked {
            Looked::Posted { url } => {
                let url = url.as_deref().map(str::trim).filter(|u| !u.is_empty());
                let url = url.map(message_link).transpose()?;
                part.state = TargetState::Posted;
                part.remote_id = url.as_ref().and_then(|u| last_number(u));
                part.remote_url = url;
                format!("{what} was found posted")
            }
            Looked::NotPosted => {
                part.state = TargetState::Queued;
                format!("{what} was not posted; it is sent again")
            }
        };
        if idx == 0 {
            target.remote_id = target.parts[0].remote_id.clone();
            target.remote_url = target.parts[0].remote_url.clone();
        }
        let all = target.parts.iter().all(|p| p.state == TargetState::Posted);
        if all {
            target.state = TargetState::Posted;
            target.error = None;
            target.retryable = None;
        } else {
            // Left for the publisher's retry, which sends the parts not posted.
            target.state = TargetState::Failed;
            target.retryable = Some(true);
            target.error = Some(ErrorPayload {
                code: "outbox.settled".into(),
                message: note,
            });
        }
        target.next_attempt_at = None;
        let part = target.parts[idx].clone();
        self.save_progress(&target, Some(&part)).await?;
        self.publish_job(&job_id).await
    }
}

/// An `https://` link, as the app's "Copy link" gives it.
fn message_link(text: &str) -> Result<String, PublishError> {
    let bad = |reason: &str| PublishError::BadNoteLink {
        url: text.to_owned(),
        reason: reason.to_owned(),
    };
    let url = Url::parse(text).map_err(|e| bad(&format!("it is not a link ({e})")))?;
    if url.scheme() != "https" || url.host_str().is_none() {
        return Err(bad("give the https:// link the app copies"));
    }
    Ok(url.to_string())
}

/// The message id at the end of `https://t.me/channel/123` (or `…/c/456/123`).
fn last_number(url: &str) -> Option<String> {
    let tail = url.trim_end_matches('/').rsplit('/').next()?;
    let id = tail.split(['?', '#']).next()?;
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_link_gives_the_message_id() {
        assert_eq!(
            last_number("https://t.me/ferry_news/123").as_deref(),
            Some("123")
        );
        assert_eq!(
            last_number("https://t.me/c/9876/45?single").as_deref(),
            Some("45")
        );
        assert_eq!(last_number("https://t.me/ferry_news"), None);
        assert!(message_link("t.me/ferry_news/1").is_err());
        assert!(message_link("http://t.me/ferry_news/1").is_err());
    }
}
