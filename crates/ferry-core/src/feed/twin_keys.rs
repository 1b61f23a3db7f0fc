//! What makes two posts of one person the same post, computed once when an item is stored:
//!
//! - `link_key`: the first link that points away from the post (not to the author's own
//!   server, where mentions and hashtags point), normalized so the copies on two networks
//!   agree: host without `www.`, no fragment, no `utm_*` parameters, no trailing slash;
//! - `text_key`: a hash of the text without links, mentions, hashtags, punctuation, spaces
//!   and case — equal for a cross-post that only differs in how each network shows links
//!   and tags. Texts shorter than [`MIN_TEXT_CHARS`] letters get none (too common to mean
//!   "the same post").
//!
//! ```ignore
//! let a = text_key("Ferry runs at 9! #ferry https://a.example/x @lin@example.social");
//! assert_eq!(a, text_key("ferry runs at 9 https://b.example/y #Ferry"));
//! ```

use sha2::{Digest, Sha256};

/// Fewer letters than this: no text key.
pub(super) const MIN_TEXT_CHARS: usize = 12;

/// The first link in `html`'s `href`s or `text` pointing away from `own_url`'s host.
pub(super) fn link_key(text: &str, html: Option<&str>, own_url: Option<&str>) -> Option<String> {
    let own_host = own_url
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(bare_host));
    let from_html = html.into_iter().flat_map(hrefs);
    let from_text = text
        .split(|c: char| c.is_whitespace() || is_cjk_punct(c))
        .map(trim_link);
    from_html
        .chain(from_text)
        .filter(|t| t.starts_with("http://") || t.starts_with("https://"))
        .filter_map(normalize)
        .find(|(host, _)| Some(host) != own_host.as_ref())
        .map(|(_, link)| link)
}

/// A hash of the text's letters and digits, lowercased, without links, mentions and hashtags.
pub(super) fn text_key(text: &str) -> Option<String> {
    let mut letters = String::new();
    for word in text.split_whitespace() {
        let lowered = word.to_lowercase();
        if lowered.starts_with("http://")
            || lowered.starts_with("https://")
            || lowered.starts_with('@')
            || lowered.starts_with('#')
        {
            continue;
        }
        letters.extend(lowered.chars().filter(|c| c.is_alphanumeric()));
    }
    if letters.chars().count() < MIN_TEXT_CHARS {
        return None;
    }
    let digest = Sha256::digest(letters.as_bytes());
    Some(hex::encode(&digest[..12]))
}

/// `href="…"` values of anchors, in order (the HTML is sanitized: quoted, http(s) or mailto).
fn hrefs(html: &str) -> impl Iterator<Item = &str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
}

fn trim_link(token: &str) -> &str {
    token.trim_end_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '"' | '\'' | '…'
        ) || is_cjk_punct(c)
    })
}

fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '！'
            | '？'
            | '；'
            | '：'
            | '、'
            | '」'
            | '「'
            | '』'
            | '『'
            | '）'
            | '（'
            | '【'
            | '】'
            | '《'
            | '》'
    )
}

fn bare_host(host: &str) -> String {
    host.trim_start_matches("www.").to_ascii_lowercase()
}

/// (host, normalized link), or `None` when it does not parse as an http(s) link with a host.
fn normalize(link: &str) -> Option<(String, String)> {
    let link = link.replace("&amp;", "&");
    let mut url = url::Url::parse(&link).ok()?;
    let host = bare_host(url.host_str()?);
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !k.starts_with("utm_"))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    let path = url.path().trim_end_matches('/').to_owned();
    let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
    Some((host.clone(), format!("{host}{path}{query}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_link_on_two_networks_has_one_key() {
        let mastodon = link_key(
            "New timetable: example.org/ferry/winter…",
            Some(
                r#"<p>New timetable: <a href="https://example.social/tags/ferry">#ferry</a> <a href="https://www.example.org/ferry/winter/?utm_source=mastodon&amp;day=1#top">example.org/ferry/winter…</a></p>"#,
            ),
            Some("https://example.social/@lin/1"),
        );
        let bluesky = link_key(
            "冬季时刻表：https://example.org/ferry/winter?day=1&utm_medium=social。",
            None,
            Some("https://bsky.app/profile/lin.example/post/3k"),
        );
        assert_eq!(mastodon.as_deref(), Some("example.org/ferry/winter?day=1"));
        assert_eq!(mastodon, bluesky);
        assert_eq!(link_key("no links here", None, None), None);
        assert_eq!(
            link_key(
                "see https://example.social/@lin",
                None,
                Some("https://example.social/@lin/2")
            ),
            None,
            "a link to the author's own server is a mention, not what the post shares"
        );
    }

    #[test]
    fn a_cross_post_keeps_its_text_key_across_tags_links_and_case() {
        let a =
            text_key("Ferry runs at nine tonight! #ferry https://a.example/x @lin@example.social");
        let b = text_key("ferry runs at nine tonight https://b.example/y #Ferry");
        assert!(a.is_some());
        assert_eq!(a, b);
        assert_eq!(
            text_key("渡轮今晚九点照常开船，别迟到"),
            text_key("渡轮今晚九点照常开船。别迟到！")
        );
        assert_ne!(
            text_key("渡轮今晚九点照常开船，别迟到"),
            text_key("渡轮今晚十点照常开船，别迟到")
        );
        assert_eq!(
            text_key("hi there"),
            None,
            "too short to mean the same post"
        );
    }
}
