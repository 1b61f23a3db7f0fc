//! Favouriting and boosting a status from the account's home timeline, and taking either back.
//! All four are idempotent on the server (a second favourite of the same status changes
//! nothing and answers the status; unfavouriting one that is not favourited answers it too),
//! so sending again after a lost answer is safe.

use super::NETWORK;
use super::statuses::MastodonClient;
use crate::http::{ClientError, Effect, classify_answer, send};

impl MastodonClient {
    /// `POST /api/v1/statuses/:id/favourite`.
    pub async fn favourite(&self, status_id: &str) -> Result<(), ClientError> {
        self.act_on(status_id, "favourite").await
    }

    /// `POST /api/v1/statuses/:id/reblog`.
    pub async fn reblog(&self, status_id: &str) -> Result<(), ClientError> {
        self.act_on(status_id, "reblog").await
    }

    /// `POST /api/v1/statuses/:id/unfavourite`.
    pub async fn unfavourite(&self, status_id: &str) -> Result<(), ClientError> {
        self.act_on(status_id, "unfavourite").await
    }

    /// `POST /api/v1/statuses/:id/unreblog`.
    pub async fn unreblog(&self, status_id: &str) -> Result<(), ClientError> {
        self.act_on(status_id, "unreblog").await
    }

    async fn act_on(&self, status_id: &str, action: &str) -> Result<(), ClientError> {
        let what = format!("POST /api/v1/statuses/:id/{action}");
        let mut url = self.server.url_with_id("/api/v1/statuses", status_id);
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.push(action);
        }
        let request = self.post_url(url);
        let answer = send(NETWORK, &what, Effect::Write, request).await?;
        if answer.is_success() {
            Ok(())
        } else {
            Err(classify_answer(NETWORK, &what, Effect::Write, &answer))
        }
    }
}
