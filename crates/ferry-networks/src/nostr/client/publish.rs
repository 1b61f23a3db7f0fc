//! Sending one event to all of an account's write relays at once, and finding it again.

use std::time::Duration;

use ::nostr::prelude::Event;
use futures_util::future::join_all;
use serde_json::json;

use super::NETWORK;
use super::relay::{self, RelayOutcome};
use crate::http::ClientError;

/// The per-relay results of a publish that at least one relay stored.
#[derive(Debug, Clone)]
pub struct NotePublished {
    pub event_id: String,
    pub relays: Vec<(String, RelayOutcome)>,
}

/// Sends `event` to every relay in `relays` concurrently, each within `limit`.
///
/// Posted when at least one relay stored it (or already had it). Otherwise: an unknown
/// outcome if any relay got the event without answering; a retryable error if every relay
/// was unreachable or rate-limited; a permanent one if every relay refused it.
pub async fn publish(
    relays: &[String],
    event: &Event,
    limit: Duration,
) -> Result<NotePublished, ClientError> {
    if relays.is_empty() {
        return Err(ClientError::InvalidInput {
            network: NETWORK,
            field: "relays".into(),
            detail: "no write relay configured".into(),
        });
    }
    if event.verify().is_err() {
        return Err(ClientError::InvalidInput {
            network: NETWORK,
            field: "event".into(),
            detail: format!(
                "event {} does not match its content or signature; sign it again",
                event.id
            ),
        });
    }
    let outcomes = join_all(
        relays
            .iter()
            .map(|url| relay::send_event(url, event, limit)),
    )
    .await;
    let results: Vec<(String, RelayOutcome)> = relays.iter().cloned().zip(outcomes).collect();
    if results.iter().any(|(_, o)| o.is_stored()) {
        return Ok(NotePublished {
            event_id: event.id.to_hex(),
            relays: results,
        });
    }
    let summary = results
        .iter()
        .map(|(url, o)| format!("{url}: {o:?}"))
        .collect::<Vec<_>>()
        .join("; ");
    let what = "publish note".to_owned();
    let any = |f: fn(&RelayOutcome) -> bool| results.iter().any(|(_, o)| f(o));
    Err(if any(|o| matches!(o, RelayOutcome::NoAnswer(_))) {
        ClientError::UnknownOutcome {
            network: NETWORK,
            what,
            detail: summary,
        }
    } else if any(|o| matches!(o, RelayOutcome::Rejected(r) if r.starts_with("auth-required:"))) {
        ClientError::Auth {
            network: NETWORK,
            what,
            detail: summary,
        }
    } else if any(|o| matches!(o, RelayOutcome::Rejected(r) if r.starts_with("rate-limited:"))) {
        ClientError::RateLimited {
            network: NETWORK,
            what,
            retry_at: None,
        }
    } else if results
        .iter()
        .all(|(_, o)| matches!(o, RelayOutcome::Unreachable(d) if is_tls(d)))
    {
        // wss:// to a plain port, a bad certificate: retrying won't fix the address.
        ClientError::Tls {
            network: NETWORK,
            host: relays.join(", "),
            detail: summary,
        }
    } else if any(|o| matches!(o, RelayOutcome::Unreachable(_))) {
        ClientError::Unreachable {
            network: NETWORK,
            host: relays.join(", "),
            detail: summary,
        }
    } else {
        ClientError::Rejected {
            network: NETWORK,
            what,
            status: None,
            detail: summary,
        }
    })
}

fn is_tls(detail: &str) -> bool {
    let lower = detail.to_ascii_lowercase();
    ["tls", "certificate", "corrupt message"]
        .iter()
        .any(|w| lower.contains(w))
}

/// The event with this id (hex) from the first relay that has it, checked against its id and
/// signature; `None` when every reachable relay answered without it.
pub async fn find_event(
    relays: &[String],
    event_id: &str,
    limit: Duration,
) -> Result<Option<Event>, ClientError> {
    let filter = json!({ "ids": [event_id] });
    let answers = join_all(
        relays
            .iter()
            .map(|url| relay::query(url, filter.clone(), limit)),
    )
    .await;
    let mut failures = Vec::new();
    for (url, answer) in relays.iter().zip(answers) {
        match answer {
            Ok(events) => {
                if let Some(found) = events.into_iter().find(|e| e.id.to_hex() == event_id) {
                    return Ok(Some(found));
                }
            }
            Err(detail) => failures.push(format!("{url}: {detail}")),
        }
    }
    if !relays.is_empty() && failures.len() == relays.len() {
        return Err(ClientError::Unreachable {
            network: NETWORK,
            host: relays.join(", "),
            detail: failures.join("; "),
        });
    }
    Ok(None)
}

/// Every event matching `filter` across `relays`, each relay within `limit`, deduplicated by id.
pub async fn query_events(
    relays: &[String],
    filter: serde_json::Value,
    limit: Duration,
) -> Vec<Event> {
    let answers = join_all(
        relays
            .iter()
            .map(|url| relay::query(url, filter.clone(), limit)),
    )
    .await;
    let mut events: Vec<Event> = answers.into_iter().flatten().flatten().collect();
    events.sort_by_key(|e| e.id);
    events.dedup_by_key(|e| e.id);
    events
}
