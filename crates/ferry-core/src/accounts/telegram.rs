//! Telegram accounts: a bot the person made with @BotFather, and the channel or group it
//! posts to. One account is one (bot, chat) pair; the token lives in the keychain.
//!
//! Adding checks everything a post will need — the token works (`getMe`), the chat exists
//! (`getChat`), the bot may post there (`getChatMember`) — and refuses with what to fix, so a
//! missing right shows up now rather than at the first post.

use ferry_networks::telegram::client::{BotApi, Chat, ChatRef, TELEGRAM_API};
use serde::Deserialize;
use ts_rs::TS;

use super::Accounts;
use super::bluesky::expect_network;
use super::error::AccountError;
use super::model::{Account, AddedAccount};
use super::rows::NewAccount;
use super::secret_bridge::to_net;
use crate::model::{LangTag, Network};
use crate::secrets::{Secret, SecretKind};

/// Adding a Telegram channel or group. `Debug` never shows the token.
#[derive(Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AddTelegram {
    /// The bot's token from @BotFather (`123456789:AAH…`).
    pub token: String,
    /// `@channel_name`, `https://t.me/channel_name`, or the chat's numeric id.
    pub chat: String,
    /// Another Bot API server (a local `telegram-bot-api`); `None`: Telegram's.
    #[serde(default)]
    pub api_url: Option<String>,
    #[serde(default)]
    pub audience: Vec<LangTag>,
}

impl std::fmt::Debug for AddTelegram {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddTelegram")
            .field("token", &"[redacted]")
            .field("chat", &self.chat)
            .field("api_url", &self.api_url)
            .field("audience", &self.audience)
            .finish()
    }
}

impl Accounts {
    /// Checks the bot and its rights in the chat, then stores the token in the keychain and
    /// the chat in the database (updating it when this chat was added before).
    pub async fn add_telegram(&self, add: AddTelegram) -> Result<AddedAccount, AccountError> {
        let api_url = add
            .api_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .unwrap_or(TELEGRAM_API);
        let token = Secret::new(add.token.trim());
        let bot = BotApi::new(api_url, to_net(&token), self.timeout)?;
        let place = bot.check_chat(&ChatRef::parse(&add.chat)?).await?;
        if let Some(missing) = place.missing {
            return Err(AccountError::BotCannotPost {
                chat: place.chat.name(),
                missing,
            });
        }
        let new = NewAccount {
            network: Network::Telegram,
            handle: place.chat.name(),
            display_name: place.chat.title.clone().unwrap_or_default(),
            server_url: Some(bot.base().as_str().trim_end_matches('/').to_owned()),
            remote_id: place.chat.id.to_string(),
            audience: add.audience,
            limits: None,
            relays: Vec::new(),
            client_id: None,
        };
        let id = match self.store.existing_account_id(&new).await? {
            Some(id) => id,
            None => uuid::Uuid::now_v7().to_string(),
        };
        self.put_secret(&id, SecretKind::BotToken, token).await?;
        let account = self.store.upsert_account(&id, &new).await?;
        let bot_name = place
            .bot
            .username
            .map(|u| format!("@{u}"))
            .unwrap_or(place.bot.first_name);
        let warnings = vec![format!("posts go out as the bot {bot_name}")];
        Ok(AddedAccount { account, warnings })
    }

    /// The account's bot, with its token from the keychain.
    pub(crate) async fn telegram_bot(&self, account: &Account) -> Result<BotApi, AccountError> {
        expect_network(account, Network::Telegram)?;
        let token = self
            .need_secret(account, SecretKind::BotToken, "Telegram bot token")
            .await?;
        let base = account.server_url.as_deref().unwrap_or(TELEGRAM_API);
        Ok(BotApi::new(base, to_net(&token), self.timeout)?)
    }
}

/// The account's chat, as far as links need it: its id, and its `@name` when public.
pub(crate) fn telegram_chat(account: &Account) -> Chat {
    let id = account.remote_id.parse().unwrap_or_default();
    Chat {
        id,
        // Channels and supergroups have `-100…` ids and `t.me/c/…` links alike.
        kind: if account.remote_id.starts_with("-100") {
            "channel".into()
        } else {
            "group".into()
        },
        title: Some(account.display_name.clone()),
        username: account.handle.strip_prefix('@').map(str::to_owned),
    }
}
