//! What the fuzz targets check on everything a reader hands to the feed, whichever network it
//! came from: HTML only as the sanitizer's allowlist has it, addresses only http(s), times
//! never in the future.

use crate::rss::ALLOWED_TAGS;
use crate::timeline::{PostAuthor, PostMedia, TimelinePost};
use chrono::{DateTime, Utc};
use url::Url;

/// The fetch time every target maps posts at (fixed, so a crash replays the same way).
pub fn now() -> DateTime<Utc> {
    "2026-12-05T12:00:00Z".parse().unwrap()
}

/// `data` cut at its first newline: a header line, then a body.
pub fn first_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[]),
    }
}

/// An absolute http(s) address with a host.
pub fn assert_web_url(url: &str, what: &str) {
    let parsed = Url::parse(url).unwrap_or_else(|e| panic!("{what} {url:?} is not a URL: {e}"));
    assert!(
        matches!(parsed.scheme(), "http" | "https") && parsed.host_str().is_some(),
        "{what} {url:?} is not a web address"
    );
}

/// `html` as the sanitizer's serializer writes it holds only allowlisted tags and attributes,
/// and its links are absolute http(s) or mailto addresses with the `rel` it sets. The
/// serializer escapes `<` in text and quotes every attribute value, so a `<` starts a tag.
pub fn assert_safe_html(html: &str) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let name_end = tag.find([' ', '>']).unwrap_or(tag.len());
        let name = &tag[..name_end];
        assert!(
            ALLOWED_TAGS.contains(&name),
            "tag <{name}> survived in {html:?}"
        );
        let mut attrs = &tag[name_end..];
        loop {
            attrs = attrs.trim_start_matches(' ');
            if let Some(after) = attrs.strip_prefix('>') {
                rest = after;
                break;
            }
            let (attr, after) = attrs
                .split_once("=\"")
                .unwrap_or_else(|| panic!("unquoted attribute in {html:?}"));
            let (value, after) = after
                .split_once('"')
                .unwrap_or_else(|| panic!("unclosed attribute in {html:?}"));
            assert_safe_attribute(name, attr, value, html);
            attrs = after;
        }
    }
}

fn assert_safe_attribute(tag: &str, attr: &str, value: &str, html: &str) {
    match (tag, attr) {
        (_, "lang" | "dir") | ("ol", "start" | "reversed") | ("li", "value") => {}
        ("a", "rel") => assert_eq!(value, "noopener noreferrer nofollow", "in {html:?}"),
        ("a", "href") => {
            let href = value.replace("&quot;", "\"").replace("&amp;", "&");
            let url = Url::parse(&href)
                .unwrap_or_else(|e| panic!("href {href:?} is not absolute ({e}) in {html:?}"));
            assert!(
                matches!(url.scheme(), "http" | "https" | "mailto"),
                "href {href:?} in {html:?}"
            );
        }
        _ => panic!("attribute {attr} on <{tag}> survived in {html:?}"),
    }
}

/// A post's or a feed entry's body: HTML within the allowlist, its own address and its
/// media's http(s).
pub fn assert_safe_body(html: Option<&str>, url: Option<&str>, media: &[PostMedia]) {
    html.into_iter().for_each(assert_safe_html);
    url.into_iter()
        .for_each(|u| assert_web_url(u, "post address"));
    media
        .iter()
        .for_each(|m| assert_web_url(&m.url, "media address"));
}

/// What every timeline reader promises of a post (see `ferry_networks::timeline`).
pub fn assert_safe_post(post: &TimelinePost) {
    assert!(
        post.published_at <= now(),
        "a post from the future: {post:?}"
    );
    assert_safe_body(post.html.as_deref(), post.url.as_deref(), &post.media);
    assert_safe_author(&post.author);
    if let Some(booster) = &post.boosted_by {
        assert_safe_author(booster);
    }
}

fn assert_safe_author(author: &PostAuthor) {
    if let Some(avatar) = &author.avatar_url {
        assert_web_url(avatar, "avatar");
    }
}
