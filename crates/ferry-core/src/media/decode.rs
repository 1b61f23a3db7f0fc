//! Decoding a picture Ferry did not make (an attachment, a feed's image) with a memory cap, so
//! a small file that claims a huge size can't take the machine's memory. JPEG and PNG only:
//! the decoders this build has (GIF and WebP are sniffed and sized elsewhere, not decoded).

use std::io::Cursor;

/// What decoding one picture may allocate: a 12,000 × 10,000 RGBA picture is 480 MB.
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// The picture in `bytes`, or `None` when it is not a JPEG or PNG this build reads, is broken,
/// or would need more than the cap.
pub(crate) fn decode_capped(bytes: &[u8]) -> Option<image::DynamicImage> {
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    reader.decode().ok()
}
