//! The reads: `GET /2/users/me` and the user's posts timeline, `GET /2/users/:id/tweets`,
//! from the user-lookup and timelines references. Both are charged per item returned.
//!
//! The timeline gives a post's text back as X's read API does, not as it was sent: `&`, `<`
//! and `>` HTML-escaped, every link replaced by its `https://t.co/…` short link, and a link
//! to the media appended to a post with images. A client that looks for a post whose answer
//! was lost must compare texts with that in mind.

use std::collections::HashMap;

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::errors::XError;
use super::routes::Answer;
use super::{Inner, NAME, Posted, USER_ID, USERNAME, ledger, random};

/// The `tweet.fields` X knows; the fake answers `created_at` and `referenced_tweets` (`id`,
/// `text` and `edit_history_tweet_ids` always come) and leaves the others out.
const TWEET_FIELDS: &[&str] = &[
    "article",
    "attachments",
    "author_id",
    "card_uri",
    "context_annotations",
    "conversation_id",
    "created_at",
    "display_text_range",
    "edit_controls",
    "edit_history_tweet_ids",
    "entities",
    "geo",
    "id",
    "in_reply_to_user_id",
    "lang",
    "media_metadata",
    "non_public_metrics",
    "note_tweet",
    "organic_metrics",
    "possibly_sensitive",
    "promoted_metrics",
    "public_metrics",
    "referenced_tweets",
    "reply_settings",
    "scopes",
    "source",
    "text",
    "withheld",
];

pub(crate) fn me(inner: &mut Inner) -> Result<Answer, XError> {
    let (what, price) = ledger::read_price(USER_ID, 1);
    inner.ledger.check(price)?;
    inner.ledger.charge(what, price);
    Ok(Answer::Json(
        StatusCode::OK,
        json!({"data": {"id": USER_ID, "name": NAME, "username": USERNAME}}),
    ))
}

/// Newest first, `max_results` (5–100, default 10) of them; one page (no `next_token`).
pub(crate) fn user_posts(
    inner: &mut Inner,
    id: &str,
    query: &HashMap<String, String>,
) -> Result<Answer, XError> {
    let max_results = match query.get("max_results") {
        None => 10,
        Some(n) => match n.parse::<usize>() {
            Ok(n) if (5..=100).contains(&n) => n,
            _ => {
                let message = format!(
                    "The `max_results` query parameter value [{n}] is not between 5 and 100"
                );
                return Err(XError::invalid("max_results", n, message));
            }
        },
    };
    let fields: Vec<&str> = query
        .get("tweet.fields")
        .map(|f| f.split(',').filter(|f| !f.is_empty()).collect())
        .unwrap_or_default();
    if let Some(unknown) = fields.iter().find(|f| !TWEET_FIELDS.contains(f)) {
        let message = format!(
            "The `tweet.fields` query parameter value [{unknown}] is not one of [{}]",
            TWEET_FIELDS.join(",")
        );
        return Err(XError::invalid("tweet.fields", unknown, message));
    }
    if id != USER_ID {
        return Err(XError::UserNotFound(id.to_owned()));
    }
    let data: Vec<Value> = inner
        .posts
        .iter()
        .rev()
        .take(max_results)
        .map(|post| post_json(post, &fields))
        .collect();
    let (what, price) = ledger::read_price(id, data.len());
    inner.ledger.check(price)?;
    inner.ledger.charge(what, price);
    let Some(newest) = data.first() else {
        return Ok(Answer::Json(
            StatusCode::OK,
            json!({"meta": {"result_count": 0}}),
        ));
    };
    let meta = json!({
        "result_count": data.len(),
        "newest_id": newest["id"],
        "oldest_id": data[data.len() - 1]["id"],
    });
    Ok(Answer::Json(
        StatusCode::OK,
        json!({"data": data, "meta": meta}),
    ))
}

fn post_json(post: &Posted, fields: &[&str]) -> Value {
    let mut answer = json!({
        "id": post.id,
        "text": as_read(post),
        "edit_history_tweet_ids": [post.id],
    });
    if fields.contains(&"created_at") {
        let at = post.created_at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        answer["created_at"] = json!(at);
    }
    if let Some(parent) = post
        .reply_to
        .as_ref()
        .filter(|_| fields.contains(&"referenced_tweets"))
    {
        answer["referenced_tweets"] = json!([{"type": "replied_to", "id": parent}]);
    }
    answer
}

/// The text as X's reads give it back: links shortened, then `&`, `<` and `>` escaped, and
/// the media's link at the end.
pub(crate) fn as_read(post: &Posted) -> String {
    let mut words = Vec::new();
    let mut rest = post.text.as_str();
    while let Some(at) = link_start(rest) {
        let (before, link) = rest.split_at(at);
        let end = link.find(char::is_whitespace).unwrap_or(link.len());
        words.push(before.to_owned());
        words.push(t_co(&link[..end]));
        rest = &link[end..];
    }
    words.push(rest.to_owned());
    let mut text = words
        .concat()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    if !post.media.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&t_co(&format!("media of post {}", post.id)));
    }
    text
}

/// Where the next `http://` or `https://` begins, in any case.
fn link_start(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    [lower.find("http://"), lower.find("https://")]
        .into_iter()
        .flatten()
        .min()
}

/// A link's t.co short link: the same link always gets the same one.
fn t_co(link: &str) -> String {
    format!("https://t.co/{}", random::derived(link, 10))
}
