//! Images made ready for a network before upload: orientation applied, all metadata (EXIF
//! with its GPS location, camera serials, …) dropped by re-encoding, size brought under the
//! network's limits, alt text kept with the image.
//!
//! ```no_run
//! use ferry_networks::media::{MediaLimits, prepare_image};
//! # fn demo(photo: &[u8]) -> Result<(), ferry_networks::media::MediaError> {
//! let ready = prepare_image(photo, "A ferry crossing at dusk", &MediaLimits::bluesky())?;
//! // ready.bytes / ready.mime go to uploadBlob; ready.width / ready.height to aspectRatio
//! # Ok(()) }
//! ```
//!
//! Limits: Bluesky 2,000,000 bytes and 4 images per post; Mastodon what the instance says
//! (`configuration.media_attachments.image_size_limit` / `image_matrix_limit`, 4 images by
//! default); Nostr none of its own — notes link images hosted elsewhere, and Ferry still
//! strips metadata but leaves the size to the host.

mod error;
mod limits;
mod prepare;

pub use error::MediaError;
pub use limits::MediaLimits;
pub use prepare::{
    MAX_DECODE_PIXELS, PreparedImage, check_decodable, check_image_count, prepare_image,
    prepare_nth,
};
