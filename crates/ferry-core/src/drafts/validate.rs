//! Checks a draft's content before it is stored, so the database only ever holds drafts the
//! composer and the publisher can make sense of.

use std::collections::BTreeSet;

use crate::error::StoreError;
use crate::model::DraftContent;

/// The longest text (variant, override, topic or alt text) a draft holds, in characters.
/// Generous: long-form posts are ~100,000 characters; this only stops runaway input.
pub const MAX_TEXT_CHARS: usize = 1_000_000;

/// Topics are hashtags or RedNote topics, never paragraphs.
pub const MAX_TOPIC_CHARS: usize = 200;

pub fn check(content: &DraftContent) -> Result<(), StoreError> {
    let mut langs = BTreeSet::new();
    for variant in &content.variants {
        if !langs.insert(&variant.lang) {
            return Err(invalid(
                "variants",
                format!("there are two {} variants", variant.lang),
            ));
        }
        check_len(
            &format!("the {} text", variant.lang),
            &variant.text,
            MAX_TEXT_CHARS,
        )?;
    }

    let mut overrides = BTreeSet::new();
    for o in &content.overrides {
        if !langs.contains(&o.lang) {
            return Err(invalid(
                "overrides",
                format!(
                    "the {} override is for {}, which has no variant; add the variant first",
                    o.network, o.lang
                ),
            ));
        }
        if !overrides.insert((&o.lang, o.network)) {
            return Err(invalid(
                "overrides",
                format!("there are two {} overrides for {}", o.network, o.lang),
            ));
        }
        check_len(
            &format!("the {} override for {}", o.network, o.lang),
            &o.text,
            MAX_TEXT_CHARS,
        )?;
    }

    let mut targets = BTreeSet::new();
    for t in &content.targets {
        if t.account_id.as_deref().is_some_and(|a| a.trim().is_empty()) {
            return Err(invalid(
                "targets",
                format!("the {} target has an empty account id", t.network),
            ));
        }
        if !targets.insert(t) {
            return Err(invalid(
                "targets",
                format!("{} is targeted twice", t.network),
            ));
        }
    }

    let mut topics = BTreeSet::new();
    for topic in &content.topics {
        if topic.trim().is_empty() {
            return Err(invalid("topics", "a topic is empty".to_owned()));
        }
        if !topics.insert(topic) {
            return Err(invalid(
                "topics",
                format!("the topic {topic:?} appears twice"),
            ));
        }
        check_len(&format!("the topic {topic:?}"), topic, MAX_TOPIC_CHARS)?;
    }

    for a in &content.attachments {
        for (lang, alt) in &a.alt {
            check_len(
                &format!("the {lang} alt text of {}", a.original_name),
                alt,
                MAX_TEXT_CHARS,
            )?;
        }
    }
    Ok(())
}

fn check_len(what: &str, text: &str, max: usize) -> Result<(), StoreError> {
    // Bytes bound characters from above, so most texts skip the count.
    if text.len() <= max {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(StoreError::TooLarge {
            what: what.to_owned(),
            chars,
            max,
        });
    }
    Ok(())
}

fn invalid(field: &str, reason: String) -> StoreError {
    StoreError::Invalid {
        field: field.to_owned(),
        reason,
    }
}
