//! The fake against BUD-01/02 over real HTTP: uploads and retrieval here, each refusal in
//! [`refusals`].

mod refusals;

use base64::Engine;
use nostr::prelude::{Event, EventBuilder, FinalizeEvent, Keys, Kind, Tag, Timestamp};
use sha2::{Digest, Sha256};

use super::*;

const PICTURE: &[u8] = b"\xFF\xD8\xFF\xE0 a small JPEG, as far as the fake cares";

fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn now() -> i64 {
    Timestamp::now().as_secs() as i64
}

/// An upload permission as a client signs one; each test changes what it checks.
struct Permission {
    kind: Kind,
    verb: &'static str,
    x: String,
    created_at: i64,
    expiration: Option<i64>,
    servers: Vec<&'static str>,
}

impl Permission {
    /// A good permission for uploading `bytes`: made now, expiring in five minutes.
    fn for_blob(bytes: &[u8]) -> Permission {
        Permission {
            kind: Kind::Custom(24_242),
            verb: "upload",
            x: sha256_hex(bytes),
            created_at: now(),
            expiration: Some(now() + 300),
            servers: Vec::new(),
        }
    }

    fn sign(&self, keys: &Keys) -> Event {
        let mut tags = vec![
            Tag::parse(["t", self.verb]).unwrap(),
            Tag::parse(["x", self.x.as_str()]).unwrap(),
        ];
        if let Some(at) = self.expiration {
            tags.push(Tag::expiration(Timestamp::from_secs(at as u64)));
        }
        for server in &self.servers {
            tags.push(Tag::parse(["server", server]).unwrap());
        }
        EventBuilder::new(self.kind, "Upload a picture")
            .tags(tags)
            .custom_created_at(Timestamp::from_secs(self.created_at as u64))
            .finalize(keys)
            .unwrap()
    }

    /// The `Authorization` value, standard base64 with padding (BUD-01's example).
    fn header(&self, keys: &Keys) -> String {
        encoded(&serde_json::to_vec(&self.sign(keys)).unwrap())
    }
}

fn encoded(json: &[u8]) -> String {
    let base64 = base64::engine::general_purpose::STANDARD.encode(json);
    format!("Nostr {base64}")
}

/// `PUT /upload` with `auth` as the `Authorization` header, if any.
async fn put(
    blossom: &FakeBlossom,
    auth: Option<String>,
    bytes: &[u8],
    mime: &str,
) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .put(format!("{}/upload", blossom.base))
        .header("Content-Type", mime)
        .body(bytes.to_vec());
    if let Some(auth) = auth {
        request = request.header("Authorization", auth);
    }
    request.send().await.unwrap()
}

fn reason(response: &reqwest::Response) -> &str {
    let reason = response.headers().get("x-reason").expect("an X-Reason");
    reason.to_str().unwrap()
}

#[tokio::test]
async fn blossom_upload_answers_the_descriptor_and_serves_the_same_bytes() {
    let blossom = FakeBlossom::start().await;
    let keys = Keys::generate();
    let auth = Permission::for_blob(PICTURE).header(&keys);
    let response = put(&blossom, Some(auth), PICTURE, "image/jpeg").await;
    assert_eq!(response.status(), 200);
    let told: serde_json::Value = response.json().await.unwrap();
    let sha256 = sha256_hex(PICTURE);
    assert_eq!(told["url"], format!("{}/{sha256}.jpg", blossom.base));
    assert_eq!(told["sha256"], sha256);
    assert_eq!(told["size"], PICTURE.len());
    assert_eq!(told["type"], "image/jpeg");
    assert!(
        (told["uploaded"].as_i64().unwrap() - now()).abs() < 60,
        "{told}"
    );

    for url in [
        told["url"].as_str().unwrap(),
        &format!("{}/{sha256}", blossom.base),
    ] {
        let served = reqwest::get(url).await.unwrap();
        assert_eq!(served.status(), 200);
        assert_eq!(served.headers()["content-type"], "image/jpeg");
        assert_eq!(served.headers()["access-control-allow-origin"], "*");
        assert_eq!(served.bytes().await.unwrap(), PICTURE);
    }
    let head = reqwest::Client::new().head(told["url"].as_str().unwrap());
    let head = head.send().await.unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()["content-length"], PICTURE.len().to_string());
    assert!(head.bytes().await.unwrap().is_empty());

    let blobs = blossom.blobs();
    assert_eq!(blobs.len(), 1);
    assert_eq!(blobs[0].sha256, sha256);
    assert_eq!(blobs[0].mime, "image/jpeg");
    assert_eq!(blobs[0].bytes, PICTURE);
    assert_eq!(blobs[0].uploader, keys.public_key().to_hex());
    assert_eq!(blossom.uploads(), 1);
}

#[tokio::test]
async fn blossom_same_bytes_again_are_the_same_blob_and_descriptor() {
    let blossom = FakeBlossom::start().await;
    let keys = Keys::generate();
    let first = put(
        &blossom,
        Some(Permission::for_blob(PICTURE).header(&keys)),
        PICTURE,
        "image/jpeg",
    );
    let first: serde_json::Value = first.await.json().await.unwrap();
    // The retry signs a new event, sent as BUD-11 asks now: URL-safe base64 without padding.
    let event = Permission::for_blob(PICTURE).sign(&keys);
    let json = serde_json::to_vec(&event).unwrap();
    let auth = format!(
        "Nostr {}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
    );
    let again = put(&blossom, Some(auth), PICTURE, "image/jpeg").await;
    assert_eq!(again.status(), 200);
    assert_eq!(again.json::<serde_json::Value>().await.unwrap(), first);
    assert_eq!(blossom.blobs().len(), 1);
    assert_eq!(blossom.uploads(), 2);
}

#[tokio::test]
async fn blossom_urls_have_the_extension_of_the_type_and_none_for_others() {
    let blossom = FakeBlossom::start().await;
    let keys = Keys::generate();
    let cases: [(&[u8], &str, &str); 4] = [
        (b"png bytes", "image/png", ".png"),
        (b"webp bytes", "image/webp", ".webp"),
        (b"gif bytes", "image/gif", ".gif"),
        (b"%PDF-1.7", "application/pdf", ""),
    ];
    for (bytes, mime, ext) in cases {
        let auth = Permission::for_blob(bytes).header(&keys);
        let told: serde_json::Value = put(&blossom, Some(auth), bytes, mime)
            .await
            .json()
            .await
            .unwrap();
        let url = format!("{}/{}{ext}", blossom.base, sha256_hex(bytes));
        assert_eq!(told["url"], url, "{mime}");
        let served = reqwest::get(&url).await.unwrap();
        assert_eq!(served.headers()["content-type"], mime);
    }
    let order: Vec<String> = blossom.blobs().into_iter().map(|b| b.mime).collect();
    assert_eq!(
        order,
        ["image/png", "image/webp", "image/gif", "application/pdf"]
    );
}

#[tokio::test]
async fn blossom_unknown_blob_is_404_not_found() {
    let blossom = FakeBlossom::start().await;
    let missing = format!("{}/{}.jpg", blossom.base, sha256_hex(b"never uploaded"));
    let response = reqwest::get(&missing).await.unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(reason(&response), "not found");
    let head = reqwest::Client::new().head(&missing).send().await.unwrap();
    assert_eq!(head.status(), 404);
}

/// `HEAD /upload` with BUD-06's headers.
async fn preflight(
    blossom: &FakeBlossom,
    auth: Option<String>,
    sha256: &str,
    size: usize,
) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .head(format!("{}/upload", blossom.base))
        .header("X-SHA-256", sha256)
        .header("X-Content-Length", size.to_string())
        .header("X-Content-Type", "image/jpeg");
    if let Some(auth) = auth {
        request = request.header("Authorization", auth);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn blossom_preflight_says_whether_an_upload_would_be_taken() {
    let blossom = FakeBlossom::start().await;
    let keys = Keys::generate();
    let sha256 = sha256_hex(PICTURE);
    let auth = Permission::for_blob(PICTURE).header(&keys);
    let answer = preflight(&blossom, Some(auth.clone()), &sha256, PICTURE.len()).await;
    assert_eq!(answer.status(), 200);

    let other = sha256_hex(b"another blob");
    let answer = preflight(&blossom, Some(auth.clone()), &other, PICTURE.len()).await;
    assert_eq!(answer.status(), 401);
    assert_eq!(reason(&answer), "x tag does not match the blob's sha256");
    let answer = preflight(&blossom, None, &sha256, PICTURE.len()).await;
    assert_eq!(answer.status(), 401);
    assert_eq!(reason(&answer), "missing Authorization");

    blossom.set_max_bytes(PICTURE.len() - 1);
    let answer = preflight(&blossom, Some(auth), &sha256, PICTURE.len()).await;
    assert_eq!(answer.status(), 413);
    let max = format!("file too large (max {} bytes)", PICTURE.len() - 1);
    assert_eq!(reason(&answer), max);
    // A preflight stores nothing and is no upload.
    assert!(blossom.blobs().is_empty());
    assert_eq!(blossom.uploads(), 0);
}
