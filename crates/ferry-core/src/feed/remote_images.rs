//! The images feed items name (authors' avatars, attached photos), fetched by the engine and
//! kept in a disk cache, for the shell to serve through its own protocol. The window asks for
//! "item 42's avatar" or "item 42's second image", never for an address: a hostile item can't
//! make Ferry fetch anything it didn't name itself, and the webview never calls out.
//!
//! ```no_run
//! # async fn demo(feeds: ferry_core::feed::Feeds) -> Result<(), ferry_core::feed::FeedError> {
//! use ferry_core::feed::ItemImage;
//! let image = feeds.item_image(42, ItemImage::Media(0)).await?;
//! println!("{} bytes of {}", image.bytes.len(), image.media_type);
//! # Ok(()) }
//! ```
//!
//! - Only PNG, JPEG, GIF and WebP, decided by sniffing the bytes (never the server's
//!   `Content-Type`; no SVG, which can carry script), at most
//!   [`ferry_networks::rss::MAX_IMAGE_BYTES`] and [`ferry_networks::media::MAX_DECODE_PIXELS`].
//! - The cache, `<data dir>/feed-images/`, names files by the SHA-256 of their address; it
//!   keeps at most [`CACHE_MAX_BYTES`], dropping the least recently written first. It survives
//!   restarts, so the feed shows its images offline once seen.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Feeds;
use super::error::FeedError;
use crate::media::sniff::sniff;

/// The cache's size cap; trimmed to [`CACHE_TRIM_TO`] when a write passes it.
pub const CACHE_MAX_BYTES: u64 = 256 * 1024 * 1024;
const CACHE_TRIM_TO: u64 = 192 * 1024 * 1024;

/// Which image of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemImage {
    Avatar,
    /// The n-th attachment (0-based), when it is an image.
    Media(usize),
}

impl ItemImage {
    /// `avatar` or the attachment's index: the last part of the shell's image address.
    pub fn parse(text: &str) -> Option<ItemImage> {
        match text {
            "avatar" => Some(ItemImage::Avatar),
            n if !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()) => {
                n.parse().ok().map(ItemImage::Media)
            }
            _ => None,
        }
    }

    fn describe(self) -> String {
        match self {
            ItemImage::Avatar => "the author's avatar".into(),
            ItemImage::Media(n) => format!("attachment {}", n + 1),
        }
    }
}

/// An image ready to serve.
#[derive(Debug, Clone)]
pub struct FetchedImage {
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

impl Feeds {
    /// The image, from the cache or fetched now (see the module docs).
    pub async fn item_image(&self, item: i64, which: ItemImage) -> Result<FetchedImage, FeedError> {
        let refuse = |reason: String| FeedError::NoImage {
            item,
            what: which.describe(),
            reason,
        };
        let url = self.image_address(item, which).await?;
        let url = url::Url::parse(&url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .ok_or_else(|| refuse("its address is not http(s)".into()))?;
        let dir = self.store.data_dir().join("feed-images");
        let path = dir.join(hex::encode(Sha256::digest(url.as_str().as_bytes())));
        if let Ok(bytes) = tokio::fs::read(&path).await
            && let Ok(info) = sniff(&bytes)
        {
            return Ok(FetchedImage {
                media_type: info.media_type,
                bytes,
            });
        }
        let bytes = self
            .client
            .fetch_image(&url)
            .await
            .map_err(|e| refuse(e.to_string()))?;
        let info = sniff(&bytes)
            .map_err(|why| refuse(format!("the server sent something else: {why}")))?;
        // A failed cache write costs only a second fetch later.
        if let Err(err) = write_cached(&dir, &path, &bytes).await {
            tracing::warn!(%err, "feed image cache: not written");
        }
        Ok(FetchedImage {
            media_type: info.media_type,
            bytes,
        })
    }

    async fn image_address(&self, item: i64, which: ItemImage) -> Result<String, FeedError> {
        let row: Option<(Option<String>, String)> =
            sqlx::query_as("SELECT author_avatar, media_json FROM feed_items WHERE id = ?")
                .bind(item)
                .fetch_optional(&self.store.pool)
                .await
                .map_err(|e| self.store.db_err(e))?;
        let (avatar, media) = row.ok_or(FeedError::NoItem { id: item })?;
        let missing = |reason: &str| FeedError::NoImage {
            item,
            what: which.describe(),
            reason: reason.into(),
        };
        match which {
            ItemImage::Avatar => avatar.ok_or_else(|| missing("the item has no avatar")),
            ItemImage::Media(n) => {
                let media: Vec<super::ItemMedia> = serde_json::from_str(&media).unwrap_or_default();
                let entry = media
                    .get(n)
                    .ok_or_else(|| missing("the item has no such attachment"))?;
                if entry.kind != "image" {
                    return Err(missing(&format!("it is a {}, not an image", entry.kind)));
                }
                Ok(entry.url.clone())
            }
        }
    }
}

/// Writes through a temporary file and a rename, so a crash never leaves half an image under
/// a name the cache would serve; then trims the cache when it passed its cap.
async fn write_cached(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let partial = path.with_extension("partial");
    tokio::fs::write(&partial, bytes).await?;
    tokio::fs::rename(&partial, path).await?;
    let dir = dir.to_owned();
    tokio::task::spawn_blocking(move || trim(&dir, CACHE_MAX_BYTES, CACHE_TRIM_TO))
        .await
        .map_err(std::io::Error::other)?
}

/// Deletes the least recently written files until the folder holds at most `to` bytes, when
/// it holds more than `max`.
fn trim(dir: &Path, max: u64, to: u64) -> std::io::Result<()> {
    let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let meta = entry.metadata().ok().filter(|m| m.is_file())?;
            Some((meta.modified().ok()?, meta.len(), entry.path()))
        })
        .collect();
    let mut total: u64 = files.iter().map(|(_, len, _)| len).sum();
    if total <= max {
        return Ok(());
    }
    files.sort();
    for (_, len, path) in files {
        if total <= to {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            total -= len;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_avatar_and_small_indexes_name_an_image() {
        assert_eq!(ItemImage::parse("avatar"), Some(ItemImage::Avatar));
        assert_eq!(ItemImage::parse("0"), Some(ItemImage::Media(0)));
        assert_eq!(ItemImage::parse("12"), Some(ItemImage::Media(12)));
        for bad in ["", "-1", "1e3", "9999", "../x", "avatar/..", "https://x"] {
            assert_eq!(ItemImage::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn trimming_drops_the_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        for (n, name) in ["old", "mid", "new"].iter().enumerate() {
            let path = dir.path().join(name);
            std::fs::write(&path, vec![0u8; 100]).unwrap();
            let when = std::time::SystemTime::UNIX_EPOCH
                + std::time::Duration::from_secs(1_000 + n as u64);
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(when)
                .unwrap();
        }
        trim(dir.path(), 250, 150).unwrap();
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, ["new"]);
        trim(dir.path(), 250, 150).unwrap();
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "under the cap: nothing goes"
        );
    }
}
