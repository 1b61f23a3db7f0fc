//! Feeds write their language in any case (`zh-hans`, `EN_us`); Ferry keeps BCP 47's usual
//! case so `zh-Hans` from a feed equals `zh-Hans` from a draft.

/// A feed's language in the usual BCP 47 case (`zh-hans` → `zh-Hans`, `en_us` → `en-US`),
/// or `None` when it does not look like a tag at all.
pub(super) fn language_tag(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let ok = !raw.is_empty()
        && raw.len() <= 35
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok {
        return None;
    }
    let parts: Vec<String> = raw
        .split(['-', '_'])
        .enumerate()
        .map(|(i, part)| {
            let lower = part.to_ascii_lowercase();
            match (i, part.len()) {
                (0, _) => lower,
                (_, 4) if part.bytes().all(|b| b.is_ascii_alphabetic()) => {
                    let mut chars = lower.chars();
                    chars
                        .next()
                        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                        .unwrap_or_default()
                }
                (_, 2) => lower.to_ascii_uppercase(),
                _ => lower,
            }
        })
        .collect();
    Some(parts.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_get_their_usual_case() {
        assert_eq!(language_tag("zh-hans").as_deref(), Some("zh-Hans"));
        assert_eq!(language_tag("en_us").as_deref(), Some("en-US"));
        assert_eq!(language_tag("ZH-HANT-TW").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(language_tag("<script>"), None);
    }
}
