//! Text derived from a draft for the list and the search index.

use unicode_segmentation::UnicodeSegmentation;

use crate::model::DraftContent;

/// How much of the main variant the drafts list shows.
const PREVIEW_GRAPHEMES: usize = 120;

/// The start of the first variant that has text, on one line, cut between graphemes (never
/// inside an emoji ZWJ sequence or before a combining mark), with `…` when cut.
pub(crate) fn preview(content: &DraftContent) -> String {
    content
        .variants
        .iter()
        .find(|v| !v.text.trim().is_empty())
        .map(|v| one_line_prefix(&v.text, PREVIEW_GRAPHEMES))
        .unwrap_or_default()
}

/// The first `max` graphemes of `text` with runs of whitespace turned into one space.
pub(crate) fn one_line_prefix(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut pending_space = false;
    for g in text.trim().graphemes(true) {
        if g.chars().all(char::is_whitespace) {
            pending_space = true;
            continue;
        }
        if count == max {
            out.push('…');
            return out;
        }
        if pending_space {
            out.push(' ');
            count += 1;
            pending_space = false;
        }
        out.push_str(g);
        count += 1;
    }
    out
}

/// Everything a search may find: variant texts, overrides, topics and alt texts, one per
/// line (a match never spans two of them).
pub(crate) fn search_body(content: &DraftContent) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(content.variants.iter().map(|v| v.text.as_str()));
    parts.extend(content.overrides.iter().map(|o| o.text.as_str()));
    parts.extend(content.topics.iter().map(String::as_str));
    for a in &content.attachments {
        parts.extend(a.alt.values().map(String::as_str));
    }
    parts.join("\n")
}

/// The variant languages, space-separated, as the list column stores them.
pub(crate) fn languages(content: &DraftContent) -> String {
    let langs: Vec<&str> = content.variants.iter().map(|v| v.lang.as_str()).collect();
    langs.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_keeps_graphemes_whole() {
        let family = "👩\u{200d}👩\u{200d}👧";
        let text = format!("ab{family}cd");
        assert_eq!(one_line_prefix(&text, 3), format!("ab{family}…"));
        assert_eq!(one_line_prefix("e\u{301}x", 1), "e\u{301}…");
    }

    #[test]
    fn prefix_collapses_whitespace() {
        assert_eq!(
            one_line_prefix("  你好\n\n世界　 again ", 50),
            "你好 世界 again"
        );
    }
}
