//! Mentions, hashtags and URLs as the composer sees them, for networks whose own rules do not
//! say (and for protecting them when a thread is split). URLs come from twitter-text's grammar
//! (with or without a scheme); a mention is `@` or `＠` then a run of letters, digits, `_`, `.`,
//! `-` and `@` (`@user@server.social`); a hashtag is `#` or `＃` then a run of anything but
//! whitespace and punctuation other than `_`. Trailing dots and dashes are left out.

use std::ops::Range;

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use crate::text::{twitter_url::RawUrl, utf16};
use crate::x::urls::GRAMMAR;

/// What kind of token a range is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Link,
    Mention,
    Hashtag,
}

/// A token: its kind and byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub bytes: Range<usize>,
}

/// URLs, mentions and hashtags of `text`, sorted, without overlaps (URLs win).
pub fn tokens(text: &str) -> Vec<Token> {
    let offsets = utf16::byte_offsets(text);
    let mut found: Vec<Token> = GRAMMAR
        .scan(&utf16::units(text))
        .into_iter()
        .map(|RawUrl { url, .. }| Token {
            kind: TokenKind::Link,
            bytes: offsets[url.start]..offsets[url.end],
        })
        .collect();
    found.extend(marked(text, &['@', '＠'], TokenKind::Mention, |c| {
        c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '@')
    }));
    found.extend(marked(text, &['#', '＃'], TokenKind::Hashtag, |c| {
        !c.is_whitespace()
            && (c == '_' || c.general_category_group() != GeneralCategoryGroup::Punctuation)
    }));
    found.sort_by_key(|t| (t.bytes.start, t.kind != TokenKind::Link));
    let mut kept: Vec<Token> = Vec::with_capacity(found.len());
    for token in found {
        if kept
            .last()
            .is_none_or(|prev| prev.bytes.end <= token.bytes.start)
        {
            kept.push(token);
        }
    }
    kept
}

/// Byte ranges a thread split must not cut through.
pub fn protected_ranges(text: &str) -> Vec<Range<usize>> {
    tokens(text).into_iter().map(|t| t.bytes).collect()
}

fn marked(text: &str, marks: &[char], kind: TokenKind, body: impl Fn(char) -> bool) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((at, c)) = chars.next() {
        let starts_word = previous.is_none_or(|p| !p.is_alphanumeric() && p != '_');
        previous = Some(c);
        if !marks.contains(&c) || !starts_word {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if !body(next) {
                break;
            }
            end = i + next.len_utf8();
            previous = Some(next);
            chars.next();
        }
        let trimmed = text[..end].trim_end_matches(['.', '-', '@']).len();
        if trimmed > at + c.len_utf8() {
            out.push(Token {
                kind,
                bytes: at..trimmed,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokens(text)
            .into_iter()
            .map(|t| (t.kind, &text[t.bytes]))
            .collect()
    }

    #[test]
    fn finds_links_mentions_and_tags() {
        assert_eq!(
            kinds("看 example.com/路 和 @alice@mastodon.social，#中文标签！ ＃全角"),
            vec![
                (TokenKind::Link, "example.com/"),
                (TokenKind::Mention, "@alice@mastodon.social"),
                (TokenKind::Hashtag, "#中文标签"),
                (TokenKind::Hashtag, "＃全角"),
            ]
        );
        assert_eq!(kinds("mail a@b.c or #"), vec![]);
    }
}
