//! An S3-compatible bucket: `PutObject` through a presigned URL (SigV4, rusty-s3), the object
//! read back from the bucket's public address. The keys never leave this module except inside
//! a signature; the presigned URL, which carries a signature, never goes into an error.

use std::time::Duration;

use rusty_s3::{Bucket, Credentials, S3Action, UrlStyle};
use sha2::{Digest, Sha256};
use url::Url;

use super::NETWORK;
use crate::http::{
    ClientError, Effect, Secret, classify_status, parse_base_url, send, shared_client,
};

/// Where the bucket is and where its objects are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Config {
    /// The S3 API endpoint: `https://s3.eu-central-1.amazonaws.com`,
    /// `https://<account>.r2.cloudflarestorage.com`, `http://127.0.0.1:9000`.
    pub endpoint: String,
    pub bucket: String,
    /// `us-east-1`, `auto` (R2) …
    pub region: String,
    /// The public address objects are read from, without the key:
    /// `https://<bucket>.s3.amazonaws.com`, `https://pub-….r2.dev`, a CDN.
    pub public_url: String,
}

/// An object written: its key and public URL, and the SHA-256 of what is served there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uploaded {
    pub key: String,
    pub url: String,
    pub sha256: String,
    /// The served file's type, when a server changed it (a NIP-96 server may).
    pub mime: Option<String>,
    /// The served picture's width and height, when a server changed them.
    pub dim: Option<(u32, u32)>,
}

#[derive(Debug, Clone)]
pub struct S3Host {
    http: reqwest::Client,
    bucket: Bucket,
    credentials: Credentials,
    public: Url,
}

/// How long a presigned request stays valid: long enough for a slow upload, short enough
/// that a leaked URL is soon useless.
const SIGNED_FOR: Duration = Duration::from_secs(15 * 60);

impl S3Host {
    pub fn new(
        config: &S3Config,
        key_id: &Secret,
        secret: &Secret,
        timeout: Duration,
    ) -> Result<Self, ClientError> {
        let endpoint = parse_base_url(NETWORK, "S3 endpoint", &config.endpoint)?;
        let mut public = parse_base_url(NETWORK, "public address", &config.public_url)?;
        if !public.path().ends_with('/') {
            public.set_path(&format!("{}/", public.path()));
        }
        let invalid = |field: &str, detail: String| ClientError::InvalidInput {
            network: NETWORK,
            field: field.into(),
            detail,
        };
        let name = config.bucket.trim();
        let valid_name = (3..=63).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        if !valid_name {
            return Err(invalid(
                "bucket",
                format!("{name:?} is not a bucket name (3–63 of a-z, 0-9, '-' and '.')"),
            ));
        }
        let region = if config.region.trim().is_empty() {
            "us-east-1".to_owned()
        } else {
            config.region.trim().to_owned()
        };
        let bucket = Bucket::new(endpoint, UrlStyle::Path, name.to_owned(), region)
            .map_err(|e| invalid("S3 endpoint", e.to_string()))?;
        if key_id.expose().trim().is_empty() || secret.expose().is_empty() {
            return Err(invalid(
                "keys",
                "give the access key id and the secret key".into(),
            ));
        }
        Ok(S3Host {
            http: shared_client(NETWORK, timeout)?,
            bucket,
            credentials: Credentials::new(key_id.expose().trim(), secret.expose()),
            public,
        })
    }

    /// The public URL of `key`.
    pub fn public_url(&self, key: &str) -> String {
        self.public
            .join(key)
            .map(|u| u.to_string())
            .unwrap_or_else(|_| format!("{}{key}", self.public))
    }

    /// The object's name for `bytes`: `<sha256>.<ext>`. Known before the upload, so whoever
    /// needs the object can say so before it exists.
    pub fn key_for(bytes: &[u8], mime: &str) -> String {
        format!("{}.{}", hex(&Sha256::digest(bytes)), extension(mime))
    }

    /// Writes `bytes` as [`S3Host::key_for`] and returns its public URL. Writing the same
    /// bytes again writes the same object, so a lost answer is simply retried.
    pub async fn put(&self, bytes: Vec<u8>, mime: &str) -> Result<Uploaded, ClientError> {
        let sha256 = hex(&Sha256::digest(&bytes));
        let key = S3Host::key_for(&bytes, mime);
        let what = format!("PutObject {key} into {}", self.bucket.name());
        let url = rusty_s3::actions::PutObject::new(&self.bucket, Some(&self.credentials), &key)
            .sign(SIGNED_FOR);
        let request = self
            .http
            .put(url)
            .header("Content-Type", mime)
            .header("Content-Length", bytes.len())
            .body(bytes);
        let answer = send(NETWORK, &what, Effect::Read, request).await?;
        if !answer.is_success() {
            let err = classify_status(NETWORK, &what, &answer);
            return Err(match answer.status {
                401 | 403 => ClientError::Rejected {
                    network: NETWORK,
                    what,
                    status: Some(answer.status),
                    detail: format!(
                        "{err}; check the keys, and that they may write (s3:PutObject) to \
                         bucket {}",
                        self.bucket.name()
                    ),
                },
                404 => ClientError::Rejected {
                    network: NETWORK,
                    what,
                    status: Some(404),
                    detail: format!("there is no bucket {} at this endpoint", self.bucket.name()),
                },
                _ => err,
            });
        }
        Ok(Uploaded {
            url: self.public_url(&key),
            key,
            sha256,
            mime: None,
            dim: None,
        })
    }

    /// Deletes the object `key`. Deleting one that is already gone succeeds (S3 answers 204
    /// either way), so a lost answer is simply retried.
    pub async fn delete(&self, key: &str) -> Result<(), ClientError> {
        let what = format!("DeleteObject {key} from {}", self.bucket.name());
        let url = rusty_s3::actions::DeleteObject::new(&self.bucket, Some(&self.credentials), key)
            .sign(SIGNED_FOR);
        let answer = send(NETWORK, &what, Effect::Read, self.http.delete(url)).await?;
        match answer.status {
            200..=299 | 404 => Ok(()),
            401 | 403 => Err(ClientError::Rejected {
                network: NETWORK,
                what,
                status: Some(answer.status),
                detail: format!(
                    "the keys may not delete (s3:DeleteObject) from bucket {}; allow it, or \
                     turn off deleting pictures after posting",
                    self.bucket.name()
                ),
            }),
            _ => Err(classify_status(NETWORK, &what, &answer)),
        }
    }

    /// Reads `url` back and compares it with `expected`: the public address really serves
    /// what was written (a private bucket or a wrong public address is caught here).
    pub async fn read_back(&self, url: &str, expected: &[u8]) -> Result<(), ClientError> {
        let what = format!("reading {url} back");
        let answer = send(NETWORK, &what, Effect::Read, self.http.get(url)).await?;
        if !answer.is_success() {
            return Err(ClientError::Rejected {
                network: NETWORK,
                what,
                status: Some(answer.status),
                detail: format!(
                    "the public address answered {}: make the bucket's objects publicly \
                     readable, or give the address they are served from",
                    answer.status
                ),
            });
        }
        if answer.body != expected {
            return Err(ClientError::Rejected {
                network: NETWORK,
                what,
                status: None,
                detail: "the public address serves something else than what was written; \
                         check that it points at this bucket"
                    .into(),
            });
        }
        Ok(())
    }
}

fn extension(mime: &str) -> &'static str {
    match mime {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "text/plain" => "txt",
        _ => "bin",
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(bucket: &str) -> S3Config {
        S3Config {
            endpoint: "https://s3.eu-central-1.amazonaws.com".into(),
            bucket: bucket.into(),
            region: "eu-central-1".into(),
            public_url: "https://cdn.example/notes".into(),
        }
    }

    #[test]
    fn names_addresses_and_keys_are_checked_before_anything_is_sent() {
        let (id, key) = (
            Secret::new("AKIAEXAMPLE"),
            Secret::new("wJalrXUtnFEMI/K7MDENG"),
        );
        let host = S3Host::new(&config("ferry-notes"), &id, &key, Duration::from_secs(1)).unwrap();
        assert_eq!(
            host.public_url("ab.jpg"),
            "https://cdn.example/notes/ab.jpg"
        );
        for bad in ["Ferry_Notes", "ab", "渡口"] {
            let err = S3Host::new(&config(bad), &id, &key, Duration::from_secs(1)).unwrap_err();
            assert!(err.to_string().contains("not a bucket name"), "{err}");
        }
        let plain = S3Config {
            endpoint: "http://s3.example.com".into(),
            ..config("ferry-notes")
        };
        let err = S3Host::new(&plain, &id, &key, Duration::from_secs(1)).unwrap_err();
        assert!(err.to_string().contains("plain http://"), "{err}");
        let debug = format!("{host:?}");
        assert!(!debug.contains("wJalrXUtnFEMI"), "{debug}");
    }
}
