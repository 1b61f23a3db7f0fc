//! `POST /v1.0/{user}/threads`: a media container, checked as the posts documentation says
//! (`media_type` TEXT, IMAGE or CAROUSEL; text up to 500 characters; carousels of 2–20
//! finished items; `reply_to_id` a published post), and its status when read.

use axum::Json;
use serde_json::{Value, json};

use super::errors::GraphError;
use super::params::Params;
use super::{Container, Fake, Inner, PublishedImage};

/// A request that passed the checks, before its image is fetched.
struct Draft {
    media_type: &'static str,
    is_carousel_item: bool,
    text: String,
    reply_to: Option<String>,
    image_url: Option<String>,
    alt_text: Option<String>,
    children: Vec<String>,
}

pub(crate) async fn create(fake: &Fake, params: &Params) -> Result<Json<Value>, GraphError> {
    let draft = check(&fake.inner.lock().unwrap(), params)?;
    // Meta fetches the image itself; a URL it can't fetch isn't refused here but fails the
    // container's processing, seen only when its status is read.
    let (image, failure) = match &draft.image_url {
        Some(url) => {
            let fetched = fetch(&fake.http, url).await;
            let failure = fetched.is_none().then_some("UNKNOWN");
            let bytes = fetched.unwrap_or_default();
            let image = PublishedImage {
                url: url.clone(),
                alt_text: draft.alt_text.clone(),
                byte_len: bytes.len(),
                bytes,
            };
            (Some(image), failure)
        }
        None => (None, None),
    };
    let mut inner = fake.inner.lock().unwrap();
    let polls_left = match draft.media_type {
        "TEXT" => 0,
        _ => inner.polls_until_finished,
    };
    let id = inner.new_id();
    let container = Container {
        media_type: draft.media_type,
        is_carousel_item: draft.is_carousel_item,
        text: draft.text,
        reply_to: draft.reply_to,
        image,
        children: draft.children,
        polls_left,
        failure,
        expired: false,
        published: false,
    };
    inner.containers.insert(id.clone(), container);
    inner.containers_created += 1;
    Ok(Json(json!({ "id": id })))
}

fn check(inner: &Inner, params: &Params) -> Result<Draft, GraphError> {
    let is_carousel_item = params.get("is_carousel_item") == Some("true");
    let media_type = match params.get("media_type") {
        Some("TEXT") if !is_carousel_item => "TEXT",
        Some("IMAGE") => "IMAGE",
        Some("CAROUSEL") if !is_carousel_item => "CAROUSEL",
        Some("VIDEO") => return Err(GraphError::new(100, "video is not supported by this fake")),
        Some(other) => {
            return Err(GraphError::invalid(format!(
                "media_type {other} is not allowed here"
            )));
        }
        None => return Err(GraphError::invalid("media_type is required")),
    };
    let text = params.get("text").unwrap_or_default().to_owned();
    if threads_length(&text) > 500 {
        return Err(GraphError::invalid("text is longer than 500 characters"));
    }
    if media_type == "TEXT" && text.trim().is_empty() {
        return Err(GraphError::invalid("a TEXT post needs text"));
    }
    let alt_text = params.get("alt_text").map(str::to_owned);
    if alt_text.as_ref().is_some_and(|a| a.chars().count() > 1000) {
        return Err(GraphError::invalid(
            "alt_text is longer than 1000 characters",
        ));
    }
    let image_url = match (media_type, params.get("image_url")) {
        ("IMAGE", Some(url)) if url::Url::parse(url).is_ok() => Some(url.to_owned()),
        ("IMAGE", _) => return Err(GraphError::invalid("an IMAGE needs an image_url")),
        _ => None,
    };
    let children = match media_type {
        "CAROUSEL" => carousel_items(inner, params.get("children").unwrap_or_default())?,
        _ => Vec::new(),
    };
    let reply_to = params.get("reply_to_id").map(str::to_owned);
    if let Some(id) = &reply_to
        && !inner.posts.iter().any(|p| &p.id == id)
    {
        return Err(GraphError::invalid(format!(
            "reply_to_id {id} is not a published post"
        )));
    }
    Ok(Draft {
        media_type,
        is_carousel_item,
        text,
        reply_to,
        image_url,
        alt_text,
        children,
    })
}

/// `children=a,b,c`: 2–20 carousel-item containers, finished and not yet used.
fn carousel_items(inner: &Inner, children: &str) -> Result<Vec<String>, GraphError> {
    let ids: Vec<String> = children
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect();
    if !(2..=20).contains(&ids.len()) {
        return Err(GraphError::invalid("a CAROUSEL needs 2 to 20 children"));
    }
    for id in &ids {
        let item = inner.containers.get(id).filter(|c| c.is_carousel_item);
        match item.map(Container::status) {
            None => {
                return Err(GraphError::invalid(format!(
                    "{id} is not a carousel item container"
                )));
            }
            Some("FINISHED") => {}
            Some("IN_PROGRESS") => return Err(not_ready()),
            Some(status) => {
                return Err(GraphError::invalid(format!(
                    "carousel item {id} is {status}"
                )));
            }
        }
    }
    Ok(ids)
}

/// The troubleshooting page's "media not ready": publish (or use) a container only once its
/// status is `FINISHED`.
pub(crate) fn not_ready() -> GraphError {
    GraphError::new(
        9007,
        "The media is not ready for publishing, please wait for a moment",
    )
    .with_subcode(2_207_027)
}

/// The image's bytes, or `None` when it can't be had (no answer, not 2xx, 10 s passed).
async fn fetch(http: &reqwest::Client, url: &str) -> Option<Vec<u8>> {
    let response = http.get(url).send().await.ok()?;
    if !response.status().is_success() {
        return None;
    }
    Some(response.bytes().await.ok()?.to_vec())
}

/// Text length as Threads counts it toward the 500: one per character, except emoji, which
/// count as their UTF-8 bytes. An approximation: "emoji" here is any character in
/// U+1F000–U+1FAFF or U+2600–U+27BF, and the zero-width joiner (U+200D) and emoji
/// presentation selector (U+FE0F) that glue emoji sequences — counted by their bytes wherever
/// they stand, since outside a sequence they hardly occur.
pub(crate) fn threads_length(text: &str) -> usize {
    let is_emoji = |c: char| matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{200D}' | '\u{FE0F}');
    text.chars()
        .map(|c| if is_emoji(c) { c.len_utf8() } else { 1 })
        .sum()
}

/// `GET /v1.0/{container id}`: a status read, the polling the documentation asks for.
pub(crate) fn read_status(inner: &mut Inner, id: &str, params: &Params) -> Option<Value> {
    let container = inner.containers.get_mut(id)?;
    let status = container.status();
    // Meta's processing advances while the client waits between reads.
    container.polls_left = container.polls_left.saturating_sub(1);
    let mut answer = json!({ "id": id });
    for field in params.fields() {
        match field {
            "status" => answer["status"] = json!(status),
            "error_message" if status == "ERROR" => {
                answer["error_message"] = json!(container.failure);
            }
            _ => {}
        }
    }
    inner.status_reads += 1;
    Some(answer)
}
