//! Answering a post of the feed: a new draft that replies to it, as the account whose
//! timeline brought it (a reply cannot cross networks; the outbox sends it there alone, see
//! `model/reply.rs`). Items of feeds (RSS, RSSHub) have no one to answer as.
//!
//! ```no_run
//! # async fn demo(feeds: ferry_core::feed::Feeds, item_id: i64) -> Result<(), ferry_core::feed::FeedError> {
//! let draft = feeds.start_reply(item_id).await?; // or the unsent reply already started
//! assert!(draft.content.reply_to.is_some());
//! # Ok(()) }
//! ```
//!
//! The draft has one variant, in the language the conversation is in when the account's
//! audience reads it (else the account's first audience language): one reply, not one per
//! language. A Mastodon reply starts with the author's `@handle`, as Mastodon's own composer
//! does, so the author is mentioned; Bluesky and Nostr name the author in the reply itself.

use super::Feeds;
use super::bring::excerpt;
use super::error::FeedError;
use crate::Draft;
use crate::model::{LangTag, Network, NewDraft, ReplyTarget, Variant, network_from_id};

/// How much of the answered post the composer shows, in characters.
const EXCERPT_CHARS: usize = 140;

type ItemRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

impl Feeds {
    /// The draft answering item `item_id`: the unsent one already started for it, else a new
    /// one (saved, first revision).
    pub async fn start_reply(&self, item_id: i64) -> Result<Draft, FeedError> {
        let store = &self.store;
        let row: Option<ItemRow> = sqlx::query_as(
            "SELECT i.network, i.remote_id, i.author_id, i.author_name, i.author_handle, \
             i.thread_root_id, i.url, i.text, i.lang, s.account_id \
             FROM feed_items i JOIN feed_sources s ON s.id = i.source_id WHERE i.id = ?",
        )
        .bind(item_id)
        .fetch_optional(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
        let (
            network,
            remote_id,
            author_id,
            author_name,
            author_handle,
            root_id,
            url,
            text,
            lang,
            account_id,
        ) = row.ok_or(FeedError::NoItem { id: item_id })?;
        let (Some(accounts), Some(account_id)) = (&self.accounts, account_id) else {
            return Err(FeedError::NotAnswerable {
                reason: "it comes from a feed, not from one of your accounts' timelines".into(),
            });
        };
        let network = network_from_id(&network).map_err(|_| FeedError::NotAnswerable {
            reason: format!("Ferry does not post to {network}"),
        })?;
        if network == Network::Nostr && author_id.is_none() {
            return Err(FeedError::NotAnswerable {
                reason: "Ferry does not know who wrote this note (refresh the feed)".into(),
            });
        }
        if let Some(draft) = self.unsent_reply(&account_id, &remote_id).await? {
            return Ok(draft);
        }
        let account = accounts.get(&account_id).await?;
        let lang = reply_lang(lang.as_deref(), &account.audience);
        let opening = match (network, &author_handle) {
            (Network::Mastodon, Some(handle)) => format!("@{} ", handle.trim_start_matches('@')),
            _ => String::new(),
        };
        let draft = store
            .create_draft(NewDraft {
                variants: vec![Variant {
                    lang,
                    text: opening,
                }],
                ..NewDraft::default()
            })
            .await?;
        let reply = ReplyTarget {
            account_id,
            network,
            remote_id,
            author_id,
            author_name,
            author_handle,
            root_id,
            url,
            excerpt: excerpt(&text, EXCERPT_CHARS),
            feed_item_id: Some(item_id),
        };
        Ok(store.set_reply(&draft.id, Some(reply)).await?.draft)
    }

    /// The newest draft answering `remote_id` as `account_id` that no publish job has taken.
    async fn unsent_reply(
        &self,
        account_id: &str,
        remote_id: &str,
    ) -> Result<Option<Draft>, FeedError> {
        let store = &self.store;
        let id: Option<String> = sqlx::query_scalar(
            "SELECT d.id FROM draft_replies r JOIN drafts d ON d.seq = r.draft_seq \
             WHERE r.account_id = ? AND r.remote_id = ? \
             AND NOT EXISTS (SELECT 1 FROM publish_jobs j WHERE j.draft_id = d.id) \
             AND NOT EXISTS (SELECT 1 FROM schedules s WHERE s.draft_id = d.id) \
             ORDER BY d.updated_at DESC LIMIT 1",
        )
        .bind(account_id)
        .bind(remote_id)
        .fetch_optional(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
        Ok(match id {
            Some(id) => Some(store.get_draft(&id).await?),
            None => None,
        })
    }
}

/// The reply's language: the conversation's, when the account's audience reads it; else the
/// audience's first; else the conversation's own (Chinese as `zh-Hans`), else English.
fn reply_lang(item: Option<&str>, audience: &[LangTag]) -> LangTag {
    let primary = |tag: &str| tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    let item = item.map(primary);
    if let Some(found) = audience
        .iter()
        .find(|a| Some(primary(a.as_str())) == item)
        .or(audience.first())
    {
        return found.clone();
    }
    let tag = match item.as_deref() {
        Some("zh") => "zh-Hans",
        Some(other) => other,
        None => "en",
    };
    LangTag::parse(tag).unwrap_or_else(|_| LangTag::parse("en").expect("en is a language tag"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<LangTag> {
        list.iter().map(|t| LangTag::parse(t).unwrap()).collect()
    }

    #[test]
    fn a_reply_is_written_in_the_conversations_language_when_the_audience_reads_it() {
        let both = tags(&["en", "zh-Hans"]);
        assert_eq!(reply_lang(Some("zh"), &both).as_str(), "zh-Hans");
        assert_eq!(reply_lang(Some("zh-Hant"), &both).as_str(), "zh-Hans");
        assert_eq!(reply_lang(Some("en"), &both).as_str(), "en");
        assert_eq!(
            reply_lang(Some("ja"), &both).as_str(),
            "en",
            "the audience's first"
        );
        assert_eq!(reply_lang(None, &tags(&["zh-Hant"])).as_str(), "zh-Hant");
        assert_eq!(reply_lang(Some("zh"), &[]).as_str(), "zh-Hans");
        assert_eq!(reply_lang(Some("ja"), &[]).as_str(), "ja");
        assert_eq!(reply_lang(None, &[]).as_str(), "en");
    }

    #[test]
    fn the_excerpt_is_one_line_and_ends_with_an_ellipsis_when_cut() {
        assert_eq!(excerpt("渡轮\n  明早 见", EXCERPT_CHARS), "渡轮 明早 见");
        let long = "长".repeat(200);
        let cut = excerpt(&long, EXCERPT_CHARS);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
