//! RSS 2.0/1.0/0.9x, Atom and JSON Feed through `feed-rs`, into Ferry's one entry shape, with
//! every piece of HTML sanitized on the way in.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed, Text};
use serde::Serialize;
use sha2::{Digest, Sha256};
use url::Url;

use super::health::FetchError;
use super::lang_tag::language_tag;
use super::sanitize::{escape_text, sanitize_html};

/// A parsed feed: its own title and refresh hint, and its entries in feed order.
#[derive(Debug, Clone, Serialize)]
pub struct ParsedFeed {
    pub title: Option<String>,
    /// RSS `<ttl>`: minutes the publisher asks readers to wait between refreshes.
    pub ttl_minutes: Option<u32>,
    pub entries: Vec<FeedEntry>,
}

/// One entry, normalized. `html` is already sanitized; `text` is its plain text.
#[derive(Debug, Clone, Serialize)]
pub struct FeedEntry {
    /// Stable identity within the feed (see [`parse_feed`]), as SHA-256 hex.
    pub remote_id: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub text: String,
    pub html: Option<String>,
    pub url: Option<String>,
    /// The entry's language, else the feed's, when the feed says.
    pub lang: Option<String>,
    /// Published, else updated; `None` when the feed gives no date.
    pub published_at: Option<DateTime<Utc>>,
    /// Enclosures and Media RSS attachments (see `entry_media.rs`).
    #[serde(skip)]
    pub media: Vec<crate::timeline::PostMedia>,
}

/// Parses a feed document fetched from `url` (used to resolve relative links).
///
/// Entry identity follows Miniflux: the GUID/id; GUID + link when the GUID repeats within the
/// feed (some feeds reuse one GUID for every entry); else the link; else title + content. The
/// key is hashed so ids of any length fit the same column.
pub fn parse_feed(bytes: &[u8], url: &Url) -> Result<ParsedFeed, FetchError> {
    // An empty id marks "the feed gave none" so identity can fall back as Miniflux does;
    // feed-rs's own generator would invent one from the title.
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(url.as_str()))
        .id_generator(|_, _, _| String::new())
        .build();
    let not_a_feed = |detail: String| FetchError::NotAFeed {
        url: url.to_string(),
        detail,
    };
    // quick-xml 0.42, under feed-rs 3.0.0, panics on some malformed documents (an XML
    // declaration naming an encoding where it can no longer switch: fuzz/regressions/feed/).
    // A parser that fails on untrusted input means "not a feed", never a crashed refresh.
    let feed: Feed = match catch_unwind(AssertUnwindSafe(|| parser.parse(bytes))) {
        Ok(parsed) => parsed.map_err(|e| not_a_feed(e.to_string()))?,
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("a panic");
            return Err(not_a_feed(format!("the feed parser failed on it: {why}")));
        }
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for entry in &feed.entries {
        if !entry.id.is_empty() {
            *seen.entry(entry.id.as_str()).or_default() += 1;
        }
    }
    let feed_lang = feed.language.clone();
    let feed_author = first_author(&feed.authors);
    let entries = feed
        .entries
        .iter()
        .map(|entry| {
            let repeated = seen.get(entry.id.as_str()).is_some_and(|n| *n > 1);
            normalize(
                entry,
                repeated,
                url,
                feed_lang.as_deref(),
                feed_author.as_deref(),
            )
        })
        .collect();
    Ok(ParsedFeed {
        title: feed.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
        ttl_minutes: feed.ttl,
        entries,
    })
}

fn normalize(
    entry: &Entry,
    repeated_id: bool,
    feed_url: &Url,
    feed_lang: Option<&str>,
    feed_author: Option<&str>,
) -> FeedEntry {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_owned())
        .filter(|href| is_web_link(href));
    let base = link
        .as_deref()
        .and_then(|l| Url::parse(l).ok())
        .unwrap_or_else(|| feed_url.clone());
    let body = entry
        .content
        .as_ref()
        .and_then(|c| {
            c.body
                .as_deref()
                .map(|b| as_html(b, c.content_type.as_str()))
        })
        .or_else(|| {
            entry
                .summary
                .as_ref()
                .map(|s| as_html(&s.content, s.content_type.as_str()))
        });
    let sanitized = body.as_deref().map(|b| sanitize_html(b, Some(&base)));
    let title = entry.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let text = sanitized
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    let key = match (entry.id.as_str(), link.as_deref()) {
        ("", Some(link)) => format!("link:{link}"),
        ("", None) => format!(
            "hash:{}\u{0}{}",
            title.as_deref().unwrap_or(""),
            body.as_deref().unwrap_or("")
        ),
        (id, Some(link)) if repeated_id => format!("id:{id}|{link}"),
        (id, _) => format!("id:{id}"),
    };
    FeedEntry {
        remote_id: sha256_hex(&key),
        author: first_author(&entry.authors).or(feed_author.map(str::to_owned)),
        html: sanitized.map(|s| s.html).filter(|h| !h.is_empty()),
        text,
        title,
        url: link,
        lang: entry
            .language
            .as_deref()
            .or(feed_lang)
            .and_then(language_tag),
        published_at: entry.published.or(entry.updated),
        media: super::entry_media::entry_media(entry, feed_url),
    }
}

fn first_author(people: &[feed_rs::model::Person]) -> Option<String> {
    people
        .iter()
        // RSS <author> is "email (Name)"; feed-rs keeps "(Name)".
        .filter_map(|p| p.name.as_deref())
        .map(|n| {
            let n = n.trim();
            n.strip_prefix('(')
                .and_then(|n| n.strip_suffix(')'))
                .unwrap_or(n)
                .trim()
        })
        .find(|n| !n.is_empty())
        .map(str::to_owned)
}

/// The plain text of a title or description, whatever markup the feed put in it.
fn text_of(text: &Text) -> String {
    sanitize_html(&as_html(&text.content, text.content_type.as_str()), None)
        .text
        .replace('\n', " ")
}

fn as_html(body: &str, content_type: &str) -> String {
    if content_type.starts_with("text/plain") {
        escape_text(body)
    } else {
        body.to_owned()
    }
}

/// Only web links are kept as an entry's address: a `javascript:` link must never reach an
/// "open original" button.
fn is_web_link(href: &str) -> bool {
    Url::parse(href).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

fn sha256_hex(key: &str) -> String {
    Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url() -> Url {
        Url::parse("https://example.org/feed.xml").unwrap()
    }

    fn rss(items: &str) -> Vec<FeedEntry> {
        let xml = format!(
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><ttl>90</ttl>{items}</channel></rss>"#
        );
        parse_feed(xml.as_bytes(), &url()).unwrap().entries
    }

    #[test]
    fn guid_wins_over_link() {
        let a =
            rss("<item><guid>g1</guid><link>https://example.org/1</link><title>a</title></item>");
        let b = rss(
            "<item><guid>g1</guid><link>https://example.org/moved</link><title>b</title></item>",
        );
        assert_eq!(a[0].remote_id, b[0].remote_id);
    }

    #[test]
    fn repeated_guids_are_told_apart_by_link() {
        let items = rss(
            "<item><guid>same</guid><link>https://example.org/1</link></item>\
             <item><guid>same</guid><link>https://example.org/2</link></item>",
        );
        assert_ne!(items[0].remote_id, items[1].remote_id);
    }

    #[test]
    fn no_guid_uses_link_then_title_and_content() {
        let by_link = rss("<item><link>https://example.org/1</link><title>x</title></item>");
        let by_link_again = rss("<item><link>https://example.org/1</link><title>y</title></item>");
        assert_eq!(by_link[0].remote_id, by_link_again[0].remote_id);
        let bare = rss("<item><title>x</title><description>d</description></item>");
        let bare_other = rss("<item><title>x</title><description>e</description></item>");
        assert_ne!(bare[0].remote_id, bare_other[0].remote_id);
        assert_eq!(bare[0].url, None);
    }

    #[test]
    fn javascript_links_are_not_entry_urls() {
        let items = rss("<item><guid>g</guid><link>javascript:alert(1)</link></item>");
        assert_eq!(items[0].url, None);
    }

    #[test]
    fn ttl_and_title() {
        let xml =
            r#"<rss version="2.0"><channel><title>渡 Ferry</title><ttl>90</ttl></channel></rss>"#;
        let feed = parse_feed(xml.as_bytes(), &url()).unwrap();
        assert_eq!(feed.ttl_minutes, Some(90));
        assert_eq!(feed.title.as_deref(), Some("渡 Ferry"));
    }

    #[test]
    fn html_page_is_not_a_feed() {
        let err = parse_feed(b"<!doctype html><html><body>hi</body></html>", &url()).unwrap_err();
        assert_eq!(err.code(), "feed.not_a_feed");
        let err = parse_feed(b"", &url()).unwrap_err();
        assert_eq!(err.code(), "feed.not_a_feed");
    }

    #[test]
    fn a_declaration_in_the_middle_is_not_a_feed_not_a_panic() {
        // Found by the fuzz target `feed` (fuzz/regressions/feed/): quick-xml panicked on the
        // second declaration, and the refresh with it.
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?><!-- one --><?xml version="1.0" encoding="GBK"?><rss version="2.0"><channel><title>t</title></channel></rss>"#;
        let err = parse_feed(xml.as_bytes(), &url()).unwrap_err();
        assert_eq!(err.code(), "feed.not_a_feed");
    }
}
