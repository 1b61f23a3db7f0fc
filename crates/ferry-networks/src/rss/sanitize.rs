//! Feed HTML is untrusted: [`sanitize_html`] keeps a small allowlist modelled on Mastodon's
//! (paragraphs, links, emphasis, lists, quotes, code, and `ruby`/`rt`/`rp` for CJK
//! annotations) and drops everything else — scripts and styles with their content; iframes,
//! forms, images, event handlers, `style` and `class` attributes without. Links keep only
//! http(s) and mailto targets and get `rel="noopener noreferrer nofollow"`; relative links
//! are resolved against the feed's address.
//!
//! ```
//! use ferry_networks::rss::sanitize_html;
//! let safe = sanitize_html(r#"<p onclick="x()">渡 <a href="/a">link</a><script>alert(1)</script></p>"#,
//!                          Some(&"https://example.org/feed.xml".parse().unwrap()));
//! assert_eq!(safe.html, r#"<p>渡 <a href="https://example.org/a" rel="noopener noreferrer nofollow">link</a></p>"#);
//! assert_eq!(safe.text, "渡 link");
//! ```

use std::collections::{HashMap, HashSet};

use ammonia::{Builder, UrlRelative};
use url::Url;

/// What a feed's HTML becomes: safe HTML for the webview and plain text for search, counters
/// and the CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized {
    pub html: String,
    pub text: String,
}

/// The tags kept (the rest lose their tag and keep their text, or go whole: see below).
pub const ALLOWED_TAGS: &[&str] = &[
    "p",
    "br",
    "span",
    "a",
    "del",
    "s",
    "pre",
    "blockquote",
    "code",
    "b",
    "strong",
    "u",
    "i",
    "em",
    "ul",
    "ol",
    "li",
    "ruby",
    "rt",
    "rp",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Tags removed together with everything inside them (the rest lose only the tag).
const DROP_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math",
    "textarea", "select", "title",
];

/// Sanitizes `html`, resolving relative links against `base` (dropped when there is none).
pub fn sanitize_html(html: &str, base: Option<&Url>) -> Sanitized {
    let mut builder = Builder::empty();
    builder
        .tags(ALLOWED_TAGS.iter().copied().collect())
        .clean_content_tags(DROP_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(HashSet::from(["lang", "dir"]))
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href"])),
            ("ol", HashSet::from(["start", "reversed"])),
            ("li", HashSet::from(["value"])),
        ]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        .strip_comments(true)
        .url_relative(match base {
            Some(base) => UrlRelative::RewriteWithBase(base.clone()),
            None => UrlRelative::Deny,
        });
    let html = builder.clean(html).to_string();
    let text = plain_text(&html);
    Sanitized { html, text }
}

/// Text that was plain in the feed (a `text/plain` summary, a JSON Feed `content_text`),
/// escaped so it can go through [`sanitize_html`] like the rest.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // CRLF is one line break, not a break and a blank line (the HTML parser reads a
            // CR left in text as LF); a lone CR is one too.
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// The text of HTML that [`sanitize_html`] produced: block ends become line breaks, tags go,
/// the entities its serializer writes are decoded, and runs of blank lines shrink to one.
pub fn plain_text(sanitized: &str) -> String {
    let mut marked = sanitized.replace("<br>", "\n");
    for tag in [
        "</p>",
        "</li>",
        "</blockquote>",
        "</pre>",
        "</h1>",
        "</h2>",
        "</h3>",
        "</h4>",
        "</h5>",
        "</h6>",
    ] {
        marked = marked.replace(tag, &format!("{tag}\n"));
    }
    let stripped = Builder::empty().clean(&marked).to_string();
    let decoded = stripped
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    let mut lines: Vec<&str> = Vec::new();
    for line in decoded.lines().map(str::trim) {
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(html: &str) -> Sanitized {
        sanitize_html(
            html,
            Some(&Url::parse("https://example.org/blog/feed.xml").unwrap()),
        )
    }

    #[test]
    fn scripts_handlers_frames_and_styles_go() {
        let s = clean(
            r#"<p style="color:red" onmouseover="steal()">hi<script>alert(1)</script></p>
               <iframe src="https://evil.example/"></iframe><img src=x onerror=alert(2)>
               <a href="javascript:alert(3)">js</a><form action="/x"><input name=a></form>
               <style>body{display:none}</style><svg><script>alert(4)</script></svg>"#,
        );
        for bad in [
            "script",
            "onmouseover",
            "style",
            "iframe",
            "onerror",
            "javascript",
            "form",
            "img",
            "svg",
            "alert",
        ] {
            assert!(!s.html.contains(bad), "{bad} survived in {}", s.html);
        }
        assert!(s.html.starts_with("<p>hi</p>"), "{}", s.html);
    }

    #[test]
    fn links_get_rel_and_absolute_targets() {
        let s = clean(
            r#"<a href="../post/1" target="_blank" rel="opener">one</a> <a href="mailto:a@b.c">m</a>"#,
        );
        assert_eq!(
            s.html,
            r#"<a href="https://example.org/post/1" rel="noopener noreferrer nofollow">one</a> <a href="mailto:a@b.c" rel="noopener noreferrer nofollow">m</a>"#
        );
    }

    #[test]
    fn relative_links_without_a_base_are_dropped() {
        let s = sanitize_html(r#"<a href="/x">x</a>"#, None);
        assert!(!s.html.contains("href"), "{}", s.html);
        assert_eq!(s.text, "x");
    }

    #[test]
    fn ruby_survives_for_cjk_annotations() {
        let s = clean("<ruby>渡<rp>(</rp><rt>dù</rt><rp>)</rp></ruby>");
        assert_eq!(s.html, "<ruby>渡<rp>(</rp><rt>dù</rt><rp>)</rp></ruby>");
    }

    #[test]
    fn text_keeps_paragraphs_entities_emoji_and_rtl() {
        let s = clean("<p>a &amp; b &lt;3</p><p>👩‍👩‍👧 家族</p><ul><li>مرحبا</li><li>two</li></ul>");
        assert_eq!(s.text, "a & b <3\n👩‍👩‍👧 家族\nمرحبا\ntwo");
    }

    #[test]
    fn escaped_plain_text_round_trips() {
        let s = clean(&escape_text("1 < 2 & <b>not bold</b>\nnext"));
        assert_eq!(s.text, "1 < 2 & <b>not bold</b>\nnext");
        assert!(!s.html.contains("<b>"));
        // Found by the fuzz target `sanitize`: CRLF came out as a line and a blank line.
        let s = clean(&escape_text("windows\r\nline\rold mac"));
        assert_eq!(s.text, "windows\nline\nold mac");
    }
}
