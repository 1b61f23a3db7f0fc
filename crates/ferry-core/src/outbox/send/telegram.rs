//! Telegram: one message per part, the pictures with the first (a photo, or an album of up
//! to 10, the caption on its first picture), each later part a reply to the one before.
//!
//! Telegram has no idempotency key and a bot can't read a chat's history, so a send whose
//! answer was lost can't be checked from here: the part stays `unknown` — never sent again
//! on its own — and the error names where to look. The person settles it
//! ([`crate::outbox::Settle`]): "it is there" (with its link) or "it is not, send it".

use ferry_networks::media::MediaLimits;
use ferry_networks::telegram::client::{BotApi, Chat, Message, OutgoingText, Photo};

use super::{Answers, Posted, answers, media};
use crate::Store;
use crate::accounts::{Account, Accounts, telegram_chat};
use crate::outbox::failure::{FailKind, Failure};
use crate::outbox::rows::TargetRow;

#[derive(Debug)]
pub(crate) struct TelegramSender {
    bot: BotApi,
    chat: Chat,
    store: Store,
}

impl TelegramSender {
    pub async fn open(accounts: &Accounts, account: &Account) -> Result<Self, Failure> {
        Ok(TelegramSender {
            bot: accounts.telegram_bot(account).await?,
            chat: telegram_chat(account),
            store: accounts.store().clone(),
        })
    }

    /// Nothing can be checked: a part that may have gone out waits for the person.
    pub fn check(&self, target: &TargetRow, idx: usize) -> Failure {
        self.look_yourself(target, idx, "its answer was lost")
    }

    pub async fn send(&self, target: &TargetRow, idx: usize) -> Result<Posted, Failure> {
        let part = &target.parts[idx];
        let reply_to = match answers(target, idx) {
            Answers::Part { previous, .. } => previous.remote_id.as_deref().and_then(message_id),
            // A draft answering a post elsewhere can't be a Telegram reply.
            Answers::Reply(_) | Answers::Nothing => None,
        };
        let text = OutgoingText::plain(&part.text);
        let sent = if idx == 0 && !target.media.is_empty() {
            let images =
                media::prepare_all(&self.store, &target.media, MediaLimits::telegram()).await?;
            let mut photos: Vec<Photo> = images
                .into_iter()
                .zip(&target.media)
                .map(|(image, planned)| Photo {
                    bytes: image.bytes,
                    file_name: planned.original_name.clone(),
                    mime: image.mime.to_owned(),
                })
                .collect();
            if photos.len() == 1 {
                let photo = photos.remove(0);
                self.bot
                    .send_photo(self.chat.id, photo, Some(&text), reply_to)
                    .await
                    .map_err(|e| self.unsure(target, idx, e.into()))?
            } else {
                let album = self
                    .bot
                    .send_album(self.chat.id, photos, Some(&text), reply_to)
                    .await
                    .map_err(|e| self.unsure(target, idx, e.into()))?;
                first(album)?
            }
        } else {
            self.bot
                .send_message(self.chat.id, &text, reply_to)
                .await
                .map_err(|e| self.unsure(target, idx, e.into()))?
        };
        Ok(Posted {
            url: self.chat.message_link(sent.message_id),
            remote_id: sent.message_id.to_string(),
            cid: None,
        })
    }

    /// A lost answer can't be checked here: say where to look, and stop.
    fn unsure(&self, target: &TargetRow, idx: usize, failure: Failure) -> Failure {
        if failure.kind == FailKind::Unknown {
            // The details (a timeout, a 502) help no one decide; they go to the log.
            tracing::info!(code = %failure.code, "telegram: outcome unknown: {}", failure.message);
            self.look_yourself(target, idx, "its answer was lost")
        } else {
            failure
        }
    }

    fn look_yourself(&self, target: &TargetRow, idx: usize, why: &str) -> Failure {
        let place = match self.chat.link() {
            Some(link) => format!("{} ({link})", self.chat.name()),
            None => self.chat.name(),
        };
        let part = if target.parts.len() > 1 {
            format!("part {} of {}", idx + 1, target.parts.len())
        } else {
            "the post".to_owned()
        };
        Failure::new(
            FailKind::Unverifiable,
            "outbox.look_before_resending",
            format!(
                "telegram: Ferry can't tell whether {part} was posted ({why}); Telegram can't be \
                 asked, so look in {place}, then mark it posted or send it again"
            ),
        )
    }
}

/// `123` from a part's remote id.
fn message_id(remote_id: &str) -> Option<i64> {
    remote_id.parse().ok()
}

fn first(album: Vec<Message>) -> Result<Message, Failure> {
    album.into_iter().next().ok_or_else(|| {
        Failure::new(
            FailKind::Unverifiable,
            "outbox.look_before_resending",
            "telegram: the album was answered without its messages; look in the chat before \
             sending it again",
        )
    })
}
