//! Uploading images with their alt text. `POST /api/v2/media` answers 200 when the file is
//! ready and 202 while the server still processes it; then `GET /api/v1/media/:id` answers
//! 206 until it's done. A status may only attach processed media, so we wait, boundedly.

use std::time::Duration;

use reqwest::multipart::{Form, Part};

use super::NETWORK;
use super::statuses::MastodonClient;
use super::types::MediaAttachment;
use crate::http::{ClientError, Effect, read_json, send};

/// How long to wait for the server to process an upload.
const POLLS: u32 = 30;
const POLL_EVERY: Duration = Duration::from_millis(1000);

impl MastodonClient {
    /// Uploads one image (already prepared to the instance's limits, see `crate::media`)
    /// with `description` as its alt text, and waits until the server has processed it.
    pub async fn upload_media(
        &self,
        bytes: Vec<u8>,
        file_name: &str,
        mime: &str,
        description: &str,
    ) -> Result<MediaAttachment, ClientError> {
        let what = "POST /api/v2/media";
        let part = Part::bytes(bytes)
            .file_name(file_name.to_owned())
            .mime_str(mime)
            .map_err(|_| ClientError::InvalidInput {
                network: NETWORK,
                field: "media type".into(),
                detail: format!("{mime:?} is not a MIME type"),
            })?;
        let mut form = Form::new().part("file", part);
        if !description.is_empty() {
            form = form.text("description", description.to_owned());
        }
        // An upload left behind by a lost answer is harmless (unattached media expire), so
        // uploads count as reads: a failed one is simply retried.
        let answer = send(
            NETWORK,
            what,
            Effect::Read,
            self.post("/api/v2/media").multipart(form),
        )
        .await?;
        let media: MediaAttachment = read_json(NETWORK, what, Effect::Read, &answer)?;
        if answer.status == 202 || media.url.is_none() {
            return self.wait_until_processed(media.id).await;
        }
        Ok(media)
    }

    async fn wait_until_processed(&self, id: String) -> Result<MediaAttachment, ClientError> {
        let what = "GET /api/v1/media/:id";
        for _ in 0..POLLS {
            tokio::time::sleep(POLL_EVERY).await;
            let answer = send(
                NETWORK,
                what,
                Effect::Read,
                self.get_url(self.server.url_with_id("/api/v1/media", &id)),
            )
            .await?;
            let media: MediaAttachment = read_json(NETWORK, what, Effect::Read, &answer)?;
            if answer.status == 200 && media.url.is_some() {
                return Ok(media);
            }
        }
        Err(ClientError::ServerError {
            network: NETWORK,
            what: what.into(),
            status: 206,
            detail: format!(
                "media {id} still processing after {} s",
                POLLS as u64 * POLL_EVERY.as_secs()
            ),
            retry_at: None,
        })
    }
}
