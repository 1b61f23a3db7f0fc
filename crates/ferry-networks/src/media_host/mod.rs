//! Public hosts for pictures, for networks that take image URLs instead of uploads: Nostr
//! notes link their pictures (NIP-92 `imeta` tags), Threads fetches them from their URL.
//! Today: an S3-compatible bucket the person
//! configures (AWS S3, Cloudflare R2, Backblaze B2, MinIO), objects named by their content's
//! SHA-256 so an upload repeated after a lost answer writes the same object; and, for a Nostr
//! account that has one, its Blossom server ([`BlossomHost`], uploads signed with the
//! account's key), or its NIP-96 server ([`Nip96Host`], found through its
//! `/.well-known/nostr/nip96.json`, uploads signed with NIP-98).
//!
//! ```no_run
//! # async fn demo() -> Result<(), ferry_networks::http::ClientError> {
//! use ferry_networks::http::Secret;
//! use ferry_networks::media_host::{S3Config, S3Host};
//! let host = S3Host::new(
//!     &S3Config {
//!         endpoint: "https://<account>.r2.cloudflarestorage.com".into(),
//!         bucket: "notes".into(),
//!         region: "auto".into(),
//!         public_url: "https://pub-1234.r2.dev".into(),
//!     },
//!     &Secret::new("key id"),
//!     &Secret::new("secret key"),
//!     std::time::Duration::from_secs(30),
//! )?;
//! let put = host.put(vec![0xff, 0xd8], "image/jpeg").await?;
//! println!("{}", put.url); // https://pub-1234.r2.dev/<sha256>.jpg
//! # Ok(()) }
//! ```

mod blossom;
mod nip96;
mod s3;

pub use blossom::BlossomHost;
pub use nip96::Nip96Host;
pub use s3::{S3Config, S3Host, Uploaded};

/// The name errors carry.
pub const NETWORK: &str = "media host";
