//! Asking several relays at once: one subscription per relay, all concurrently, each within
//! the per-relay time limit, so a slow or silent relay costs at most that limit and never
//! holds back the others.

use std::time::Duration;

use ::nostr::prelude::{Event, PublicKey};
use futures_util::future::join_all;
use serde_json::Value;

use super::TimelineError;
use super::verify::is_authentic;
use crate::nostr::client::{Subscription, subscribe};

/// Relays cap how many authors one filter may list (often a few hundred to a thousand), so
/// long lists go out as several filters in the same `REQ`.
const AUTHORS_PER_FILTER: usize = 250;

/// One relay's answer.
#[derive(Debug)]
pub struct RelayAnswer {
    pub relay: String,
    pub answer: Subscription,
}

impl RelayAnswer {
    /// The relay sent `EOSE`: it has nothing more matching.
    pub fn complete(&self) -> bool {
        self.answer.failure.is_none()
    }
}

/// Sends each relay its filters and waits for all of them.
pub async fn ask_all(requests: Vec<(String, Vec<Value>)>, limit: Duration) -> Vec<RelayAnswer> {
    let asks = requests.into_iter().map(|(relay, filters)| async move {
        let answer = subscribe(&relay, &filters, limit).await;
        if let Some(why) = &answer.failure {
            tracing::debug!(
                relay,
                why,
                events = answer.events.len(),
                "nostr timeline: relay incomplete"
            );
        }
        RelayAnswer { relay, answer }
    });
    join_all(asks).await
}

/// `template` (a filter without `authors`) for `authors`, split as relays accept it.
pub fn author_filters(authors: &[PublicKey], template: &Value) -> Vec<Value> {
    authors
        .chunks(AUTHORS_PER_FILTER)
        .map(|chunk| {
            let mut filter = template.clone();
            let hex: Vec<String> = chunk.iter().map(PublicKey::to_hex).collect();
            filter["authors"] = Value::from(hex);
            filter
        })
        .collect()
}

/// Every event of `kind` that came, re-checked here (id recomputed, signature) and accepted by
/// `keep`, once each even when several relays sent it.
pub fn checked_events(
    answers: &[RelayAnswer],
    kind: u16,
    keep: impl Fn(&Event) -> bool,
) -> Vec<&Event> {
    let mut events: Vec<&Event> = answers
        .iter()
        .flat_map(|a| &a.answer.events)
        .filter(|e| e.kind.as_u16() == kind && keep(e) && is_authentic(e))
        .collect();
    events.sort_by_key(|e| e.id);
    events.dedup_by_key(|e| e.id);
    events
}

/// An error when no relay sent anything at all (each unreachable, refused or silent).
pub fn none_answered(answers: &[RelayAnswer], what: &'static str) -> Result<(), TimelineError> {
    let anything = answers
        .iter()
        .any(|a| a.complete() || !a.answer.events.is_empty());
    if anything {
        return Ok(());
    }
    let detail = answers
        .iter()
        .map(|a| format!("{}: {}", a.relay, a.answer.failure.as_deref().unwrap_or("")))
        .collect::<Vec<_>>()
        .join("; ");
    Err(TimelineError::Unreachable { what, detail })
}
