//! Bluesky: `createRecord` under a record key (TID) chosen when the job was made. The check
//! after a lost answer is `getRecord` by that key; a resend with it can't make a second post.
//!
//! The session is the account's, shared by all its targets, and kept signed in by
//! [`KeptSession`] (rotated tokens go back to the keychain at once).

use std::future::Future;

use chrono::{SecondsFormat, Utc};
use ferry_networks::bluesky::client::{
    BlueskyClient, NewPost, PostImage, ReplyRef, StrongRef, Tid,
};
use ferry_networks::bluesky::facets;
use ferry_networks::http::ClientError;
use ferry_networks::media::MediaLimits;

use super::mastodon::missing_key;
use super::{Answers, Posted, answers, media};
use crate::Store;
use crate::accounts::{Account, Accounts, KeptSession};
use crate::model::ReplyTarget;
use crate::outbox::failure::{FailKind, Failure};
use crate::outbox::rows::{PartRow, TargetRow};

#[derive(Debug)]
pub(crate) struct BlueskySender {
    session: KeptSession,
    did: String,
    store: Store,
}

impl BlueskySender {
    pub async fn open(accounts: &Accounts, account: &Account) -> Result<Self, Failure> {
        Ok(BlueskySender {
            session: KeptSession::open(accounts, account).await?,
            did: account.remote_id.clone(),
            store: accounts.store().clone(),
        })
    }

    pub async fn check(&self, part: &PartRow) -> Result<Option<Posted>, Failure> {
        let rkey = rkey(part)?;
        let found = self.call(|| self.client().get_post(&rkey)).await?;
        Ok(found.map(|record| Posted {
            remote_id: record.uri,
            cid: record.cid,
            url: Some(self.post_url(&rkey)),
        }))
    }

    pub async fn send(&self, target: &TargetRow, idx: usize) -> Result<Posted, Failure> {
        let part = &target.parts[idx];
        let rkey = rkey(part)?;
        let mut images = Vec::new();
        if idx == 0 && !target.media.is_empty() {
            let prepared =
                media::prepare_all(&self.store, &target.media, MediaLimits::bluesky()).await?;
            for image in prepared {
                let blob = self
                    .call(|| self.client().upload_blob(image.bytes.clone(), image.mime))
                    .await?;
                images.push(PostImage {
                    blob,
                    alt: image.alt,
                    width: image.width,
                    height: image.height,
                });
            }
        }
        let reply = self.reply_ref(answers(target, idx)).await?;
        let created_at = part
            .payload
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc));
        let post = NewPost {
            facets: facets::detect(&part.text),
            text: part.text.clone(),
            langs: vec![target.lang.as_str().to_owned()],
            images,
            reply,
            created_at,
        };
        let posted = self
            .call(|| self.client().publish_post(&post, &rkey))
            .await?;
        Ok(Posted {
            remote_id: posted.uri,
            cid: Some(posted.cid),
            url: Some(posted.url),
        })
    }

    /// The `reply` of part `idx`: the post a reply answers (read from the server, `None` for
    /// a post without one) or the part before it, in the conversation it belongs to.
    async fn reply_ref(&self, answers: Answers<'_>) -> Result<Option<ReplyRef>, Failure> {
        Ok(match answers {
            Answers::Nothing => None,
            Answers::Reply(reply) => Some(self.conversation(reply).await?),
            Answers::Part {
                first,
                previous,
                reply,
            } => Some(ReplyRef {
                root: match reply {
                    Some(reply) => self.conversation(reply).await?.root,
                    None => strong_ref(first)?,
                },
                parent: strong_ref(previous)?,
            }),
        })
    }

    /// Where an answer to `reply` sits, as the server says now.
    async fn conversation(&self, reply: &ReplyTarget) -> Result<ReplyRef, Failure> {
        let uri = reply.remote_id.as_str();
        self.call(|| self.client().reply_ref(uri))
            .await?
            .ok_or_else(|| parent_gone(reply))
    }

    async fn call<T, F, Fut>(&self, op: F) -> Result<T, Failure>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, ClientError>>,
    {
        self.session.call(op).await
    }

    fn client(&self) -> &BlueskyClient {
        self.session.client()
    }

    fn post_url(&self, rkey: &Tid) -> String {
        format!("https://bsky.app/profile/{}/post/{rkey}", self.did)
    }
}

/// The record's `createdAt`, fixed before the first attempt so every resend is the same record.
pub(crate) fn prepare(part: &mut PartRow) {
    if part.payload.is_none() {
        part.payload = Some(Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true));
    }
}

fn rkey(part: &PartRow) -> Result<Tid, Failure> {
    let key = part.key.as_deref().ok_or_else(|| missing_key(part))?;
    Tid::parse(key).map_err(|e| Failure::new(FailKind::Permanent, "outbox.bad_key", e))
}

/// The post a reply answers is gone (deleted, or its author blocked the account): sending
/// can't make it reappear, so the part fails for good.
pub(super) fn parent_gone(reply: &ReplyTarget) -> Failure {
    let whose = reply
        .author_handle
        .as_deref()
        .map(|h| format!(" by {h}"))
        .unwrap_or_default();
    Failure::new(
        FailKind::Permanent,
        "outbox.reply_parent_gone",
        format!(
            "the post{whose} this draft answers is no longer there ({}); not sent",
            reply.remote_id
        ),
    )
}

fn strong_ref(part: &PartRow) -> Result<StrongRef, Failure> {
    match (&part.remote_id, &part.remote_cid) {
        (Some(uri), Some(cid)) => Ok(StrongRef {
            uri: uri.clone(),
            cid: cid.clone(),
        }),
        _ => Err(Failure::new(
            FailKind::Permanent,
            "outbox.thread_broken",
            format!(
                "part {} of the thread has no record to reply to",
                part.idx + 1
            ),
        )),
    }
}
