//! Posting to a Telegram channel or group through the user's own bot (Bot API).
//!
//! The person creates a bot with @BotFather, adds it to the channel as an administrator
//! allowed to post (or to the group as a member allowed to send), and gives Ferry the token
//! and the chat (`@channel` or its numeric id):
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::http::Secret;
//! use ferry_networks::telegram::client::{BotApi, ChatRef, OutgoingText, TELEGRAM_API};
//! let bot = BotApi::new(TELEGRAM_API, Secret::new("123:ABC"), std::time::Duration::from_secs(30))?;
//! let place = bot.check_chat(&ChatRef::parse("@ferry_news")?).await?;
//! if let Some(missing) = &place.missing {
//!     println!("the bot can't post there yet: {missing}");
//! }
//! let sent = bot.send_message(place.chat.id, &OutgoingText::plain("你好 <world>"), None).await?;
//! println!("{:?}", place.chat.message_link(sent.message_id));
//! # Ok(()) }
//! ```
//!
//! The token is part of every request's path (`/bot<token>/sendMessage`), so no URL ever goes
//! into an error or a log line: errors name the method only.
//!
//! Telegram has no idempotency key and a bot can't read a channel's history, so a send whose
//! answer was lost can't be checked: the outbox leaves it `unknown` for the person to look
//! (see `ferry_core`'s outbox). Each message's id is kept before the next one is sent.

mod answer;
mod chat;
mod html;
mod send;

use std::time::Duration;

use url::Url;

pub use chat::{BotPlace, Chat, ChatRef, User};
pub use html::{OutgoingText, escape_html};
pub use send::{ALBUM_MAX, Message, Photo, SendAs};

use crate::http::{ClientError, Secret, parse_base_url, shared_client};

/// The name errors carry.
pub const NETWORK: &str = "telegram";
/// Telegram's own Bot API server; a local Bot API server (`telegram-bot-api`) works too.
pub const TELEGRAM_API: &str = "https://api.telegram.org";

/// One bot's connection to a Bot API server.
#[derive(Debug, Clone)]
pub struct BotApi {
    http: reqwest::Client,
    base: Url,
    token: Secret,
}

impl BotApi {
    /// `base` is the API server (`https://api.telegram.org`); `token` is the bot's token from
    /// @BotFather (`123456:ABC…`).
    pub fn new(base: &str, token: Secret, timeout: Duration) -> Result<Self, ClientError> {
        let base = parse_base_url(NETWORK, "Bot API address", base)?;
        check_token(&token)?;
        Ok(BotApi {
            http: shared_client(NETWORK, timeout)?,
            base,
            token,
        })
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    fn method_url(&self, method: &str) -> Url {
        let mut url = self.base.clone();
        let path = format!(
            "{}/bot{}/{method}",
            self.base.path().trim_end_matches('/'),
            self.token.expose()
        );
        url.set_path(&path);
        url
    }
}

/// A token from @BotFather is `<bot id>:<35 letters, digits, - or _>`. Checked before any
/// request, so a pasted chat name or a half-copied token gets a clear error, not a 404.
fn check_token(token: &Secret) -> Result<(), ClientError> {
    let text = token.expose();
    let ok = text.split_once(':').is_some_and(|(id, rest)| {
        !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_digit())
            && rest.len() >= 20
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    if ok {
        Ok(())
    } else {
        Err(ClientError::InvalidInput {
            network: NETWORK,
            field: "bot token".into(),
            detail: "this is not a bot token; @BotFather gives one like \
                     123456789:AAH… (digits, a colon, then letters and digits)"
                .into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_goes_in_the_path_and_a_wrong_one_is_refused_before_sending() {
        let token = Secret::new("123456:AAbbCCddEEffGGhhIIjjKK_-00");
        let bot = BotApi::new("http://127.0.0.1:9/api/", token, Duration::from_secs(1)).unwrap();
        assert_eq!(
            bot.method_url("getMe").as_str(),
            "http://127.0.0.1:9/api/bot123456:AAbbCCddEEffGGhhIIjjKK_-00/getMe"
        );
        for bad in [
            "@my_channel",
            "987654",
            "abc:AAbbCCddEEffGGhhIIjjKK",
            "1:short",
        ] {
            let err = BotApi::new(TELEGRAM_API, Secret::new(bad), Duration::from_secs(1))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("not a bot token") && !err.contains(bad),
                "{err}"
            );
        }
    }
}
