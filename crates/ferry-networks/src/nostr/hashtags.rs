//! A note's NIP-24 `t` tags: how Nostr clients find notes by hashtag.
//!
//! Relays and clients search `t` tags, not the text, so a `#ferry` written in a note without a
//! `t` tag is invisible to anyone following `#ferry`. A note is tagged with the topics the
//! writer chose *and* every hashtag written in its text, recognised exactly as the composer's
//! preview highlights them ([`tokens`](crate::rules::tokens::tokens): `#` or `＃`, then anything
//! but whitespace and punctuation other than `_`), so what the writer sees marked as a hashtag
//! is what gets tagged. Values are lower-case (NIP-24 requires it) and each is tagged once.
//!
//! ```
//! use ferry_networks::nostr::t_tags;
//! let tags = t_tags(&["旅行"], "#渡口 今天开船，#Ferry！#ferry");
//! assert_eq!(tags, ["旅行", "渡口", "ferry"]);
//! ```

use crate::rules::tokens::{TokenKind, tokens};

/// The `t` tag values for a note with `text`: `topics` first (a leading `#` or `＃` is
/// ignored), then the hashtags in the text in the order written; lower-cased, each once,
/// empty ones dropped.
pub fn t_tags<S: AsRef<str>>(topics: &[S], text: &str) -> Vec<String> {
    let inline = tokens(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Hashtag)
        .map(|t| &text[t.bytes]);
    let mut tags: Vec<String> = Vec::new();
    for tag in topics.iter().map(AsRef::as_ref).chain(inline) {
        let tag = tag.trim().trim_start_matches(['#', '＃']).to_lowercase();
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: [&str; 0] = [];

    #[test]
    fn inline_hashtags_are_tagged_lower_case_once() {
        assert_eq!(
            t_tags(&NONE, "Ferry #渡口 and #ferry, #Ferry again ＃全角"),
            ["渡口", "ferry", "全角"]
        );
        assert_eq!(t_tags(&["#Rust", "rust", " "], "#RUST"), ["rust"]);
        assert_eq!(t_tags(&NONE, "no tags, C# and a#b"), NONE);
    }

    #[test]
    fn a_cjk_hashtag_ends_where_the_preview_ends_it() {
        // A space or any punctuation, full-width included, ends a tag; `_` does not.
        assert_eq!(t_tags(&NONE, "#渡口 今天"), ["渡口"]);
        assert_eq!(t_tags(&NONE, "#渡口，今天。#晚班！好"), ["渡口", "晚班"]);
        assert_eq!(
            t_tags(&NONE, "#渡口「夜」#snake_case."),
            ["渡口", "snake_case"]
        );
        // With no boundary the Chinese words after it are part of the tag, as highlighted.
        assert_eq!(t_tags(&NONE, "#渡口今天"), ["渡口今天"]);
    }

    #[test]
    fn what_the_preview_highlights_is_what_is_tagged() {
        use crate::rules::{Network, Post, Settings, SpanKind, preview};
        let text = "看 https://example.com/#anchor #渡口，#Ferry_2 @bob #ok.";
        let shown = preview(
            Network::Nostr,
            &Post::text(text),
            &Settings::default(),
            false,
        );
        let highlighted: Vec<String> = shown
            .spans
            .iter()
            .filter(|s| s.kind == SpanKind::Hashtag)
            .map(|s| text[s.byte_start + 1..s.byte_end].to_lowercase())
            .collect();
        assert_eq!(highlighted, ["渡口", "ferry_2", "ok"]);
        assert_eq!(t_tags(&NONE, text), highlighted);
    }
}
