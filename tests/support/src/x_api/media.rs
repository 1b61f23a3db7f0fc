//! `POST /2/media/upload` (one `multipart/form-data` request: the file as `media`,
//! `media_category` `tweet_image`) and `POST /2/media/metadata` (the alt text), from the media
//! references. Images only (PNG, JPEG, GIF, WebP), up to 5 MB, recognised by their first
//! bytes, not by the name or `media_type` the client gives; an upload can be attached for 24
//! hours. Uploads are free; setting metadata is charged.

use std::collections::HashMap;

use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

use super::errors::XError;
use super::routes::Answer;
use super::{Inner, Upload, ledger, sha256_hex};

const MAX_BYTES: usize = 5_242_880;
const EXPIRES_AFTER_SECS: i64 = 86_400;
const MAX_ALT_TEXT: usize = 1_000;

/// An upload and what was said about it since.
pub(crate) struct Stored {
    pub upload: Upload,
    pub alt_text: Option<String>,
    pub uploaded_at: DateTime<Utc>,
}

impl Stored {
    /// Not expired yet: still attachable.
    pub fn is_fresh(&self) -> bool {
        Utc::now() < self.uploaded_at + Duration::seconds(EXPIRES_AFTER_SECS)
    }
}

pub(crate) fn upload(inner: &mut Inner, form: HashMap<String, Vec<u8>>) -> Result<Answer, XError> {
    let text = |name: &str| {
        form.get(name)
            .map(|b| String::from_utf8_lossy(b).into_owned())
    };
    if let Some(category) = text("media_category")
        && category != "tweet_image"
    {
        let message = "media_category must be tweet_image (this fake takes images only)";
        return Err(XError::invalid("media_category", &category, message));
    }
    let bytes = form.get("media").map(Vec::as_slice).unwrap_or_default();
    if bytes.is_empty() {
        return Err(XError::invalid("media", "", "media is required"));
    }
    if bytes.len() > MAX_BYTES {
        let message = format!("media is over {MAX_BYTES} bytes");
        return Err(XError::invalid("media", &bytes.len().to_string(), message));
    }
    let refused = std::mem::take(&mut inner.refuse_next_upload);
    let Some(media_type) = image_type(bytes).filter(|_| !refused) else {
        return Err(XError::invalid("media", "", "media type unrecognized"));
    };
    inner.last_media_id += 1;
    let id = inner.last_media_id.to_string();
    let upload = Upload {
        id: id.clone(),
        byte_len: bytes.len(),
        sha256_hex: sha256_hex(bytes),
        media_type: media_type.to_owned(),
    };
    inner.media.push(Stored {
        upload,
        alt_text: None,
        uploaded_at: Utc::now(),
    });
    Ok(Answer::Json(
        StatusCode::OK,
        json!({"data": {
            "id": id,
            "media_key": format!("3_{id}"),
            "size": bytes.len(),
            "expires_after_secs": EXPIRES_AFTER_SECS,
            "image": {"image_type": media_type},
        }}),
    ))
}

/// PNG, JPEG, GIF or WebP, by the file's signature.
fn image_type(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1A, b'\n', ..] => Some("image/png"),
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [b'G', b'I', b'F', b'8', b'7' | b'9', b'a', ..] => Some("image/gif"),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some("image/webp"),
        _ => None,
    }
}

/// `{"id": …, "metadata": {"alt_text": {"text": …}}}`: the alt text, kept on the upload.
pub(crate) fn metadata(inner: &mut Inner, body: &[u8]) -> Result<Answer, XError> {
    let request: Value = serde_json::from_slice(body).unwrap_or_default();
    let id = request["id"].as_str().unwrap_or_default().to_owned();
    let Some(at) = inner.media.iter().position(|m| m.upload.id == id) else {
        return Err(XError::invalid("id", &id, "the media id is unknown"));
    };
    let Some(alt_text) = request["metadata"]["alt_text"]["text"].as_str() else {
        let message = "metadata.alt_text.text is required";
        return Err(XError::invalid("metadata.alt_text.text", "", message));
    };
    if alt_text.chars().count() > MAX_ALT_TEXT {
        let message = format!("alt text is over {MAX_ALT_TEXT} characters");
        return Err(XError::invalid("metadata.alt_text.text", alt_text, message));
    }
    inner.ledger.check(ledger::MEDIA_METADATA)?;
    inner.media[at].alt_text = Some(alt_text.to_owned());
    inner
        .ledger
        .charge("Media Metadata", ledger::MEDIA_METADATA);
    Ok(Answer::Json(
        StatusCode::OK,
        json!({"data": {"id": id, "associated_metadata": {"alt_text": {"text": alt_text}}}}),
    ))
}
