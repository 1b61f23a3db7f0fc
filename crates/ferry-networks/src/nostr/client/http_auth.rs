//! NIP-98 HTTP authorization: a kind-27235 event signed by the caller, naming the exact URL
//! and method of one request (and, for an upload, the file's SHA-256), sent base64-encoded as
//! `Authorization: Nostr <event>`. NIP-96 media servers ask it for uploads and deletions.

use ::nostr::prelude::{EventBuilder, Kind};
use base64::Engine;

use super::NostrKeys;
use super::note::{parse_tag, sign};
use crate::http::ClientError;

/// The `Authorization` header value for `method` on `url`, signed at `now` (Unix seconds);
/// `payload` is the uploaded file's hex SHA-256, which lets the server refuse any other file.
pub fn http_auth(
    keys: &NostrKeys,
    url: &str,
    method: &str,
    payload: Option<&str>,
    now: u64,
) -> Result<String, ClientError> {
    let mut tags = vec![parse_tag(&["u", url])?, parse_tag(&["method", method])?];
    if let Some(sha256) = payload {
        tags.push(parse_tag(&["payload", sha256])?);
    }
    let builder = EventBuilder::new(Kind::Custom(27_235), "").tags(tags);
    let event = sign(keys, builder, Some(now))?;
    Ok(format!(
        "Nostr {}",
        base64::engine::general_purpose::STANDARD.encode(event.as_json())
    ))
}

#[cfg(test)]
mod tests {
    use ::nostr::prelude::{Event, Tag};

    use super::*;

    fn decode(header: &str) -> Event {
        let encoded = header.strip_prefix("Nostr ").unwrap();
        let json = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap();
        Event::from_json(json).unwrap()
    }

    #[test]
    fn the_event_names_the_request_and_the_file() {
        let keys = NostrKeys::generate();
        let url = "https://files.example/api/v2/media";
        let header = http_auth(&keys, url, "POST", Some(&"cd".repeat(32)), 1_800_000_000).unwrap();
        let event = decode(&header);
        event.verify().unwrap();
        assert_eq!(event.kind, Kind::Custom(27_235));
        assert_eq!(event.created_at.as_secs(), 1_800_000_000);
        let tags: Vec<&[String]> = event.tags.iter().map(Tag::as_slice).collect();
        assert_eq!(
            tags,
            [
                &["u".to_owned(), url.to_owned()][..],
                &["method".to_owned(), "POST".to_owned()][..],
                &["payload".to_owned(), "cd".repeat(32)][..],
            ]
        );
    }

    #[test]
    fn a_deletion_carries_no_payload() {
        let keys = NostrKeys::generate();
        let header = http_auth(&keys, "https://f.example/x.png", "DELETE", None, 1).unwrap();
        let event = decode(&header);
        assert!(event.tags.iter().all(|t| t.as_slice()[0] != "payload"));
    }
}
