//! A picture made the shape RedNote shows a note in: 3:4 portrait, 1080 × 1440, as a JPEG.
//! `Crop` fills the frame and cuts what sticks out around the picture's focus point (the centre
//! unless the writer moved it; read as CSS's `object-position`, so the composer's preview with
//! `object-fit: cover` shows exactly this crop); `Pad` shows the whole picture on a white frame.

use image::imageops::FilterType;
use image::{DynamicImage, Rgb, RgbImage};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Focus;

pub const NOTE_WIDTH: u32 = 1080;
pub const NOTE_HEIGHT: u32 = 1440;
/// JPEG quality: RedNote re-encodes what it gets, so a high quality loses least on the way.
const QUALITY: u8 = 92;

/// How a picture of another shape is made 3:4.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Fit {
    /// Fill the frame, cutting the long side's edges.
    #[default]
    Crop,
    /// The whole picture, with white bars.
    Pad,
}

/// `picture` at 1080 × 1440 by `fit` (a crop kept around `focus`), encoded as a JPEG.
pub(crate) fn note_picture(picture: &DynamicImage, fit: Fit, focus: Option<Focus>) -> Vec<u8> {
    let (w, h) = (
        picture.width().max(1) as f64,
        picture.height().max(1) as f64,
    );
    let (fw, fh) = (f64::from(NOTE_WIDTH), f64::from(NOTE_HEIGHT));
    let scale = match fit {
        Fit::Crop => (fw / w).max(fh / h),
        Fit::Pad => (fw / w).min(fh / h),
    };
    let (sw, sh) = (
        ((w * scale).round() as u32).max(1),
        ((h * scale).round() as u32).max(1),
    );
    let scaled = picture
        .resize_exact(sw, sh, FilterType::CatmullRom)
        .to_rgb8();
    let mut frame = RgbImage::from_pixel(NOTE_WIDTH, NOTE_HEIGHT, Rgb([255, 255, 255]));
    // For a crop the offsets are negative: the overhang, cut so that the focus point of the
    // picture sits on the same point of the frame. A pad is centred.
    let focus = match fit {
        Fit::Crop => focus.unwrap_or_else(Focus::centre),
        Fit::Pad => Focus::centre(),
    };
    let at = |free: i64, per_mille: u16| {
        free * i64::from(per_mille.min(Focus::MAX)) / i64::from(Focus::MAX)
    };
    let (dx, dy) = (
        at(i64::from(NOTE_WIDTH) - i64::from(sw), focus.x),
        at(i64::from(NOTE_HEIGHT) - i64::from(sh), focus.y),
    );
    image::imageops::overlay(&mut frame, &scaled, dx, dy);
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, QUALITY);
    // Encoding an RGB buffer of a fixed size into memory cannot fail short of running out of
    // memory; an empty result is caught by the caller's size check.
    let _ = frame.write_with_encoder(encoder);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A landscape picture: red left half, blue right half, a green stripe at the very left.
    fn landscape() -> DynamicImage {
        DynamicImage::ImageRgb8(RgbImage::from_fn(1600, 900, |x, _| {
            if x < 40 {
                Rgb([0, 200, 0])
            } else if x < 800 {
                Rgb([220, 20, 20])
            } else {
                Rgb([20, 20, 220])
            }
        }))
    }

    fn decoded(bytes: &[u8]) -> RgbImage {
        image::load_from_memory(bytes).unwrap().to_rgb8()
    }

    fn near(a: &Rgb<u8>, b: [u8; 3]) -> bool {
        a.0.iter().zip(b).all(|(x, y)| x.abs_diff(y) < 40)
    }

    #[test]
    fn a_crop_fills_the_frame_from_the_centre_and_a_pad_keeps_everything() {
        let crop = decoded(&note_picture(&landscape(), Fit::Crop, None));
        assert_eq!(crop.dimensions(), (NOTE_WIDTH, NOTE_HEIGHT));
        // Centre cut: the seam between red and blue sits in the middle, the green edge is gone.
        assert!(
            near(crop.get_pixel(10, 720), [220, 20, 20]),
            "{:?}",
            crop.get_pixel(10, 720)
        );
        assert!(near(crop.get_pixel(1070, 720), [20, 20, 220]));
        assert!(
            near(crop.get_pixel(10, 5), [220, 20, 20]),
            "no bars when cropping"
        );

        let pad = decoded(&note_picture(&landscape(), Fit::Pad, None));
        assert_eq!(pad.dimensions(), (NOTE_WIDTH, NOTE_HEIGHT));
        assert!(
            near(pad.get_pixel(540, 10), [255, 255, 255]),
            "white bar above"
        );
        assert!(
            near(pad.get_pixel(540, 1430), [255, 255, 255]),
            "white bar below"
        );
        assert!(
            near(pad.get_pixel(5, 720), [0, 200, 0]),
            "the green edge is kept"
        );
    }

    #[test]
    fn a_crop_keeps_the_focus_point_where_css_object_position_would() {
        // 1600 × 900 fills 1440 high at 2560 wide: 1480 px are cut.
        let left = decoded(&note_picture(
            &landscape(),
            Fit::Crop,
            Some(Focus { x: 0, y: 500 }),
        ));
        assert!(
            near(left.get_pixel(5, 720), [0, 200, 0]),
            "the left edge kept"
        );
        assert!(
            near(left.get_pixel(1070, 720), [220, 20, 20]),
            "red to the right edge"
        );
        let right = decoded(&note_picture(
            &landscape(),
            Fit::Crop,
            Some(Focus { x: 1000, y: 0 }),
        ));
        assert!(near(right.get_pixel(5, 720), [20, 20, 220]), "only blue");
        assert!(near(right.get_pixel(1075, 720), [20, 20, 220]));
        // A quarter: the frame starts 370 px into the picture, 1280 is where red meets blue,
        // so the seam is at 910 in the frame.
        let quarter = decoded(&note_picture(
            &landscape(),
            Fit::Crop,
            Some(Focus { x: 250, y: 500 }),
        ));
        assert!(near(quarter.get_pixel(900, 720), [220, 20, 20]));
        assert!(near(quarter.get_pixel(920, 720), [20, 20, 220]));
        // A pad ignores the focus: the whole picture, centred.
        let pad = decoded(&note_picture(
            &landscape(),
            Fit::Pad,
            Some(Focus { x: 0, y: 0 }),
        ));
        assert!(near(pad.get_pixel(540, 10), [255, 255, 255]));
    }

    #[test]
    fn a_three_by_four_picture_only_changes_size() {
        let tall = DynamicImage::ImageRgb8(RgbImage::from_pixel(600, 800, Rgb([30, 140, 90])));
        for fit in [Fit::Crop, Fit::Pad] {
            let out = decoded(&note_picture(&tall, fit, Some(Focus { x: 0, y: 1000 })));
            assert_eq!(out.dimensions(), (NOTE_WIDTH, NOTE_HEIGHT));
            assert!(near(out.get_pixel(0, 0), [30, 140, 90]), "{fit:?}: no bars");
            assert!(near(out.get_pixel(1079, 1439), [30, 140, 90]), "{fit:?}");
        }
    }
}
