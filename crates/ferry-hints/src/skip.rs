//! The parts of a post that carry no language: links, @mentions, #hashtags and emoji.
//!
//! Language detection skips them (a URL is Latin letters in a Chinese post), and the hints
//! panel reads hashtags from here to suggest the other network's equivalent. Mentions cover
//! Mastodon's `@user@host` and Bluesky's `@handle.bsky.social`; hashtags cover `#tag`,
//! Weibo's `#话题#` and RedNote's `#话题[话题]#`; emoji are whole grapheme clusters, so ZWJ
//! families, flags, skin tones and keycaps (`1️⃣`) are one item each.

use unicode_segmentation::UnicodeSegmentation;

/// What a skipped part is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipKind {
    Url,
    Mention,
    Hashtag,
    Emoji,
}

/// One skipped part, by byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skip {
    pub kind: SkipKind,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// All skipped parts of `text`, in order, not overlapping.
pub fn skipped_parts(text: &str) -> Vec<Skip> {
    let mut found = Vec::new();
    let mut graphemes = text.grapheme_indices(true).peekable();
    let mut prev: Option<char> = None;
    while let Some((start, g)) = graphemes.next() {
        let first = g.chars().next().unwrap_or(' ');
        // CJK text glues tags and links to the words before them ("今天#穿搭#"), so only an
        // ASCII letter or digit before `#`/`@`/`http` makes it part of a word ("C#", "a@b.c").
        let at_word_start = prev.is_none_or(|p| !(p.is_ascii_alphanumeric() || p == '_'));
        let end = if at_word_start && (first == '#' || first == '＃') {
            hashtag_end(text, start).map(|end| (SkipKind::Hashtag, end))
        } else if at_word_start && (first == '@' || first == '＠') {
            mention_end(text, start).map(|end| (SkipKind::Mention, end))
        } else if at_word_start && (first == 'h' || first == 'H' || first == 'w' || first == 'W') {
            url_end(text, start).map(|end| (SkipKind::Url, end))
        } else if is_emoji(g) {
            Some((SkipKind::Emoji, start + g.len()))
        } else {
            None
        };
        match end {
            Some((kind, byte_end)) => {
                found.push(Skip {
                    kind,
                    byte_start: start,
                    byte_end,
                });
                while graphemes.peek().is_some_and(|(s, _)| *s < byte_end) {
                    graphemes.next();
                }
                prev = text[..byte_end].chars().next_back();
            }
            None => prev = g.chars().next_back(),
        }
    }
    found
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn hashtag_end(text: &str, start: usize) -> Option<usize> {
    let body_start = start + text[start..].chars().next()?.len_utf8();
    let body_len: usize = text[body_start..]
        .chars()
        .take_while(|&c| is_word_char(c) || c == '\u{200d}' || c == '·')
        .map(char::len_utf8)
        .sum();
    if body_len == 0
        || text[body_start..body_start + body_len]
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        return None; // "#1" is a number, not a tag
    }
    let mut end = body_start + body_len;
    // RedNote writes topics as `#话题[话题]#`; Weibo as `#话题#`.
    let rest = &text[end..];
    if let Some(after) = rest
        .strip_prefix("[话题]")
        .or_else(|| rest.strip_prefix("[話題]"))
    {
        end = text.len() - after.len();
    }
    if text[end..].starts_with('#') {
        end += 1;
    }
    Some(end)
}

fn mention_end(text: &str, start: usize) -> Option<usize> {
    let body_start = start + text[start..].chars().next()?.len_utf8();
    let mut end = body_start;
    for (i, c) in text[body_start..].char_indices() {
        if is_word_char(c) || c == '-' || c == '.' || (c == '@' && i > 0) {
            end = body_start + i + c.len_utf8();
        } else {
            break;
        }
    }
    // A handle never ends in a dot: "@alice." is alice followed by a full stop.
    while end > body_start && text[..end].ends_with('.') {
        end -= 1;
    }
    (end > body_start).then_some(end)
}

fn url_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let lower: String = rest
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
    {
        return None;
    }
    let mut end = start;
    for (i, c) in rest.char_indices() {
        // CJK text often follows a link with no space; a full-width character ends it.
        if c.is_whitespace() || c as u32 >= 0x2E80 || matches!(c, '<' | '>' | '"') {
            break;
        }
        end = start + i + c.len_utf8();
    }
    while end > start && text[..end].ends_with(['.', ',', ';', ':', '!', '?', ')', ']', '\'']) {
        end -= 1;
    }
    Some(end)
}

/// Whether a grapheme cluster is an emoji (pictograph, flag, keycap, or presentation form).
pub fn is_emoji(grapheme: &str) -> bool {
    grapheme.chars().any(|c| {
        let cp = c as u32;
        matches!(cp,
            0x1F000..=0x1FAFF   // pictographs, emoticons, transport, flags' regional indicators
            | 0x2600..=0x27BF   // misc symbols, dingbats
            | 0x2B00..=0x2BFF   // arrows and stars used as emoji (⭐ ⬆)
            | 0x2300..=0x23FF   // technical: ⌚ ⏰
            | 0xFE0F | 0x20E3   // emoji presentation selector, keycap
            | 0xE0020..=0xE007F // tag sequences (subdivision flags)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(SkipKind, &str)> {
        skipped_parts(text)
            .into_iter()
            .map(|s| (s.kind, &text[s.byte_start..s.byte_end]))
            .collect()
    }

    #[test]
    fn finds_links_mentions_tags_and_emoji() {
        let text = "Hi @alice@mastodon.social, see https://ex.com/a?b=1. #TikTokRefugee 👨‍👩‍👧 1️⃣";
        assert_eq!(
            kinds(text),
            vec![
                (SkipKind::Mention, "@alice@mastodon.social"),
                (SkipKind::Url, "https://ex.com/a?b=1"),
                (SkipKind::Hashtag, "#TikTokRefugee"),
                (SkipKind::Emoji, "👨‍👩‍👧"),
                (SkipKind::Emoji, "1️⃣"),
            ]
        );
    }

    #[test]
    fn reads_weibo_and_rednote_topics_and_ignores_lookalikes() {
        assert_eq!(
            kinds("#tiktok难民[话题]# 好"),
            vec![(SkipKind::Hashtag, "#tiktok难民[话题]#")]
        );
        assert_eq!(kinds("#穿搭#分享"), vec![(SkipKind::Hashtag, "#穿搭#")]);
        assert!(kinds("C# and #1 and mail@me.com").is_empty());
        assert_eq!(
            kinds("链接https://x.cn/页面"),
            vec![(SkipKind::Url, "https://x.cn/")]
        );
        assert_eq!(kinds("今天#穿搭#"), vec![(SkipKind::Hashtag, "#穿搭#")]);
        assert_eq!(
            kinds("看 https://x.cn/a。好"),
            vec![(SkipKind::Url, "https://x.cn/a")]
        );
    }
}
