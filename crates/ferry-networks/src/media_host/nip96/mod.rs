//! A NIP-96 media server ("HTTP File Storage Integration"): the server publishes its upload
//! address in `/.well-known/nostr/nip96.json`; files are `POST`ed there as multipart form
//! data, each request signed with the uploader's Nostr key (NIP-98), and answered with a
//! NIP-94 description of the stored file (its URL, the original file's SHA-256 `ox`, the
//! served file's `x`). Ferry asks `no_transform`, so the picture served is the one prepared;
//! a server that transforms it anyway is believed about the result (`x`, `m`, `dim`).
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::media_host::Nip96Host;
//! use ferry_networks::nostr::client::NostrKeys;
//! let timeout = std::time::Duration::from_secs(30);
//! let Some(host) = Nip96Host::discover("https://files.example", timeout).await? else {
//!     return Ok(()); // not a NIP-96 server: perhaps a Blossom one
//! };
//! let put = host.put(&NostrKeys::generate(), vec![0xff, 0xd8], "image/jpeg", "a harbour").await?;
//! println!("{}", put.url);
//! # Ok(()) }
//! ```

mod answer;

use std::time::Duration;

use reqwest::multipart::{Form, Part};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use url::Url;

use super::{NETWORK, Uploaded};
use crate::http::{ClientError, Effect, parse_base_url, send, shared_client};
use crate::nostr::client::{NostrKeys, http_auth};
use answer::{Described, described, refusal};

/// How often, and how many times, a file still "processing" is asked about before its first
/// address (which NIP-96 says is served meanwhile) is taken as it is.
const POLL_EVERY: Duration = Duration::from_millis(500);
const POLLS: usize = 10;

#[derive(Debug, Clone)]
pub struct Nip96Host {
    http: reqwest::Client,
    /// Where files are uploaded to (`api_url`).
    api: Url,
}

/// The server's `/.well-known/nostr/nip96.json`, as far as Ferry reads it.
#[derive(Deserialize)]
struct Discovery {
    #[serde(default)]
    api_url: String,
    #[serde(default)]
    delegated_to_url: Option<String>,
}

impl Nip96Host {
    /// The NIP-96 server at `server`, or `None` when it publishes no NIP-96 document (it may be
    /// a Blossom server). A relay that delegates to a file server is followed, once.
    pub async fn discover(server: &str, timeout: Duration) -> Result<Option<Self>, ClientError> {
        let http = shared_client(NETWORK, timeout)?;
        let mut at = parse_base_url(NETWORK, "media server", server)?;
        for _ in 0..2 {
            let Some(found) = discovery(&http, &at).await? else {
                return Ok(None);
            };
            if !found.api_url.trim().is_empty() {
                let api = parse_base_url(NETWORK, "NIP-96 api_url", found.api_url.trim())?;
                return Ok(Some(Nip96Host { http, api }));
            }
            let Some(next) = found.delegated_to_url.filter(|u| !u.trim().is_empty()) else {
                return Ok(None);
            };
            at = parse_base_url(NETWORK, "NIP-96 delegated_to_url", next.trim())?;
        }
        Err(ClientError::InvalidResponse {
            network: NETWORK,
            what: format!("reading {}'s NIP-96 document", host_of(&at)),
            detail: "it delegates to a server that delegates again".into(),
        })
    }

    pub fn api_url(&self) -> &Url {
        &self.api
    }

    /// Stores `bytes` (with its alt text), signed for by `keys`, and returns where the server
    /// serves it. The server names files by their SHA-256, so a lost answer is simply retried.
    pub async fn put(
        &self,
        keys: &NostrKeys,
        bytes: Vec<u8>,
        mime: &str,
        alt: &str,
    ) -> Result<Uploaded, ClientError> {
        let sha256 = hex(&Sha256::digest(&bytes));
        let what = format!("uploading a picture to {}", host_of(&self.api));
        let now = chrono::Utc::now().timestamp().max(0) as u64;
        let auth = http_auth(keys, self.api.as_str(), "POST", Some(&sha256), now)?;
        let file = Part::bytes(bytes.clone())
            .file_name(format!("{sha256}{}", extension(mime)))
            .mime_str(mime)
            .map_err(|e| ClientError::InvalidInput {
                network: NETWORK,
                field: "picture".into(),
                detail: format!("{mime:?} is not a MIME type ({e})"),
            })?;
        let mut form = Form::new()
            .text("size", bytes.len().to_string())
            .text("content_type", mime.to_owned())
            .text("no_transform", "true");
        if !alt.trim().is_empty() {
            form = form.text("alt", alt.to_owned());
        }
        let request = self
            .http
            .post(self.api.clone())
            .header("Authorization", auth)
            .multipart(form.part("file", file));
        let answer = send(NETWORK, &what, Effect::Read, request).await?;
        if !answer.is_success() {
            return Err(refusal(&what, &answer));
        }
        let mut told = described(&what, &answer)?;
        let mut polls = 0;
        while let (Some(processing), true) = (told.processing_url.clone(), polls < POLLS) {
            polls += 1;
            tokio::time::sleep(POLL_EVERY).await;
            let answer = send(NETWORK, &what, Effect::Read, self.http.get(processing)).await?;
            if answer.status == 201 {
                told = described(&what, &answer)?;
            } else if !answer.is_success() {
                return Err(refusal(&what, &answer));
            }
        }
        uploaded(&what, told, sha256)
    }

    /// Reads `url` back and checks it is the file whose SHA-256 is `sha256`.
    pub async fn read_back(&self, url: &str, sha256: &str) -> Result<(), ClientError> {
        let what = format!("reading {url} back");
        let answer = send(NETWORK, &what, Effect::Read, self.http.get(url)).await?;
        if !answer.is_success() || hex(&Sha256::digest(&answer.body)) != sha256 {
            return Err(ClientError::Rejected {
                network: NETWORK,
                what,
                status: Some(answer.status),
                detail: "the server does not serve the picture it says it stored; choose \
                         another media server"
                    .into(),
            });
        }
        Ok(())
    }
}

/// The NIP-96 document at `server`'s root, or `None` when there is none (any refusal, or an
/// answer that isn't the document: many sites answer every path with their home page).
async fn discovery(http: &reqwest::Client, server: &Url) -> Result<Option<Discovery>, ClientError> {
    let mut url = server.clone();
    url.set_path("/.well-known/nostr/nip96.json");
    url.set_query(None);
    let what = format!("reading {}'s NIP-96 document", host_of(server));
    let answer = send(NETWORK, &what, Effect::Read, http.get(url)).await?;
    if !answer.is_success() {
        return Ok(None);
    }
    Ok(serde_json::from_slice::<Discovery>(&answer.body).ok())
}

/// The upload as Ferry links it: the served file's hash and type where the server changed it.
fn uploaded(what: &str, told: Described, sha256: String) -> Result<Uploaded, ClientError> {
    if told.ox != sha256 {
        return Err(ClientError::InvalidResponse {
            network: NETWORK,
            what: what.to_owned(),
            detail: format!(
                "the server says it stored {} but the picture's SHA-256 is {sha256}",
                told.ox
            ),
        });
    }
    Ok(Uploaded {
        key: sha256,
        url: told.url,
        sha256: told.x.unwrap_or(told.ox),
        mime: told.mime,
        dim: told.dim,
    })
}

fn extension(mime: &str) -> &'static str {
    match mime {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        _ => "",
    }
}

fn host_of(url: &Url) -> String {
    url.host_str().unwrap_or("the media server").to_owned()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
