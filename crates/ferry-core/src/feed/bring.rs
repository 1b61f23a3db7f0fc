//! "Bring to the other audience": a new draft from a feed item, for the readers who don't read
//! its language. The draft has two variants, the other audience's first (that is the one to
//! write) holding only the item's address, and the item's own language quoting it with its
//! author and address; the user writes the rest in the composer.
//!
//! A Chinese item (`zh`, `zh-Hans`, `zh-CN` …) goes to English; anything else goes to
//! Simplified Chinese. An item whose language nobody knows counts as English.

use super::Feeds;
use super::error::FeedError;
use super::model::FeedItem;
use crate::model::{LangTag, NewDraft, Variant};
use crate::{Draft, Store};

/// How much of the item a quote carries, in characters.
const QUOTE_CHARS: usize = 140;

impl Feeds {
    /// Makes the draft for feed item `item_id` and returns it (saved, first revision).
    pub async fn bring_to_other_audience(&self, item_id: i64) -> Result<Draft, FeedError> {
        let item = item(&self.store, item_id).await?;
        Ok(self.store.create_draft(draft_for(&item)).await?)
    }
}

async fn item(store: &Store, id: i64) -> Result<FeedItem, FeedError> {
    super::listing::one(store, id)
        .await?
        .ok_or(FeedError::NoItem { id })
}

/// `text` on one line (runs of whitespace as one space), cut after `chars` characters with an
/// ellipsis: how a draft quotes an item and how the composer names the post a reply answers.
pub(super) fn excerpt(text: &str, chars: usize) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = words.chars().take(chars).collect();
    if words.chars().count() > chars {
        out.push('…');
    }
    out
}

fn draft_for(item: &FeedItem) -> NewDraft {
    let chinese = item
        .lang
        .as_deref()
        .is_some_and(|l| l.eq_ignore_ascii_case("zh") || l.to_ascii_lowercase().starts_with("zh-"));
    let (own, other) = if chinese {
        (item_lang(item).unwrap_or_else(|| tag("zh-Hans")), tag("en"))
    } else {
        (item_lang(item).unwrap_or_else(|| tag("en")), tag("zh-Hans"))
    };
    let url = item.url.clone().unwrap_or_default();
    let who = item
        .author
        .name
        .clone()
        .or_else(|| item.author.handle.clone())
        .or_else(|| item.source.title.clone());
    let excerpt = excerpt(
        item.title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&item.text),
        QUOTE_CHARS,
    );
    let quote = [
        (if chinese {
            format!("「{excerpt}」")
        } else {
            format!("“{excerpt}”")
        }),
        who.map(|w| format!("— {w}")).unwrap_or_default(),
        url.clone(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join("\n");
    NewDraft {
        variants: vec![
            Variant {
                lang: other,
                text: if url.is_empty() {
                    String::new()
                } else {
                    format!("\n\n{url}")
                },
            },
            Variant {
                lang: own,
                text: quote,
            },
        ],
        ..NewDraft::default()
    }
}

/// The item's language as a draft language, when it is one the composer knows.
fn item_lang(item: &FeedItem) -> Option<LangTag> {
    let lang = item.lang.as_deref()?;
    let lower = lang.to_ascii_lowercase();
    // A feed's `zh-CN` or `zh-TW` is written Simplified or Traditional.
    let tag_text = match lower.as_str() {
        "zh-cn" | "zh-sg" | "zh" => "zh-Hans",
        "zh-tw" | "zh-hk" | "zh-mo" => "zh-Hant",
        _ => lang,
    };
    LangTag::parse(tag_text).ok()
}

/// One of the fixed tags above; they are valid BCP 47, so parsing them cannot fail.
fn tag(text: &str) -> LangTag {
    LangTag::parse(text).expect("a fixed, valid language tag")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::model::{ItemAuthor, ItemSource};

    fn item(lang: Option<&str>, text: &str) -> FeedItem {
        FeedItem {
            id: 1,
            network: "mastodon".into(),
            remote_id: "9".into(),
            source: ItemSource {
                id: "s".into(),
                title: Some("Home".into()),
                url: "https://example.social/@me".into(),
            },
            author: ItemAuthor {
                name: Some("林".into()),
                handle: Some("lin@example.social".into()),
                avatar_url: None,
                domain: None,
            },
            title: None,
            text: text.into(),
            html: None,
            url: Some("https://example.social/@lin/9".into()),
            lang: lang.map(str::to_owned),
            published_at: chrono::Utc::now(),
            fetched_at: chrono::Utc::now(),
            boosted_by: None,
            reply_to: None,
            media: vec![],
            also_on: vec![],
            person: None,
            twins: Vec::new(),
            liked: false,
            boosted: false,
        }
    }

    #[test]
    fn a_chinese_item_is_brought_to_english_readers() {
        let draft = draft_for(&item(Some("zh-CN"), "渡轮 晚班\n照常开。"));
        let langs: Vec<&str> = draft.variants.iter().map(|v| v.lang.as_str()).collect();
        assert_eq!(langs, ["en", "zh-Hans"]);
        assert_eq!(draft.variants[0].text, "\n\nhttps://example.social/@lin/9");
        assert_eq!(
            draft.variants[1].text,
            "「渡轮 晚班 照常开。」\n— 林\nhttps://example.social/@lin/9"
        );
    }

    #[test]
    fn anything_else_is_brought_to_chinese_readers_and_long_text_is_cut() {
        let long = "word ".repeat(100);
        let draft = draft_for(&item(None, &long));
        let langs: Vec<&str> = draft.variants.iter().map(|v| v.lang.as_str()).collect();
        assert_eq!(langs, ["zh-Hans", "en"]);
        let quote = &draft.variants[1].text;
        assert!(quote.starts_with("“word word"));
        assert!(quote.contains("…”"), "{quote}");
        let traditional = draft_for(&item(Some("zh-TW"), "渡輪"));
        assert_eq!(traditional.variants[1].lang.as_str(), "zh-Hant");
    }
}
