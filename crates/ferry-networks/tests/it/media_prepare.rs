//! Image preparation on real JPEGs: photos carrying GPS EXIF and an orientation tag (the EXIF
//! segment is built here byte by byte and spliced in), oversized images, and refusals.

use ferry_networks::media::{MediaError, MediaLimits, check_image_count, prepare_image};
use image::{GenericImageView, Rgb, RgbImage};

const RED: Rgb<u8> = Rgb([220, 20, 20]);
const GREEN: Rgb<u8> = Rgb([20, 200, 20]);
const BLUE: Rgb<u8> = Rgb([20, 20, 220]);
const YELLOW: Rgb<u8> = Rgb([230, 220, 20]);

/// 60×40 stored pixels in four colored quadrants.
fn quadrants() -> RgbImage {
    RgbImage::from_fn(60, 40, |x, y| match (x < 30, y < 20) {
        (true, true) => RED,
        (false, true) => GREEN,
        (true, false) => BLUE,
        (false, false) => YELLOW,
    })
}

fn encode_jpeg(img: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
        &mut out, quality,
    ))
    .unwrap();
    out
}

/// An APP1 "Exif" segment (little-endian TIFF) with IFD0 {Orientation, GPS pointer} and a GPS
/// IFD holding latitude 31°14'24" N, longitude 121°28'12" E.
fn exif_app1(orientation: u16) -> Vec<u8> {
    fn entry(out: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]) {
        out.extend(tag.to_le_bytes());
        out.extend(kind.to_le_bytes());
        out.extend(count.to_le_bytes());
        out.extend(value);
    }
    let (short, long, ascii, rational) = (3, 4, 2, 5);
    let mut tiff = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    // IFD0 at 8: two entries, ends at 38.
    tiff.extend(2u16.to_le_bytes());
    let o = orientation.to_le_bytes();
    entry(&mut tiff, 0x0112, short, 1, [o[0], o[1], 0, 0]);
    entry(&mut tiff, 0x8825, long, 1, 38u32.to_le_bytes());
    tiff.extend(0u32.to_le_bytes());
    // GPS IFD at 38: four entries, ends at 92; rationals at 92 and 116.
    tiff.extend(4u16.to_le_bytes());
    entry(&mut tiff, 0x0001, ascii, 2, *b"N\0\0\0");
    entry(&mut tiff, 0x0002, rational, 3, 92u32.to_le_bytes());
    entry(&mut tiff, 0x0003, ascii, 2, *b"E\0\0\0");
    entry(&mut tiff, 0x0004, rational, 3, 116u32.to_le_bytes());
    tiff.extend(0u32.to_le_bytes());
    for (num, den) in [
        (31u32, 1u32),
        (14, 1),
        (2400, 100),
        (121, 1),
        (28, 1),
        (1200, 100),
    ] {
        tiff.extend(num.to_le_bytes());
        tiff.extend(den.to_le_bytes());
    }
    assert_eq!(tiff.len(), 140);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
    segment.extend(b"Exif\0\0");
    segment.extend(tiff);
    segment
}

/// A JPEG with the EXIF segment placed right after the JFIF APP0 segment, as cameras do.
fn photo_with_exif(orientation: u16) -> Vec<u8> {
    let plain = encode_jpeg(&quadrants(), 95);
    assert_eq!(&plain[..4], [0xFF, 0xD8, 0xFF, 0xE0], "SOI then APP0");
    let app0_end = 4 + u16::from_be_bytes([plain[4], plain[5]]) as usize;
    let mut photo = plain[..app0_end].to_vec();
    photo.extend(exif_app1(orientation));
    photo.extend(&plain[app0_end..]);
    photo
}

/// The JPEG's segment markers up to the image data.
fn markers(jpeg: &[u8]) -> Vec<u8> {
    let mut found = Vec::new();
    let mut at = 2;
    while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
        let marker = jpeg[at + 1];
        found.push(marker);
        if marker == 0xDA {
            break; // start of scan: pixels follow
        }
        at += 2 + u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]) as usize;
    }
    found
}

fn near(actual: Rgb<u8>, expected: Rgb<u8>) -> bool {
    actual
        .0
        .iter()
        .zip(expected.0)
        .all(|(a, e)| a.abs_diff(e) < 40)
}

#[test]
fn gps_is_stripped_and_orientation_applied() {
    let photo = photo_with_exif(6); // "rotate 90° clockwise to display"
    assert!(markers(&photo).contains(&0xE1));
    let ready = prepare_image(&photo, "渡船 at dusk", &MediaLimits::bluesky()).unwrap();
    assert_eq!(ready.mime, "image/jpeg");
    assert_eq!(ready.alt, "渡船 at dusk");
    assert!(
        !markers(&ready.bytes).contains(&0xE1),
        "no APP1 (EXIF/XMP) segment left: {:x?}",
        markers(&ready.bytes)
    );
    assert!(!ready.bytes.windows(6).any(|w| w == b"Exif\0\0"));
    assert!(
        !ready
            .bytes
            .windows(8)
            .any(|w| w == [121, 0, 0, 0, 1, 0, 0, 0]),
        "no GPS rational left"
    );

    // Upright now: 40×60, the stored bottom-left (blue) at the top left, and so on round.
    let out = image::load_from_memory(&ready.bytes).unwrap().to_rgb8();
    assert_eq!(
        (out.width(), out.height(), ready.width, ready.height),
        (40, 60, 40, 60)
    );
    assert!(
        near(*out.get_pixel(5, 5), BLUE),
        "{:?}",
        out.get_pixel(5, 5)
    );
    assert!(
        near(*out.get_pixel(34, 5), RED),
        "{:?}",
        out.get_pixel(34, 5)
    );
    assert!(
        near(*out.get_pixel(5, 54), YELLOW),
        "{:?}",
        out.get_pixel(5, 54)
    );
    assert!(
        near(*out.get_pixel(34, 54), GREEN),
        "{:?}",
        out.get_pixel(34, 54)
    );
}

#[test]
fn every_orientation_comes_out_upright() {
    // Orientation n applied to the quadrants puts a known color at the top left.
    for (orientation, top_left, size) in [
        (1, RED, (60, 40)),
        (2, GREEN, (60, 40)),
        (3, YELLOW, (60, 40)),
        (4, BLUE, (60, 40)),
        (5, RED, (40, 60)),
        (6, BLUE, (40, 60)),
        (7, YELLOW, (40, 60)),
        (8, GREEN, (40, 60)),
    ] {
        let ready =
            prepare_image(&photo_with_exif(orientation), "", &MediaLimits::nostr()).unwrap();
        let out = image::load_from_memory(&ready.bytes).unwrap();
        assert_eq!(out.dimensions(), size, "orientation {orientation}");
        assert!(
            near(out.to_rgb8().get_pixel(3, 3).to_owned(), top_left),
            "orientation {orientation}"
        );
        assert!(!markers(&ready.bytes).contains(&0xE1));
    }
}

#[test]
fn oversized_photo_is_brought_under_the_bluesky_limit() {
    // Noise barely compresses: ~1,800×1,200 at quality 100 is several megabytes.
    let mut seed = 0x2545_F491_u32;
    let noise = RgbImage::from_fn(1800, 1200, |_, _| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        Rgb([seed as u8, (seed >> 8) as u8, (seed >> 16) as u8])
    });
    let big = encode_jpeg(&noise, 100);
    assert!(big.len() > 2_000_000, "{}", big.len());
    let ready = prepare_image(&big, "noise", &MediaLimits::bluesky()).unwrap();
    assert!(ready.bytes.len() <= 2_000_000, "{}", ready.bytes.len());
    let ratio = f64::from(ready.width) / f64::from(ready.height);
    assert!(
        (ratio - 1.5).abs() < 0.01,
        "aspect ratio kept: {}×{}",
        ready.width,
        ready.height
    );
}

#[test]
fn mastodon_pixel_limit_and_png_kept_as_png() {
    let limits = MediaLimits {
        network: "mastodon",
        max_bytes: Some(16 << 20),
        max_pixels: Some(1_000),
        max_images: Some(4),
    };
    let mut png = Vec::new();
    quadrants()
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let ready = prepare_image(&png, "screenshot", &limits).unwrap();
    assert_eq!(ready.mime, "image/png");
    assert!(
        ready.width * ready.height <= 1_000,
        "{}×{}",
        ready.width,
        ready.height
    );
}

#[test]
fn what_cannot_fit_is_refused_with_the_reason() {
    let tiny = MediaLimits {
        network: "bluesky",
        max_bytes: Some(1_000),
        max_pixels: None,
        max_images: Some(4),
    };
    let noisy = RgbImage::from_fn(400, 400, |x, y| {
        Rgb([((x * 7) ^ (y * 13)) as u8, (x * y) as u8, (x + y) as u8])
    });
    let err = prepare_image(&encode_jpeg(&noisy, 95), "", &tiny).unwrap_err();
    assert_eq!(err.code(), "media.too_large");
    let message = err.to_string();
    assert!(
        message.starts_with("bluesky: image 0 is still"),
        "{message}"
    );
    assert!(message.contains("the limit is 1000 bytes"), "{message}");

    let err = check_image_count(5, &MediaLimits::bluesky()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "bluesky: at most 4 images per post; this one has 5"
    );
    assert!(check_image_count(50, &MediaLimits::nostr()).is_ok());

    let err = prepare_image(b"GIF89a\x01\x00\x01\x00", "", &MediaLimits::bluesky()).unwrap_err();
    assert!(matches!(err, MediaError::Unsupported { .. }), "{err}");
    let err = prepare_image(b"definitely not an image", "", &MediaLimits::bluesky()).unwrap_err();
    assert_eq!(err.code(), "media.unsupported");
    let photo = photo_with_exif(1);
    let err = prepare_image(&photo[..photo.len() / 3], "", &MediaLimits::bluesky()).unwrap_err();
    assert_eq!(err.code(), "media.undecodable", "{err}");
}

/// A real JPEG whose frame header is patched to claim `width` × `height` pixels (the data
/// stays 60×40): what a hostile or broken file looks like to a decoder.
fn jpeg_claiming(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = encode_jpeg(&quadrants(), 90);
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline JPEG has an SOF0 segment");
    // FF C0, length (2), precision (1), then height and width, big-endian.
    bytes[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    bytes
}

#[test]
fn a_header_claiming_65000_by_65000_pixels_is_refused_before_decoding() {
    // Decoding this would ask for ~12 GB; a failed allocation aborts the whole process
    // (exit 134 from `ferry post`), so the size must be refused from the header alone.
    let huge = jpeg_claiming(65_000, 65_000);
    let err = prepare_image(&huge, "", &MediaLimits::bluesky()).unwrap_err();
    assert!(
        matches!(
            err,
            MediaError::TooManyPixels {
                width: 65_000,
                height: 65_000,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.code(), "media.too_many_pixels");
    assert!(err.to_string().contains("65000×65000"), "{err}");
    // The same file claiming its real size still prepares: the check is on the size only.
    let honest = jpeg_claiming(60, 40);
    prepare_image(&honest, "", &MediaLimits::bluesky()).unwrap();
}
