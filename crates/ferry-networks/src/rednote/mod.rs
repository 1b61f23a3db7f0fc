//! RedNote (Xiaohongshu): no posting API; title, body and topic rules for the publish kit.
//!
//! An image note has a title of at most 20 characters, a body of at most 1,000 and 1–18
//! images, shown at 3:4 (portrait); topics are written `#话题[话题]#` so the app links them.
//! Ferry counts what the app's counters show: one per visible character (grapheme cluster),
//! a Chinese character and an emoji alike.
//!
//! ```
//! use ferry_networks::rednote::{fits_image_shape, title_and_body};
//! assert_eq!(title_and_body("渡口见\n清晨的渡口"), (Some("渡口见"), "清晨的渡口"));
//! assert!(fits_image_shape(1080, 1440) && !fits_image_shape(1080, 1080));
//! ```
//!
//! Links, other apps' names and handles, and QR codes make RedNote show a note to fewer people
//! ([`reach`]): warned about, not refused.
//!
//! The publish kit, the composer's counters and `ferry check` all read these rules through
//! `ferry_core::checks`; the UI gets the limits and the misshapen images from there.

pub mod reach;

use crate::rules::{Measurement, Network, Post, Scan, Unit};
use crate::text::graphemes;

pub const MAX_TITLE: usize = 20;
pub const MAX_BODY: usize = 1000;
pub const MIN_IMAGES: usize = 1;
pub const MAX_IMAGES: usize = 18;
/// The image shape notes are shown in, width to height.
pub const IMAGE_ASPECT: (u32, u32) = (3, 4);
/// How far from 3:4 an image may be and still pass, in percent of the ratio: phones that
/// round (1242×1660) are within it, a square or a 4:5 crop is not.
pub const IMAGE_ASPECT_TOLERANCE_PERCENT: u64 = 1;

/// A note's title is its first line when more lines follow; a single paragraph is all body.
/// Both come back trimmed of the line break between them.
pub fn title_and_body(text: &str) -> (Option<&str>, &str) {
    match text.split_once('\n') {
        Some((first, rest)) if !first.trim().is_empty() && !rest.trim().is_empty() => {
            (Some(first.trim()), rest.trim())
        }
        _ => (None, text),
    }
}

/// Whether a `width`×`height` image shows whole in a note: 3:4 within the tolerance. Other
/// shapes are cropped or letterboxed in the feed; an image without a size never fits.
pub fn fits_image_shape(width: u32, height: u32) -> bool {
    if width == 0 || height == 0 {
        return false;
    }
    let (w, h) = IMAGE_ASPECT;
    // |width/height − w/h| ≤ w/h · tolerance, in integers: |width·h − height·w| · 100 ≤
    // height·w · tolerance (exact, so 1080×1440 is never off by a rounding error).
    let off = (u64::from(width) * u64::from(h)).abs_diff(u64::from(height) * u64::from(w));
    off * 100 <= u64::from(height) * u64::from(w) * IMAGE_ASPECT_TOLERANCE_PERCENT
}

/// `post` on RedNote, its text read by `scan`: the body against 1,000, the title against 20,
/// images 1–18.
pub fn measure(post: &Post<'_>, scan: &Scan<'_>) -> Measurement {
    let mut m = Measurement::new(
        Network::Rednote,
        scan.graphemes(),
        MAX_BODY,
        Unit::Graphemes,
    );
    let title = post.title.map(graphemes::count).unwrap_or(0);
    if title > MAX_TITLE {
        m.refuse(
            "rednote.title_too_long",
            format!("RedNote titles take at most {MAX_TITLE} characters; this one has {title} ({} over)", title - MAX_TITLE),
        );
    }
    if post.title.is_none_or(|t| t.trim().is_empty()) {
        m.warn(
            "rednote.no_title",
            format!("RedNote notes read better with a title (up to {MAX_TITLE} characters)"),
        );
    }
    if post.images < MIN_IMAGES {
        m.refuse(
            "rednote.needs_image",
            "a RedNote image note needs 1 to 18 images",
        );
    }
    let links = reach::links(scan);
    if !links.is_empty() {
        m.warn(
            "rednote.link",
            format!(
                "RedNote shows links as plain text and shows notes with them to fewer people: {}",
                links.join(", ")
            ),
        );
    }
    let elsewhere = reach::elsewhere(scan.text());
    if !elsewhere.is_empty() {
        m.warn(
            "rednote.elsewhere",
            format!(
                "RedNote shows notes that send readers to other apps to fewer people: {}",
                elsewhere.join(", ")
            ),
        );
    }
    m.check_common(post, MAX_IMAGES, false);
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_by_four_within_one_percent_fits() {
        assert!(fits_image_shape(1080, 1440));
        assert!(fits_image_shape(900, 1200));
        assert!(fits_image_shape(1242, 1660), "phones round: 0.24 % off");
        assert!(!fits_image_shape(1080, 1080));
        assert!(!fits_image_shape(1080, 1350), "4:5 is not 3:4");
        assert!(
            !fits_image_shape(1440, 1080),
            "landscape 4:3 is not portrait 3:4"
        );
        assert!(!fits_image_shape(0, 0));
        // The edge: 1 % of 0.75 is 0.0075; 1000×1323 is 0.7559 (0.78 % off), 1000×1343 is
        // 0.7446 (0.72 %), 1000×1320 is 0.7576 (1.01 %).
        assert!(fits_image_shape(1000, 1323) && fits_image_shape(1000, 1343));
        assert!(!fits_image_shape(1000, 1320));
    }

    #[test]
    fn the_first_line_is_the_title_only_when_more_follows() {
        assert_eq!(
            title_and_body("  渡口见面 \n\n清晨的渡口。\n"),
            (Some("渡口见面"), "清晨的渡口。")
        );
        assert_eq!(title_and_body("只有一段"), (None, "只有一段"));
        assert_eq!(title_and_body("标题\n   "), (None, "标题\n   "));
        assert_eq!(title_and_body("\n正文"), (None, "\n正文"));
    }
}
