//! What every social timeline reader returns (Mastodon's home timeline, Bluesky's following
//! timeline, Nostr follows), so the feed cache in ferry-core stores them all in one table
//! beside RSS entries.
//!
//! A reader is asked for what is new since the cursor it returned last time, at most
//! `max_posts`; it answers with posts newest first, the cursor to keep, and whether it reached
//! that old cursor. When it did not (more was new than the cap allowed, or a relay or page
//! failed part-way), the cache records a gap the user can load later instead of pretending the
//! timeline is whole: with the same `since` and the [`TimelineFetch::resume`] it answered, a
//! reader goes on from where it stopped.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use ferry_networks::timeline::{PostAuthor, TimelinePost};
//! let post = TimelinePost {
//!     remote_id: "109".into(),
//!     author: PostAuthor { id: None, name: Some("Lin 林".into()), handle: Some("lin@example.social".into()), ..PostAuthor::default() },
//!     text: "渡轮 ferry".into(),
//!     html: Some("<p>渡轮 ferry</p>".into()),
//!     url: Some("https://example.social/@lin/109".into()),
//!     lang: Some("zh".into()),
//!     published_at: Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap(),
//!     ..TimelinePost::default()
//! };
//! assert!(post.boosted_by.is_none());
//! ```
//!
//! Everything in a [`TimelinePost`] came from the network and is already made safe by the reader:
//! `html` is sanitized ([`crate::rss::sanitize_html`], Mastodon's allowlist), `text` is plain
//! text, URLs are http(s) only, and times in the future are clamped to the fetch time.

use chrono::{DateTime, Utc};

/// One post as a timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimelinePost {
    /// The network's id of the post itself (Mastodon status id, Nostr event id in hex). For a
    /// boost it is the boosted post's id, so a post seen directly and boosted is one item.
    pub remote_id: String,
    pub author: PostAuthor,
    /// Plain text, for search, language detection and the CLI.
    pub text: String,
    /// Sanitized HTML, or `None` when the network gives plain text.
    pub html: Option<String>,
    /// Where the post is read on the web (http or https), when there is such a page.
    pub url: Option<String>,
    /// The language the author or their client declared, when one did.
    pub lang: Option<String>,
    pub published_at: DateTime<Utc>,
    /// Who boosted or reposted it into this timeline, when that is why it is here.
    pub boosted_by: Option<PostAuthor>,
    /// The post this one answers, when it is a reply.
    pub reply_to: Option<ReplyTo>,
    /// Images and videos attached, with the author's alt text.
    pub media: Vec<PostMedia>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PostAuthor {
    /// The network's lasting id of the author, which a name or handle change keeps: the public
    /// key (hex) on Nostr, the DID on Bluesky, `user@server` on Mastodon.
    pub id: Option<String>,
    /// The display name.
    pub name: Option<String>,
    /// `user@server` on Mastodon, the handle on Bluesky, NIP-05 or a short npub on Nostr.
    pub handle: Option<String>,
    /// http(s) only.
    pub avatar_url: Option<String>,
    /// Web domains the network verified as the author's own (see [`verified_domain`]): a
    /// Bluesky handle that is a domain of its own, a Mastodon profile link to a bare domain
    /// with a verified `rel="me"` backlink. Never a Nostr NIP-05 name, which is only claimed.
    pub verified_domains: Vec<String>,
    /// A domain the author claims as theirs but nothing checked yet: a Nostr root NIP-05
    /// identifier `_@domain`. A caller that proves it ([`crate::nostr::nip05`]) may move it to
    /// `verified_domains`.
    pub claimed_domain: Option<String>,
}

/// The bare domain `link` names (`https://www.lin.example/` → `lin.example`), or `None` when it
/// has a path, query or port: a link to `github.com/lin` proves nothing about `github.com`,
/// which everyone shares.
pub fn verified_domain(link: &str) -> Option<String> {
    let url = url::Url::parse(link.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https")
        || !matches!(url.path(), "" | "/")
        || url.query().is_some()
        || url.port().is_some()
    {
        return None;
    }
    let host = url
        .host_str()?
        .trim_start_matches("www.")
        .to_ascii_lowercase();
    host.contains('.').then_some(host)
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReplyTo {
    pub remote_id: String,
    /// Whom it answers, when the network says.
    pub handle: Option<String>,
    /// The conversation's first post, when the network says and it is another post (Nostr's
    /// `root` tag, Bluesky's `reply.root`): what an answer to this post must name as its root.
    pub root_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PostMedia {
    /// http(s) only; the engine fetches it, never the webview.
    pub url: String,
    pub alt: Option<String>,
    /// `image`, `video`, `gifv`, `audio` or `unknown`.
    pub kind: String,
}

/// What to fetch: everything newer than `since` (a cursor a reader returned before; `None` on
/// the first refresh), at most `max_posts`, from the top of the timeline or, when loading a
/// gap, from `resume` down.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimelineRequest {
    pub since: Option<String>,
    pub max_posts: usize,
    /// A [`TimelineFetch::resume`] an earlier read with the same `since` returned: start there
    /// instead of at the newest post. `None`: from the top.
    pub resume: Option<String>,
}

/// What a refresh brought.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimelineFetch {
    /// Newest first, no two with the same `remote_id`.
    pub posts: Vec<TimelinePost>,
    /// To pass as `since` next time (unchanged when nothing was new).
    pub cursor: Option<String>,
    /// `false` when posts between `since` and the oldest post returned may be missing.
    pub reached_since: bool,
    /// When `reached_since` is `false`: where a read with the same `since` continues down
    /// toward it (a Mastodon entry id, a Bluesky page and how much of it was taken, a Nostr
    /// time), so the missing posts load without reading the top again. `None`: from the top.
    pub resume: Option<String>,
    /// Posts their authors withdrew (Nostr deletions, NIP-09): a cache drops its copy of
    /// `remote_id` only when that copy's author is `author_id`.
    pub withdrawn: Vec<Withdrawn>,
}

/// A post its author asked to be forgotten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawn {
    pub remote_id: String,
    pub author_id: String,
}

/// `text` when it is an absolute http(s) address with a host: the only addresses a reader
/// keeps from a post (no `javascript:`, `data:` or `file:` reaches the feed).
pub(crate) fn web_url(text: &str) -> Option<String> {
    url::Url::parse(text.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::verified_domain;

    #[test]
    fn a_verified_domain_is_a_bare_web_domain() {
        assert_eq!(
            verified_domain("https://www.Lin.Example/").as_deref(),
            Some("lin.example")
        );
        assert_eq!(
            verified_domain("http://lin.example").as_deref(),
            Some("lin.example")
        );
        for not in [
            "https://github.com/lin",
            "https://lin.example/?ref=1",
            "https://lin.example:8443/",
            "mailto:lin@lin.example",
            "https://localhost/",
            "不是链接",
        ] {
            assert_eq!(verified_domain(not), None, "{not}");
        }
    }
}
