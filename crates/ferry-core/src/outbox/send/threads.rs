//! Threads: each part is a container made before it is written down (its id is the part's
//! key), then published — the first part with the pictures (one image, or a carousel of up
//! to 20 linked from the media host), each later part a reply to the one before.
//!
//! Threads has no idempotency key, but a container publishes once and says whether it was:
//! a part whose publish answer was lost is `PUBLISHED` (found among the account's latest
//! posts by its text) or not (published now, with the same container). A container that
//! expired or failed is replaced before the part is sent again.

use chrono::Utc;
use ferry_networks::http::ErrorClass;
use ferry_networks::media::MediaLimits;
use ferry_networks::threads::client::{
    ContainerState, NewContainer, Patience, PictureUrl, PostInfo, ThreadsApi,
};

use super::{Answers, Posted, answers, media};
use crate::accounts::{Account, Accounts};
use crate::model::Network;
use crate::outbox::failure::{FailKind, Failure};
use crate::outbox::rows::{PartRow, TargetRow};

/// How many of the account's latest posts are searched for one whose answer was lost.
const LOOK_BACK: u32 = 25;

#[derive(Debug)]
pub(crate) struct ThreadsSender {
    accounts: Accounts,
    account: Account,
    patience: Patience,
}

impl ThreadsSender {
    pub async fn open(
        accounts: &Accounts,
        account: &Account,
        patience: Patience,
    ) -> Result<Self, Failure> {
        accounts.threads_api(account).await?;
        Ok(ThreadsSender {
            accounts: accounts.clone(),
            account: account.clone(),
            patience,
        })
    }

    /// Asked each time, so a publisher that runs for weeks still renews the token.
    async fn api(&self) -> Result<ThreadsApi, Failure> {
        Ok(self.accounts.threads_api(&self.account).await?)
    }

    /// Makes the part's container, unless the one it has can still be published.
    pub async fn prepare(
        &self,
        target: &TargetRow,
        idx: usize,
        part: &mut PartRow,
    ) -> Result<(), Failure> {
        let api = self.api().await?;
        if let Some(container) = part.key.as_deref() {
            let status = api.container_status(container).await?;
            if matches!(
                status.state,
                ContainerState::InProgress | ContainerState::Finished | ContainerState::Published
            ) {
                return Ok(());
            }
        }
        let reply_to = reply_to(target, idx);
        let text = part.text.clone();
        let container = if idx == 0 && !target.media.is_empty() {
            let hosted =
                media::host_all(&self.accounts, target, MediaLimits::threads(), false).await?;
            let mut pictures: Vec<PictureUrl> = hosted
                .into_iter()
                .map(|h| PictureUrl {
                    url: h.url,
                    alt: Some(h.alt),
                })
                .collect();
            if pictures.len() == 1 {
                NewContainer::Image {
                    picture: pictures.remove(0),
                    text,
                    reply_to,
                }
            } else {
                let mut children = Vec::new();
                for picture in pictures {
                    let item = NewContainer::CarouselItem { picture };
                    children.push(api.create_container(&item).await?);
                }
                // A carousel takes only items Meta has finished with.
                for child in &children {
                    let status = api.wait_until_ready(child, self.patience).await?;
                    self.ready(&status.state, status.error_message.as_deref())?;
                }
                NewContainer::Carousel {
                    children,
                    text,
                    reply_to,
                }
            }
        } else {
            NewContainer::Text { text, reply_to }
        };
        part.key = Some(api.create_container(&container).await?);
        Ok(())
    }

    /// Whether a part that may have been published was: its container says.
    pub async fn check(&self, target: &TargetRow, idx: usize) -> Result<Option<Posted>, Failure> {
        let Some(container) = target.parts[idx].key.as_deref() else {
            return Ok(None); // no container, so nothing was published
        };
        let api = self.api().await?;
        let status = api.container_status(container).await?;
        if status.state == ContainerState::Published {
            self.find(&api, target, idx).await.map(Some)
        } else {
            Ok(None)
        }
    }

    pub async fn send(&self, target: &TargetRow, idx: usize) -> Result<Posted, Failure> {
        let api = self.api().await?;
        let container = target.parts[idx].key.as_deref().ok_or_else(|| {
            Failure::new(
                FailKind::Retryable,
                "outbox.not_prepared",
                "threads: the part has no container yet",
            )
        })?;
        let status = api.wait_until_ready(container, self.patience).await?;
        if status.state == ContainerState::Published {
            return self.find(&api, target, idx).await;
        }
        self.ready(&status.state, status.error_message.as_deref())?;
        let reply = idx > 0 || target.reply.is_some();
        let quota = api.quota().await?;
        if !quota.allows(reply) {
            let mut failure = Failure::new(
                FailKind::Retryable,
                "outbox.threads_quota",
                format!(
                    "threads: the account used its {} {} of the last 24 hours; Ferry sends it \
                     once Threads allows more",
                    if reply {
                        quota.replies_total
                    } else {
                        quota.posts_total
                    },
                    if reply { "replies" } else { "posts" },
                ),
            );
            failure.retry_at = Some(Utc::now() + chrono::Duration::hours(1));
            return Err(failure);
        }
        let id = match api.publish(container).await {
            Ok(id) => id,
            // "Already published": an earlier publish went through after all.
            Err(err) if err.class() == ErrorClass::Permanent => {
                let again = api.container_status(container).await?;
                if again.state == ContainerState::Published {
                    return self.find(&api, target, idx).await;
                }
                return Err(err.into());
            }
            Err(err) => return Err(err.into()),
        };
        // The post exists from here; its link is a nicety a failed read must not undo.
        let url = match api.post(&id).await {
            Ok(info) => info.permalink,
            Err(err) => {
                tracing::info!(code = err.code(), "threads: no permalink for {id}: {err}");
                None
            }
        };
        Ok(Posted {
            remote_id: id,
            cid: None,
            url,
        })
    }

    /// A container that can be published now, or the failure that says why not.
    fn ready(&self, state: &ContainerState, error: Option<&str>) -> Result<(), Failure> {
        match state {
            ContainerState::Finished | ContainerState::Published => Ok(()),
            ContainerState::InProgress => Err(Failure::new(
                FailKind::Retryable,
                "outbox.threads_processing",
                format!(
                    "threads: Threads was still processing the post after {} s; Ferry tries again",
                    self.patience.total.as_secs()
                ),
            )),
            ContainerState::Error => Err(Failure::new(
                FailKind::Permanent,
                "outbox.threads_container_failed",
                format!(
                    "threads: Threads could not process the post ({}); if it has pictures, \
                     check that the media host serves them publicly (Threads fetches them from \
                     there), then retry",
                    error.unwrap_or("no reason given")
                ),
            )),
            // Replaced by a new container when the part is prepared again.
            ContainerState::Expired | ContainerState::Unrecognized => Err(Failure::new(
                FailKind::Retryable,
                "outbox.threads_container_expired",
                "threads: the post's container expired before it was published; Ferry makes a \
                 new one",
            )),
        }
    }

    /// The post a published container became, among the account's latest posts (or replies).
    async fn find(
        &self,
        api: &ThreadsApi,
        target: &TargetRow,
        idx: usize,
    ) -> Result<Posted, Failure> {
        let part = &target.parts[idx];
        let replies = idx > 0 || target.reply.is_some();
        let recent = api.recent(replies, LOOK_BACK).await?;
        match pick(&recent, part) {
            Some(post) => Ok(Posted {
                remote_id: post.id.clone(),
                cid: None,
                url: post.permalink.clone(),
            }),
            None => Err(Failure::new(
                FailKind::Unverifiable,
                "outbox.look_before_resending",
                format!(
                    "threads: {} was published, but Ferry can't find it among the {LOOK_BACK} \
                     latest {} of {}; look there, then mark it posted",
                    part_name(target, idx),
                    if replies { "replies" } else { "posts" },
                    self.account.handle
                ),
            )),
        }
    }
}

/// The post with the part's text published closest after the part was first sent.
fn pick<'a>(recent: &'a [PostInfo], part: &PartRow) -> Option<&'a PostInfo> {
    let since = part
        .first_sent_at
        .map(|at| at - chrono::Duration::minutes(2));
    recent
        .iter()
        .filter(|p| p.text.as_deref().unwrap_or("").trim() == part.text.trim())
        .filter(|p| match (since, p.published_at()) {
            (Some(since), Some(at)) => at >= since,
            _ => true,
        })
        .min_by_key(|p| p.published_at())
}

/// What the part answers: the part before it, or the Threads post the draft replies to.
fn reply_to(target: &TargetRow, idx: usize) -> Option<String> {
    match answers(target, idx) {
        Answers::Nothing => None,
        Answers::Reply(reply) => {
            (reply.network == Network::Threads).then(|| reply.remote_id.clone())
        }
        Answers::Part { previous, .. } => previous.remote_id.clone(),
    }
}

fn part_name(target: &TargetRow, idx: usize) -> String {
    if target.parts.len() > 1 {
        format!("part {} of {}", idx + 1, target.parts.len())
    } else {
        "the post".to_owned()
    }
}
