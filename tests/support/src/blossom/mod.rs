//! A FAKE Blossom media server (Nostr blob storage) on 127.0.0.1 — no Blossom server is among
//! the test peers, and a fake can also be told to refuse. Written from the Blossom
//! specifications, <https://github.com/hzrd149/blossom>: BUD-01 "Server requirements and
//! blob retrieval" (`GET` and `HEAD /<sha256>`, with or without an extension, the blob's
//! `Content-Type`; `X-Reason` on errors; `Access-Control-Allow-Origin: *`), BUD-02 "Blob
//! upload and management" (`PUT /upload` with the bytes as the body, answered with a blob
//! descriptor `{url, sha256, size, type, uploaded}`; the same bytes are the same blob), the
//! authorization event BUD-01 and BUD-11 describe (kind 24242, `Authorization: Nostr
//! <base64>`, `t` = `upload`, an `x` tag with the blob's SHA-256, an `expiration` in the
//! future, `created_at` in the past, `server` tags naming this server if there are any) and
//! BUD-06's `HEAD /upload` preflight (`X-SHA-256`, `X-Content-Length`, `X-Content-Type`).
//!
//! ```no_run
//! # async fn demo() {
//! use ferry_test_support::blossom::FakeBlossom;
//! let blossom = FakeBlossom::start().await; // the server at blossom.base
//! // … PUT /upload a picture, with a kind-24242 event signed by the uploader …
//! assert_eq!(blossom.blobs().len(), 1);
//! # }
//! ```
//!
//! It answers 200 to every upload that stores a blob, new or not (BUD-02 now asks 201 for a
//! new one; clients take either). The controls on [`FakeBlossom`] set what the tests can't
//! cause from outside: a refused upload, a size limit, a server that takes one key only.

mod auth;
mod routes;

#[cfg(test)]
mod tests;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, put};

/// A blob the fake holds.
#[derive(Debug, Clone)]
pub struct Blob {
    /// Lowercase hex SHA-256 of `bytes`: the blob's name.
    pub sha256: String,
    /// The upload's `Content-Type` (`application/octet-stream` when it had none).
    pub mime: String,
    pub bytes: Vec<u8>,
    /// The hex public key that signed the upload that first stored it.
    pub uploader: String,
}

/// A blob and when it was first stored: the descriptor's `uploaded`, the same on every
/// re-upload.
pub(crate) struct Stored {
    pub blob: Blob,
    pub uploaded: u64,
}

#[derive(Default)]
pub(crate) struct Inner {
    /// In upload order.
    pub stored: Vec<Stored>,
    pub uploads: usize,
    pub refuse_next: Option<(StatusCode, String)>,
    pub max_bytes: Option<usize>,
    /// The one uploader's key taken, lowercase hex.
    pub allowed: Option<String>,
}

impl Inner {
    pub fn find(&self, sha256: &str) -> Option<&Stored> {
        self.stored.iter().find(|s| s.blob.sha256 == sha256)
    }
}

/// The router's state: the fake's memory and where it is served.
#[derive(Clone)]
pub(crate) struct Fake {
    pub inner: Arc<Mutex<Inner>>,
    /// The same as [`FakeBlossom::base`]: descriptors' URLs start with it.
    pub base: String,
    /// What a `server` tag must say to let an event be used here (BUD-11: a domain name).
    pub domain: String,
}

/// The fake server, running until the test's runtime stops.
#[derive(Clone)]
pub struct FakeBlossom {
    /// `http://127.0.0.1:<port>`: the Blossom server's address to give Ferry.
    pub base: String,
    fake: Fake,
}

impl FakeBlossom {
    pub async fn start() -> FakeBlossom {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake Blossom server");
        let addr = listener.local_addr().expect("bound address");
        let fake = Fake {
            inner: Arc::new(Mutex::new(Inner::default())),
            base: format!("http://{addr}"),
            domain: addr.ip().to_string(),
        };
        let app = Router::new()
            .route(
                "/upload",
                put(routes::upload).head(routes::upload_requirements),
            )
            .route("/{name}", get(routes::blob))
            // Pictures are often larger than axum's 2 MB default; the size limit is the
            // fake's own (`set_max_bytes`), answered as BUD-02 says.
            .layer(DefaultBodyLimit::disable())
            .layer(axum::middleware::map_response(routes::cross_origin))
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeBlossom {
            base: fake.base.clone(),
            fake,
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.fake.inner.lock().unwrap()
    }

    /// The stored blobs, in the order they were first uploaded.
    pub fn blobs(&self) -> Vec<Blob> {
        self.inner().stored.iter().map(|s| s.blob.clone()).collect()
    }

    /// How many `PUT /upload` requests stored a blob, or stored the same one again.
    pub fn uploads(&self) -> usize {
        self.inner().uploads
    }

    /// The next `PUT /upload` answers `status` with `X-Reason: reason` before looking at
    /// it, and stores nothing. Panics on a status HTTP doesn't have: the test is wrong.
    pub fn refuse_next(&self, status: u16, reason: &str) {
        let status = StatusCode::from_u16(status).expect("an HTTP status");
        self.inner().refuse_next = Some((status, reason.to_owned()));
    }

    /// Uploads larger than `n` bytes are refused with 413 from now on.
    pub fn set_max_bytes(&self, n: usize) {
        self.inner().max_bytes = Some(n);
    }

    /// Uploads signed by any other key are refused with 401 from now on, as on a server
    /// that stores its members' blobs only.
    pub fn allow_only(&self, pubkey_hex: &str) {
        self.inner().allowed = Some(pubkey_hex.to_ascii_lowercase());
    }
}

/// The extension a blob's URL gets for its MIME type, so a post that embeds the URL shows
/// a picture; none for other types.
pub(crate) fn extension(mime: &str) -> Option<&'static str> {
    let essence = mime
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "image/jpeg" => Some("jpg"),
        "image/png" => Some("png"),
        "image/webp" => Some("webp"),
        "image/gif" => Some("gif"),
        _ => None,
    }
}
