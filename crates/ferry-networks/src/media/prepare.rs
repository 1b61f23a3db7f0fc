//! Decode, orient, shrink, re-encode.
//!
//! Re-encoding is what strips metadata: the encoders write pixels only, so no EXIF (GPS,
//! camera serial, time) survives, and the EXIF orientation is applied to the pixels first so
//! the picture still stands the right way up without its tag. JPEG stays JPEG; PNG stays PNG
//! when that fits (screenshots, transparency), else becomes JPEG. A little too big → lower
//! JPEG quality; far too big → fewer pixels (estimated from the size), until it fits or gets
//! unreasonably small.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::error::MediaError;
use super::limits::MediaLimits;

/// An image ready to upload, with its alt text.
#[derive(Debug, Clone)]
pub struct PreparedImage {
    pub bytes: Vec<u8>,
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

const QUALITIES: [u8; 4] = [90, 82, 74, 66];
/// Below this longest side an image is no longer worth posting; refuse instead.
const MIN_LONG_SIDE: u32 = 320;

/// Refuses more images than the network allows in one post.
pub fn check_image_count(count: usize, limits: &MediaLimits) -> Result<(), MediaError> {
    match limits.max_images {
        Some(limit) if count > limit => Err(MediaError::TooMany {
            network: limits.network,
            count,
            limit,
        }),
        _ => Ok(()),
    }
}

/// Prepares image number `index` (0-based, for messages) of a post.
pub fn prepare_image(
    bytes: &[u8],
    alt: &str,
    limits: &MediaLimits,
) -> Result<PreparedImage, MediaError> {
    prepare_nth(0, bytes, alt, limits)
}

/// As [`prepare_image`], naming the image's place in the post in errors.
/// The largest image Ferry decodes, in pixels (250 megapixels: above the largest phone camera's
/// 200). Decoding needs about 4 bytes a pixel, so this bounds one image at about 1 GB.
pub const MAX_DECODE_PIXELS: u64 = 250_000_000;

/// Refuses an image whose header claims more pixels than Ferry decodes.
pub fn check_decodable(index: usize, width: u32, height: u32) -> Result<(), MediaError> {
    if u64::from(width) * u64::from(height) > MAX_DECODE_PIXELS {
        return Err(MediaError::TooManyPixels {
            index,
            width,
            height,
            limit: MAX_DECODE_PIXELS,
        });
    }
    Ok(())
}

pub fn prepare_nth(
    index: usize,
    bytes: &[u8],
    alt: &str,
    limits: &MediaLimits,
) -> Result<PreparedImage, MediaError> {
    let format = image::guess_format(bytes).map_err(|_| MediaError::Unsupported {
        index,
        detail: "not a JPEG or PNG image".into(),
    })?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png) {
        return Err(MediaError::Unsupported {
            index,
            detail: format!("{format:?} images are not supported yet; use JPEG or PNG"),
        });
    }
    let undecodable = |e: image::ImageError| MediaError::Undecodable {
        index,
        detail: e.to_string(),
    };
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), format)
        .into_decoder()
        .map_err(undecodable)?;
    // The header's size is checked before a single pixel is decoded: a 65,000 × 65,000 JPEG
    // header would otherwise ask for ~12 GB, and a failed allocation aborts the process.
    let (width, height) = decoder.dimensions();
    check_decodable(index, width, height)?;
    let orientation = decoder.orientation().map_err(undecodable)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(undecodable)?;
    img.apply_orientation(orientation);

    if let Some(max) = limits.max_pixels {
        let pixels = u64::from(img.width()) * u64::from(img.height());
        if pixels > max {
            let scale = (max as f64 / pixels as f64).sqrt();
            img = shrink(&img, scale);
        }
    }

    let fits = |len: usize| limits.max_bytes.is_none_or(|max| len as u64 <= max);
    if format == ImageFormat::Png {
        let png = encode_png(index, &img)?;
        if fits(png.len()) {
            return Ok(done(png, "image/png", &img, alt));
        }
    }
    let max = limits.max_bytes.unwrap_or(u64::MAX);
    loop {
        let mut last = Vec::new();
        for quality in QUALITIES {
            last = encode_jpeg(index, &img, quality)?;
            if fits(last.len()) {
                return Ok(done(last, "image/jpeg", &img, alt));
            }
            if last.len() as u64 > max.saturating_mul(2) {
                break; // far too big: fewer pixels, not lower quality, is the cure
            }
        }
        let long_side = img.width().max(img.height());
        if long_side <= MIN_LONG_SIDE {
            return Err(MediaError::TooLarge {
                network: limits.network,
                index,
                bytes: last.len(),
                limit: max,
                width: img.width(),
                height: img.height(),
            });
        }
        // JPEG size grows with the pixel count, so scaling both sides by √(limit / size)
        // (a little under) usually fits on the next pass.
        let estimate = (max as f64 / last.len() as f64).sqrt() * 0.95;
        let floor = f64::from(MIN_LONG_SIDE) / f64::from(long_side);
        img = shrink(&img, estimate.min(0.75).max(floor));
    }
}

fn shrink(img: &DynamicImage, scale: f64) -> DynamicImage {
    let w = ((f64::from(img.width()) * scale).floor() as u32).max(1);
    let h = ((f64::from(img.height()) * scale).floor() as u32).max(1);
    img.resize_exact(w, h, FilterType::Triangle)
}

fn encode_jpeg(index: usize, img: &DynamicImage, quality: u8) -> Result<Vec<u8>, MediaError> {
    let mut out = Vec::new();
    // JPEG has no alpha: flatten to RGB.
    img.to_rgb8()
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, quality))
        .map_err(|e| MediaError::Encode {
            index,
            detail: e.to_string(),
        })?;
    Ok(out)
}

fn encode_png(index: usize, img: &DynamicImage) -> Result<Vec<u8>, MediaError> {
    let mut out = Vec::new();
    img.write_with_encoder(PngEncoder::new(&mut out))
        .map_err(|e| MediaError::Encode {
            index,
            detail: e.to_string(),
        })?;
    Ok(out)
}

fn done(bytes: Vec<u8>, mime: &'static str, img: &DynamicImage, alt: &str) -> PreparedImage {
    PreparedImage {
        bytes,
        mime,
        width: img.width(),
        height: img.height(),
        alt: alt.to_owned(),
    }
}
