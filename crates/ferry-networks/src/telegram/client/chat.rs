//! Who the bot is and where it posts: `getMe`, `getChat`, `getChatMember`, and what the bot
//! still lacks to post there, in words the person can act on.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{BotApi, NETWORK};
use crate::http::{ClientError, Effect};

/// A chat as the person names it: `@channel_name` (public) or its numeric id (`-100…`,
/// which private channels and groups have; forward a post to @userinfobot to learn it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChatRef {
    Username(String),
    Id(i64),
}

impl ChatRef {
    /// `@name`, `name`, `https://t.me/name` or a numeric id.
    pub fn parse(text: &str) -> Result<ChatRef, ClientError> {
        let t = text.trim();
        if let Ok(id) = t.parse::<i64>() {
            return Ok(ChatRef::Id(id));
        }
        let name = t
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("t.me/")
            .trim_start_matches("telegram.me/")
            .trim_start_matches('@')
            .trim_end_matches('/');
        // Telegram usernames: 4–32 of a-z, 0-9 and _, starting with a letter.
        let valid = (4..=32).contains(&name.len())
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if valid {
            Ok(ChatRef::Username(name.to_owned()))
        } else {
            Err(ClientError::InvalidInput {
                network: NETWORK,
                field: "chat".into(),
                detail: format!(
                    "{t:?} is neither @channel_name nor a chat's numeric id (like \
                     -1001234567890)"
                ),
            })
        }
    }

    fn as_param(&self) -> serde_json::Value {
        match self {
            ChatRef::Username(name) => json!(format!("@{name}")),
            ChatRef::Id(id) => json!(id),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct User {
    pub id: i64,
    #[serde(default)]
    pub is_bot: bool,
    pub first_name: String,
    #[serde(default)]
    pub username: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Chat {
    pub id: i64,
    /// `private`, `group`, `supergroup` or `channel`.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub username: Option<String>,
}

impl Chat {
    /// `https://t.me/<name>/<id>` for public chats, `https://t.me/c/<id>/<id>` for private
    /// channels and supergroups (members open it); basic groups and private chats have none.
    pub fn message_link(&self, message_id: i64) -> Option<String> {
        if !matches!(self.kind.as_str(), "channel" | "supergroup") {
            return None;
        }
        if let Some(name) = &self.username {
            return Some(format!("https://t.me/{name}/{message_id}"));
        }
        let internal = self.id.to_string();
        internal
            .strip_prefix("-100")
            .map(|id| format!("https://t.me/c/{id}/{message_id}"))
    }

    /// Where the person can look at the chat: the public link, or the private one.
    pub fn link(&self) -> Option<String> {
        if let Some(name) = self.username.as_ref().filter(|_| self.kind != "private") {
            return Some(format!("https://t.me/{name}"));
        }
        self.message_link(1)
            .map(|l| l.trim_end_matches("/1").to_owned())
    }

    pub fn name(&self) -> String {
        match (&self.username, &self.title) {
            (Some(u), _) => format!("@{u}"),
            (None, Some(t)) => t.clone(),
            (None, None) => self.id.to_string(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
struct Member {
    status: String,
    #[serde(default)]
    can_post_messages: Option<bool>,
    #[serde(default)]
    can_send_messages: Option<bool>,
    #[serde(default)]
    can_send_photos: Option<bool>,
}

/// The bot, the chat, and what the bot lacks to post there (`None`: it can).
#[derive(Debug, Clone)]
pub struct BotPlace {
    pub bot: User,
    pub chat: Chat,
    pub missing: Option<String>,
}

impl BotApi {
    pub async fn get_me(&self) -> Result<User, ClientError> {
        self.call("getMe", Effect::Read, |http, url| http.post(url))
            .await
    }

    pub async fn get_chat(&self, chat: &ChatRef) -> Result<Chat, ClientError> {
        let body = json!({ "chat_id": chat.as_param() });
        self.call("getChat", Effect::Read, |http, url| {
            http.post(url).json(&body)
        })
        .await
    }

    /// Who the bot is, which chat `chat` is, and whether the bot may post there: an
    /// administrator with "Post messages" in a channel; a member allowed to send messages
    /// and photos in a group.
    pub async fn check_chat(&self, chat: &ChatRef) -> Result<BotPlace, ClientError> {
        let bot = self.get_me().await?;
        let found = self.get_chat(chat).await?;
        if found.kind == "private" {
            // A person's own chat with the bot (a hand-off to the phone): the bot may write
            // once the person has pressed Start, which getChat answering already shows.
            return Ok(BotPlace {
                bot,
                chat: found,
                missing: None,
            });
        }
        let body = json!({ "chat_id": found.id, "user_id": bot.id });
        let member: Member = self
            .call("getChatMember", Effect::Read, |http, url| {
                http.post(url).json(&body)
            })
            .await?;
        let missing = missing_rights(&found, &member);
        Ok(BotPlace {
            bot,
            chat: found,
            missing,
        })
    }
}

fn missing_rights(chat: &Chat, member: &Member) -> Option<String> {
    let name = chat.name();
    match (chat.kind.as_str(), member.status.as_str()) {
        ("private", _) => None,
        (_, "left" | "kicked") => Some(format!(
            "the bot is not in {name}: add it (in a channel, as an administrator)"
        )),
        ("channel", "creator") => None,
        ("channel", "administrator") if member.can_post_messages != Some(false) => None,
        ("channel", "administrator") => Some(format!(
            "the bot is an administrator of {name} but may not post: turn on \"Post messages\" \
             in its administrator rights"
        )),
        ("channel", _) => Some(format!(
            "the bot is not an administrator of {name}: in a channel only administrators \
             with \"Post messages\" can post"
        )),
        (_, "restricted") if member.can_send_messages == Some(false) => Some(format!(
            "the bot is restricted in {name} and may not send messages: lift the restriction"
        )),
        (_, "restricted") if member.can_send_photos == Some(false) => Some(format!(
            "the bot may send text in {name} but not photos: allow photos for it"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chat(kind: &str, id: i64, username: Option<&str>) -> Chat {
        Chat {
            id,
            kind: kind.into(),
            title: Some("Ferry news".into()),
            username: username.map(str::to_owned),
        }
    }

    fn member(status: &str, post: Option<bool>) -> Member {
        Member {
            status: status.into(),
            can_post_messages: post,
            can_send_messages: None,
            can_send_photos: None,
        }
    }

    #[test]
    fn a_chat_is_named_as_people_copy_it() {
        for (text, want) in [
            ("@ferry_news", ChatRef::Username("ferry_news".into())),
            (
                "https://t.me/ferry_news",
                ChatRef::Username("ferry_news".into()),
            ),
            ("ferry_news", ChatRef::Username("ferry_news".into())),
            ("-1001234567890", ChatRef::Id(-1_001_234_567_890)),
        ] {
            assert_eq!(ChatRef::parse(text).unwrap(), want, "{text}");
        }
        for bad in ["@ab", "频道", "@1abc", "t.me/+invite"] {
            assert!(
                ChatRef::parse(bad)
                    .unwrap_err()
                    .to_string()
                    .contains("chat")
            );
        }
    }

    #[test]
    fn links_to_public_and_private_chats() {
        let public = chat("channel", -1_001_234, Some("ferry_news"));
        assert_eq!(
            public.message_link(42).as_deref(),
            Some("https://t.me/ferry_news/42")
        );
        let private = chat("channel", -1_009_876, None);
        assert_eq!(
            private.message_link(42).as_deref(),
            Some("https://t.me/c/9876/42")
        );
        assert_eq!(private.link().as_deref(), Some("https://t.me/c/9876"));
        assert_eq!(chat("group", -5555, None).message_link(1), None);
    }

    #[test]
    fn what_the_bot_lacks_is_named() {
        let channel = chat("channel", -1_001, Some("ferry_news"));
        assert_eq!(
            missing_rights(&channel, &member("administrator", Some(true))),
            None
        );
        let cant = missing_rights(&channel, &member("administrator", Some(false))).unwrap();
        assert!(cant.contains("Post messages"), "{cant}");
        let plain = missing_rights(&channel, &member("member", None)).unwrap();
        assert!(
            plain.contains("not an administrator of @ferry_news"),
            "{plain}"
        );
        let gone = missing_rights(&channel, &member("left", None)).unwrap();
        assert!(gone.contains("not in @ferry_news"), "{gone}");
        let group = chat("supergroup", -1_002, None);
        assert_eq!(missing_rights(&group, &member("member", None)), None);
    }
}
