//! A FAKE NIP-96 media server (Nostr HTTP file storage) on 127.0.0.1 — no NIP-96 server is
//! among the test peers, and a fake can also be told to refuse. Written from NIP-96 "HTTP
//! File Storage Integration", <https://github.com/nostr-protocol/nips/blob/master/96.md>:
//! the discovery document at `/.well-known/nostr/nip96.json` (or one that only delegates to
//! another server), `POST $api_url` as `multipart/form-data` answered with a `nip94_event`
//! whose `url` ends in the original file's SHA-256 (`ox`) and an extension, 200 for a file
//! already held and 201 for a new one, `x` for the served file's hash when the server
//! transformed it, delayed processing (202 and a `processing_url`), 402 with a
//! `payment_request`, downloads at `$api_url/<ox>(.ext)` and deletion by the owner; and from
//! NIP-98 "HTTP Auth", <https://github.com/nostr-protocol/nips/blob/master/98.md>: a kind-27235
//! event in `Authorization: Nostr <base64>` whose `u` and `method` tags name the request, and
//! an optional `payload` tag with the file's SHA-256.
//!
//! ```no_run
//! # async fn demo() {
//! use ferry_test_support::nip96::FakeNip96;
//! let nip96 = FakeNip96::start().await; // discovery at nip96.base + /.well-known/nostr/nip96.json
//! // … POST nip96.api_url() a picture, with a kind-27235 event signed by the uploader …
//! assert_eq!(nip96.files().len(), 1);
//! # }
//! ```
//!
//! What it leaves out: listing files (`GET $api_url?page=`), honoring `expiration`, resized
//! variants (`?w=` is ignored and the file served as is), and several owners of one file —
//! the first uploader owns it, and only they can delete it. The controls on [`FakeNip96`] set
//! what the tests can't cause from outside: a refused upload, a size limit, a server that
//! takes one key only, one that transforms what it's given, one that processes slowly.

mod auth;
mod routes;
mod upload;

#[cfg(test)]
mod tests;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post};

/// What `plans.free.max_byte_size` says, and the fake enforces, until `set_max_bytes`:
/// NIP-96's example's 10 MiB.
const DEFAULT_MAX_BYTES: usize = 10_485_760;

/// A file the fake holds.
#[derive(Debug, Clone)]
pub struct Nip96File {
    /// Lowercase hex SHA-256 of the uploaded bytes: the file's name in its URLs.
    pub ox: String,
    /// Lowercase hex SHA-256 of `bytes`; the same as `ox` unless the fake transformed it.
    pub x: String,
    /// The `file` part's `Content-Type` (`application/octet-stream` when it had none).
    pub mime: String,
    /// What downloads serve once any processing is done.
    pub bytes: Vec<u8>,
    /// The hex public key that signed the upload that first stored it.
    pub owner: String,
    pub caption: Option<String>,
    pub alt: Option<String>,
    /// Whether the upload asked `no_transform=true`.
    pub no_transform: bool,
}

/// A file and what the fake needs to answer for it while it is "processing".
pub(crate) struct Stored {
    pub file: Nip96File,
    /// What was uploaded: NIP-96 has the server serve it until processing is done.
    pub original: Vec<u8>,
    /// How many more `GET processing_url` answer "processing".
    pub polls_left: usize,
    /// How many answered "processing" so far: the percentage grows with it.
    pub polled: usize,
}

pub(crate) struct Inner {
    /// In first-upload order.
    pub stored: Vec<Stored>,
    pub uploads: usize,
    pub deletes: usize,
    pub refuse_next: Option<(StatusCode, String)>,
    pub max_bytes: usize,
    /// The one uploader's key taken, lowercase hex.
    pub allowed: Option<String>,
    pub transform: bool,
    /// The next stored upload is answered 202 and polled this many times.
    pub delay_next: Option<usize>,
}

impl Default for Inner {
    fn default() -> Inner {
        Inner {
            stored: Vec::new(),
            uploads: 0,
            deletes: 0,
            refuse_next: None,
            max_bytes: DEFAULT_MAX_BYTES,
            allowed: None,
            transform: false,
            delay_next: None,
        }
    }
}

impl Inner {
    pub fn find(&self, ox: &str) -> Option<&Stored> {
        self.stored.iter().find(|s| s.file.ox == ox)
    }
}

/// The router's state: the fake's memory and where it is served.
#[derive(Clone)]
pub(crate) struct Fake {
    pub inner: Arc<Mutex<Inner>>,
    /// The same as [`FakeNip96::base`]: every URL the fake gives, and every `u` tag it
    /// takes, start with it.
    pub base: String,
    /// Where the discovery document delegates to, on a server that only delegates.
    pub delegated_to: Option<String>,
}

/// The fake server, running until the test's runtime stops.
#[derive(Clone)]
pub struct FakeNip96 {
    /// `http://127.0.0.1:<port>`: the server's address to give Ferry, which finds the rest
    /// in `/.well-known/nostr/nip96.json`.
    pub base: String,
    fake: Fake,
}

impl FakeNip96 {
    /// A NIP-96 server with its API at [`api_url`](Self::api_url) and its downloads at
    /// [`download_url`](Self::download_url).
    pub async fn start() -> FakeNip96 {
        FakeNip96::serve(None).await
    }

    /// A server whose `/.well-known/nostr/nip96.json` only delegates:
    /// `{"api_url": "", "delegated_to_url": to}`, as a relay that sends its users to another
    /// server's storage does. It serves nothing else, so a client that doesn't follow the
    /// delegation gets 404s.
    pub async fn start_delegating(to: &str) -> FakeNip96 {
        FakeNip96::serve(Some(to.to_owned())).await
    }

    async fn serve(delegated_to: Option<String>) -> FakeNip96 {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake NIP-96 server");
        let addr = listener.local_addr().expect("bound address");
        let fake = Fake {
            inner: Arc::new(Mutex::new(Inner::default())),
            base: format!("http://{addr}"),
            delegated_to,
        };
        let discovery =
            Router::new().route("/.well-known/nostr/nip96.json", get(routes::discovery));
        // A delegating server is no file server: everything but discovery is a 404.
        let app = match fake.delegated_to {
            Some(_) => discovery,
            None => discovery
                .route("/api/v2/media", post(upload::upload))
                .route(
                    "/api/v2/media/{name}",
                    get(routes::download).delete(routes::delete),
                )
                .route("/media/{name}", get(routes::download))
                .route("/processing/{ox}", get(routes::processing)),
        };
        let app = app
            // Pictures are often larger than axum's 2 MB default; the size limit is the
            // fake's own (`set_max_bytes`), answered as NIP-96 says.
            .layer(DefaultBodyLimit::disable())
            .layer(axum::middleware::map_response(routes::cross_origin))
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeNip96 {
            base: fake.base.clone(),
            fake,
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.fake.inner.lock().unwrap()
    }

    /// `base/api/v2/media`: where uploads and deletes go, as the discovery document says.
    pub fn api_url(&self) -> String {
        format!("{}/api/v2/media", self.base)
    }

    /// `base/media`: the discovery document's `download_url`, which upload answers' URLs
    /// start with. Files are served at `api_url()/<ox>` too, as NIP-96 requires.
    pub fn download_url(&self) -> String {
        format!("{}/media", self.base)
    }

    /// The stored files, in the order they were first uploaded.
    pub fn files(&self) -> Vec<Nip96File> {
        self.inner().stored.iter().map(|s| s.file.clone()).collect()
    }

    /// How many uploads stored a file, or stored the same one again.
    pub fn uploads(&self) -> usize {
        self.inner().uploads
    }

    /// How many deletes removed a file.
    pub fn deletes(&self) -> usize {
        self.inner().deletes
    }

    /// The next upload answers `status` with `{"status": "error", "message": message}`
    /// before looking at it, and stores nothing; a 402 also carries a `payment_request`, as
    /// NIP-96 asks. Panics on a status HTTP doesn't have: the test is wrong.
    pub fn refuse_next(&self, status: u16, message: &str) {
        let status = StatusCode::from_u16(status).expect("an HTTP status");
        self.inner().refuse_next = Some((status, message.to_owned()));
    }

    /// Uploads larger than `n` bytes are refused with 413 from now on, and the discovery
    /// document's `plans.free.max_byte_size` says `n`.
    pub fn set_max_bytes(&self, n: usize) {
        self.inner().max_bytes = n;
    }

    /// Uploads signed by any other key are refused with 403 from now on, as on a server
    /// that stores its members' files only.
    pub fn allow_only(&self, pubkey_hex: &str) {
        self.inner().allowed = Some(pubkey_hex.to_ascii_lowercase());
    }

    /// While on, new files are "transformed", even when the upload asked `no_transform`
    /// (NIP-96: that "may be rejected"): the fake serves the bytes with
    /// `FAKE-TRANSFORMED` appended, so the answer's `x` differs from its `ox`.
    pub fn transform_uploads(&self, on: bool) {
        self.inner().transform = on;
    }

    /// The next upload that stores a file is answered 202 with a `processing_url`, which
    /// answers 200 "processing" `polls` times, then 201 with the upload's full answer.
    pub fn delay_next(&self, polls: usize) {
        self.inner().delay_next = Some(polls);
    }
}
