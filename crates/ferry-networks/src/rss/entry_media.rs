//! An entry's attached media (RSS `<enclosure>`, Media RSS `media:content` and
//! `media:thumbnail`, podcast artwork) as the feed's [`PostMedia`]: http(s) addresses only,
//! resolved against the feed's address when relative, with the description as alt text.
//! The kind comes from the declared type (`image/…`, `video/…`, `audio/…`); the engine still
//! sniffs an image's bytes before showing it.

use feed_rs::model::Entry;
use url::Url;

use crate::timeline::{PostMedia, web_url};

/// At most this many attachments per entry: a feed listing hundreds is not a post.
const MAX_MEDIA: usize = 8;

pub fn entry_media(entry: &Entry, feed_url: &Url) -> Vec<PostMedia> {
    let mut media = Vec::new();
    for object in &entry.media {
        let alt = object
            .description
            .as_ref()
            .or(object.title.as_ref())
            .map(|t| t.content.trim().to_owned())
            .filter(|t| !t.is_empty());
        let contents = object.content.iter().filter_map(|c| {
            let kind = c
                .content_type
                .as_ref()
                .map(|t| t.to_string())
                .and_then(|t| t.split('/').next().map(str::to_owned))
                .filter(|t| matches!(t.as_str(), "image" | "video" | "audio"))
                .unwrap_or_else(|| "unknown".into());
            Some((c.url.as_ref()?.as_str().to_owned(), kind))
        });
        let thumbnails = object
            .thumbnails
            .iter()
            .map(|t| (t.image.uri.clone(), "image".to_owned()));
        for (address, kind) in contents.chain(thumbnails) {
            let Some(url) = absolute(&address, feed_url) else {
                continue;
            };
            if media.len() < MAX_MEDIA && !media.iter().any(|m: &PostMedia| m.url == url) {
                media.push(PostMedia {
                    url,
                    alt: alt.clone(),
                    kind,
                });
            }
        }
    }
    media
}

fn absolute(address: &str, feed_url: &Url) -> Option<String> {
    web_url(address).or_else(|| {
        feed_url
            .join(address.trim())
            .ok()
            .and_then(|u| web_url(u.as_str()))
    })
}
