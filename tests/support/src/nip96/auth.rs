//! NIP-98 HTTP Auth, which NIP-96 asks for on uploads and deletes: a signed Nostr event of
//! kind 27235, base64-encoded in `Authorization: Nostr <…>`, checked in the order NIP-98
//! lists. Each refusal says which check failed, for whoever reads a failed test.

use axum::http::{HeaderMap, Uri};
use base64::Engine;
use nostr::prelude::{Event, Kind, Timestamp};

/// NIP-98: "`created_at` MUST be within a reasonable time window (suggestion 60 seconds)",
/// taken both ways, since the signer's clock may run a little fast or slow.
const WINDOW_SECS: u64 = 60;

/// Who signed a request that passed NIP-98's checks.
#[derive(Debug)]
pub(crate) struct Signer {
    /// Lowercase hex public key.
    pub pubkey: String,
    /// The `payload` tag, if the event has one: the hex SHA-256 the signer meant to send.
    pub payload: Option<String>,
}

/// The signer, if the request's event allows `method` on `url` (the absolute request URL,
/// query included); else why not.
pub(crate) fn check(headers: &HeaderMap, method: &str, url: &str) -> Result<Signer, String> {
    let event = read(headers)?;
    if event.verify().is_err() {
        return Err("auth event's id or signature is invalid".into());
    }
    if event.kind != Kind::HttpAuth {
        return Err("auth event is not kind 27235".into());
    }
    let (now, at) = (Timestamp::now().as_secs(), event.created_at.as_secs());
    if now.abs_diff(at) > WINDOW_SECS {
        return Err(format!(
            "auth event's created_at is more than {WINDOW_SECS} s from now"
        ));
    }
    // "Exactly the same": a client that signs the URL without the query, or with another
    // host name for the same server, is refused here as on a real server.
    let u = value(&event, "u").ok_or("auth event has no u tag")?;
    if u != url {
        return Err(format!("auth event's u tag is {u:?}, not {url:?}"));
    }
    let signed = value(&event, "method").ok_or("auth event has no method tag")?;
    if signed != method {
        return Err(format!(
            "auth event's method tag is {signed:?}, not {method:?}"
        ));
    }
    Ok(Signer {
        pubkey: event.pubkey.to_hex(),
        payload: value(&event, "payload").map(str::to_owned),
    })
}

/// The absolute URL a NIP-98 `u` tag must name for this request.
pub(crate) fn request_url(base: &str, uri: &Uri) -> String {
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    format!("{base}{path}")
}

/// The first value of the event's first tag named `name`.
fn value<'a>(event: &'a Event, name: &str) -> Option<&'a str> {
    let tag = event.tags.iter().find(|tag| tag.kind() == name)?;
    tag.content()
}

/// The event in the `Authorization` header, id and signature not yet checked.
fn read(headers: &HeaderMap) -> Result<Event, String> {
    let encoded = crate::nostr_authorization::encoded_event(headers)?;
    // NIP-98 says "base64" and its example is the standard alphabet with padding, which is
    // what clients send; the fake takes nothing else, so a client's other encoding shows.
    let json = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .map_err(|_| "Authorization's event is not standard base64")?;
    Event::from_json(json).map_err(|e| format!("auth event is not a Nostr event ({e})"))
}
