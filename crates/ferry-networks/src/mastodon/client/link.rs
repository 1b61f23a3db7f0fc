//! Reading the `Link` header Mastodon pages its lists with (RFC 8288):
//!
//! ```text
//! Link: <https://example.social/api/v1/timelines/home?max_id=109>; rel="next",
//!       <https://example.social/api/v1/timelines/home?min_id=120>; rel="prev"
//! ```
//!
//! [`next_max_id`] gives the `max_id` of the `rel="next"` link. Only that id is used, never
//! the link itself: the request for the next page is built on the account's own server, so
//! a header naming another host (a misconfigured proxy, or a hostile server) can't make the
//! client send the account's token there.

use reqwest::header::{HeaderMap, LINK};
use url::Url;

/// One link of a `Link` header: its target as written and its relation types, lowercased
/// (`rel="next prev"` names two).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkValue {
    pub target: String,
    pub rels: Vec<String>,
}

/// Every well-formed link in `value`. A link whose target isn't in `<…>` is skipped up to
/// the next comma outside quotes; nothing here can panic on what a server sends.
pub(crate) fn parse_links(value: &str) -> Vec<LinkValue> {
    let mut links = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        if rest.is_empty() {
            return links;
        }
        let target = rest
            .strip_prefix('<')
            .and_then(|r| r.split_once('>'))
            .map(|(target, after)| (target.trim(), after));
        let Some((target, after)) = target else {
            rest = skip_link(rest);
            continue;
        };
        let (params, after) = split_link_params(after);
        rest = after;
        let rels = params
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case("rel"))
            .flat_map(|(_, value)| value.split_whitespace())
            .map(str::to_ascii_lowercase)
            .collect();
        links.push(LinkValue {
            target: target.to_owned(),
            rels,
        });
    }
}

/// The parameters after a link's `>` up to the comma that ends it, and what follows that
/// comma.
fn split_link_params(mut rest: &str) -> (Vec<(&str, String)>, &str) {
    let mut params = Vec::new();
    loop {
        rest = rest.trim_start();
        let Some(after_semicolon) = rest.strip_prefix(';') else {
            // A comma (or the end, or garbage, skipped the same way) ends this link.
            return (params, skip_link(rest));
        };
        let after_semicolon = after_semicolon.trim_start();
        let name_end = after_semicolon
            .find(['=', ';', ','])
            .unwrap_or(after_semicolon.len());
        let name = after_semicolon[..name_end].trim();
        rest = &after_semicolon[name_end..];
        let Some(after_eq) = rest.strip_prefix('=') else {
            params.push((name, String::new()));
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, after) = match after_eq.strip_prefix('"') {
            Some(quoted) => unquote(quoted),
            None => {
                let end = after_eq.find([';', ',']).unwrap_or(after_eq.len());
                (after_eq[..end].trim().to_owned(), &after_eq[end..])
            }
        };
        params.push((name, value));
        rest = after;
    }
}

/// A quoted-string's value (the opening quote already taken), with `\x` escapes resolved,
/// and what follows the closing quote. An unclosed quote takes the rest.
fn unquote(quoted: &str) -> (String, &str) {
    let mut value = String::new();
    let mut chars = quoted.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (value, &quoted[i + 1..]),
            '\\' => value.extend(chars.next().map(|(_, c)| c)),
            c => value.push(c),
        }
    }
    (value, "")
}

/// What follows the comma that ends the current link (commas inside quotes or `<…>` don't).
fn skip_link(rest: &str) -> &str {
    let (mut quoted, mut bracketed) = (false, false);
    for (i, c) in rest.char_indices() {
        match c {
            '"' if !bracketed => quoted = !quoted,
            '<' if !quoted => bracketed = true,
            '>' if !quoted => bracketed = false,
            ',' if !quoted && !bracketed => return &rest[i + 1..],
            _ => {}
        }
    }
    ""
}

/// The `max_id` of the `rel="next"` link in `headers` (all `Link` headers, in order), read
/// against `base` in case the target is relative. `None` when there is no next link or it
/// carries no `max_id`.
pub(crate) fn next_max_id(headers: &HeaderMap, base: &Url) -> Option<String> {
    headers
        .get_all(LINK)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(parse_links)
        .find(|link| link.rels.iter().any(|r| r == "next"))
        .and_then(|link| base.join(&link.target).ok())
        .and_then(|url| {
            url.query_pairs()
                .find(|(k, _)| k == "max_id")
                .map(|(_, v)| v.into_owned())
        })
        .filter(|id| !id.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn rels(value: &str) -> Vec<(String, Vec<String>)> {
        parse_links(value)
            .into_iter()
            .map(|l| (l.target, l.rels))
            .collect()
    }

    fn next(values: &[&str]) -> Option<String> {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(LINK, HeaderValue::from_str(v).unwrap());
        }
        next_max_id(&headers, &"https://example.social/".parse().unwrap())
    }

    #[test]
    fn mastodon_next_and_prev() {
        let header = r#"<https://m.example/api/v1/timelines/home?max_id=109>; rel="next", <https://m.example/api/v1/timelines/home?min_id=120>; rel="prev""#;
        assert_eq!(
            rels(header),
            [
                (
                    "https://m.example/api/v1/timelines/home?max_id=109".into(),
                    vec!["next".into()]
                ),
                (
                    "https://m.example/api/v1/timelines/home?min_id=120".into(),
                    vec!["prev".into()]
                ),
            ]
        );
        assert_eq!(next(&[header]).as_deref(), Some("109"));
    }

    #[test]
    fn order_whitespace_case_and_several_rels() {
        // prev first, odd spacing, an unquoted REL, and one link with two relation types.
        assert_eq!(
            next(&["  < /x?min_id=5 >;REL=prev ,\t</home?limit=5&max_id=42> ;  title=\"a, b; c\" ; rel=\"last NEXT\""])
                .as_deref(),
            Some("42")
        );
        // A rel that merely contains "next" is not next.
        assert_eq!(next(&[r#"</h?max_id=1>; rel="nextpage""#]), None);
    }

    #[test]
    fn separate_link_headers() {
        assert_eq!(
            next(&[
                r#"</h?min_id=9>; rel="prev""#,
                r#"</h?max_id=3>; rel="next""#
            ])
            .as_deref(),
            Some("3")
        );
    }

    #[test]
    fn garbage_gives_nothing_and_never_panics() {
        for value in [
            "",
            ",,,",
            "next",
            "<unclosed; rel=\"next\"",
            "</h?max_id=>; rel=next",
            "</h?since_id=1>; rel=next",
            "garbage, \"<quoted, comma>\"; rel=next",
            "<>; rel=next",
            ";;;=\"\\",
        ] {
            assert_eq!(next(&[value]), None, "{value:?}");
        }
        // Header values are ASCII on the wire, but the parser takes any text.
        assert_eq!(
            parse_links("<渡轮?max_id=1>; rel=\"下一\", <x>; rel"),
            [
                LinkValue {
                    target: "渡轮?max_id=1".into(),
                    rels: vec!["下一".into()]
                },
                LinkValue {
                    target: "x".into(),
                    rels: vec![]
                },
            ]
        );
        // An unclosed quote takes the rest of the header as the value.
        assert_eq!(next(&["</h?max_id=1>; rel=\"next"]).as_deref(), Some("1"));
        // Garbage before a good link doesn't hide it.
        assert_eq!(
            next(&[r#"nonsense "a,b", </h?max_id=7>; rel="next""#]).as_deref(),
            Some("7")
        );
    }

    #[test]
    fn escapes_in_quoted_values() {
        assert_eq!(
            rels(r#"</a>; title="say \"hi\", ok"; rel="next""#),
            [("/a".into(), vec!["next".into()])]
        );
    }
}
