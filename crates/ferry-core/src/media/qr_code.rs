//! Whether an attached picture carries a QR code: RedNote shows notes with one to fewer
//! people (`ferry_networks::rednote::reach`), and a poster or a screenshot often has one the
//! writer forgot. Asked once, when the picture is attached (`Attachment::qr_code`), because
//! decoding a photo takes far longer than the composer's per-keystroke check may.
//!
//! The picture is decoded with a memory cap (`decode.rs`), shrunk to at most 1,200 pixels on its long side
//! (a code small enough to vanish at that size can't be scanned from a phone screen either),
//! and searched with rqrr; a code counts once one of the grids it finds decodes.

use image::imageops::FilterType;

use super::decode::decode_capped;

/// The long side the picture is searched at.
const SEARCH_SIDE: u32 = 1200;

/// `Some(true)` when a QR code decodes in `bytes`, `Some(false)` when none does, `None` when
/// the picture can't be read here (GIF and WebP are not decoded by this build).
pub(crate) fn has_qr_code(bytes: &[u8]) -> Option<bool> {
    let picture = decode_capped(bytes)?;
    let picture = if picture.width().max(picture.height()) > SEARCH_SIDE {
        picture.resize(SEARCH_SIDE, SEARCH_SIDE, FilterType::Triangle)
    } else {
        picture
    };
    let grey = picture.to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        grey.width() as usize,
        grey.height() as usize,
        |x, y| grey.get_pixel(x as u32, y as u32)[0],
    );
    Some(
        prepared
            .detect_grids()
            .iter()
            .any(|grid| grid.decode().is_ok()),
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use image::{GrayImage, ImageFormat, Luma};

    use super::has_qr_code;

    /// A poster: `text` as a QR code drawn at `scale` pixels a module on a `size`-pixel page,
    /// with a grey band above it, encoded as `format`.
    pub(crate) fn poster(text: &str, size: u32, scale: u32, format: ImageFormat) -> Vec<u8> {
        let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
        let width = code.width() as u32;
        let colors = code.to_colors();
        let quiet = 4 * scale;
        let (left, top) = (size - (width * scale + 2 * quiet), size / 4);
        let page = GrayImage::from_fn(size, size + size / 3, |x, y| {
            let (cx, cy) = (
                x.wrapping_sub(left + quiet) / scale,
                y.wrapping_sub(top + quiet) / scale,
            );
            if cx < width && cy < width && x >= left + quiet && y >= top + quiet {
                let dark = colors[(cy * width + cx) as usize] == qrcode::Color::Dark;
                Luma([if dark { 0 } else { 255 }])
            } else if y < size / 8 {
                Luma([120])
            } else {
                Luma([255])
            }
        });
        let mut out = std::io::Cursor::new(Vec::new());
        page.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_code_on_a_poster_is_found_in_png_and_jpeg_and_a_plain_picture_has_none() {
        let png = poster("https://ferrytoday.com/jp", 1600, 12, ImageFormat::Png);
        assert_eq!(has_qr_code(&png), Some(true));
        let jpeg = poster("加我微信 lin2025", 900, 6, ImageFormat::Jpeg);
        assert_eq!(has_qr_code(&jpeg), Some(true));
        // A photo-like picture: a ramp with a dark block and stripes, and no code.
        let photo = GrayImage::from_fn(1200, 1600, |x, y| {
            let stripe = if (x / 40) % 2 == 0 { 30 } else { 0 };
            let block = (300..700).contains(&x) && (400..900).contains(&y);
            Luma([if block {
                20
            } else {
                ((x + y) / 12 % 200) as u8 + stripe
            }])
        });
        let mut plain = std::io::Cursor::new(Vec::new());
        photo.write_to(&mut plain, ImageFormat::Png).unwrap();
        assert_eq!(has_qr_code(plain.get_ref()), Some(false));
        assert_eq!(
            has_qr_code(b"GIF89a not really"),
            None,
            "unreadable: not asked"
        );
    }
}
