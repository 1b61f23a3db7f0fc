//! `POST $api_url` (NIP-96 "Upload"): the `multipart/form-data` form, the checks in the
//! order the fake promises, and storing the file, transformed or not, delayed or not.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::routes::{CONTENT_TYPES, answer, essence, refusal};
use super::{Fake, Inner, Nip96File, Stored, auth};

/// What the fake's "transformation" appends to an uploaded file.
const TRANSFORMED_SUFFIX: &[u8; 16] = b"FAKE-TRANSFORMED";

/// The form fields the fake reads; NIP-96 lets servers ignore the others.
#[derive(Default)]
struct Form {
    /// The `file` part's bytes and `Content-Type`.
    file: Option<(Vec<u8>, String)>,
    caption: Option<String>,
    alt: Option<String>,
    size: Option<String>,
    content_type: Option<String>,
    no_transform: bool,
}

async fn read_form(multipart: Result<Multipart, MultipartRejection>) -> Result<Form, String> {
    let mut multipart = multipart.map_err(|e| format!("not multipart/form-data ({e})"))?;
    let mut form = Form::default();
    while let Some(field) = multipart.next_field().await.map_err(|e| e.to_string())? {
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            let mime = field.content_type().unwrap_or("application/octet-stream");
            let mime = mime.to_owned();
            let bytes = field.bytes().await.map_err(|e| e.to_string())?;
            form.file = Some((bytes.to_vec(), mime));
            continue;
        }
        let text = field.text().await.map_err(|e| e.to_string())?;
        match name.as_str() {
            "caption" => form.caption = Some(text),
            "alt" => form.alt = Some(text),
            "size" => form.size = Some(text),
            "content_type" => form.content_type = Some(text),
            "no_transform" => form.no_transform = text == "true",
            // `expiration` isn't honored (NIP-96: "isn't required to"), nor `media_type`.
            _ => {}
        }
    }
    Ok(form)
}

/// `POST $api_url`. The whole form is read first, so that a refusal never cuts a client
/// off mid-body; then the checks run in the order the fake promises.
pub(crate) async fn upload(
    State(fake): State<Fake>,
    uri: Uri,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let form = read_form(multipart).await;
    let mut inner = fake.inner.lock().unwrap();
    if let Some((status, message)) = inner.refuse_next.take() {
        return refusal(status, &message);
    }
    let url = auth::request_url(&fake.base, &uri);
    let admitted = match admit(&inner, &headers, &url, form) {
        Ok(admitted) => admitted,
        Err((status, why)) => return refusal(status, &why),
    };
    let ox = admitted.ox.clone();
    let status = store(&mut inner, admitted);
    let delay = inner.delay_next.take();
    let stored = inner.stored.iter_mut().find(|s| s.file.ox == ox);
    let stored = stored.expect("stored just now or before");
    let Some(polls) = delay else {
        return (status, axum::Json(answer(&fake.base, stored))).into_response();
    };
    (stored.polls_left, stored.polled) = (polls, 0);
    // NIP-96 "Delayed Processing": what isn't known before processing ends (`x`, `size`)
    // is left out, and the `processing_url` says when it is.
    let mut body = answer(&fake.base, stored);
    let tags = body["nip94_event"]["tags"].as_array_mut().expect("tags");
    tags.retain(|tag| tag[0] != "x" && tag[0] != "size");
    body["processing_url"] = format!("{}/processing/{ox}", fake.base).into();
    (StatusCode::ACCEPTED, axum::Json(body)).into_response()
}

/// An upload that passed every check.
struct Admitted {
    /// The signer's hex key.
    owner: String,
    ox: String,
    original: Vec<u8>,
    mime: String,
    /// The rest of the form, its `file` taken out.
    form: Form,
}

/// The checks after `refuse_next`, in order: NIP-98 (401), the key (403), the form (400),
/// the size (413), the declared type (400), the `payload` tag (403).
fn admit(
    inner: &Inner,
    headers: &HeaderMap,
    url: &str,
    form: Result<Form, String>,
) -> Result<Admitted, (StatusCode, String)> {
    let signer =
        auth::check(headers, "POST", url).map_err(|why| (StatusCode::UNAUTHORIZED, why))?;
    if inner
        .allowed
        .as_ref()
        .is_some_and(|only| *only != signer.pubkey)
    {
        let message = "pubkey not allowed to upload".to_owned();
        return Err((StatusCode::FORBIDDEN, message));
    }
    let mut form = form.map_err(|why| (StatusCode::BAD_REQUEST, why))?;
    let Some((original, mime)) = form.file.take() else {
        return Err((StatusCode::BAD_REQUEST, "missing file field".to_owned()));
    };
    // `size` is the client's early word on the size: a server may refuse on it alone.
    let said = match form.size.as_deref().map(str::parse::<usize>) {
        None => 0,
        Some(Ok(said)) => said,
        Some(Err(_)) => {
            let message = "size is not a number".to_owned();
            return Err((StatusCode::BAD_REQUEST, message));
        }
    };
    let max = inner.max_bytes;
    if original.len().max(said) > max {
        let message = format!("File size exceeds the limit of {max} bytes");
        return Err((StatusCode::PAYLOAD_TOO_LARGE, message));
    }
    // Only the declared `content_type` is checked against the list: the fake doesn't sniff
    // the bytes, and takes the `file` part's own type as given.
    let unlisted = |t: &&str| !CONTENT_TYPES.contains(&essence(t).as_str());
    if let Some(declared) = form.content_type.as_deref().filter(unlisted) {
        let message = format!("content type {declared} is not supported");
        return Err((StatusCode::BAD_REQUEST, message));
    }
    let ox = format!("{:x}", Sha256::digest(&original));
    // NIP-98 has the payload tag in hex (NIP-96 says "base64-encoded", but clients and
    // servers use NIP-98's hex).
    if signer.payload.is_some_and(|payload| payload != ox) {
        let message = "payload tag does not match the file's sha256".to_owned();
        return Err((StatusCode::FORBIDDEN, message));
    }
    let owner = signer.pubkey;
    Ok(Admitted {
        owner,
        ox,
        original,
        mime,
        form,
    })
}

/// Counts the upload and stores the file if it is new: 201 then, else 200. The same bytes
/// are the same file (NIP-96 names it by `ox`): a second upload keeps the first one's type,
/// owner and description.
fn store(inner: &mut Inner, admitted: Admitted) -> StatusCode {
    inner.uploads += 1;
    if inner.find(&admitted.ox).is_some() {
        return StatusCode::OK;
    }
    let Admitted {
        owner,
        ox,
        original,
        mime,
        form,
    } = admitted;
    let mut bytes = original.clone();
    if inner.transform {
        bytes.extend_from_slice(TRANSFORMED_SUFFIX);
    }
    let file = Nip96File {
        ox,
        x: format!("{:x}", Sha256::digest(&bytes)),
        mime,
        bytes,
        owner,
        caption: form.caption,
        alt: form.alt,
        no_transform: form.no_transform,
    };
    let stored = Stored {
        file,
        original,
        polls_left: 0,
        polled: 0,
    };
    inner.stored.push(stored);
    StatusCode::CREATED
}
