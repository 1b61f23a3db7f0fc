//! Pictures: `POST /2/media/upload` (multipart, `media_category=tweet_image`) gives a media
//! id for a post within 24 hours; `POST /2/media/metadata` gives it alt text.

use serde::Deserialize;
use serde_json::json;

use super::{MAX_ALT_TEXT, MAX_IMAGE_BYTES, NETWORK, XApi};
use crate::http::{ClientError, Effect};

#[derive(Deserialize)]
struct Uploaded {
    data: UploadedData,
}

#[derive(Deserialize)]
struct UploadedData {
    id: String,
}

impl XApi {
    /// Uploads one picture; returns its media id. Uploading is free and makes nothing
    /// visible, so doing it again after a failure costs nothing.
    pub async fn upload_image(&self, bytes: Vec<u8>, mime: &str) -> Result<String, ClientError> {
        if bytes.len() as u64 > MAX_IMAGE_BYTES {
            return Err(ClientError::InvalidInput {
                network: NETWORK,
                field: "picture".into(),
                detail: format!("{} bytes is more than X's 5 MB for a picture", bytes.len()),
            });
        }
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name("picture")
            .mime_str(mime)
            .map_err(|e| ClientError::InvalidInput {
                network: NETWORK,
                field: "picture type".into(),
                detail: e.to_string(),
            })?;
        let form = reqwest::multipart::Form::new()
            .text("media_category", "tweet_image")
            .text("media_type", mime.to_owned())
            .part("media", part);
        let request = self
            .http
            .post(self.url(&["media", "upload"]))
            .multipart(form);
        // A read as far as the outbox is concerned: an upload nobody posts is invisible.
        let got: Uploaded = self
            .call("uploading a picture to X", Effect::Read, request)
            .await?;
        Ok(got.data.id)
    }

    /// Gives an uploaded picture its alt text (at most 1,000 characters).
    pub async fn set_alt_text(&self, media_id: &str, alt: &str) -> Result<(), ClientError> {
        let alt: String = alt.chars().take(MAX_ALT_TEXT).collect();
        let body = json!({ "id": media_id, "metadata": { "alt_text": { "text": alt } } });
        let request = self.http.post(self.url(&["media", "metadata"])).json(&body);
        let _: serde_json::Value = self
            .call("giving an X picture its alt text", Effect::Read, request)
            .await?;
        Ok(())
    }
}
