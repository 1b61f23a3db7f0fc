//! Favouriting and boosting a status from the account's home timeline. Both are idempotent on
//! the server (a second favourite of the same status changes nothing and answers the status),
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
