//! The authorization a Blossom server asks before it stores a blob (BUD-02): a kind-24242
//! event signed by the uploader, tagged `t=upload`, `x=<the blob's SHA-256>` and an
//! `expiration`, sent base64-encoded as `Authorization: Nostr <event>`.

use ::nostr::prelude::{EventBuilder, Kind, Tag, Timestamp};
use base64::Engine;

use super::NostrKeys;
use super::note::{parse_tag, sign};
use crate::http::ClientError;

/// How long the signed permission lasts: one upload, however slow, and no reuse later.
const VALID_FOR_SECS: u64 = 5 * 60;

/// The `Authorization` header value for uploading the blob whose hex SHA-256 is `sha256`,
/// signed at `now` (Unix seconds).
pub fn blossom_upload_auth(
    keys: &NostrKeys,
    sha256: &str,
    now: u64,
) -> Result<String, ClientError> {
    let tags = vec![
        parse_tag(&["t", "upload"])?,
        parse_tag(&["x", sha256])?,
        Tag::expiration(Timestamp::from_secs(now + VALID_FOR_SECS)),
    ];
    let builder = EventBuilder::new(Kind::Custom(24_242), "Upload a picture").tags(tags);
    let event = sign(keys, builder, Some(now))?;
    let json = event.as_json();
    Ok(format!(
        "Nostr {}",
        base64::engine::general_purpose::STANDARD.encode(json)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_permission_names_the_blob_and_expires() {
        let keys = NostrKeys::generate();
        let header = blossom_upload_auth(&keys, &"ab".repeat(32), 1_800_000_000).unwrap();
        let encoded = header.strip_prefix("Nostr ").unwrap();
        let json = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap();
        let event = ::nostr::prelude::Event::from_json(json).unwrap();
        event.verify().unwrap();
        assert_eq!(event.kind, Kind::Custom(24_242));
        let tags: Vec<&[String]> = event.tags.iter().map(Tag::as_slice).collect();
        assert_eq!(tags[0], ["t", "upload"]);
        assert_eq!(tags[1], ["x", "ab".repeat(32).as_str()]);
        assert_eq!(tags[2], ["expiration", "1800000300"]);
    }
}
