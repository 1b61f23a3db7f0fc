//! `POST /2/tweets`, from the Create Post reference: a JSON object with `text`, and optionally
//! `reply.in_reply_to_tweet_id` and `media.media_ids` (up to 4 uploaded images). X refuses a
//! reply to a post it can't see and a text the account already posted recently (403), and
//! charges each post — more when its text holds a link. Text length is checked only against
//! the longest X allows anyone (25,000 characters, with Premium): X's weighted counting,
//! where a link or an emoji weighs more than a letter, is left to Ferry's own tests.

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use serde_json::{Value, json};

use super::errors::XError;
use super::routes::Answer;
use super::{Inner, Posted, PostedMedia, ledger};

const MAX_CHARS: usize = 25_000;
const MAX_MEDIA: usize = 4;
/// A text equal to one of the account's posts this recent is a duplicate.
const DUPLICATE_HOURS: i64 = 12;

/// Checks the request, the balance, then creates the post; every refusal writes nothing.
pub(crate) fn create(inner: &mut Inner, body: &[u8]) -> Result<Answer, XError> {
    let request: Value = serde_json::from_slice(body).unwrap_or_default();
    if !request.is_object() {
        let sent = String::from_utf8_lossy(body);
        return Err(XError::invalid(
            "body",
            &sent,
            "the body must be a JSON object",
        ));
    }
    let text = match &request["text"] {
        Value::Null => "",
        Value::String(s) => s.as_str(),
        other => {
            return Err(XError::invalid(
                "text",
                &other.to_string(),
                "text must be a string",
            ));
        }
    };
    let reply_to = match &request["reply"]["in_reply_to_tweet_id"] {
        Value::Null => None,
        Value::String(id) => Some(id.clone()),
        other => {
            let sent = other.to_string();
            return Err(XError::invalid(
                "reply.in_reply_to_tweet_id",
                &sent,
                "must be a string",
            ));
        }
    };
    let media = attachments(inner, &request["media"]["media_ids"])?;
    if text.is_empty() && media.is_empty() {
        return Err(XError::invalid("text", "", "text or media is required"));
    }
    if text.chars().count() > MAX_CHARS {
        let message = format!("text is over {MAX_CHARS} characters");
        return Err(XError::invalid("text", text, message));
    }
    if let Some(id) = &reply_to
        && !inner.posts.iter().any(|p| &p.id == id)
    {
        return Err(XError::forbidden(
            "You attempted to reply to a Tweet that is deleted or not visible to you.",
        ));
    }
    let since = Utc::now() - Duration::hours(DUPLICATE_HOURS);
    let duplicate = |p: &Posted| p.created_at > since && p.text == text;
    if !text.is_empty() && inner.posts.iter().any(duplicate) {
        return Err(XError::forbidden(
            "You are not allowed to create a Tweet with duplicate content.",
        ));
    }
    let (what, price) = ledger::create_price(text);
    inner.ledger.check(price)?;
    inner.last_post_id += 1;
    let id = inner.last_post_id.to_string();
    inner.posts.push(Posted {
        id: id.clone(),
        text: text.to_owned(),
        reply_to,
        media,
        created_at: Utc::now(),
    });
    inner.ledger.charge(what, price);
    if std::mem::take(&mut inner.fail_after_next_post) {
        return Ok(Answer::Lost);
    }
    Ok(Answer::Json(
        StatusCode::CREATED,
        json!({"data": {"id": id, "text": text, "edit_history_tweet_ids": [id]}}),
    ))
}

/// `media.media_ids`: each an upload of this account's from the last 24 hours (one
/// account, so any upload is its own).
fn attachments(inner: &Inner, ids: &Value) -> Result<Vec<PostedMedia>, XError> {
    let ids: Vec<&str> = match ids {
        Value::Null => return Ok(Vec::new()),
        Value::Array(ids) => ids
            .iter()
            .map(|id| id.as_str().unwrap_or_default())
            .collect(),
        other => {
            let sent = other.to_string();
            return Err(XError::invalid(
                "media.media_ids",
                &sent,
                "must be an array",
            ));
        }
    };
    if ids.len() > MAX_MEDIA {
        let message = format!("at most {MAX_MEDIA} media ids");
        return Err(XError::invalid("media.media_ids", &ids.join(","), message));
    }
    let mut media = Vec::new();
    for id in ids {
        let stored = inner
            .media
            .iter()
            .find(|m| m.upload.id == id && m.is_fresh());
        let Some(stored) = stored else {
            return Err(XError::invalid(
                "media.media_ids",
                id,
                "Your media IDs are invalid.",
            ));
        };
        media.push(PostedMedia {
            id: stored.upload.id.clone(),
            alt_text: stored.alt_text.clone(),
            byte_len: stored.upload.byte_len,
            sha256_hex: stored.upload.sha256_hex.clone(),
            media_type: stored.upload.media_type.clone(),
        });
    }
    Ok(media)
}
