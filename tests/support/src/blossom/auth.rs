//! The upload's authorization event (BUD-01, BUD-11): a signed Nostr event of kind 24242,
//! base64-encoded in `Authorization: Nostr <…>`, checked in the order BUD-11 lists. Each
//! refusal says which check failed, for whoever reads a failed test.

use axum::http::HeaderMap;
use base64::Engine;
use nostr::prelude::{Event, Kind, Timestamp};

/// How far ahead of this clock an event may be dated: "`created_at` must be in the past",
/// but the signer's clock may run a little fast, and real servers allow for it.
const CLOCK_SKEW_SECS: u64 = 60;

/// The signer's hex public key, if the request's event allows uploading the blob whose
/// hex SHA-256 is `sha256` to this server (`domain`); else why not.
pub(crate) fn check_upload(
    headers: &HeaderMap,
    sha256: &str,
    domain: &str,
) -> Result<String, String> {
    let event = read(headers)?;
    if event.verify().is_err() {
        return Err("auth event's id or signature is invalid".into());
    }
    if event.kind != Kind::BlossomAuth {
        return Err("auth event is not kind 24242".into());
    }
    let now = Timestamp::now().as_secs();
    if event.created_at.as_secs() > now + CLOCK_SKEW_SECS {
        return Err("auth event's created_at is in the future".into());
    }
    let expiration = values(&event, "expiration")
        .next()
        .ok_or("auth event has no expiration tag")?;
    let expiration: u64 = expiration
        .parse()
        .map_err(|_| format!("auth event's expiration {expiration:?} is not a Unix time"))?;
    if expiration <= now {
        return Err("auth event expired".into());
    }
    if !values(&event, "t").any(|verb| verb == "upload") {
        return Err("auth event's t tag is not upload".into());
    }
    // BUD-11: without `server` tags an event is good on any server; with them, only on
    // the servers they name.
    let mut servers = values(&event, "server").peekable();
    if servers.peek().is_some() && !servers.any(|s| s == domain) {
        return Err(format!("auth event's server tags don't name {domain}"));
    }
    // Hashes are lowercase hex (BUD-11): an uppercase one is the client's bug, and refused.
    if !values(&event, "x").any(|x| x == sha256) {
        return Err("x tag does not match the blob's sha256".into());
    }
    Ok(event.pubkey.to_hex())
}

/// The first values of the event's tags named `name`.
fn values<'a>(event: &'a Event, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    event
        .tags
        .iter()
        .filter(move |tag| tag.kind() == name)
        .filter_map(|tag| tag.content())
}

/// The event in the `Authorization` header, id and signature not yet checked.
fn read(headers: &HeaderMap) -> Result<Event, String> {
    let encoded = crate::nostr_authorization::encoded_event(headers)?;
    let json = decode_base64(encoded).ok_or("Authorization's event is not base64")?;
    serde_json::from_slice(&json).map_err(|e| format!("auth event is not a Nostr event ({e})"))
}

/// Standard base64 with padding, as BUD-01's example has it, or URL-safe without padding,
/// as BUD-11 asks now: clients send both, so the fake takes both (and the mixes).
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let standard: String = text
        .trim_end_matches('=')
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(standard)
        .ok()
}
