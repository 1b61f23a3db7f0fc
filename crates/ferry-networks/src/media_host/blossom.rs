//! A Blossom server (BUD-01/02): blobs stored by their SHA-256 and served at
//! `<server>/<sha256>.<ext>`, each upload allowed by a short-lived event signed with the
//! uploader's Nostr key. Where a person has one, their notes' pictures go there instead of the
//! S3 bucket.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::media_host::BlossomHost;
//! use ferry_networks::nostr::client::NostrKeys;
//! let host = BlossomHost::new("https://blossom.example", std::time::Duration::from_secs(30))?;
//! let put = host.put(&NostrKeys::generate(), vec![0xff, 0xd8], "image/jpeg").await?;
//! println!("{}", put.url); // https://blossom.example/<sha256>.jpg
//! # Ok(()) }
//! ```

use std::time::Duration;

use serde::Deserialize;
use sha2::{Digest, Sha256};
use url::Url;

use super::{NETWORK, Uploaded};
use crate::http::{
    ClientError, Effect, ResponseParts, classify_status, decode_json, parse_base_url, send,
    shared_client,
};
use crate::nostr::client::{NostrKeys, blossom_upload_auth};

#[derive(Debug, Clone)]
pub struct BlossomHost {
    http: reqwest::Client,
    base: Url,
}

/// What the server says it stored (BUD-02's blob descriptor).
#[derive(Deserialize)]
struct Descriptor {
    url: String,
    sha256: String,
}

impl BlossomHost {
    pub fn new(server: &str, timeout: Duration) -> Result<Self, ClientError> {
        Ok(BlossomHost {
            http: shared_client(NETWORK, timeout)?,
            base: parse_base_url(NETWORK, "Blossom server", server)?,
        })
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    /// Stores `bytes`, signed for by `keys`, and returns where the server serves it. The same
    /// bytes are the same blob, so a lost answer is simply retried.
    pub async fn put(
        &self,
        keys: &NostrKeys,
        bytes: Vec<u8>,
        mime: &str,
    ) -> Result<Uploaded, ClientError> {
        let sha256 = hex(&Sha256::digest(&bytes));
        let what = format!("uploading a picture to {}", self.host());
        let now = chrono::Utc::now().timestamp().max(0) as u64;
        let auth = blossom_upload_auth(keys, &sha256, now)?;
        let mut url = self.base.clone();
        url.set_path(&format!(
            "{}/upload",
            self.base.path().trim_end_matches('/')
        ));
        let request = self
            .http
            .put(url)
            .header("Authorization", auth)
            .header("Content-Type", mime)
            .header("Content-Length", bytes.len())
            .body(bytes);
        let answer = send(NETWORK, &what, Effect::Read, request).await?;
        if !answer.is_success() {
            return Err(self.refusal(&what, &answer));
        }
        let told: Descriptor = decode_json(NETWORK, &what, Effect::Read, &answer)?;
        if told.sha256 != sha256 {
            return Err(ClientError::InvalidResponse {
                network: NETWORK,
                what,
                detail: format!(
                    "the server says it stored {} but the picture's SHA-256 is {sha256}",
                    told.sha256
                ),
            });
        }
        let served = Url::parse(&told.url).map_err(|e| ClientError::InvalidResponse {
            network: NETWORK,
            what: what.clone(),
            detail: format!("the blob's address {:?} is not a URL ({e})", told.url),
        })?;
        if !matches!(served.scheme(), "https" | "http") {
            return Err(ClientError::InvalidResponse {
                network: NETWORK,
                what,
                detail: format!("the blob's address {served} is not a web address"),
            });
        }
        Ok(Uploaded {
            key: sha256.clone(),
            url: served.to_string(),
            sha256,
            mime: None,
            dim: None,
        })
    }

    /// Reads `url` back and compares it with `expected`: the server serves what it stored.
    pub async fn read_back(&self, url: &str, expected: &[u8]) -> Result<(), ClientError> {
        let what = format!("reading {url} back");
        let answer = send(NETWORK, &what, Effect::Read, self.http.get(url)).await?;
        if !answer.is_success() || answer.body != expected {
            return Err(ClientError::Rejected {
                network: NETWORK,
                what,
                status: Some(answer.status),
                detail: "the server does not serve the picture it says it stored; choose \
                         another Blossom server"
                    .into(),
            });
        }
        Ok(())
    }

    fn host(&self) -> String {
        self.base
            .host_str()
            .unwrap_or("the Blossom server")
            .to_owned()
    }

    /// Blossom servers say why in `X-Reason`; each refusal says what to do about it.
    fn refusal(&self, what: &str, answer: &ResponseParts) -> ClientError {
        let reason = answer
            .header("x-reason")
            .map(|r| r.chars().take(200).collect::<String>())
            .unwrap_or_else(|| format!("it answered {}", answer.status));
        let fix = match answer.status {
            401 | 403 => {
                "the server does not take uploads from this Nostr key; check that \
                          your account there allows it, or choose another Blossom server"
            }
            413 => {
                "the picture is larger than the server allows; make it smaller or choose \
                    another Blossom server"
            }
            415 => "the server does not take this kind of file",
            402 => "the server asks for payment before it stores files",
            _ => return classify_status(NETWORK, what, answer),
        };
        ClientError::Rejected {
            network: NETWORK,
            what: what.to_owned(),
            status: Some(answer.status),
            detail: format!("{reason}: {fix}"),
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
