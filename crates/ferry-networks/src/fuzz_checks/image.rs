//! An image file as a person attaches it, through `media::prepare_nth` with the limits of
//! Bluesky, Nostr, or a tight made-up network (the last byte picks; tight limits reach the
//! quality and shrinking loop). Checks: what comes out is a PNG or JPEG that decodes to the
//! size it claims, within the byte and pixel limits, with no EXIF left, and keeps its alt
//! text; a header past `MAX_DECODE_PIXELS` is refused before any pixel is decoded.
//!
//! Headers between 1 and 250 megapixels are skipped: preparing them is correct but takes
//! seconds and gigabytes, which would stall the fuzzer, not find bugs.

use std::io::Cursor;

use crate::media::{MAX_DECODE_PIXELS, MediaError, MediaLimits, prepare_nth};
use image::{ImageFormat, ImageReader};

const FUZZ_MAX_PIXELS: u64 = 1 << 20;

/// Panics when `data` breaks what the module's docs promise.
pub fn check(data: &[u8]) {
    let Some(&pick) = data.last() else {
        return;
    };
    let Some((width, height)) = ImageReader::new(Cursor::new(data))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_dimensions().ok())
    else {
        // Not an image the reader can size: preparing it must fail cleanly, fast.
        let _ = prepare_nth(0, data, "alt", &MediaLimits::nostr());
        return;
    };
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_DECODE_PIXELS {
        let refused = prepare_nth(0, data, "alt", &MediaLimits::nostr());
        assert!(
            matches!(refused, Err(MediaError::TooManyPixels { .. })),
            "{refused:?}"
        );
        return;
    }
    if pixels > FUZZ_MAX_PIXELS {
        return;
    }
    let limits = match pick % 3 {
        0 => MediaLimits::bluesky(),
        1 => MediaLimits::nostr(),
        _ => MediaLimits {
            network: "tight",
            max_bytes: Some(200 + 40 * u64::from(pick)),
            max_pixels: Some(64 * 64),
            max_images: Some(1),
        },
    };
    let alt = "渡 ferry 👩‍👩‍👧";
    let Ok(ready) = prepare_nth(0, data, alt, &limits) else {
        return;
    };
    assert_eq!(ready.alt, alt);
    let format = match ready.mime {
        "image/png" => ImageFormat::Png,
        "image/jpeg" => ImageFormat::Jpeg,
        other => panic!("prepared as {other}"),
    };
    assert_eq!(image::guess_format(&ready.bytes).unwrap(), format);
    let decoded = image::load_from_memory_with_format(&ready.bytes, format).unwrap();
    assert_eq!(
        (decoded.width(), decoded.height()),
        (ready.width, ready.height)
    );
    if let Some(max) = limits.max_bytes {
        assert!(
            ready.bytes.len() as u64 <= max,
            "{} bytes over {max}",
            ready.bytes.len()
        );
    }
    if let Some(max) = limits.max_pixels {
        assert!(u64::from(ready.width) * u64::from(ready.height) <= max);
    }
    for metadata in [&b"Exif\0\0"[..], b"eXIf"] {
        assert!(
            !ready.bytes.windows(metadata.len()).any(|w| w == metadata),
            "metadata kept"
        );
    }
}
