//! One conversation with one relay over a websocket (NIP-01): send an `EVENT` and wait for its
//! `OK`, or send a `REQ` (one filter or several) and collect events until `EOSE`.

use std::time::Duration;

use ::nostr::prelude::Event;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::time::{Instant, timeout_at};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

use crate::http::chain_text;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// What one relay did with an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelayOutcome {
    /// `OK true`: stored.
    Accepted,
    /// `OK` with a `duplicate:` message: it already had the event, which counts as stored.
    Duplicate(String),
    /// `OK false`: refused, with the relay's reason (`blocked:`, `invalid:`, `rate-limited:` …).
    Rejected(String),
    /// Never reached: the event was not sent.
    Unreachable(String),
    /// Sent, but no `OK` came back in time: the relay may have stored it.
    NoAnswer(String),
}

impl RelayOutcome {
    pub fn is_stored(&self) -> bool {
        matches!(self, Self::Accepted | Self::Duplicate(_))
    }
}

/// The longest message Ferry reads from a relay. A note is a few KB; the biggest honest ones
/// are follow lists (kind 3, ~80 bytes a followed key: 4 MiB holds 50,000) and long-form
/// articles. tungstenite's own default, 64 MiB a message, would let a hostile relay fill
/// memory with a few of them.
pub const MAX_RELAY_MESSAGE_BYTES: usize = 4 * 1024 * 1024;

async fn connect(url: &str, deadline: Instant) -> Result<Socket, String> {
    let config = WebSocketConfig::default()
        .max_message_size(Some(MAX_RELAY_MESSAGE_BYTES))
        .max_frame_size(Some(MAX_RELAY_MESSAGE_BYTES));
    let connecting = tokio_tungstenite::connect_async_with_config(url, Some(config), false);
    match timeout_at(deadline, connecting).await {
        Ok(Ok((socket, _))) => Ok(socket),
        Ok(Err(e)) => Err(chain_text(&e)),
        Err(_) => Err("no connection within the time limit".into()),
    }
}

/// Sends `event` to `url` and waits for the relay's `OK`, at most `limit` in all.
pub async fn send_event(url: &str, event: &Event, limit: Duration) -> RelayOutcome {
    let deadline = Instant::now() + limit;
    let mut socket = match connect(url, deadline).await {
        Ok(socket) => socket,
        Err(detail) => return RelayOutcome::Unreachable(detail),
    };
    let message = format!(r#"["EVENT",{}]"#, event.as_json());
    if let Err(e) = socket.send(Message::text(message)).await {
        // A failed write may still have left bytes on the wire.
        return RelayOutcome::NoAnswer(chain_text(&e));
    }
    let id = event.id.to_hex();
    let outcome = loop {
        let frame = match timeout_at(deadline, socket.next()).await {
            Err(_) => break RelayOutcome::NoAnswer("no OK within the time limit".into()),
            Ok(None) => break RelayOutcome::NoAnswer("the relay closed the connection".into()),
            Ok(Some(Err(e))) => break RelayOutcome::NoAnswer(chain_text(&e)),
            Ok(Some(Ok(frame))) => frame,
        };
        let Some(array) = json_array(&frame) else {
            continue;
        };
        if array.first().and_then(Value::as_str) != Some("OK") {
            continue; // NOTICEs and anything else: keep waiting for the OK
        }
        // One EVENT per connection, so this OK is about it. A relay that recomputes the id
        // and answers for another one is telling us the event is malformed.
        let answered_for = array.get(1).and_then(Value::as_str).unwrap_or("");
        if answered_for != id {
            break RelayOutcome::Rejected(format!(
                "invalid: the relay answered for id {answered_for}"
            ));
        }
        let accepted = array.get(2).and_then(Value::as_bool).unwrap_or(false);
        let reason = array
            .get(3)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        break if reason.starts_with("duplicate:") {
            RelayOutcome::Duplicate(reason)
        } else if accepted {
            RelayOutcome::Accepted
        } else {
            RelayOutcome::Rejected(reason)
        };
    };
    let _ = socket.close(None).await;
    outcome
}

/// The events matching `filter` (a NIP-01 filter object) that `url` holds, up to `EOSE`.
/// Events whose id or signature don't check out are dropped: relays are untrusted.
pub async fn query(url: &str, filter: Value, limit: Duration) -> Result<Vec<Event>, String> {
    let answer = subscribe(url, &[filter], limit).await;
    match answer.failure {
        None => Ok(answer.events),
        Some(detail) => Err(detail),
    }
}

/// What one relay sent for a subscription.
#[derive(Debug, Clone, Default)]
pub struct Subscription {
    /// Every event that came and checked out (id and signature), in the order it came.
    pub events: Vec<Event>,
    /// Why the relay stopped before `EOSE` (unreachable, closed, silent past the time limit),
    /// or `None` when it said it had sent everything. `events` is kept either way: a relay
    /// that never sends `EOSE` still sent what it had.
    pub failure: Option<String>,
}

/// One `REQ` with several filters (NIP-01 ORs them) to `url`, collected until `EOSE`, a
/// `CLOSED`, an error or `limit`, whichever comes first.
pub async fn subscribe(url: &str, filters: &[Value], limit: Duration) -> Subscription {
    let deadline = Instant::now() + limit;
    let mut answer = Subscription::default();
    let mut socket = match connect(url, deadline).await {
        Ok(socket) => socket,
        Err(detail) => {
            answer.failure = Some(detail);
            return answer;
        }
    };
    let sub = "ferry";
    let mut req = vec![json!("REQ"), json!(sub)];
    req.extend(filters.iter().cloned());
    if let Err(e) = socket
        .send(Message::text(Value::Array(req).to_string()))
        .await
    {
        answer.failure = Some(chain_text(&e));
        return answer;
    }
    answer.failure = loop {
        let frame = match timeout_at(deadline, socket.next()).await {
            Err(_) => break Some("no EOSE within the time limit".into()),
            Ok(None) => break Some("the relay closed the connection".into()),
            Ok(Some(Err(e))) => break Some(chain_text(&e)),
            Ok(Some(Ok(frame))) => frame,
        };
        let Some(array) = json_array(&frame) else {
            continue;
        };
        match (
            array.first().and_then(Value::as_str),
            array.get(1).and_then(Value::as_str),
        ) {
            (Some("EVENT"), Some(s)) if s == sub => {
                let event = array
                    .get(2)
                    .and_then(|v| Event::from_json(v.to_string()).ok());
                // `verify` checks the id against the content and the signature against the id.
                if let Some(event) = event.filter(|e| e.verify().is_ok()) {
                    answer.events.push(event);
                }
            }
            (Some("EOSE"), Some(s)) if s == sub => break None,
            (Some("CLOSED"), Some(s)) if s == sub => {
                break Some(format!(
                    "the relay closed the subscription: {}",
                    array.get(2).and_then(Value::as_str).unwrap_or("")
                ));
            }
            _ => {}
        }
    };
    // Polite, but bounded: a relay that stopped reading must not hold the caller past `limit`.
    let close = async {
        let _ = socket
            .send(Message::text(json!(["CLOSE", sub]).to_string()))
            .await;
        let _ = socket.close(None).await;
    };
    let _ = tokio::time::timeout(Duration::from_millis(500), close).await;
    answer
}

fn json_array(frame: &Message) -> Option<Vec<Value>> {
    let text = frame.to_text().ok()?;
    match serde_json::from_str(text).ok()? {
        Value::Array(items) => Some(items),
        _ => None,
    }
}

#[cfg(test)]
mod message_cap {
    use super::*;

    /// A "relay" on 127.0.0.1 that answers a `REQ` with one message of `bytes`, then `EOSE`.
    async fn relay_sending(bytes: usize) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("ws://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            let (stream, _) = listener.accept().await.unwrap();
            let mut socket = tokio_tungstenite::accept_async(stream).await.unwrap();
            let _req = socket.next().await;
            let notice = json!(["NOTICE", "x".repeat(bytes)]).to_string();
            let _ = socket.send(Message::text(notice)).await;
            let _ = socket.send(Message::text(r#"["EOSE","ferry"]"#)).await;
        });
        url
    }

    #[tokio::test]
    async fn a_message_past_the_cap_ends_the_conversation_with_a_reason() {
        let big = relay_sending(MAX_RELAY_MESSAGE_BYTES + 1).await;
        let err = query(&big, json!({"kinds": [1]}), Duration::from_secs(5))
            .await
            .unwrap_err();
        assert!(err.to_lowercase().contains("too long"), "{err}");
        // Under the cap, the same exchange is fine.
        let small = relay_sending(1000).await;
        let events = query(&small, json!({"kinds": [1]}), Duration::from_secs(5)).await;
        assert_eq!(events, Ok(Vec::new()));
    }
}
