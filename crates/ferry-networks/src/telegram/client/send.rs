//! Sending: a message (`sendMessage`), one photo with its caption (`sendPhoto`), or an album
//! of 2–10 photos (`sendMediaGroup`, the caption on the first). A reply names the message it
//! answers, so a long post reads in order as a chain of replies.
//!
//! Each is a write with no idempotency key: an answer lost after sending is an
//! [`ClientError::UnknownOutcome`], and the caller must not send it again blindly.

use reqwest::multipart::{Form, Part};
use serde::Deserialize;
use serde_json::json;

use super::chat::Chat;
use super::html::OutgoingText;
use super::{BotApi, NETWORK};
use crate::http::{ClientError, Effect};

/// A sent message, as Telegram answers it.
#[derive(Debug, Clone, Deserialize)]
pub struct Message {
    pub message_id: i64,
    pub chat: Chat,
}

/// A photo to upload: prepared bytes (JPEG or PNG, see `crate::media`).
#[derive(Debug, Clone)]
pub struct Photo {
    pub bytes: Vec<u8>,
    pub file_name: String,
    pub mime: String,
}

/// An album holds 2–10 items (`sendMediaGroup`).
pub const ALBUM_MAX: usize = 10;

/// How pictures travel: as photos (Telegram shows them inline, recompressed to at most 1280
/// px), or as files, byte for byte (what a hand-off to the phone wants).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendAs {
    Photo,
    Document,
}

impl SendAs {
    fn method(self) -> &'static str {
        match self {
            SendAs::Photo => "sendPhoto",
            SendAs::Document => "sendDocument",
        }
    }

    fn field(self) -> &'static str {
        match self {
            SendAs::Photo => "photo",
            SendAs::Document => "document",
        }
    }
}

impl BotApi {
    pub async fn send_message(
        &self,
        chat_id: i64,
        text: &OutgoingText,
        reply_to: Option<i64>,
    ) -> Result<Message, ClientError> {
        let mut body = json!({
            "chat_id": chat_id,
            "text": text.html(),
            "parse_mode": "HTML",
        });
        if let Some(id) = reply_to {
            body["reply_parameters"] = reply(id);
        }
        self.call("sendMessage", Effect::Write, |http, url| {
            http.post(url).json(&body)
        })
        .await
    }

    pub async fn send_photo(
        &self,
        chat_id: i64,
        photo: Photo,
        caption: Option<&OutgoingText>,
        reply_to: Option<i64>,
    ) -> Result<Message, ClientError> {
        self.send_file(SendAs::Photo, chat_id, photo, caption, reply_to)
            .await
    }

    /// One picture as a photo (`sendPhoto`) or a file (`sendDocument`).
    pub async fn send_file(
        &self,
        kind: SendAs,
        chat_id: i64,
        photo: Photo,
        caption: Option<&OutgoingText>,
        reply_to: Option<i64>,
    ) -> Result<Message, ClientError> {
        let mut form = Form::new()
            .text("chat_id", chat_id.to_string())
            .part(kind.field(), file_part(photo)?);
        if let Some(caption) = caption.filter(|c| !c.is_empty()) {
            form = form
                .text("caption", caption.html().to_owned())
                .text("parse_mode", "HTML");
        }
        if let Some(id) = reply_to {
            form = form.text("reply_parameters", reply(id).to_string());
        }
        self.call(kind.method(), Effect::Write, |http, url| {
            http.post(url).multipart(form)
        })
        .await
    }

    /// Sends 2–10 photos as one album; the caption goes on the first. Answers every
    /// message of the album, in order.
    pub async fn send_album(
        &self,
        chat_id: i64,
        photos: Vec<Photo>,
        caption: Option<&OutgoingText>,
        reply_to: Option<i64>,
    ) -> Result<Vec<Message>, ClientError> {
        self.send_album_as(SendAs::Photo, chat_id, photos, caption, reply_to)
            .await
    }

    /// [`BotApi::send_album`] of photos or of files (an album holds one kind).
    pub async fn send_album_as(
        &self,
        kind: SendAs,
        chat_id: i64,
        photos: Vec<Photo>,
        caption: Option<&OutgoingText>,
        reply_to: Option<i64>,
    ) -> Result<Vec<Message>, ClientError> {
        if !(2..=ALBUM_MAX).contains(&photos.len()) {
            return Err(ClientError::InvalidInput {
                network: NETWORK,
                field: "album".into(),
                detail: format!("an album holds 2 to 10 photos, not {}", photos.len()),
            });
        }
        let mut media = Vec::with_capacity(photos.len());
        let mut form = Form::new().text("chat_id", chat_id.to_string());
        for (i, photo) in photos.into_iter().enumerate() {
            let name = format!("photo{i}");
            let mut item = json!({ "type": kind.field(), "media": format!("attach://{name}") });
            if let Some(caption) = caption.filter(|c| i == 0 && !c.is_empty()) {
                item["caption"] = json!(caption.html());
                item["parse_mode"] = json!("HTML");
            }
            media.push(item);
            form = form.part(name, file_part(photo)?);
        }
        form = form.text("media", serde_json::Value::Array(media).to_string());
        if let Some(id) = reply_to {
            form = form.text("reply_parameters", reply(id).to_string());
        }
        self.call("sendMediaGroup", Effect::Write, |http, url| {
            http.post(url).multipart(form)
        })
        .await
    }
}

/// Replies only to that message: if it is gone, Telegram refuses instead of posting the
/// part out of its thread.
fn reply(message_id: i64) -> serde_json::Value {
    json!({ "message_id": message_id, "allow_sending_without_reply": false })
}

fn file_part(photo: Photo) -> Result<Part, ClientError> {
    let mime = photo.mime;
    Part::bytes(photo.bytes)
        .file_name(photo.file_name)
        .mime_str(&mime)
        .map_err(|_| ClientError::InvalidInput {
            network: NETWORK,
            field: "media type".into(),
            detail: format!("{mime:?} is not a MIME type"),
        })
}
