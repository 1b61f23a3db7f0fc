//! A feed document as a server sends it (RSS 2.0/1.0/0.9x, Atom, JSON Feed, or anything
//! else), through `rss::parse_feed`. Checks: every entry's HTML holds only the sanitizer's
//! allowlist (`assert_safe_html`), its address and media are http(s), its id is SHA-256 hex,
//! its title is one line; and an entry parses the same way twice (identity is stable).
//!
//! `parse_feed` turns a panic inside feed-rs (quick-xml) into `NotAFeed`; libfuzzer-sys's
//! panic hook would abort before that, so the fuzz target puts [`report_panic`] in its place
//! (quiet for quick-xml's known panic, which the fuzzer reaches often). A panic anywhere
//! else still escapes `fuzz_target!`, which aborts on it.

use super::safe::assert_safe_body;
use crate::rss::parse_feed;
use url::Url;

/// Panics when `data` breaks what the module's docs promise.
pub fn check(data: &[u8]) {
    let base = Url::parse("https://feeds.example/blog/feed.xml").unwrap();
    let Ok(feed) = parse_feed(data, &base) else {
        return;
    };
    if let Some(title) = &feed.title {
        assert!(!title.contains('\n') && !title.is_empty());
    }
    for entry in &feed.entries {
        assert_eq!(entry.remote_id.len(), 64);
        assert!(entry.remote_id.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_safe_body(entry.html.as_deref(), entry.url.as_deref(), &entry.media);
        if let Some(title) = &entry.title {
            assert!(!title.contains('\n') && !title.is_empty());
        }
    }
    let again = parse_feed(data, &base).expect("parsed once, parses again");
    let ids = |f: &crate::rss::ParsedFeed| -> Vec<String> {
        f.entries.iter().map(|e| e.remote_id.clone()).collect()
    };
    assert_eq!(ids(&again), ids(&feed));
}

/// A panic hook that reports every panic but quick-xml's (see the module's docs).
pub fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    if !info
        .location()
        .is_some_and(|l| l.file().contains("/quick-xml-"))
    {
        eprintln!("{info}");
    }
}
