//! `sendMessage`, `sendPhoto` and `sendMediaGroup`, checked as the documentation says.

use serde_json::{Value, json};

use super::params::Params;
use super::{Answer, ChatInfo, Held, Inner, chat_json, err, ok};

pub(crate) fn send(inner: &mut Inner, method: &str, chat: &ChatInfo, params: &Params) -> Answer {
    if let Some(secs) = inner.rate_limit_next.take() {
        let body = json!({"ok": false, "error_code": 429,
            "description": format!("Too Many Requests: retry after {secs}"),
            "parameters": {"retry_after": secs}});
        return (axum::http::StatusCode::TOO_MANY_REQUESTS, axum::Json(body));
    }
    if chat.kind == "channel" && chat.bot_status != "administrator" {
        return err(
            400,
            "Bad Request: need administrator rights in the channel chat",
        );
    }
    let reply_to = match reply_to(inner, chat, params) {
        Ok(r) => r,
        Err(answer) => return answer,
    };
    match method {
        "sendMessage" => {
            let text = match parsed(params, "text", params.text("parse_mode")) {
                Ok(t) => t,
                Err(e) => return err(400, &e),
            };
            match units(&text) {
                0 => return err(400, "Bad Request: message text is empty"),
                n if n > 4096 => return err(400, "Bad Request: message is too long"),
                _ => {}
            }
            let held = hold(inner, chat, text, reply_to, None, None);
            ok(message_json(chat, &held))
        }
        "sendPhoto" | "sendDocument" => {
            let caption = match caption(params, "caption", params.text("parse_mode")) {
                Ok(c) => c,
                Err(e) => return err(400, &e),
            };
            let field = if method == "sendPhoto" {
                "photo"
            } else {
                "document"
            };
            let Some(photo) = params.file(field).cloned() else {
                return err(
                    400,
                    &format!("Bad Request: there is no {field} in the request"),
                );
            };
            let held = hold(inner, chat, caption, reply_to, Some((field, photo)), None);
            ok(message_json(chat, &held))
        }
        _ => album(inner, chat, params, reply_to),
    }
}

fn album(inner: &mut Inner, chat: &ChatInfo, params: &Params, reply_to: Option<i64>) -> Answer {
    let Some(media) = params
        .text("media")
        .and_then(|m| serde_json::from_str::<Vec<Value>>(m).ok())
    else {
        return err(400, "Bad Request: can't parse media JSON object");
    };
    if !(2..=10).contains(&media.len()) {
        return err(400, "Bad Request: wrong number of media specified");
    }
    let mut photos = Vec::new();
    for item in &media {
        let attach = item["media"].as_str().unwrap_or_default();
        let Some(file) = attach
            .strip_prefix("attach://")
            .and_then(|name| params.file(name))
        else {
            return err(400, "Bad Request: wrong file identifier/HTTP URL specified");
        };
        let caption = item["caption"].as_str().unwrap_or_default();
        let text = match unescape(caption, item["parse_mode"].as_str()) {
            Ok(t) => t,
            Err(e) => return err(400, &e),
        };
        if units(&text) > 1024 {
            return err(400, "Bad Request: message caption is too long");
        }
        let kind = if item["type"] == "document" {
            "document"
        } else {
            "photo"
        };
        if photos.first().is_some_and(|(k, _, _)| *k != kind) {
            return err(
                400,
                "Bad Request: documents can't be mixed with other media types",
            );
        }
        photos.push((kind, file.clone(), text));
    }
    inner.groups += 1;
    let group = format!("group-{}", inner.groups);
    let mut answered = Vec::new();
    for (i, (kind, photo, text)) in photos.into_iter().enumerate() {
        let reply = if i == 0 { reply_to } else { None };
        let held = hold(
            inner,
            chat,
            text,
            reply,
            Some((kind, photo)),
            Some(group.clone()),
        );
        answered.push(message_json(chat, &held));
    }
    ok(json!(answered))
}

fn reply_to(inner: &Inner, chat: &ChatInfo, params: &Params) -> Result<Option<i64>, Answer> {
    let Some(raw) = params.text("reply_parameters") else {
        return Ok(None);
    };
    let id = serde_json::from_str::<Value>(raw)
        .ok()
        .and_then(|v| v["message_id"].as_i64())
        .ok_or_else(|| err(400, "Bad Request: can't parse reply parameters JSON object"))?;
    let exists = inner
        .messages
        .iter()
        .any(|m| m.chat == chat.name && m.message_id == id);
    if exists {
        Ok(Some(id))
    } else {
        Err(err(400, "Bad Request: message to be replied not found"))
    }
}

fn caption(params: &Params, name: &str, mode: Option<&str>) -> Result<String, String> {
    let text = unescape(params.text(name).unwrap_or_default(), mode)?;
    if units(&text) > 1024 {
        return Err("Bad Request: message caption is too long".into());
    }
    Ok(text)
}

fn parsed(params: &Params, name: &str, mode: Option<&str>) -> Result<String, String> {
    unescape(params.text(name).unwrap_or_default(), mode)
}

/// HTML parse mode as Telegram reads it, for text Ferry sends (no tags): `&lt;` `&gt;`
/// `&amp;` `&quot;` decoded; a bare `<` is a tag it can't parse.
fn unescape(text: &str, mode: Option<&str>) -> Result<String, String> {
    if mode != Some("HTML") {
        return Ok(text.to_owned());
    }
    if let Some(at) = text.find('<') {
        return Err(format!(
            "Bad Request: can't parse entities: Unsupported start tag at byte offset {at}"
        ));
    }
    Ok(text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&"))
}

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

fn hold(
    inner: &mut Inner,
    chat: &ChatInfo,
    text: String,
    reply_to: Option<i64>,
    file: Option<(&str, Vec<u8>)>,
    media_group_id: Option<String>,
) -> Held {
    inner.next_id += 1;
    let (kind, photo) = match file {
        Some((kind, bytes)) => (kind.to_owned(), Some(bytes)),
        None => ("text".to_owned(), None),
    };
    let held = Held {
        chat: chat.name.to_owned(),
        message_id: inner.next_id,
        text,
        reply_to,
        kind,
        photo_bytes: photo.as_ref().map(Vec::len),
        photo,
        media_group_id,
    };
    inner.messages.push(held.clone());
    held
}

fn message_json(chat: &ChatInfo, held: &Held) -> Value {
    let mut m =
        json!({"message_id": held.message_id, "date": 1_765_000_000, "chat": chat_json(chat)});
    if held.kind == "document" {
        m["document"] =
            json!({"file_id": format!("doc-{}", held.message_id), "file_unique_id": "d"});
    } else if held.photo.is_some() {
        m["photo"] = json!([{"file_id": format!("photo-{}", held.message_id),
            "file_unique_id": "u", "width": 1080, "height": 1440}]);
        if !held.text.is_empty() {
            m["caption"] = json!(held.text);
        }
    } else {
        m["text"] = json!(held.text);
    }
    if let Some(id) = held.reply_to {
        m["reply_to_message"] =
            json!({"message_id": id, "date": 1_765_000_000, "chat": chat_json(chat)});
    }
    m
}
