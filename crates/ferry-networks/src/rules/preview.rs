//! The composer's preview of one variant on one network: the text cut into spans the UI can
//! colour (plain text, links with the length they count for, mentions, hashtags, and the tail
//! past the limit) plus the thread parts the text would become. Counting happens here, in
//! Rust, so the UI and the CLI show the same numbers.
//!
//! Spans cover the whole text in order, without gaps or overlaps, in UTF-8 byte offsets.

use serde::Serialize;
use ts_rs::TS;

use super::measure::{Measurement, Post, Settings, measure};
use super::network::Network;
use super::split::split;
use super::tokens::{TokenKind, tokens};
use crate::bluesky::facets::{self, FacetKind};
use crate::mastodon::counting;
use crate::text::{graphemes, utf16};
use crate::x;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    Plain,
    Link,
    Mention,
    Hashtag,
    /// Text past the network's limit.
    OverLimit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
// `PreviewSpan` in TypeScript: the hints' `Span` (ferry-hints) is exported beside it.
#[ts(rename = "PreviewSpan")]
pub struct Span {
    pub kind: SpanKind,
    pub byte_start: usize,
    pub byte_end: usize,
    /// For links: the length the network counts the link as (23 on X and Mastodon).
    pub counted: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Preview {
    pub measurement: Measurement,
    pub spans: Vec<Span>,
    /// The thread parts when the text is over the limit on a network with threads; else empty.
    pub parts: Vec<String>,
}

/// The preview of `post` on `network`; `number` asks for `i/n` numbering of the thread parts.
pub fn preview(network: Network, post: &Post<'_>, settings: &Settings, number: bool) -> Preview {
    let measurement = measure(network, post, settings);
    let mut spans = fill_gaps(post.text, entities(network, post.text));
    if measurement.length > measurement.limit {
        let cut = fitting_prefix(network, post, settings, measurement.limit);
        spans = mark_over_limit(spans, cut);
    }
    let parts = if measurement.length > measurement.limit && network.has_threads() {
        split(network, post.text, number, settings).unwrap_or_default()
    } else {
        Vec::new()
    };
    Preview {
        measurement,
        spans,
        parts,
    }
}

fn span(kind: SpanKind, start: usize, end: usize, counted: Option<usize>) -> Span {
    Span {
        kind,
        byte_start: start,
        byte_end: end,
        counted,
    }
}

/// Links, mentions and hashtags as `network` recognises them, sorted, without overlaps.
fn entities(network: Network, text: &str) -> Vec<Span> {
    match network {
        Network::Bluesky => facets::detect(text)
            .into_iter()
            .map(|f| {
                let kind = match f.kind {
                    FacetKind::Link => SpanKind::Link,
                    FacetKind::Mention => SpanKind::Mention,
                    FacetKind::Tag => SpanKind::Hashtag,
                };
                let counted = (kind == SpanKind::Link)
                    .then(|| graphemes::count(&text[f.byte_start..f.byte_end]));
                span(kind, f.byte_start, f.byte_end, counted)
            })
            .collect(),
        Network::X => with_generic_tags(text, {
            let offsets = utf16::byte_offsets(text);
            x::urls::extract(&utf16::units(text))
                .into_iter()
                .map(|u| {
                    span(
                        SpanKind::Link,
                        offsets[u.utf16_start],
                        offsets[u.utf16_end],
                        Some(23),
                    )
                })
                .collect()
        }),
        Network::Mastodon => with_generic_tags(text, {
            let offsets = utf16::byte_offsets(text);
            counting::entities(text)
                .into_iter()
                .map(|e| {
                    let (kind, counted) = if e.is_url {
                        (SpanKind::Link, Some(23))
                    } else {
                        (SpanKind::Mention, None)
                    };
                    span(kind, offsets[e.utf16.start], offsets[e.utf16.end], counted)
                })
                .collect()
        }),
        _ => tokens(text)
            .into_iter()
            .map(|t| match t.kind {
                TokenKind::Link => {
                    let counted = measure(
                        network,
                        &Post::text(&text[t.bytes.clone()]),
                        &Settings::default(),
                    )
                    .length;
                    span(SpanKind::Link, t.bytes.start, t.bytes.end, Some(counted))
                }
                TokenKind::Mention => span(SpanKind::Mention, t.bytes.start, t.bytes.end, None),
                TokenKind::Hashtag => span(SpanKind::Hashtag, t.bytes.start, t.bytes.end, None),
            })
            .collect(),
    }
}

/// Adds the generic mentions and hashtags that do not overlap the network's own entities.
fn with_generic_tags(text: &str, mut own: Vec<Span>) -> Vec<Span> {
    for t in tokens(text) {
        let kind = match t.kind {
            TokenKind::Link => continue,
            TokenKind::Mention => SpanKind::Mention,
            TokenKind::Hashtag => SpanKind::Hashtag,
        };
        if own
            .iter()
            .all(|s| s.byte_end <= t.bytes.start || t.bytes.end <= s.byte_start)
        {
            own.push(span(kind, t.bytes.start, t.bytes.end, None));
        }
    }
    own.sort_by_key(|s| s.byte_start);
    own
}

fn fill_gaps(text: &str, entities: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(entities.len() * 2 + 1);
    let mut at = 0;
    for e in entities {
        if e.byte_start < at {
            continue;
        }
        if e.byte_start > at {
            out.push(span(SpanKind::Plain, at, e.byte_start, None));
        }
        at = e.byte_end;
        out.push(e);
    }
    if at < text.len() {
        out.push(span(SpanKind::Plain, at, text.len(), None));
    }
    out
}

/// The longest prefix, cut at a grapheme boundary, whose length is within `limit`.
fn fitting_prefix(network: Network, post: &Post<'_>, settings: &Settings, limit: usize) -> usize {
    let cuts = graphemes::boundaries(post.text);
    let fits = |&at: &usize| {
        measure(
            network,
            &Post {
                text: &post.text[..at],
                ..*post
            },
            settings,
        )
        .length
            <= limit
    };
    let first_over = cuts.partition_point(fits);
    if first_over == 0 {
        0
    } else {
        cuts[first_over - 1]
    }
}

fn mark_over_limit(spans: Vec<Span>, cut: usize) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len() + 1);
    for s in spans {
        if s.byte_end <= cut {
            out.push(s);
        } else if s.byte_start >= cut {
            out.push(span(SpanKind::OverLimit, s.byte_start, s.byte_end, None));
        } else {
            out.push(span(s.kind, s.byte_start, cut, s.counted));
            out.push(span(SpanKind::OverLimit, cut, s.byte_end, None));
        }
    }
    // Adjacent over-limit spans read as one tail.
    out.dedup_by(|next, prev| {
        let merge = prev.kind == SpanKind::OverLimit && next.kind == SpanKind::OverLimit;
        if merge {
            prev.byte_end = next.byte_end;
        }
        merge
    });
    out
}

#[cfg(test)]
mod tests {
    use ts_rs::TS;

    use super::*;

    #[test]
    fn the_ui_gets_typescript_types() {
        let decl = Preview::decl();
        assert!(decl.contains("spans: Array<PreviewSpan>"), "{decl}");
        assert!(
            Span::decl().contains("byte_start: number"),
            "{}",
            Span::decl()
        );
        assert!(
            SpanKind::decl().contains("\"over_limit\""),
            "{}",
            SpanKind::decl()
        );
    }
}
