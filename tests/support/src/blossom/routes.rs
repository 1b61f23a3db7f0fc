//! The routes: `PUT /upload` and its `HEAD` preflight, `GET`/`HEAD /<sha256>[.ext]`, and
//! the header BUD-01 puts on every answer.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use nostr::prelude::Timestamp;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{Blob, Fake, Inner, Stored, auth, extension};

/// An error answer: the reason in `X-Reason` (BUD-01), and as `{"message": …}` too, as
/// BUD-01's earlier drafts had it, for clients that read the body.
pub(crate) struct Refusal(StatusCode, String);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let Refusal(status, reason) = self;
        let mut response = (status, axum::Json(json!({ "message": reason }))).into_response();
        // Not every text is a header value (a newline isn't); then the body alone says it.
        if let Ok(value) = HeaderValue::from_str(&reason) {
            response.headers_mut().insert("x-reason", value);
        }
        response
    }
}

fn refusal(status: StatusCode, reason: &str) -> Response {
    Refusal(status, reason.to_owned()).into_response()
}

fn header_text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    let text = headers.get(name)?.to_str().ok()?.trim();
    (!text.is_empty()).then_some(text)
}

/// What the upload and its preflight both check, in this order: who signed, whether the
/// server takes their blobs, the size. The signer's hex key, or the refusal.
fn admit(
    fake: &Fake,
    inner: &Inner,
    headers: &HeaderMap,
    sha256: &str,
    size: usize,
) -> Result<String, Refusal> {
    let uploader = auth::check_upload(headers, sha256, &fake.domain)
        .map_err(|why| Refusal(StatusCode::UNAUTHORIZED, why))?;
    if inner.allowed.as_ref().is_some_and(|only| *only != uploader) {
        let reason = "pubkey not allowed".to_owned();
        return Err(Refusal(StatusCode::UNAUTHORIZED, reason));
    }
    if let Some(max) = inner.max_bytes.filter(|max| size > *max) {
        let reason = format!("file too large (max {max} bytes)");
        return Err(Refusal(StatusCode::PAYLOAD_TOO_LARGE, reason));
    }
    Ok(uploader)
}

/// `PUT /upload` (BUD-02): the body is the blob, byte for byte.
pub(crate) async fn upload(State(fake): State<Fake>, headers: HeaderMap, body: Bytes) -> Response {
    let mut inner = fake.inner.lock().unwrap();
    if let Some((status, reason)) = inner.refuse_next.take() {
        return refusal(status, &reason);
    }
    let sha256 = format!("{:x}", Sha256::digest(&body));
    // BUD-02: a client may say the hash ahead; another one means the body isn't the blob
    // it meant to send.
    if header_text(&headers, "x-sha-256").is_some_and(|said| said != sha256) {
        let reason = "X-SHA-256 does not match the body's sha256";
        return refusal(StatusCode::CONFLICT, reason);
    }
    let uploader = match admit(&fake, &inner, &headers, &sha256, body.len()) {
        Ok(key) => key,
        Err(refused) => return refused.into_response(),
    };
    inner.uploads += 1;
    // The same bytes are the same blob: a second upload (a client retrying a lost answer)
    // keeps the first one's type, uploader and time, so its descriptor is the same.
    if inner.find(&sha256).is_none() {
        let mime = header_text(&headers, "content-type").unwrap_or("application/octet-stream");
        let blob = Blob {
            sha256: sha256.clone(),
            mime: mime.to_owned(),
            bytes: body.to_vec(),
            uploader,
        };
        let uploaded = Timestamp::now().as_secs();
        inner.stored.push(Stored { blob, uploaded });
    }
    let stored = inner.find(&sha256).expect("stored just now or before");
    axum::Json(descriptor(&fake.base, stored)).into_response()
}

/// BUD-02's blob descriptor. The URL has the extension of the blob's type, so that a note
/// which embeds it shows a picture.
fn descriptor(base: &str, stored: &Stored) -> serde_json::Value {
    let blob = &stored.blob;
    let url = match extension(&blob.mime) {
        Some(ext) => format!("{base}/{}.{ext}", blob.sha256),
        None => format!("{base}/{}", blob.sha256),
    };
    json!({
        "url": url,
        "sha256": blob.sha256,
        "size": blob.bytes.len(),
        "type": blob.mime,
        "uploaded": stored.uploaded,
    })
}

/// `HEAD /upload` (BUD-06): would an upload of this hash and size be taken? The same checks
/// as the upload's, the `x` tag against `X-SHA-256`. `X-Content-Type` is read by servers
/// that refuse some types; this one takes every type.
pub(crate) async fn upload_requirements(State(fake): State<Fake>, headers: HeaderMap) -> Response {
    let Some(sha256) = header_text(&headers, "x-sha-256") else {
        return refusal(StatusCode::BAD_REQUEST, "missing X-SHA-256");
    };
    if !is_sha256(sha256) {
        let reason = "X-SHA-256 is not a lowercase hex sha256";
        return refusal(StatusCode::BAD_REQUEST, reason);
    }
    let Some(length) = header_text(&headers, "x-content-length") else {
        return refusal(StatusCode::LENGTH_REQUIRED, "missing X-Content-Length");
    };
    let Ok(size) = length.parse::<usize>() else {
        let reason = "X-Content-Length is not a number of bytes";
        return refusal(StatusCode::BAD_REQUEST, reason);
    };
    let inner = fake.inner.lock().unwrap();
    match admit(&fake, &inner, &headers, sha256, size) {
        Ok(_) => StatusCode::OK.into_response(),
        Err(refused) => refused.into_response(),
    }
}

fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// `GET /<sha256>` and `GET /<sha256>.<ext>` (BUD-01); axum answers `HEAD` from it with
/// the same headers and no body, as BUD-01 asks.
pub(crate) async fn blob(State(fake): State<Fake>, Path(name): Path<String>) -> Response {
    // Whatever the extension, the blob is served as the type it was uploaded with.
    let sha256 = name.split_once('.').map_or(name.as_str(), |(hash, _)| hash);
    let inner = fake.inner.lock().unwrap();
    let Some(stored) = inner.find(sha256) else {
        return refusal(StatusCode::NOT_FOUND, "not found");
    };
    let blob = &stored.blob;
    (
        [(header::CONTENT_TYPE, blob.mime.clone())],
        blob.bytes.clone(),
    )
        .into_response()
}

/// BUD-01: every answer allows every origin, so web apps elsewhere can show the blobs.
pub(crate) async fn cross_origin(mut response: Response) -> Response {
    let anyone = HeaderValue::from_static("*");
    response
        .headers_mut()
        .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, anyone);
    response
}
