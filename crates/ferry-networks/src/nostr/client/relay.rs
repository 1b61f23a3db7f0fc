//! One conversation with one relay over a websocket (NIP-01): send an `EVENT` and wait for its
//! `OK`, or send a `REQ` and collect events until `EOSE`.

use std::time::Duration;

use ::nostr::prelude::Event;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::time::{Instant, timeout_at};
use tokio_tungstenite::tungstenite::Message;

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

async fn connect(url: &str, deadline: Instant) -> Result<Socket, String> {
    match timeout_at(deadline, tokio_tungstenite::connect_async(url)).await {
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
    let deadline = Instant::now() + limit;
    let mut socket = connect(url, deadline).await?;
    let sub = "ferry";
    socket
        .send(Message::text(json!(["REQ", sub, filter]).to_string()))
        .await
        .map_err(|e| chain_text(&e))?;
    let mut events = Vec::new();
    loop {
        let frame = match timeout_at(deadline, socket.next()).await {
            Err(_) => return Err("no EOSE within the time limit".into()),
            Ok(None) => return Err("the relay closed the connection".into()),
            Ok(Some(Err(e))) => return Err(chain_text(&e)),
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
                    events.push(event);
                }
            }
            (Some("EOSE"), Some(s)) if s == sub => break,
            (Some("CLOSED"), Some(s)) if s == sub => {
                return Err(format!(
                    "the relay closed the subscription: {}",
                    array.get(2).and_then(Value::as_str).unwrap_or("")
                ));
            }
            _ => {}
        }
    }
    let _ = socket
        .send(Message::text(json!(["CLOSE", sub]).to_string()))
        .await;
    let _ = socket.close(None).await;
    Ok(events)
}

fn json_array(frame: &Message) -> Option<Vec<Value>> {
    let text = frame.to_text().ok()?;
    match serde_json::from_str(text).ok()? {
        Value::Array(items) => Some(items),
        _ => None,
    }
}
