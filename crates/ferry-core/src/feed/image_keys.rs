//! Picture fingerprints of linked people's posts. The same photo posted to Mastodon and to
//! RedNote (through RSSHub) comes back re-encoded and resized by each network, so its bytes and
//! address differ; a difference hash of the decoded picture (9 × 8 grey pixels, one bit per
//! neighbour pair) stays the same, and two posts of one person with the same fingerprint are a
//! cross-post (`twins.rs`), even when the captions share no text or link.
//!
//! Fingerprints need the picture, so they are made only for authors the user linked to a
//! person, after a refresh, at most [`MAX_PER_PASS`] a time, newest first, through the image
//! cache ([`Feeds::item_image`]: capped, sniffed, cached). The first picture of a post is its
//! fingerprint; a post without one, or whose picture can't be fetched or read, is marked `-`
//! and not tried again.

use image::imageops::FilterType;

use super::error::FeedError;
use super::{Feeds, ItemImage, ItemMedia};

/// Pictures fingerprinted after one refresh at most; the rest wait for the next.
pub(super) const MAX_PER_PASS: i64 = 16;

/// Fingerprints the newest posts of linked people that have none yet. Only the database can
/// fail this.
pub(super) async fn fill(feeds: &Feeds) -> Result<(), FeedError> {
    let store = &feeds.store;
    let db = |e| store.db_err(e);
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT i.id, i.media_json FROM feed_person_authors pa \
         JOIN feed_items i ON i.network = pa.network AND i.author_key = pa.author_key \
         WHERE i.image_key IS NULL ORDER BY i.published_at DESC LIMIT ?",
    )
    .bind(MAX_PER_PASS)
    .fetch_all(&store.pool)
    .await
    .map_err(db)?;
    for (id, media) in rows {
        let media: Vec<ItemMedia> = serde_json::from_str(&media).unwrap_or_default();
        let key = match media.iter().position(|m| m.kind == "image") {
            None => None,
            Some(n) => match feeds.item_image(id, ItemImage::Media(n)).await {
                Ok(picture) => tokio::task::spawn_blocking(move || fingerprint(&picture.bytes))
                    .await
                    .ok()
                    .flatten(),
                Err(e) => {
                    // Marked like a picture that can't be read: a post whose picture is gone
                    // must not hold its place in every later pass.
                    tracing::info!(item = id, error = %e, "picture not fingerprinted");
                    None
                }
            },
        };
        sqlx::query("UPDATE feed_items SET image_key = ? WHERE id = ?")
            .bind(key.as_deref().unwrap_or("-"))
            .bind(id)
            .execute(&store.pool)
            .await
            .map_err(db)?;
    }
    Ok(())
}

/// The picture's difference hash as 16 hex digits, or `None` when it can't be decoded (a GIF
/// or WebP, which the decoder here doesn't read) or is one flat colour, which says nothing.
pub(crate) fn fingerprint(bytes: &[u8]) -> Option<String> {
    let small = crate::media::decode_capped(bytes)?
        .resize_exact(9, 8, FilterType::Triangle)
        .to_luma8();
    let mut bits: u64 = 0;
    for y in 0..8 {
        for x in 0..8 {
            bits = (bits << 1) | u64::from(small.get_pixel(x, y)[0] < small.get_pixel(x + 1, y)[0]);
        }
    }
    (bits != 0 && bits != u64::MAX).then(|| format!("{bits:016x}"))
}

#[cfg(test)]
pub(super) mod tests {
    use super::fingerprint;
    use image::{ImageFormat, RgbImage};

    /// A picture with large shapes, like a photo at 9 × 8: a diagonal ramp and a dark block.
    pub(in crate::feed) fn picture(width: u32, height: u32, flip: bool) -> RgbImage {
        RgbImage::from_fn(width, height, |x, y| {
            let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
            let fx = if flip { 1.0 - fx } else { fx };
            let ramp = (255.0 * (fx * 0.7 + fy * 0.3)) as u8;
            if (0.2..0.45).contains(&fx) && (0.3..0.7).contains(&fy) {
                image::Rgb([20, 30, ramp / 4])
            } else {
                image::Rgb([ramp, 255 - ramp / 2, 90])
            }
        })
    }

    pub(in crate::feed) fn encoded(picture: &RgbImage, format: ImageFormat) -> Vec<u8> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        picture.write_to(&mut bytes, format).unwrap();
        bytes.into_inner()
    }

    #[test]
    fn a_picture_resized_and_reencoded_keeps_its_fingerprint() {
        let original = fingerprint(&encoded(&picture(1200, 900, false), ImageFormat::Png));
        let resized = fingerprint(&encoded(&picture(480, 360, false), ImageFormat::Jpeg));
        assert!(original.is_some());
        assert_eq!(original, resized);
        let other = fingerprint(&encoded(&picture(1200, 900, true), ImageFormat::Png));
        assert_ne!(original, other, "a different picture");
    }

    #[test]
    fn flat_broken_and_unread_pictures_have_none() {
        let flat = RgbImage::from_pixel(64, 64, image::Rgb([200, 10, 10]));
        assert_eq!(fingerprint(&encoded(&flat, ImageFormat::Png)), None);
        assert_eq!(fingerprint(b"<html>not a picture</html>"), None);
        let png = encoded(&picture(64, 48, false), ImageFormat::Png);
        assert_eq!(fingerprint(&png[..png.len() / 2]), None, "cut short");
    }
}
