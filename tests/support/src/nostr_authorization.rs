//! The `Authorization: Nostr <base64 event>` header both FAKE Nostr media servers read
//! (Blossom's kind-24242 events, NIP-98's kind-27235 ones): the scheme checked, the encoded
//! event handed back for each fake to decode by its own spec's rules.

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;

/// The encoded event of a `Nostr` authorization; else which part of the header is wrong.
pub(crate) fn encoded_event(headers: &HeaderMap) -> Result<&str, String> {
    let value = headers
        .get(AUTHORIZATION)
        .ok_or("missing Authorization")?
        .to_str()
        .map_err(|_| "Authorization is not text")?;
    let (scheme, encoded) = value
        .trim()
        .split_once(' ')
        .ok_or("Authorization is not `Nostr <base64 event>`")?;
    if !scheme.eq_ignore_ascii_case("nostr") {
        return Err(format!("Authorization's scheme is {scheme:?}, not Nostr"));
    }
    Ok(encoded.trim())
}
