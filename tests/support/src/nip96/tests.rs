//! The fake against NIP-96 and NIP-98 over real HTTP: discovery, uploads and what they
//! answer, and deletes here; transformed files and delayed processing in [`processing`];
//! each refusal in [`refusals`].

mod processing;
mod refusals;

use base64::Engine;
use nostr::prelude::{EventBuilder, FinalizeEvent, Keys, Kind, Tag, Timestamp};
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::*;

const PICTURE: &[u8] = b"\x89PNG\r\n\x1a\n a small PNG, as far as the fake cares";

fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// A NIP-98 event as a client signs one; each test changes what it checks.
struct Nip98 {
    u: String,
    method: &'static str,
    created_at: u64,
    payload: Option<String>,
}

impl Nip98 {
    /// A good event for uploading `bytes` to `nip96`: made now, with their hash.
    fn upload(nip96: &FakeNip96, bytes: &[u8]) -> Nip98 {
        Nip98 {
            u: nip96.api_url(),
            method: "POST",
            created_at: Timestamp::now().as_secs(),
            payload: Some(sha256_hex(bytes)),
        }
    }

    /// A good event for deleting the file at `url`: made now, no payload.
    fn delete(url: &str) -> Nip98 {
        Nip98 {
            u: url.to_owned(),
            method: "DELETE",
            created_at: Timestamp::now().as_secs(),
            payload: None,
        }
    }

    /// The `Authorization` value: standard base64 with padding, as NIP-98's example.
    fn header(&self, keys: &Keys) -> String {
        let mut tags = vec![
            Tag::parse(["u", self.u.as_str()]).unwrap(),
            Tag::parse(["method", self.method]).unwrap(),
        ];
        if let Some(payload) = &self.payload {
            tags.push(Tag::parse(["payload", payload.as_str()]).unwrap());
        }
        let event = EventBuilder::new(Kind::Custom(27_235), "")
            .tags(tags)
            .custom_created_at(Timestamp::from_secs(self.created_at))
            .finalize(keys)
            .unwrap();
        let json = serde_json::to_vec(&event).unwrap();
        let base64 = base64::engine::general_purpose::STANDARD.encode(json);
        format!("Nostr {base64}")
    }
}

/// `POST $api_url` of `bytes` as a `file` part of type `image/png`, with a caption, an alt
/// text and the size, and `no_transform=true` if asked.
async fn post(
    nip96: &FakeNip96,
    auth: &str,
    bytes: &[u8],
    no_transform: bool,
) -> reqwest::Response {
    let file = Part::bytes(bytes.to_vec()).file_name("cat.png");
    let mut form = Form::new()
        .part("file", file.mime_str("image/png").unwrap())
        .text("caption", "A cat")
        .text("alt", "A grey cat asleep")
        .text("size", bytes.len().to_string());
    if no_transform {
        form = form.text("no_transform", "true");
    }
    reqwest::Client::new()
        .post(nip96.api_url())
        .header("Authorization", auth)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The status, and the answer's JSON.
async fn json(response: reqwest::Response) -> (u16, Value) {
    (response.status().as_u16(), response.json().await.unwrap())
}

/// The first value of the answer's `nip94_event` tag named `name`.
fn tag<'a>(answer: &'a Value, name: &str) -> Option<&'a str> {
    let tags = answer["nip94_event"]["tags"].as_array().unwrap();
    tags.iter()
        .find(|t| t[0] == name)
        .map(|t| t[1].as_str().unwrap())
}

/// Expects `status` with NIP-96's error body saying `message`, and nothing stored.
async fn refused(nip96: &FakeNip96, response: reqwest::Response, status: u16, message: &str) {
    let (got, body) = json(response).await;
    assert_eq!(
        (got, body["status"].as_str()),
        (status, Some("error")),
        "{body}"
    );
    assert_eq!(body["message"], message);
    assert!(nip96.files().is_empty(), "{message}: stored");
    assert_eq!(nip96.uploads(), 0, "{message}: counted");
}

#[tokio::test]
async fn nip96_discovery_document_names_the_api_and_the_free_plan() {
    let nip96 = FakeNip96::start().await;
    nip96.set_max_bytes(1_000);
    let url = format!("{}/.well-known/nostr/nip96.json", nip96.base);
    let (status, doc) = json(reqwest::get(&url).await.unwrap()).await;
    assert_eq!(status, 200);
    assert_eq!(doc["api_url"], format!("{}/api/v2/media", nip96.base));
    assert_eq!(doc["download_url"], format!("{}/media", nip96.base));
    assert_eq!(doc["supported_nips"], serde_json::json!([94, 96, 98]));
    assert_eq!(doc["content_types"][0], "image/jpeg");
    let free = &doc["plans"]["free"];
    assert_eq!(free["is_nip98_required"], true);
    assert_eq!(free["max_byte_size"], 1_000);
    assert!(doc.get("delegated_to_url").is_none());
}

#[tokio::test]
async fn nip96_delegating_server_only_points_elsewhere() {
    let nip96 = FakeNip96::start_delegating("https://files.example").await;
    let url = format!("{}/.well-known/nostr/nip96.json", nip96.base);
    let (_, doc) = json(reqwest::get(&url).await.unwrap()).await;
    let only = serde_json::json!({ "api_url": "", "delegated_to_url": "https://files.example" });
    assert_eq!(doc, only);
    let auth = Nip98::upload(&nip96, PICTURE).header(&Keys::generate());
    assert_eq!(post(&nip96, &auth, PICTURE, false).await.status(), 404);
}

#[tokio::test]
async fn nip96_upload_is_201_and_its_url_serves_the_same_bytes() {
    let nip96 = FakeNip96::start().await;
    let keys = Keys::generate();
    let auth = Nip98::upload(&nip96, PICTURE).header(&keys);
    let (status, answer) = json(post(&nip96, &auth, PICTURE, false).await).await;
    assert_eq!((status, answer["status"].as_str()), (201, Some("success")));
    let ox = sha256_hex(PICTURE);
    assert_eq!(
        tag(&answer, "url"),
        Some(&*format!("{}/{ox}.png", nip96.download_url()))
    );
    assert_eq!(
        (tag(&answer, "ox"), tag(&answer, "x")),
        (Some(&*ox), Some(&*ox))
    );
    assert_eq!(tag(&answer, "m"), Some("image/png"));
    assert_eq!(tag(&answer, "size"), Some(&*PICTURE.len().to_string()));
    assert_eq!(answer["nip94_event"]["content"], "A cat");
    assert!(answer.get("processing_url").is_none());

    let standard = format!("{}/{ox}", nip96.api_url());
    for url in [tag(&answer, "url").unwrap(), &standard] {
        let served = reqwest::get(url).await.unwrap();
        assert_eq!(served.status(), 200, "{url}");
        assert_eq!(served.headers()["content-type"], "image/png");
        assert_eq!(served.headers()["access-control-allow-origin"], "*");
        assert_eq!(served.bytes().await.unwrap(), PICTURE);
    }
    let file = &nip96.files()[0];
    assert_eq!((&file.ox, &file.x, &file.bytes[..]), (&ox, &ox, PICTURE));
    assert_eq!(file.owner, keys.public_key().to_hex());
    assert_eq!(file.alt.as_deref(), Some("A grey cat asleep"));
    assert!(!file.no_transform);
    assert_eq!(nip96.uploads(), 1);
}

#[tokio::test]
async fn nip96_same_file_again_is_200_and_the_same_file() {
    let nip96 = FakeNip96::start().await;
    let keys = Keys::generate();
    // Each upload signs its own event, as a client retrying a lost answer does.
    let auth = Nip98::upload(&nip96, PICTURE).header(&keys);
    let (_, first) = json(post(&nip96, &auth, PICTURE, false).await).await;
    let auth = Nip98::upload(&nip96, PICTURE).header(&keys);
    let again = post(&nip96, &auth, PICTURE, false);
    let (status, again) = json(again.await).await;
    assert_eq!(status, 200);
    assert_eq!(again["nip94_event"], first["nip94_event"]);
    assert_eq!((nip96.files().len(), nip96.uploads()), (1, 2));
}

/// `DELETE url` signed by `keys` for that URL.
async fn delete(url: &str, keys: &Keys) -> reqwest::Response {
    let auth = Nip98::delete(url).header(keys);
    let request = reqwest::Client::new()
        .delete(url)
        .header("Authorization", auth);
    request.send().await.unwrap()
}

#[tokio::test]
async fn nip96_only_the_owner_deletes_and_then_it_is_gone() {
    let nip96 = FakeNip96::start().await;
    let (owner, stranger) = (Keys::generate(), Keys::generate());
    let auth = Nip98::upload(&nip96, PICTURE).header(&owner);
    let (_, answer) = json(post(&nip96, &auth, PICTURE, false).await).await;
    let url = format!("{}/{}.png", nip96.api_url(), sha256_hex(PICTURE));

    let (status, body) = json(delete(&url, &stranger).await).await;
    assert_eq!((status, body["status"].as_str()), (403, Some("error")));
    assert_eq!((nip96.files().len(), nip96.deletes()), (1, 0));
    // An upload's event is no delete's: its `u` and `method` are another request's.
    let reused = reqwest::Client::new()
        .delete(&url)
        .header("Authorization", auth);
    assert_eq!(reused.send().await.unwrap().status(), 401);

    let (status, body) = json(delete(&url, &owner).await).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        serde_json::json!({"status": "success", "message": "File deleted."})
    );
    assert_eq!((nip96.files().len(), nip96.deletes()), (0, 1));
    let gone = reqwest::get(tag(&answer, "url").unwrap()).await.unwrap();
    assert_eq!(gone.status(), 404);
    assert_eq!(delete(&url, &owner).await.status(), 404);
}
