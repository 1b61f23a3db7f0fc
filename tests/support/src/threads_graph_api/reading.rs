//! The reads: the profile (`GET /v1.0/me`), a node by id (a container's status or a published
//! post) and the profile's posts (`GET /v1.0/{user}/threads`). Graph answers only the fields
//! asked for, plus `id`; fields the fake doesn't keep are left out, as Graph leaves out
//! fields without a value.

use axum::Json;
use serde_json::{Value, json};

use super::containers::read_status;
use super::errors::GraphError;
use super::params::Params;
use super::publishing::short_code;
use super::{Inner, Published, USER_ID, USERNAME, is_user};

/// `GET /v1.0/{node}`: the profile, a container or a post.
pub(crate) fn node(
    inner: &mut Inner,
    node: &str,
    params: &Params,
) -> Result<Json<Value>, GraphError> {
    if is_user(node) {
        let mut profile = json!({ "id": USER_ID });
        for field in params.fields() {
            match field {
                "username" => profile["username"] = json!(USERNAME),
                "name" => profile["name"] = json!("Ferry Writer"),
                // No picture and no biography: Graph leaves the fields out.
                _ => {}
            }
        }
        return Ok(Json(profile));
    }
    if let Some(status) = read_status(inner, node, params) {
        return Ok(Json(status));
    }
    match inner.posts.iter().position(|p| p.id == node) {
        Some(at) => Ok(Json(post_json(&inner.posts[at], &params.fields()))),
        None => Err(GraphError::no_object("get", node)),
    }
}

/// `GET /v1.0/{user}/threads` (the user's posts) or `…/replies` (their replies), with
/// `fields=…&limit=N`: newest first, `limit` 25 unless said, at most 100; one page (the
/// fake's `paging` has no cursors).
pub(crate) fn list(
    inner: &Inner,
    params: &Params,
    replies: bool,
) -> Result<Json<Value>, GraphError> {
    let limit = match params.get("limit") {
        None => 25,
        Some(n) => n
            .parse::<usize>()
            .map_err(|_| GraphError::invalid("limit must be a number"))?
            .min(100),
    };
    let fields = params.fields();
    let data: Vec<Value> = inner
        .posts
        .iter()
        .rev()
        .filter(|post| post.reply_to.is_some() == replies)
        .take(limit)
        .map(|post| post_json(post, &fields))
        .collect();
    Ok(Json(json!({ "data": data, "paging": {} })))
}

/// A published post's fields. `media_type` reads as the documentation's media object says
/// (`TEXT_POST`, `IMAGE`, `CAROUSEL_ALBUM`), not as the container was made.
fn post_json(post: &Published, fields: &[&str]) -> Value {
    let mut answer = json!({ "id": post.id });
    for field in fields {
        let value = match *field {
            "permalink" => json!(post.permalink),
            "text" => json!(post.text),
            "timestamp" => json!(post.published_at.format("%Y-%m-%dT%H:%M:%S%z").to_string()),
            "media_type" => json!(match post.media_type.as_str() {
                "TEXT" => "TEXT_POST",
                "CAROUSEL" => "CAROUSEL_ALBUM",
                other => other,
            }),
            "media_product_type" => json!("THREADS"),
            "username" => json!(USERNAME),
            "shortcode" => json!(short_code(&post.id)),
            "is_reply" => json!(post.reply_to.is_some()),
            _ => continue,
        };
        answer[*field] = value;
    }
    answer
}
