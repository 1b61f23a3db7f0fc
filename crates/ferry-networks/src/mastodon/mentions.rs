//! The mentions Mastodon counts as `@user` only (`Account::MENTION_RE`):
//! `(?<![=/[:word:]])@(user(@domain)?)` where `user` is `[a-z0-9_]+([.-]+[a-z0-9_]+)*` and the
//! domain `[[:word:]]+([.-]+[[:word:]]+)*`; dropped when followed by `@`, `＠`, a Latin accent or
//! `://`.
//!
//! Ruby matches over code points; this walks the UTF-16 units from one `@` to the next,
//! decoding only the characters around each, so a long post without many mentions costs one
//! search for `@`.

use super::counting::CountedEntity;
use crate::text::twitter_url::latin_accent;
use crate::text::utf16::code_point_at;

const AT: u16 = 0x40;

/// The mentions of `t` (UTF-16 units), in order.
pub fn mentions(t: &[u16]) -> Vec<CountedEntity> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = t[from..].iter().position(|&u| u == AT).map(|k| from + k) {
        from = at + 1;
        if char_before(t, at).is_some_and(|c| matches!(c, '=' | '/') || is_word(c)) {
            continue;
        }
        let Some(user_end) = dotted_run(t, at + 1, |c| c.is_ascii_alphanumeric() || c == '_')
        else {
            continue;
        };
        let mut end = user_end;
        if char_at(t, user_end).is_some_and(|(c, _)| c == '@')
            && let Some(domain_end) = dotted_run(t, user_end + 1, is_word)
        {
            end = domain_end;
        }
        let blocked = match char_at(t, end).map(|(c, _)| c) {
            Some('@' | '＠') => true,
            Some(c) if is_latin_accent(c) => true,
            _ => t.get(end..end + 3) == Some(&[0x3A, 0x2F, 0x2F]),
        };
        if !blocked {
            out.push(CountedEntity {
                utf16: at..end,
                counted_as: format!("@{}", String::from_utf16_lossy(&t[at + 1..user_end])),
                is_url: false,
            });
        }
        from = end.max(at + 1);
    }
    out
}

/// The character at unit `p` and its width in units; a lone surrogate reads as U+FFFD, as
/// Ruby sees an invalid sequence.
fn char_at(t: &[u16], p: usize) -> Option<(char, usize)> {
    (p < t.len()).then(|| {
        let (cp, width) = code_point_at(t, p);
        (
            char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER),
            width,
        )
    })
}

fn char_before(t: &[u16], p: usize) -> Option<char> {
    let last = *t.get(p.checked_sub(1)?)?;
    let start =
        if (0xDC00..=0xDFFF).contains(&last) && p >= 2 && (0xD800..=0xDBFF).contains(&t[p - 2]) {
            p - 2
        } else {
            p - 1
        };
    char_at(t, start).map(|(c, _)| c)
}

/// `W+([.-]+W+)*` from unit `start`, greedy: its end, or `None` if not even one `W`.
fn dotted_run(t: &[u16], start: usize, word: impl Fn(char) -> bool) -> Option<usize> {
    let skip = |mut p: usize, member: &dyn Fn(char) -> bool| {
        while let Some((c, width)) = char_at(t, p)
            && member(c)
        {
            p += width;
        }
        p
    };
    let mut end = skip(start, &word);
    if end == start {
        return None;
    }
    loop {
        let separators_end = skip(end, &|c| c == '.' || c == '-');
        if separators_end == end || !char_at(t, separators_end).is_some_and(|(c, _)| word(c)) {
            return Some(end);
        }
        end = skip(separators_end, &word);
    }
}

/// Ruby's `[[:word:]]`: letters, marks, numbers and connector punctuation.
fn is_word(c: char) -> bool {
    use unicode_properties::{GeneralCategory as G, GeneralCategoryGroup, UnicodeGeneralCategory};
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Letter | GeneralCategoryGroup::Mark | GeneralCategoryGroup::Number
    ) || c.general_category() == G::ConnectorPunctuation
}

fn is_latin_accent(c: char) -> bool {
    u16::try_from(u32::from(c)).is_ok_and(latin_accent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::utf16::units;

    fn found(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        mentions(&units(text))
            .into_iter()
            .map(|e| (e.utf16, e.counted_as))
            .collect()
    }

    #[test]
    fn mentions_with_and_without_domains() {
        assert_eq!(
            found("hi @alice@example.social!"),
            vec![(3..24, "@alice".into())]
        );
        assert_eq!(found("你好@bob"), vec![]); // a word character stands before
        assert_eq!(found("😀@bob.x-y"), vec![(2..10, "@bob.x-y".into())]);
        assert_eq!(found("a=@x /@y @z@@ @w://"), vec![]);
        assert_eq!(found("@a@b@c"), vec![]);
        assert_eq!(
            found("@a @b"),
            vec![(0..2, "@a".into()), (3..5, "@b".into())]
        );
    }
}
