//! What each network accepts per image and per post.

use crate::mastodon::client::InstanceLimits;

/// Limits for one network (or one Mastodon instance). `None` means "no limit of its own".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaLimits {
    pub network: &'static str,
    pub max_bytes: Option<u64>,
    /// Width × height.
    pub max_pixels: Option<u64>,
    pub max_images: Option<usize>,
}

/// Mastodon's own defaults (16 MiB, 7680×4320 = 33,177,600 pixels) for instances that
/// don't state theirs.
const MASTODON_DEFAULT_BYTES: u64 = 16 * 1024 * 1024;
const MASTODON_DEFAULT_PIXELS: u64 = 33_177_600;

impl MediaLimits {
    /// Bluesky: `uploadBlob` for post images takes at most 2,000,000 bytes; 4 images a post.
    pub fn bluesky() -> Self {
        Self {
            network: "bluesky",
            max_bytes: Some(2_000_000),
            max_pixels: None,
            max_images: Some(4),
        }
    }

    /// Mastodon, from the instance's answer (cache it per account).
    pub fn mastodon(instance: &InstanceLimits) -> Self {
        Self {
            network: "mastodon",
            max_bytes: Some(instance.image_size_limit.unwrap_or(MASTODON_DEFAULT_BYTES)),
            max_pixels: Some(
                instance
                    .image_matrix_limit
                    .unwrap_or(MASTODON_DEFAULT_PIXELS),
            ),
            max_images: Some(instance.max_media_attachments as usize),
        }
    }

    /// Telegram's `sendPhoto`: "The photo must be at most 10 MB in size. The photo's width
    /// and height must not exceed 10000 in total"; an album holds 10.
    pub fn telegram() -> Self {
        Self {
            network: "telegram",
            max_bytes: Some(10_000_000),
            max_pixels: Some(5_000 * 5_000),
            max_images: Some(10),
        }
    }

    /// Threads: "JPEG and PNG, maximum 8 MB, width 320 to 1440 pixels" (larger ones are
    /// scaled down by Meta, so only the bytes bind here); a carousel holds 20.
    pub fn threads() -> Self {
        Self {
            network: "threads",
            max_bytes: Some(8 * 1024 * 1024),
            max_pixels: None,
            max_images: Some(20),
        }
    }

    /// X: "images 5 MB", four to a post (X scales large pictures down itself).
    pub fn x() -> Self {
        Self {
            network: "x",
            max_bytes: Some(5 * 1024 * 1024),
            max_pixels: None,
            max_images: Some(4),
        }
    }

    /// Nostr has no media limits of its own: images live on whatever host the note links.
    pub fn nostr() -> Self {
        Self {
            network: "nostr",
            max_bytes: None,
            max_pixels: None,
            max_images: None,
        }
    }
}
