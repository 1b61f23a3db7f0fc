//! The public host pictures are uploaded to for networks that link them instead of taking
//! uploads — Nostr notes, through NIP-92 `imeta` tags. One per data folder: an S3-compatible
//! bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO) whose objects are publicly readable.
//! Its address is a row in SQLite; its keys are in the keychain. Optionally, pictures only
//! Threads needed are deleted once their posts are done (`sweep.rs`).
//!
//! ```no_run
//! # async fn demo(accounts: ferry_core::accounts::Accounts) -> Result<(), ferry_core::media_host::MediaHostError> {
//! use ferry_core::media_host::AddS3Host;
//! let host = accounts.add_s3_media_host(AddS3Host {
//!     endpoint: "https://<account>.r2.cloudflarestorage.com".into(),
//!     bucket: "notes".into(),
//!     region: "auto".into(),
//!     public_url: "https://pub-1234.r2.dev".into(),
//!     access_key_id: "…".into(),
//!     secret_access_key: "…".into(),
//!     delete_after_post: false,
//! }).await?; // writes a small check file and reads it back from the public address
//! println!("pictures go to {}", host.public_url);
//! # Ok(()) }
//! ```

mod rows;
mod sweep;
mod uses;

pub(crate) use uses::Uploader;

use chrono::{DateTime, Utc};
use ferry_macros::Coded;
use ferry_networks::http::ClientError;
use ferry_networks::media_host::{S3Config, S3Host};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::accounts::Accounts;
use crate::error::StoreError;
use crate::secrets::{Secret, SecretKey, SecretKind, SecretsError};

/// The media host as the settings screen and `ferry media-host show --json` see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MediaHost {
    pub id: String,
    /// `s3`.
    pub kind: String,
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub public_url: String,
    /// Pictures a network copies when the post is made (Threads) are deleted from the bucket
    /// once every post using them is done; pictures a Nostr note links are always kept.
    pub delete_after_post: bool,
    pub created_at: DateTime<Utc>,
}

/// Setting up an S3-compatible bucket. `Debug` never shows the keys.
#[derive(Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AddS3Host {
    pub endpoint: String,
    pub bucket: String,
    #[serde(default)]
    pub region: String,
    /// Where the bucket's objects are publicly read, without the object's name.
    pub public_url: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    /// See [`MediaHost::delete_after_post`]; off unless asked.
    #[serde(default)]
    pub delete_after_post: bool,
}

impl std::fmt::Debug for AddS3Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddS3Host")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("public_url", &self.public_url)
            .field("delete_after_post", &self.delete_after_post)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error, Coded)]
pub enum MediaHostError {
    #[error(transparent)]
    #[code(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    #[code(transparent)]
    Secrets(#[from] SecretsError),

    #[error("{0}")]
    #[code(transparent)]
    Network(#[from] ClientError),

    #[error(
        "the media host's keys are not in the keychain; set the host up again \
         (`ferry media-host add s3 …`)"
    )]
    #[code("media_host.missing_secret")]
    MissingSecret,
}

/// The small file written and read back when a host is set up.
const CHECK: &[u8] = b"Ferry checks that this bucket takes uploads and serves them publicly.\n";

impl Accounts {
    /// Checks the bucket (a small file written, then read back from the public address),
    /// then keeps it as the media host, replacing the one before.
    pub async fn add_s3_media_host(&self, add: AddS3Host) -> Result<MediaHost, MediaHostError> {
        let config = S3Config {
            endpoint: add.endpoint.trim().to_owned(),
            bucket: add.bucket.trim().to_owned(),
            region: add.region.trim().to_owned(),
            public_url: add.public_url.trim().to_owned(),
        };
        let (key_id, secret) = (
            ferry_networks::http::Secret::new(add.access_key_id.trim()),
            ferry_networks::http::Secret::new(add.secret_access_key.trim()),
        );
        let host = S3Host::new(&config, &key_id, &secret, self.timeout)?;
        let put = host.put(CHECK.to_vec(), "text/plain").await?;
        host.read_back(&put.url, CHECK).await?;
        let old = self.store.media_host().await?;
        let id = uuid::Uuid::now_v7().to_string();
        self.secrets
            .set(
                &SecretKey::new(&id, SecretKind::S3KeyId)?,
                Secret::new(key_id.expose()),
            )
            .await?;
        self.secrets
            .set(
                &SecretKey::new(&id, SecretKind::S3Secret)?,
                Secret::new(secret.expose()),
            )
            .await?;
        let added = self
            .store
            .replace_media_host(&id, &config, add.delete_after_post)
            .await?;
        if let Some(old) = old {
            self.secrets.delete_account(&old.id).await?;
        }
        Ok(added)
    }

    /// Forgets the media host and its keys. `false` when there was none.
    pub async fn remove_media_host(&self) -> Result<bool, MediaHostError> {
        let Some(host) = self.store.media_host().await? else {
            return Ok(false);
        };
        self.secrets.delete_account(&host.id).await?;
        self.store.delete_media_host().await?;
        Ok(true)
    }

    /// Turns deleting pictures after posting on or off; `None` when no host is set up.
    pub async fn set_media_host_delete_after_post(
        &self,
        on: bool,
    ) -> Result<Option<MediaHost>, MediaHostError> {
        Ok(self.store.set_media_host_delete_after_post(on).await?)
    }

    /// The media host, ready to upload to; `None` when none is set up.
    pub(crate) async fn media_uploader(&self) -> Result<Option<Uploader>, MediaHostError> {
        let Some(host) = self.store.media_host().await? else {
            return Ok(None);
        };
        let get = async |kind| {
            self.secrets
                .get(&SecretKey::new(&host.id, kind)?)
                .await?
                .ok_or(MediaHostError::MissingSecret)
        };
        let key_id = get(SecretKind::S3KeyId).await?;
        let secret = get(SecretKind::S3Secret).await?;
        let config = S3Config {
            endpoint: host.endpoint,
            bucket: host.bucket,
            region: host.region,
            public_url: host.public_url,
        };
        let s3 = S3Host::new(
            &config,
            &ferry_networks::http::Secret::new(key_id.expose()),
            &ferry_networks::http::Secret::new(secret.expose()),
            self.timeout,
        )?;
        Ok(Some(Uploader {
            host_id: host.id,
            s3,
        }))
    }
}
