//! Untrusted HTML straight into `rss::sanitize_html` (feed entries and Mastodon statuses both
//! go through it), with a base address and without. Checks: the output holds only the
//! allowlist (`assert_safe_html`); sanitizing that output again keeps it within the
//! allowlist and keeps its words (output that parses differently the second time is how
//! mutation XSS gets through); and plain text escaped with `escape_text` comes back as the
//! same text, up to the whitespace `plain_text` folds.

use super::safe::assert_safe_html;
use crate::rss::{escape_text, sanitize_html};
use url::Url;

/// Panics when `data` breaks what the module's docs promise.
pub fn check(data: &[u8]) {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let base = Url::parse("https://feeds.example/blog/feed.xml").unwrap();
    for base in [Some(&base), None] {
        let clean = sanitize_html(html, base);
        assert_safe_html(&clean.html);
        // Not `again.html == clean.html`: html5ever re-nests some misnested allowed elements
        // (an <li> left inside <rt>) on a second parse (fuzz/regressions/sanitize/), which
        // also moves line breaks in the text. The structure may move; the words may not.
        let again = sanitize_html(&clean.html, base);
        assert_safe_html(&again.html);
        let words = |t: &str| t.split_whitespace().collect::<String>();
        assert_eq!(
            words(&again.text),
            words(&clean.text),
            "second pass on {html:?}"
        );
    }
    let escaped = sanitize_html(&escape_text(html), None);
    assert_eq!(escaped.text, folded(html), "escaped text {html:?}");
}

/// `text` as `plain_text` gives it back: CRLF and CR are line breaks (`escape_text`), the
/// HTML parser drops NULs; then lines are trimmed, a run of blank lines becomes one, and
/// there are none at either end.
fn folded(text: &str) -> String {
    let text = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "");
    let mut out = String::new();
    let mut gap = "";
    for line in text.split('\n').map(str::trim) {
        if line.is_empty() {
            gap = if out.is_empty() { "" } else { "\n\n" };
        } else {
            out.push_str(if gap.is_empty() && !out.is_empty() {
                "\n"
            } else {
                gap
            });
            out.push_str(line);
            gap = "";
        }
    }
    out
}
