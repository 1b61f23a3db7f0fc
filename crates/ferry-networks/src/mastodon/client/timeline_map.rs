//! One home-timeline entry (a Mastodon status) as a [`TimelinePost`], made safe to show.
//!
//! - A boost (`reblog` set) becomes the boosted post, with the booster as `boosted_by`.
//! - `remote_id` is the post's `id` on the account's server (for a boost, the original's
//!   `id` there, not the wrapper's). Ids are per-server, but a timeline is read from one
//!   server only, and that server gives every status one id whoever boosts it — so a post
//!   seen directly and boosted has the same id both times. The id is also what every other
//!   API call on that server takes (replying, boosting, `in_reply_to_id`), which the
//!   `uri` (the post's ActivityPub address) is not.
//! - `content` goes through [`sanitize_html`]; a content warning (`spoiler_text`) is put in
//!   front of it as `CW: …`, in both the HTML and the text, so a reader never shows the
//!   post without its warning (hiding the post behind it is the feed view's choice).
//! - Addresses (post, avatar, media) are kept only when they are http(s).
//! - `created_at` in the future is clamped to the fetch time; an entry whose time can't be
//!   read is skipped (logged), because it couldn't be placed in the feed honestly.

use chrono::{DateTime, Utc};
use url::Url;

use super::types::{Account, Status};
use crate::rss::{escape_text, sanitize_html};
use crate::timeline::{PostAuthor, PostMedia, ReplyTo, TimelinePost, web_url};

/// The server part of handles for accounts on the timeline's own server, whose `acct` is
/// just `user`: the host, with the port when the address names one.
pub(crate) fn server_domain(server: &Url) -> String {
    let host = server.host_str().unwrap_or_default();
    match server.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

/// `entry` as a post, or `None` when its time can't be read.
pub(crate) fn to_post(
    mut entry: Status,
    server: &Url,
    domain: &str,
    now: DateTime<Utc>,
) -> Option<TimelinePost> {
    let (post, boosted_by) = match entry.reblog.take() {
        Some(original) => (*original, Some(author(&entry.account, domain))),
        None => (entry, None),
    };
    let Ok(published) = DateTime::parse_from_rfc3339(post.created_at.trim()) else {
        tracing::warn!(
            id = %post.id,
            created_at = %post.created_at,
            "mastodon: skipping a timeline status whose time can't be read"
        );
        return None;
    };
    let url = post
        .url
        .as_deref()
        .and_then(web_url)
        .or_else(|| web_url(&post.uri));
    // Relative links (rare: servers send absolute ones) resolve against the post's page.
    let link_base = url.as_deref().and_then(|u| Url::parse(u).ok());
    let body = sanitize_html(&post.content, Some(link_base.as_ref().unwrap_or(server)));
    let warning = post.spoiler_text.trim();
    let (html, text) = if warning.is_empty() {
        (body.html, body.text)
    } else {
        let html = format!("<p>CW: {}</p>{}", escape_text(warning), body.html);
        let text = [format!("CW: {warning}"), body.text]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        (html, text)
    };
    let author = author(&post.account, domain);
    let reply_to = reply_to(&post, &author, domain);
    let media = media(&post);
    Some(TimelinePost {
        remote_id: post.id,
        text,
        html: Some(html),
        url,
        lang: post
            .language
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty()),
        published_at: published.with_timezone(&Utc).min(now),
        boosted_by,
        reply_to,
        media,
        author,
    })
}

fn author(account: &Account, domain: &str) -> PostAuthor {
    let name = [account.display_name.trim(), account.username.trim()]
        .into_iter()
        .find(|n| !n.is_empty())
        .map(str::to_owned);
    let acct = match account.acct.trim() {
        "" => account.username.trim(),
        acct => acct,
    };
    let handle = (!acct.is_empty()).then(|| full_handle(acct, domain));
    PostAuthor {
        id: handle.clone(),
        name,
        handle,
        avatar_url: account.avatar.as_deref().and_then(web_url),
        verified_domains: account
            .fields
            .iter()
            .filter(|f| f.verified_at.is_some())
            .filter_map(|f| crate::timeline::verified_domain(&field_link(&f.value)))
            .collect(),
        claimed_domain: None,
    }
}

/// The address a profile field's value links to (the server renders it as HTML, a link with
/// `rel="me"` for verified ones), else its text.
fn field_link(value: &str) -> String {
    value
        .split("href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or(value)
        .replace("&amp;", "&")
}

/// `user@domain`: Mastodon writes local accounts' `acct` as just `user`.
fn full_handle(acct: &str, domain: &str) -> String {
    let acct = acct.trim_start_matches('@');
    if acct.contains('@') {
        acct.to_owned()
    } else {
        format!("{acct}@{domain}")
    }
}

/// Whom a reply answers: the author themself (a thread), or the account among the
/// mentions whose id the status names (Mastodon mentions whom a reply answers).
fn reply_to(post: &Status, author: &PostAuthor, domain: &str) -> Option<ReplyTo> {
    let remote_id = post.in_reply_to_id.as_deref()?.trim();
    if remote_id.is_empty() {
        return None;
    }
    let account_id = post.in_reply_to_account_id.as_deref();
    let handle = if account_id == Some(post.account.id.as_str()) {
        author.handle.clone()
    } else {
        post.mentions
            .iter()
            .find(|m| Some(m.id.as_str()) == account_id)
            .map(|m| full_handle(&m.acct, domain))
    };
    Some(ReplyTo {
        remote_id: remote_id.to_owned(),
        handle,
        // An answer names only the status it answers (`in_reply_to_id`); the server threads it.
        root_id: None,
    })
}

fn media(post: &Status) -> Vec<PostMedia> {
    post.media_attachments
        .iter()
        .filter_map(|m| {
            // `url` is the server's copy; `remote_url` the original it hasn't copied yet.
            let url = [&m.url, &m.remote_url]
                .into_iter()
                .flatten()
                .find_map(|u| web_url(u))?;
            let kind = match m.kind.as_str() {
                kind @ ("image" | "video" | "gifv" | "audio") => kind,
                _ => "unknown",
            };
            Some(PostMedia {
                url,
                alt: m
                    .description
                    .as_deref()
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                    .map(str::to_owned),
                kind: kind.to_owned(),
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "timeline_map_tests.rs"]
mod tests;
