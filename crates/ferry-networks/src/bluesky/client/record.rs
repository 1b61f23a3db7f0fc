//! Building an `app.bsky.feed.post` record from a post, its facets, images and thread place.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::NETWORK;
use crate::bluesky::facets::{Facet, FacetKind};
use crate::http::ClientError;

/// One post to publish (one part of a thread).
#[derive(Debug, Clone, Default)]
pub struct NewPost {
    pub text: String,
    /// Usually `crate::bluesky::facets::detect(&text)`. Mention facets carry the handle; the
    /// client resolves it to a DID on the account's PDS before sending.
    pub facets: Vec<Facet>,
    /// BCP 47 tags of the text's languages (`["zh-Hans", "en"]`); at most 3.
    pub langs: Vec<String>,
    /// Uploaded with [`super::BlueskyClient::upload_blob`]; at most 4.
    pub images: Vec<PostImage>,
    pub reply: Option<ReplyRef>,
    /// Fixed by the caller before the first attempt, so a resend is the same record.
    pub created_at: Option<DateTime<Utc>>,
}

/// An uploaded image with its alt text and size (shown before the image loads).
#[derive(Debug, Clone)]
pub struct PostImage {
    pub blob: BlobRef,
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

/// What `uploadBlob` answered: the blob object to put in a record, kept as the PDS wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlobRef(pub Value);

impl BlobRef {
    /// The blob's CID (`ref.$link`).
    pub fn cid(&self) -> Option<&str> {
        self.0.get("ref")?.get("$link")?.as_str()
    }

    pub fn mime_type(&self) -> Option<&str> {
        self.0.get("mimeType")?.as_str()
    }

    pub fn size(&self) -> Option<u64> {
        self.0.get("size")?.as_u64()
    }
}

/// A record's address and version: the `uri` and `cid` a reply points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrongRef {
    pub uri: String,
    pub cid: String,
}

/// Where a reply sits: the thread's first post and the post it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyRef {
    pub root: StrongRef,
    pub parent: StrongRef,
}

const MAX_IMAGES: usize = 4;
const MAX_LANGS: usize = 3;

fn invalid(field: String, detail: String) -> ClientError {
    ClientError::InvalidInput {
        network: NETWORK,
        field,
        detail,
    }
}

/// Checks what the PDS would refuse later, with a clearer message.
pub(crate) fn check(post: &NewPost) -> Result<(), ClientError> {
    if post.images.len() > MAX_IMAGES {
        return Err(invalid(
            "images".into(),
            format!(
                "at most {MAX_IMAGES} images per post; this one has {}",
                post.images.len()
            ),
        ));
    }
    if post.langs.len() > MAX_LANGS {
        return Err(invalid(
            "langs".into(),
            format!(
                "at most {MAX_LANGS} languages per post; this one has {}",
                post.langs.len()
            ),
        ));
    }
    for (i, f) in post.facets.iter().enumerate() {
        let fits = f.byte_start < f.byte_end && f.byte_end <= post.text.len();
        if !fits
            || !post.text.is_char_boundary(f.byte_start)
            || !post.text.is_char_boundary(f.byte_end)
        {
            return Err(invalid(
                format!("facet {i}"),
                format!(
                    "byte range {}..{} is not a range of whole characters in the {}-byte text",
                    f.byte_start,
                    f.byte_end,
                    post.text.len()
                ),
            ));
        }
    }
    Ok(())
}

/// The record, with mention facets already resolved: `dids[i]` is the DID for facet `i` when
/// it is a mention (`None` drops that facet: an unknown handle stays plain text).
pub(crate) fn build(post: &NewPost, dids: &[Option<String>], created_at: DateTime<Utc>) -> Value {
    let facets: Vec<Value> = post
        .facets
        .iter()
        .zip(dids)
        .filter_map(|(f, did)| {
            let feature = match f.kind {
                FacetKind::Link => json!({ "$type": "app.bsky.richtext.facet#link", "uri": f.value }),
                FacetKind::Tag => json!({ "$type": "app.bsky.richtext.facet#tag", "tag": f.value }),
                FacetKind::Mention => json!({ "$type": "app.bsky.richtext.facet#mention", "did": did.as_ref()? }),
            };
            Some(json!({ "index": { "byteStart": f.byte_start, "byteEnd": f.byte_end }, "features": [feature] }))
        })
        .collect();
    let mut record = json!({
        "$type": "app.bsky.feed.post",
        "text": post.text,
        "createdAt": created_at.to_rfc3339_opts(SecondsFormat::Millis, true),
    });
    if !facets.is_empty() {
        record["facets"] = Value::Array(facets);
    }
    if !post.langs.is_empty() {
        record["langs"] = json!(post.langs);
    }
    if !post.images.is_empty() {
        let images: Vec<Value> = post
            .images
            .iter()
            .map(|img| json!({ "alt": img.alt, "image": img.blob.0, "aspectRatio": { "width": img.width, "height": img.height } }))
            .collect();
        record["embed"] = json!({ "$type": "app.bsky.embed.images", "images": images });
    }
    if let Some(reply) = &post.reply {
        record["reply"] = json!(reply);
    }
    record
}
