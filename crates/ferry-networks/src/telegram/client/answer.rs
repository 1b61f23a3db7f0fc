//! The Bot API's answer envelope, `{"ok": true, "result": …}` or
//! `{"ok": false, "error_code": 429, "description": "…", "parameters": {"retry_after": 5}}`,
//! turned into a result or a [`ClientError`] of the right class.
//!
//! Telegram answers with the HTTP status of `error_code`: 400 for a request it refuses
//! ("Bad Request: chat not found", "…: message is too long"), 401 for a dead token, 403 when
//! the bot may not write there ("Forbidden: bot is not a member of the channel chat"), 429
//! with `retry_after` seconds. Each refusal keeps Telegram's own words and says what to fix.

use chrono::Utc;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::{BotApi, NETWORK};
use crate::http::{ClientError, Effect, ResponseParts, classify_answer, decode_json, send};

#[derive(Deserialize)]
struct Envelope {
    ok: bool,
    #[serde(default)]
    error_code: Option<u16>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    parameters: Option<Parameters>,
}

#[derive(Deserialize)]
struct Parameters {
    #[serde(default)]
    retry_after: Option<i64>,
    #[serde(default)]
    migrate_to_chat_id: Option<i64>,
}

#[derive(Deserialize)]
struct Ok<T> {
    result: T,
}

impl BotApi {
    /// Calls `method` with `request` (a JSON or multipart body already attached).
    pub(super) async fn call<T: DeserializeOwned>(
        &self,
        method: &str,
        effect: Effect,
        request: impl FnOnce(&reqwest::Client, url::Url) -> reqwest::RequestBuilder,
    ) -> Result<T, ClientError> {
        let answer = send(
            NETWORK,
            method,
            effect,
            request(&self.http, self.method_url(method)),
        )
        .await?;
        read(method, effect, &answer)
    }
}

fn read<T: DeserializeOwned>(
    method: &str,
    effect: Effect,
    answer: &ResponseParts,
) -> Result<T, ClientError> {
    let envelope: Option<Envelope> = serde_json::from_slice(&answer.body).ok();
    match envelope {
        Some(e) if e.ok && answer.is_success() => {
            let ok: Ok<T> = decode_json(NETWORK, method, effect, answer)?;
            Ok(ok.result)
        }
        Some(e) if !e.ok => Err(refusal(method, effect, answer, e)),
        // Not the Bot API's envelope: a proxy's page, a wrong address.
        _ if answer.is_success() => {
            decode_json::<Ok<T>>(NETWORK, method, effect, answer).map(|ok| ok.result)
        }
        _ => Err(classify_answer(NETWORK, method, effect, answer)),
    }
}

fn refusal(method: &str, effect: Effect, answer: &ResponseParts, e: Envelope) -> ClientError {
    let code = e.error_code.unwrap_or(answer.status);
    let said = e.description.unwrap_or_else(|| format!("error {code}"));
    let what = method.to_owned();
    let params = e.parameters;
    if let Some(to) = params.as_ref().and_then(|p| p.migrate_to_chat_id) {
        return ClientError::Rejected {
            network: NETWORK,
            what,
            status: Some(code),
            detail: format!(
                "{said}: the group became a supergroup with id {to}; add the account again \
                 with that chat"
            ),
        };
    }
    match code {
        429 => ClientError::RateLimited {
            network: NETWORK,
            what,
            retry_at: params
                .and_then(|p| p.retry_after)
                .map(|s| Utc::now() + chrono::Duration::seconds(s.clamp(1, 86_400))),
        },
        401 => ClientError::Auth {
            network: NETWORK,
            what,
            detail: format!(
                "{said}: the bot token was revoked or is wrong; get the current one from \
                 @BotFather (/token) and add the account again"
            ),
        },
        404 => ClientError::Rejected {
            network: NETWORK,
            what,
            status: Some(code),
            detail: format!(
                "{said}: the Bot API address is wrong, or the token is not a bot's; copy the \
                 token again from @BotFather"
            ),
        },
        403 => ClientError::Rejected {
            network: NETWORK,
            what,
            status: Some(code),
            detail: format!("{said}: {}", fix_for_forbidden(&said)),
        },
        400 if said.contains("not enough rights") || said.contains("administrator rights") => {
            ClientError::Rejected {
                network: NETWORK,
                what,
                status: Some(code),
                detail: format!(
                    "{said}: make the bot an administrator of the chat with \"Post messages\" \
                     (channels) or allow it to send messages and photos (groups)"
                ),
            }
        }
        400..=499 => ClientError::Rejected {
            network: NETWORK,
            what,
            status: Some(code),
            detail: said,
        },
        // 5xx: the write may have happened; the shared classification decides.
        _ => classify_answer(NETWORK, method, effect, answer),
    }
}

fn fix_for_forbidden(said: &str) -> &'static str {
    if said.contains("kicked") {
        "the bot was removed from the chat; add it back (as an administrator of a channel)"
    } else if said.contains("not a member") {
        "add the bot to the chat (in a channel: as an administrator allowed to post messages)"
    } else if said.contains("blocked by the user") {
        "the person blocked the bot; unblock it in Telegram"
    } else {
        "the bot may not write there; check its rights in the chat's settings"
    }
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderMap;

    use super::*;
    use crate::http::ErrorClass;

    fn answer(status: u16, body: &str) -> ResponseParts {
        ResponseParts {
            status,
            headers: HeaderMap::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    fn fail(status: u16, body: &str) -> ClientError {
        read::<serde_json::Value>("sendMessage", Effect::Write, &answer(status, body)).unwrap_err()
    }

    #[test]
    fn each_refusal_says_what_to_fix_and_is_classed_for_the_outbox() {
        let limited = fail(
            429,
            r#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}"#,
        );
        assert_eq!(limited.class(), ErrorClass::Retryable);
        let wait = limited.retry_at().unwrap() - Utc::now();
        assert!((5..=7).contains(&wait.num_seconds()), "{wait}");

        let dead = fail(
            401,
            r#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#,
        );
        assert_eq!(dead.class(), ErrorClass::Auth);
        assert!(dead.to_string().contains("@BotFather"), "{dead}");

        let kicked = fail(
            403,
            r#"{"ok":false,"error_code":403,"description":"Forbidden: bot is not a member of the channel chat"}"#,
        );
        assert_eq!(kicked.class(), ErrorClass::Permanent);
        assert!(
            kicked.to_string().contains("add the bot to the chat"),
            "{kicked}"
        );

        let rights = fail(
            400,
            r#"{"ok":false,"error_code":400,"description":"Bad Request: not enough rights to send text messages to the chat"}"#,
        );
        assert!(rights.to_string().contains("administrator"), "{rights}");

        let moved = fail(
            400,
            r#"{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001234}}"#,
        );
        assert!(moved.to_string().contains("-1001234"), "{moved}");
    }

    #[test]
    fn a_lost_or_garbled_answer_to_a_send_is_unknown() {
        assert_eq!(
            fail(502, "<html>Bad Gateway</html>").class(),
            ErrorClass::UnknownOutcome
        );
        assert_eq!(
            fail(200, r#"{"ok":true,"result":"#).class(),
            ErrorClass::UnknownOutcome
        );
        let got: serde_json::Value = read(
            "sendMessage",
            Effect::Write,
            &answer(200, r#"{"ok":true,"result":{"message_id":5}}"#),
        )
        .unwrap();
        assert_eq!(got["message_id"], 5);
    }
}
