//! Mastodon: `POST /api/v1/statuses` with `Idempotency-Key`. The key is the check: sent again
//! after a lost answer, the server returns the status the first request made.

use chrono::Utc;
use ferry_networks::mastodon::client::{MastodonClient, NewStatus, Scheduling, Visibility};
use ferry_networks::media::MediaLimits;

use super::{Posted, answers, media};
use crate::Store;
use crate::accounts::{Account, Accounts};
use crate::outbox::failure::{FailKind, Failure};
use crate::outbox::images::PlannedMedia;
use crate::outbox::rows::{PartRow, TargetRow};

/// Mastodon keeps idempotency keys for an hour; past this, a resend could post twice.
const KEY_MEMORY: chrono::Duration = chrono::Duration::minutes(55);

#[derive(Debug)]
pub(crate) struct MastodonSender {
    client: MastodonClient,
    store: Store,
    limits: MediaLimits,
}

impl MastodonSender {
    pub async fn open(accounts: &Accounts, account: &Account) -> Result<Self, Failure> {
        let instance = crate::accounts::mastodon_instance_limits(account.limits.as_ref());
        Ok(MastodonSender {
            client: accounts.mastodon_client(account).await?,
            store: accounts.store().clone(),
            limits: MediaLimits::mastodon(&instance),
        })
    }

    /// Within the hour Mastodon remembers idempotency keys, the resend with the same key is
    /// the check (`None` here). Later — Ferry was closed, the machine slept — the account's
    /// recent statuses are searched for the part's text instead.
    pub async fn check(&self, target: &TargetRow, idx: usize) -> Result<Option<Posted>, Failure> {
        let part = &target.parts[idx];
        let Some(sent) = part.first_sent_at else {
            return Ok(None);
        };
        if Utc::now() - sent < KEY_MEMORY {
            return Ok(None);
        }
        let parent = answers(target, idx).parent_id();
        let found = self
            .client
            .find_own_status(&part.text, parent.as_deref(), sent)
            .await?;
        Ok(found.map(|status| Posted {
            url: Some(status.address()),
            remote_id: status.id,
            cid: None,
        }))
    }

    pub async fn send(&self, target: &TargetRow, idx: usize) -> Result<Posted, Failure> {
        let part = &target.parts[idx];
        let mut media_ids = Vec::new();
        if idx == 0 && !target.media.is_empty() {
            let images =
                media::prepare_all(&self.store, &target.media, self.limits.clone()).await?;
            for (i, image) in images.into_iter().enumerate() {
                let name = &target.media[i].original_name;
                let uploaded = self
                    .client
                    .upload_media(image.bytes, name, image.mime, &image.alt)
                    .await?;
                media_ids.push(uploaded.id);
            }
        }
        let status = NewStatus {
            text: part.text.clone(),
            visibility: Visibility::Public,
            language: Some(primary_language(target.lang.as_str())),
            in_reply_to_id: answers(target, idx).parent_id(),
            media_ids,
            ..NewStatus::default()
        };
        let key = part.key.as_deref().ok_or_else(|| missing_key(part))?;
        let posted = self.client.publish_status(&status, key).await?;
        Ok(Posted {
            url: Some(posted.address()),
            remote_id: posted.id,
            cid: None,
        })
    }
}

impl MastodonSender {
    pub fn client(&self) -> &MastodonClient {
        &self.client
    }

    /// Uploads the images and hands the status to the server's own schedule for `at` (see
    /// `schedule/server_copies`). The same `key` after a lost answer returns what the first
    /// request made.
    pub async fn schedule(
        &self,
        text: &str,
        lang: &str,
        media: &[PlannedMedia],
        at: chrono::DateTime<Utc>,
        key: &str,
    ) -> Result<Scheduling, Failure> {
        let mut media_ids = Vec::new();
        if !media.is_empty() {
            let images = media::prepare_all(&self.store, media, self.limits.clone()).await?;
            for (image, planned) in images.into_iter().zip(media) {
                let uploaded = self
                    .client
                    .upload_media(image.bytes, &planned.original_name, image.mime, &image.alt)
                    .await?;
                media_ids.push(uploaded.id);
            }
        }
        let status = NewStatus {
            text: text.to_owned(),
            visibility: Visibility::Public,
            language: Some(primary_language(lang)),
            media_ids,
            ..NewStatus::default()
        };
        Ok(self.client.schedule_status(&status, at, key).await?)
    }
}

/// Mastodon takes ISO 639 codes: `zh-Hans` → `zh`.
fn primary_language(tag: &str) -> String {
    tag.split('-').next().unwrap_or(tag).to_owned()
}

pub(crate) fn missing_key(part: &PartRow) -> Failure {
    Failure::new(
        FailKind::Permanent,
        "outbox.no_key",
        format!(
            "part {} has no idempotency key; it was not sent",
            part.idx + 1
        ),
    )
}
