//! RedNote (Xiaohongshu): no posting API; title, body and topic rules for the publish kit.
//!
//! An image note has a title of at most 20 characters, a body of at most 1,000 and 1–18
//! images; topics are written `#话题[话题]#` so the app links them. Ferry counts what the
//! app's counters show: one per visible character (grapheme cluster), a Chinese character
//! and an emoji alike.

use crate::rules::{Measurement, Network, Post, Scan, Unit};
use crate::text::graphemes;

pub const MAX_TITLE: usize = 20;
pub const MAX_BODY: usize = 1000;
pub const MIN_IMAGES: usize = 1;
pub const MAX_IMAGES: usize = 18;

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
            "RedNote notes read better with a title (up to 20 characters)",
        );
    }
    if post.images < MIN_IMAGES {
        m.refuse(
            "rednote.needs_image",
            "a RedNote image note needs 1 to 18 images",
        );
    }
    m.check_common(post, MAX_IMAGES, false);
    m
}
