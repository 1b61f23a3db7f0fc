//! Text as a person (or a pasted web page) writes it, through the text rules the composer
//! runs on every keystroke: `measure` on every network, `preview` (which splits an
//! over-long text into a thread), `topics`, Bluesky's facets. The first byte picks the Mastodon limit, the Nostr soft
//! limit, images, a content warning and numbering; small limits make short inputs split.
//! Checks: measuring all networks at once equals measuring each (the shared `Scan`);
//! `over_by` is the length past the limit and `ok` implies fitting; preview spans cover the
//! text without gaps or overlaps on character boundaries; every thread part fits its network
//! (and Bluesky's 3,000 bytes), numbered parts end in `i/n`, and unnumbered parts lose and
//! repeat no text; facets lie inside the text.

use crate::bluesky::{self, facets};
use crate::rules::{Network, Post, Settings, measure, measure_all, preview, topics};

/// Panics when `data` breaks what the module's docs promise.
pub fn check(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let settings = Settings {
        mastodon_max_characters: 40 + usize::from(flags & 0x3f) * 8,
        nostr_soft_limit: 40 + usize::from(flags & 0x0f) * 16,
    };
    let spoiler = (flags & 0x40 != 0).then(|| text.get(..text.len().min(12)).unwrap_or(""));
    let post = Post {
        text,
        title: spoiler,
        spoiler,
        images: usize::from(flags >> 5),
    };
    let number = flags & 0x80 != 0;

    let all = measure_all(&Network::ALL, &post, &settings);
    for (network, m) in Network::ALL.into_iter().zip(&all) {
        assert_eq!(*m, measure(network, &post, &settings), "{network}");
        if network != Network::Nostr {
            assert_eq!(m.over_by, m.length.saturating_sub(m.limit), "{network}");
            assert!(!m.ok || m.length <= m.limit, "{network} ok past its limit");
        }
        // The preview's thread parts are `split(network, text, number)`, done once here.
        let shown = preview(network, &post, &settings, number);
        check_spans(text, &shown.spans, network);
        check_parts(network, &shown.parts, &settings);
        if number && shown.parts.len() > 1 {
            for (i, part) in shown.parts.iter().enumerate() {
                let suffix = format!(" {}/{}", i + 1, shown.parts.len());
                assert!(part.ends_with(&suffix), "{part:?}");
            }
        } else if !shown.parts.is_empty() {
            let squeezed = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(
                squeezed(&shown.parts.concat()),
                squeezed(text),
                "{network} lost text"
            );
        }
    }
    let words: Vec<&str> = text.split(',').collect();
    for network in Network::ALL {
        let _ = topics(network, &words);
    }
    for facet in facets::detect(text) {
        assert!(facet.byte_start < facet.byte_end && facet.byte_end <= text.len());
        assert!(text.is_char_boundary(facet.byte_start) && text.is_char_boundary(facet.byte_end));
    }
}

fn check_spans(text: &str, spans: &[crate::rules::Span], network: Network) {
    let mut at = 0;
    for span in spans {
        assert_eq!(
            span.byte_start, at,
            "{network}: gap or overlap in {spans:?}"
        );
        assert!(
            span.byte_end > span.byte_start,
            "{network}: empty span in {spans:?}"
        );
        assert!(text.is_char_boundary(span.byte_end), "{network}: {spans:?}");
        at = span.byte_end;
    }
    assert_eq!(at, text.len(), "{network}: spans stop short in {spans:?}");
}

fn check_parts(network: Network, parts: &[String], settings: &Settings) {
    for part in parts {
        let m = measure(network, &Post::text(part), settings);
        assert!(
            m.length <= m.limit,
            "{network}: part {part:?} measures {m:?}"
        );
        if network == Network::Bluesky {
            assert!(part.len() <= bluesky::MAX_BYTES);
        }
    }
}
