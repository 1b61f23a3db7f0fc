//! `ferry feed reply <item> [--text …]`: the draft answering a feed item, as the account whose
//! timeline brought it. The draft is an ordinary one (`ferry drafts show`, the composer);
//! `ferry post <draft>` sends it to that account alone, as an answer.

use ferry_core::Draft;
use ferry_core::feed::Feeds;
use ferry_core::model::Variant;

use crate::output::Failure;

/// Starts (or reopens) the reply to `item`; with `text`, writes it as the reply's text.
pub async fn start(feeds: &Feeds, item: i64, text: Option<String>) -> Result<Draft, Failure> {
    let draft = feeds.start_reply(item).await?;
    let Some(text) = text else {
        return Ok(draft);
    };
    let content = &draft.content;
    let opening = content
        .variants
        .first()
        .map(|v| v.text.trim())
        .unwrap_or_default();
    // The @handle Ferry put in front of a Mastodon reply stays, unless the text names it.
    let text = if opening.is_empty() || text.contains(opening) {
        text
    } else {
        format!("{opening} {text}")
    };
    let variants = match content.variants.first() {
        Some(first) => vec![Variant {
            lang: first.lang.clone(),
            text,
        }],
        None => Vec::new(),
    };
    let mut edit = crate::drafts::edit_of(&draft, None);
    edit.variants = variants;
    let saved = feeds.store().save_draft(edit).await?;
    Ok(saved.draft)
}

pub fn describe(draft: &Draft) -> String {
    let Some(reply) = &draft.content.reply_to else {
        return format!("draft {}", draft.id);
    };
    let whom = reply
        .author_handle
        .as_deref()
        .or(reply.author_name.as_deref())
        .unwrap_or("the post");
    let text = draft
        .content
        .variants
        .first()
        .map(|v| format!("{}: {}", v.lang.as_str(), v.text))
        .unwrap_or_default();
    format!(
        "draft {} answers {whom} on {} ({})\n  {text}\n  send it with `ferry post {}`",
        draft.id,
        reply.network.name(),
        reply.excerpt,
        draft.id
    )
}
