//! The routes but the upload ([`super::upload`]): the discovery document, the upload's
//! `processing_url`, downloads at `$api_url/<ox>(.ext)` and `download_url/<ox>(.ext)`,
//! `DELETE $api_url/<ox>(.ext)`, and the CORS header on every answer.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::{Fake, Stored, auth};

/// The types the discovery document lists, and the only ones an upload may declare in
/// `content_type`.
pub(crate) const CONTENT_TYPES: [&str; 4] = ["image/jpeg", "image/png", "image/webp", "image/gif"];

/// A bolt11-looking invoice for 402s: NIP-96 requires one there; nothing pays it.
const PAYMENT_REQUEST: &str = "lnbc1fakeinvoice0nothingtopay";

/// NIP-96's error answer, `{"status": "error", "message": …}`; a 402's also carries the
/// `payment_request` NIP-96 requires with it.
pub(crate) fn refusal(status: StatusCode, message: &str) -> Response {
    let mut body = json!({ "status": "error", "message": message });
    if status == StatusCode::PAYMENT_REQUIRED {
        body["payment_request"] = PAYMENT_REQUEST.into();
    }
    (status, axum::Json(body)).into_response()
}

/// `GET /.well-known/nostr/nip96.json`: where the API is, what it takes, and the one plan.
pub(crate) async fn discovery(State(fake): State<Fake>) -> Response {
    // NIP-96: a delegating document has `api_url` empty and "all other fields must be absent".
    if let Some(to) = &fake.delegated_to {
        return axum::Json(json!({ "api_url": "", "delegated_to_url": to })).into_response();
    }
    let max_bytes = fake.inner.lock().unwrap().max_bytes;
    let base = &fake.base;
    axum::Json(json!({
        "api_url": format!("{base}/api/v2/media"),
        "download_url": format!("{base}/media"),
        "supported_nips": [94, 96, 98],
        "tos_url": format!("{base}/tos"),
        "content_types": CONTENT_TYPES,
        "plans": { "free": {
            "name": "Free",
            "is_nip98_required": true,
            "max_byte_size": max_bytes,
            "file_expiration": [0, 0],
            "media_transformations": { "image": ["resizing"] },
        }},
    }))
    .into_response()
}

/// The successful upload answer: the `nip94_event` with the URL under `download_url`,
/// with the extension of the file's type so that a note which embeds it shows a picture.
pub(crate) fn answer(base: &str, stored: &Stored) -> Value {
    let file = &stored.file;
    let url = match extension(&file.mime) {
        Some(ext) => format!("{base}/media/{}.{ext}", file.ox),
        None => format!("{base}/media/{}", file.ox),
    };
    json!({
        "status": "success",
        "message": "Upload successful.",
        "nip94_event": {
            "tags": [
                ["url", url],
                ["ox", file.ox],
                ["x", file.x],
                ["m", file.mime],
                ["size", file.bytes.len().to_string()],
            ],
            "content": file.caption.as_deref().unwrap_or(""),
        },
    })
}

/// `GET processing_url`: 200 "processing" while the upload's polls last, then 201 with
/// the full answer, which has no `processing_url` (NIP-96).
pub(crate) async fn processing(State(fake): State<Fake>, Path(ox): Path<String>) -> Response {
    let mut inner = fake.inner.lock().unwrap();
    let Some(stored) = inner.stored.iter_mut().find(|s| s.file.ox == ox) else {
        return refusal(StatusCode::NOT_FOUND, "no such upload");
    };
    if stored.polls_left == 0 {
        return (StatusCode::CREATED, axum::Json(answer(&fake.base, stored))).into_response();
    }
    stored.polls_left -= 1;
    stored.polled += 1;
    // Grows with each poll and never reaches 100 before the 201.
    let percentage = stored.polled * 100 / (stored.polled + stored.polls_left + 1);
    axum::Json(json!({
        "status": "processing",
        "message": "Processing. Please check again later for updated status.",
        "percentage": percentage,
    }))
    .into_response()
}

/// The `ox` a download or delete names: `<ox>` or `<ox>.<ext>`, whatever the extension.
fn ox_of(name: &str) -> &str {
    name.split_once('.').map_or(name, |(ox, _)| ox)
}

/// `GET $api_url/<ox>(.ext)` and `GET download_url/<ox>(.ext)` (NIP-96 "Download"); axum
/// answers `HEAD` from it too. The file is served as the type it was uploaded with, and
/// `?w=` (resizing) is ignored, which NIP-96 allows.
pub(crate) async fn download(State(fake): State<Fake>, Path(name): Path<String>) -> Response {
    let inner = fake.inner.lock().unwrap();
    let Some(stored) = inner.find(ox_of(&name)) else {
        return refusal(StatusCode::NOT_FOUND, "not found");
    };
    // NIP-96: "the server MUST serve the original file while the processing isn't done".
    let bytes = match stored.polls_left {
        0 => &stored.file.bytes,
        _ => &stored.original,
    };
    let mime = stored.file.mime.clone();
    ([(header::CONTENT_TYPE, mime)], bytes.clone()).into_response()
}

/// `DELETE $api_url/<ox>(.ext)` (NIP-96 "Deletion"): NIP-98-signed, by the owner only.
pub(crate) async fn delete(
    State(fake): State<Fake>,
    uri: Uri,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Response {
    let signer = match auth::check(&headers, "DELETE", &auth::request_url(&fake.base, &uri)) {
        Ok(signer) => signer,
        Err(why) => return refusal(StatusCode::UNAUTHORIZED, &why),
    };
    let mut inner = fake.inner.lock().unwrap();
    let ox = ox_of(&name);
    let Some(at) = inner.stored.iter().position(|s| s.file.ox == ox) else {
        return refusal(StatusCode::NOT_FOUND, "not found");
    };
    if inner.stored[at].file.owner != signer.pubkey {
        return refusal(StatusCode::FORBIDDEN, "only the file's owner can delete it");
    }
    inner.stored.remove(at);
    inner.deletes += 1;
    axum::Json(json!({ "status": "success", "message": "File deleted." })).into_response()
}

/// Every answer allows every origin, as Blossom servers' do, so web apps elsewhere can
/// show the files.
pub(crate) async fn cross_origin(mut response: Response) -> Response {
    let anyone = HeaderValue::from_static("*");
    response
        .headers_mut()
        .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, anyone);
    response
}

/// The extension a file's URL gets for its MIME type, so a post that embeds the URL shows
/// a picture; none for other types.
pub(crate) fn extension(mime: &str) -> Option<&'static str> {
    match essence(mime).as_str() {
        "image/jpeg" => Some("jpg"),
        "image/png" => Some("png"),
        "image/webp" => Some("webp"),
        "image/gif" => Some("gif"),
        _ => None,
    }
}

/// A MIME type without its parameters, lowercase: `Image/PNG; q=1` is `image/png`.
pub(crate) fn essence(mime: &str) -> String {
    let essence = mime.split(';').next().unwrap_or("");
    essence.trim().to_ascii_lowercase()
}
