//! The composer's preview: spans cover the text, links say what they count for, and the part
//! past the limit is marked.

use ferry_networks::rules::{Network, Post, Settings, SpanKind, preview};

fn kinds(network: Network, text: &str) -> Vec<(SpanKind, String, Option<usize>)> {
    preview(network, &Post::text(text), &Settings::default(), false)
        .spans
        .into_iter()
        .map(|s| (s.kind, text[s.byte_start..s.byte_end].to_owned(), s.counted))
        .collect()
}

#[test]
fn x_preview_marks_links_mentions_and_tags() {
    let text = "看 https://example.com/long/path @alice #话题";
    assert_eq!(
        kinds(Network::X, text),
        vec![
            (SpanKind::Plain, "看 ".into(), None),
            (
                SpanKind::Link,
                "https://example.com/long/path".into(),
                Some(23)
            ),
            (SpanKind::Plain, " ".into(), None),
            (SpanKind::Mention, "@alice".into(), None),
            (SpanKind::Plain, " ".into(), None),
            (SpanKind::Hashtag, "#话题".into(), None),
        ]
    );
}

#[test]
fn bluesky_preview_uses_facets() {
    let text = "hi ＃标签 example.com";
    assert_eq!(
        kinds(Network::Bluesky, text),
        vec![
            (SpanKind::Plain, "hi ".into(), None),
            (SpanKind::Hashtag, "＃标签".into(), None),
            (SpanKind::Plain, " ".into(), None),
            (SpanKind::Link, "example.com".into(), Some(11)),
        ]
    );
}

#[test]
fn over_limit_tail_and_thread_parts() {
    let text = format!("{}{}", "好".repeat(140), "多出来的字");
    let p = preview(Network::X, &Post::text(&text), &Settings::default(), true);
    assert!(!p.measurement.ok);
    let tail = p.spans.last().expect("spans");
    assert_eq!(tail.kind, SpanKind::OverLimit);
    assert_eq!(&text[tail.byte_start..tail.byte_end], "多出来的字");
    assert_eq!(p.parts.len(), 2);
    // Spans cover the text without gaps.
    let mut at = 0;
    for s in &p.spans {
        assert_eq!(s.byte_start, at);
        at = s.byte_end;
    }
    assert_eq!(at, text.len());
}

#[test]
fn mastodon_preview_counts_urls_as_23() {
    let spans = kinds(
        Network::Mastodon,
        "@bob@example.social https://example.com/x",
    );
    assert_eq!(
        spans[0],
        (SpanKind::Mention, "@bob@example.social".into(), None)
    );
    assert_eq!(
        spans[2],
        (SpanKind::Link, "https://example.com/x".into(), Some(23))
    );
}
