//! `POST /v1.0/{user}/threads_publish` and the publishing limit it counts against, from the
//! posts and publishing-limit pages: a profile publishes at most 250 posts and 1000 replies in
//! 24 hours, and `GET /v1.0/{user}/threads_publishing_limit` says how much is used.

use axum::Json;
use serde_json::{Value, json};

use super::containers::not_ready;
use super::errors::GraphError;
use super::params::Params;
use super::{Inner, Published, USERNAME};

const QUOTA_TOTAL: u32 = 250;
const REPLY_QUOTA_TOTAL: u32 = 1000;
const QUOTA_DURATION: u32 = 86_400;

/// Publishes `creation_id`; every refusal writes nothing.
pub(crate) fn publish(inner: &mut Inner, params: &Params) -> Result<Json<Value>, GraphError> {
    let container_id = params.get("creation_id").unwrap_or_default().to_owned();
    let Some(container) = inner.containers.get(&container_id) else {
        return Err(GraphError::invalid(format!(
            "creation_id '{container_id}' is not a media container"
        )));
    };
    if container.is_carousel_item {
        return Err(GraphError::invalid(
            "a carousel item is published only inside its CAROUSEL container",
        ));
    }
    match container.status() {
        "FINISHED" => {}
        "IN_PROGRESS" => return Err(not_ready()),
        "PUBLISHED" => return Err(GraphError::new(100, "The media has already been published")),
        "EXPIRED" => {
            return Err(GraphError::invalid(
                "the media container expired (24 hours after its creation)",
            ));
        }
        _ => {
            return Err(GraphError::invalid(
                "the media container's processing failed",
            ));
        }
    }
    let is_reply = container.reply_to.is_some();
    let (used, total) = if is_reply {
        (inner.reply_quota_usage, REPLY_QUOTA_TOTAL)
    } else {
        (inner.quota_usage, QUOTA_TOTAL)
    };
    if used >= total {
        // The Threads pages name the limit but not its error; this is the code and subcode
        // Meta's content-publishing APIs answer it with (the Instagram one documents them).
        return Err(GraphError::new(
            9,
            "You have reached the maximum number of posts allowed in a 24-hour period",
        )
        .with_subcode(2_207_042));
    }
    let images = match container.media_type {
        "CAROUSEL" => container
            .children
            .iter()
            .filter_map(|child| inner.containers.get(child)?.image.clone())
            .collect(),
        _ => container.image.clone().into_iter().collect(),
    };
    let children = container.children.clone();
    let (media_type, text, reply_to) = (
        container.media_type.to_owned(),
        container.text.clone(),
        container.reply_to.clone(),
    );
    let id = inner.new_id();
    let post = Published {
        permalink: format!(
            "https://www.threads.net/@{USERNAME}/post/{}",
            short_code(&id)
        ),
        id: id.clone(),
        container_id: container_id.clone(),
        media_type,
        text,
        reply_to,
        published_at: chrono::Utc::now(),
        images,
    };
    inner.posts.push(post);
    // The carousel's items go out with it: none can be used again.
    for used in children.iter().chain([&container_id]) {
        if let Some(c) = inner.containers.get_mut(used) {
            c.published = true;
        }
    }
    if is_reply {
        inner.reply_quota_usage += 1;
    } else {
        inner.quota_usage += 1;
    }
    Ok(Json(json!({ "id": id })))
}

/// `GET /v1.0/{user}/threads_publishing_limit`: every field, whichever were asked for.
pub(crate) fn limit(inner: &Inner) -> Json<Value> {
    Json(json!({"data": [{
        "quota_usage": inner.quota_usage,
        "config": {"quota_total": QUOTA_TOTAL, "quota_duration": QUOTA_DURATION},
        "reply_quota_usage": inner.reply_quota_usage,
        "reply_config": {"quota_total": REPLY_QUOTA_TOTAL, "quota_duration": QUOTA_DURATION},
    }]}))
}

/// A post's short code, as in its permalink: the id in URL-safe base 64, as Meta's are.
pub(crate) fn short_code(id: &str) -> String {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut n: u64 = id.parse().unwrap_or_default();
    let mut code = Vec::new();
    while n > 0 {
        code.push(DIGITS[(n % 64) as usize]);
        n /= 64;
    }
    code.reverse();
    String::from_utf8(code).unwrap_or_default()
}
