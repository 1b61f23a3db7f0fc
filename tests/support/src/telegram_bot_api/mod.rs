//! A FAKE Telegram Bot API server on 127.0.0.1 — no real one installs from a registry (the
//! open-source `telegram-bot-api` server still needs Telegram's data centres). Written from
//! the official documentation, <https://core.telegram.org/bots/api>: the `{"ok": …}`
//! envelope; `getMe`, `getChat`, `getChatMember`, `sendMessage`, `sendPhoto` and
//! `sendMediaGroup` with their documented limits (text 1–4096 and captions 0–1024 characters
//! "after entities parsing", counted in UTF-16 code units; albums of 2–10 items); HTML parse
//! mode's escapes; `reply_parameters`; and the errors bots get ("Unauthorized", "Bad Request:
//! chat not found", "Bad Request: need administrator rights in the channel chat", "Too Many
//! Requests: retry after N" with `parameters.retry_after`).
//!
//! ```no_run
//! # async fn demo() {
//! use ferry_test_support::telegram_bot_api::{FakeBotApi, GOOD_TOKEN};
//! let api = FakeBotApi::start().await; // a Bot API at api.base, bot token GOOD_TOKEN
//! // … post to "@ferry_news" (the bot is an administrator allowed to post) …
//! assert_eq!(api.messages("@ferry_news").len(), 1);
//! # }
//! ```
//!
//! Chats: `@ferry_news` (channel, the bot may post), `@no_rights` (channel, the bot is a
//! plain member), `@readers` (supergroup, the bot a member), and [`WRITER_CHAT`], a person's
//! private chat with the bot (`sendDocument` too, for files sent byte for byte). [`FakeBotApi::rate_limit_next`]
//! makes the next send answer 429; [`FakeBotApi::fail_after_next`] makes it post and then
//! answer 500, as a Bot API whose answer broke after the write. For the E2E tests, which run
//! the `fake-telegram` binary: `GET /_fake/messages` lists what was posted, and
//! `POST /_fake/fail-after-next` is `fail_after_next`.

mod params;
mod sending;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde_json::{Value, json};

/// The one token the fake accepts.
pub const GOOD_TOKEN: &str = "7000001:AAFakeTokenForFerryTests_0123456789";
pub const BOT_ID: i64 = 7_000_001;
/// The writer's own chat with the bot (private: reached by its id only).
pub const WRITER_CHAT: i64 = 5_550_001;

/// A message the fake holds.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Held {
    /// The chat's username, without `@`.
    pub chat: String,
    pub message_id: i64,
    /// The text or caption after HTML parsing: what readers see.
    pub text: String,
    pub reply_to: Option<i64>,
    /// `text`, `photo` or `document`.
    pub kind: String,
    /// The uploaded photo or file, when the message is one.
    #[serde(skip)]
    pub photo: Option<Vec<u8>>,
    pub photo_bytes: Option<usize>,
    pub media_group_id: Option<String>,
}

#[derive(Default)]
pub(crate) struct Inner {
    pub messages: Vec<Held>,
    pub next_id: i64,
    pub rate_limit_next: Option<i64>,
    pub fail_after_next: bool,
    pub groups: u32,
}

/// The fake server, running until the test's runtime stops.
#[derive(Clone)]
pub struct FakeBotApi {
    /// `http://127.0.0.1:<port>`: the Bot API address to give Ferry.
    pub base: String,
    inner: Arc<Mutex<Inner>>,
}

pub(crate) struct ChatInfo {
    pub name: &'static str,
    pub id: i64,
    pub kind: &'static str,
    pub title: &'static str,
    pub bot_status: &'static str,
}

const CHATS: [ChatInfo; 4] = [
    ChatInfo {
        name: "ferry_news",
        id: -1_001_000_000_001,
        kind: "channel",
        title: "Ferry news 渡",
        bot_status: "administrator",
    },
    ChatInfo {
        name: "no_rights",
        id: -1_001_000_000_002,
        kind: "channel",
        title: "No rights",
        bot_status: "member",
    },
    ChatInfo {
        name: "readers",
        id: -1_001_000_000_003,
        kind: "supergroup",
        title: "Readers",
        bot_status: "member",
    },
    ChatInfo {
        name: "writer_lin",
        id: WRITER_CHAT,
        kind: "private",
        title: "Lin",
        bot_status: "member",
    },
];

/// `@name` or the numeric id, as `chat_id` carries it.
pub(crate) fn find_chat(chat_id: Option<&str>) -> Option<&'static ChatInfo> {
    let wanted = chat_id?;
    // Private chats are reached by id only, as on Telegram.
    CHATS.iter().find(|c| {
        (wanted == format!("@{}", c.name) && c.kind != "private") || wanted == c.id.to_string()
    })
}

impl FakeBotApi {
    pub async fn start() -> FakeBotApi {
        FakeBotApi::start_on("127.0.0.1:0").await
    }

    /// On a given address (the `fake-telegram` binary's).
    pub async fn start_on(addr: &str) -> FakeBotApi {
        let inner = Arc::new(Mutex::new(Inner {
            next_id: 100,
            ..Inner::default()
        }));
        let app = Router::new()
            .route("/{bot}/{method}", post(method))
            .route("/_fake/messages", get(all_messages))
            .route("/_fake/fail-after-next", post(fail_after_next))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .expect("bind the fake Bot API");
        let addr = listener.local_addr().expect("bound address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeBotApi {
            base: format!("http://{addr}"),
            inner,
        }
    }

    /// The messages in `chat` (`@name`), oldest first.
    pub fn messages(&self, chat: &str) -> Vec<Held> {
        let name = chat.trim_start_matches('@');
        let inner = self.inner.lock().unwrap();
        inner
            .messages
            .iter()
            .filter(|m| m.chat == name)
            .cloned()
            .collect()
    }

    /// The next send posts, then answers 500: the sender can't know it went out.
    pub fn fail_after_next(&self) {
        self.inner.lock().unwrap().fail_after_next = true;
    }

    /// The next send is refused with 429 and `retry_after: secs`.
    pub fn rate_limit_next(&self, secs: i64) {
        self.inner.lock().unwrap().rate_limit_next = Some(secs);
    }
}

pub(crate) type Answer = (StatusCode, axum::Json<Value>);

pub(crate) fn ok(result: Value) -> Answer {
    (
        StatusCode::OK,
        axum::Json(json!({"ok": true, "result": result})),
    )
}

pub(crate) fn err(code: u16, description: &str) -> Answer {
    let body = json!({"ok": false, "error_code": code, "description": description});
    (StatusCode::from_u16(code).unwrap(), axum::Json(body))
}

pub(crate) fn chat_json(c: &ChatInfo) -> Value {
    if c.kind == "private" {
        return json!({"id": c.id, "type": c.kind, "first_name": c.title, "username": c.name});
    }
    json!({"id": c.id, "type": c.kind, "title": c.title, "username": c.name})
}

async fn all_messages(State(inner): State<Arc<Mutex<Inner>>>) -> axum::Json<Value> {
    let inner = inner.lock().unwrap();
    axum::Json(json!(inner.messages))
}

async fn fail_after_next(State(inner): State<Arc<Mutex<Inner>>>) -> StatusCode {
    inner.lock().unwrap().fail_after_next = true;
    StatusCode::NO_CONTENT
}

async fn method(
    State(inner): State<Arc<Mutex<Inner>>>,
    Path((bot, name)): Path<(String, String)>,
    request: Request,
) -> Answer {
    if bot.strip_prefix("bot") != Some(GOOD_TOKEN) {
        // What api.telegram.org answers a revoked or wrong token.
        return err(401, "Unauthorized");
    }
    let params = match params::Params::read(request).await {
        Ok(p) => p,
        Err(e) => return err(400, &format!("Bad Request: {e}")),
    };
    let chat = find_chat(params.text("chat_id"));
    match (name.as_str(), chat) {
        ("getMe", _) => ok(json!({"id": BOT_ID, "is_bot": true,
            "first_name": "Ferry test bot", "username": "ferry_test_bot"})),
        (
            "getChat" | "getChatMember" | "sendMessage" | "sendPhoto" | "sendDocument"
            | "sendMediaGroup",
            None,
        ) => err(400, "Bad Request: chat not found"),
        ("getChat", Some(c)) => ok(chat_json(c)),
        ("getChatMember", Some(c)) => {
            let mut member = json!({"status": c.bot_status,
                "user": {"id": BOT_ID, "is_bot": true, "first_name": "Ferry test bot"}});
            if c.bot_status == "administrator" {
                member["can_post_messages"] = json!(true);
            }
            ok(member)
        }
        ("sendMessage" | "sendPhoto" | "sendDocument" | "sendMediaGroup", Some(c)) => {
            let mut inner = inner.lock().unwrap();
            let answer = sending::send(&mut inner, &name, c, &params);
            if answer.0.is_success() && std::mem::take(&mut inner.fail_after_next) {
                return err(500, "Internal Server Error");
            }
            answer
        }
        _ => err(404, "Not Found"),
    }
}
