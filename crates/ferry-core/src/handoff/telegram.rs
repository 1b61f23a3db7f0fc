//! The RedNote kit sent to the writer's own Telegram chat through their bot: the note's text
//! first (one message to copy), then the pictures as files — byte for byte, so the phone keeps
//! them at 1080 × 1440 (as photos Telegram would shrink them to 1280 px) — in albums of up to
//! 10, in order. The chat is a Telegram account whose chat is the writer's private chat with
//! the bot (its numeric id; they press Start in the bot first).
//!
//! This goes to the writer alone, not to an audience: a lost answer is reported, and sending
//! again at worst repeats the kit in their own chat.

use ferry_networks::telegram::client::{ALBUM_MAX, OutgoingText, Photo, SendAs};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::HandoffError;
use super::pictures::Fit;
use crate::accounts::{Accounts, telegram_chat};
use crate::model::{LangTag, Network};

/// "Send this draft's `lang` RedNote kit to the chat of Telegram account `account_id`."
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KitToTelegram {
    pub draft_id: String,
    pub lang: LangTag,
    pub account_id: String,
    #[serde(default)]
    pub fit: Fit,
}

/// What was sent, and what the writer should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SentKit {
    /// The chat it went to (`@name`, or its title).
    pub chat: String,
    /// Messages sent: the text, then one per picture.
    pub messages: u32,
    pub notes: Vec<String>,
}

impl Accounts {
    pub async fn send_rednote_kit(&self, send: KitToTelegram) -> Result<SentKit, HandoffError> {
        let account = self.get(&send.account_id).await?;
        if account.network != Network::Telegram {
            return Err(HandoffError::NotTelegram {
                account: account.handle,
            });
        }
        let kit = self
            .store
            .rednote_kit(&send.draft_id, &send.lang, send.fit)
            .await?;
        let bot = self.telegram_bot(&account).await?;
        let chat = telegram_chat(&account);
        let mut messages = 0;
        let text = kit.note_text();
        if !text.trim().is_empty() {
            bot.send_message(chat.id, &OutgoingText::plain(&text), None)
                .await
                .map_err(HandoffError::from_telegram)?;
            messages += 1;
        }
        let files: Vec<Photo> = kit
            .pictures
            .iter()
            .map(|p| Photo {
                bytes: p.bytes.clone(),
                file_name: p.file.clone(),
                mime: p.mime().to_owned(),
            })
            .collect();
        let mut rest = files.as_slice();
        while !rest.is_empty() {
            let (chunk, after) = rest.split_at(rest.len().min(ALBUM_MAX));
            let sent = if chunk.len() == 1 {
                bot.send_file(SendAs::Document, chat.id, chunk[0].clone(), None, None)
                    .await
                    .map(|_| 1)
            } else {
                bot.send_album_as(SendAs::Document, chat.id, chunk.to_vec(), None, None)
                    .await
                    .map(|m| m.len())
            };
            messages += sent.map_err(HandoffError::from_telegram)? as u32;
            rest = after;
        }
        Ok(SentKit {
            chat: account.handle,
            messages,
            notes: kit.notes,
        })
    }
}
