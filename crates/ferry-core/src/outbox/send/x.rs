//! X: one post per part, the pictures (up to four, each with its alt text) with the first,
//! each later part a reply to the one before.
//!
//! X has no idempotency key. A part whose answer was lost is looked for among the account's
//! latest posts by its text (X's copy escapes `&<>` and shortens every link, which
//! [`RecentPost::has_text`] sees through); not found, it is sent again — and should the read
//! have missed it, X itself refuses the same text twice within hours, an answer this sender
//! takes as "it is there" and looks again. Pictures are uploaded at each attempt: an upload
//! nobody posts is free and invisible.

use ferry_networks::media::MediaLimits;
use ferry_networks::x::client::{NewPost, RecentPost, XApi, is_duplicate, post_url};

use super::{Answers, Posted, answers, media};
use crate::accounts::{Account, Accounts};
use crate::model::Network;
use crate::outbox::failure::Failure;
use crate::outbox::rows::{PartRow, TargetRow};

/// How many of the account's latest posts are searched for one whose answer was lost
/// (X charges a tenth of a cent for each).
const LOOK_BACK: u8 = 20;

#[derive(Debug)]
pub(crate) struct XSender {
    accounts: Accounts,
    account: Account,
}

impl XSender {
    pub async fn open(accounts: &Accounts, account: &Account) -> Result<Self, Failure> {
        accounts.x_api(account).await?;
        Ok(XSender {
            accounts: accounts.clone(),
            account: account.clone(),
        })
    }

    /// Asked each time: the access token lasts two hours, a publisher runs for weeks.
    async fn api(&self) -> Result<XApi, Failure> {
        Ok(self.accounts.x_api(&self.account).await?)
    }

    /// The part among the account's latest posts, if it is there.
    pub async fn check(&self, target: &TargetRow, idx: usize) -> Result<Option<Posted>, Failure> {
        let api = self.api().await?;
        self.find(&api, target, idx).await
    }

    pub async fn send(&self, target: &TargetRow, idx: usize) -> Result<Posted, Failure> {
        let api = self.api().await?;
        let part = &target.parts[idx];
        let media_ids = if idx == 0 && !target.media.is_empty() {
            self.upload(&api, target).await?
        } else {
            Vec::new()
        };
        let post = NewPost {
            text: part.text.clone(),
            reply_to: reply_to(target, idx),
            media_ids,
        };
        match api.create_post(&post).await {
            Ok(created) => Ok(self.posted(created.id)),
            // The same text went out a short while ago: an earlier attempt got through.
            Err(err) if is_duplicate(&err) => match self.find(&api, target, idx).await? {
                Some(posted) => Ok(posted),
                None => Err(err.into()),
            },
            Err(err) => Err(err.into()),
        }
    }

    async fn upload(&self, api: &XApi, target: &TargetRow) -> Result<Vec<String>, Failure> {
        let images =
            media::prepare_all(self.accounts.store(), &target.media, MediaLimits::x()).await?;
        let mut ids = Vec::with_capacity(images.len());
        for (image, planned) in images.into_iter().zip(&target.media) {
            let id = api.upload_image(image.bytes, image.mime).await?;
            if !planned.alt.trim().is_empty() {
                api.set_alt_text(&id, &planned.alt).await?;
            }
            ids.push(id);
        }
        Ok(ids)
    }

    async fn find(
        &self,
        api: &XApi,
        target: &TargetRow,
        idx: usize,
    ) -> Result<Option<Posted>, Failure> {
        let recent = api.recent_posts(&self.account.remote_id, LOOK_BACK).await?;
        let parent = reply_to(target, idx);
        Ok(pick(&recent, &target.parts[idx], parent.as_deref()).map(|p| self.posted(p.id.clone())))
    }

    fn posted(&self, id: String) -> Posted {
        let username = self.account.handle.trim_start_matches('@');
        Posted {
            url: Some(post_url(username, &id)),
            remote_id: id,
            cid: None,
        }
    }
}

/// The post with the part's text (answering the same post) made closest after the part was
/// first sent.
fn pick<'a>(
    recent: &'a [RecentPost],
    part: &PartRow,
    parent: Option<&str>,
) -> Option<&'a RecentPost> {
    let since = part
        .first_sent_at
        .map(|at| at - chrono::Duration::minutes(2));
    recent
        .iter()
        .filter(|p| p.has_text(&part.text))
        .filter(|p| parent.is_none() || p.replied_to.as_deref() == parent)
        .filter(|p| match (since, p.created_at) {
            (Some(since), Some(at)) => at >= since,
            _ => true,
        })
        .min_by_key(|p| p.created_at)
}

/// What the part answers: the part before it, or the X post the draft replies to.
fn reply_to(target: &TargetRow, idx: usize) -> Option<String> {
    match answers(target, idx) {
        Answers::Nothing => None,
        Answers::Reply(reply) => (reply.network == Network::X).then(|| reply.remote_id.clone()),
        Answers::Part { previous, .. } => previous.remote_id.clone(),
    }
}
