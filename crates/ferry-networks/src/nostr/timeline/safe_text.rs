//! Small guards for text that came from relays: web links only, bounded lengths.

/// `url` when it is an absolute http(s) URL with a host; anything else (javascript:, data:,
/// relative paths) is `None`.
pub fn web_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    (matches!(parsed.scheme(), "http" | "https") && parsed.host_str().is_some())
        .then(|| parsed.to_string())
}

/// At most `max` (≥ 1) characters of `text`, cut at a character boundary and ending with `…` when
/// cut (so a reader sees the note was longer).
pub fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((end, _)) => {
            let kept = max.saturating_sub(1);
            let end = text.char_indices().nth(kept).map_or(end, |(i, _)| i);
            format!("{}…", &text[..end])
        }
    }
}

/// `text` trimmed, bounded, and `None` when empty.
pub fn short_field(text: &str, max: usize) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| truncate_chars(text, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_respects_characters_and_marks_the_cut() {
        assert_eq!(truncate_chars("渡口渡口", 4), "渡口渡口");
        assert_eq!(truncate_chars("渡口渡口渡", 4), "渡口渡…");
        assert_eq!(truncate_chars("渡口渡口渡", 4).chars().count(), 4);
        assert_eq!(truncate_chars("abc", 0), "…");
    }

    #[test]
    fn only_web_links_pass() {
        assert_eq!(
            web_url("https://img.example/a.png").as_deref(),
            Some("https://img.example/a.png")
        );
        for bad in [
            "javascript:alert(1)",
            "data:image/png;base64,AA",
            "/a.png",
            "ftp://x/a",
        ] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
    }
}
