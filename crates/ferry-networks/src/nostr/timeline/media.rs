//! Images in a note. Nostr has no attachments: clients paste the image URL into the text and
//! may describe it in an `imeta` tag (NIP-92: `["imeta", "url https://…", "m image/jpeg",
//! "alt a ferry at dusk", …]`). Both are read; the tag gives the alt text.

use ::nostr::prelude::Event;

use super::safe_text::{short_field, web_url};
use crate::timeline::PostMedia;

const IMAGE_ENDINGS: [&str; 5] = [".jpg", ".jpeg", ".png", ".gif", ".webp"];
/// Alt text past this is cut: it is shown under an image, not read as an essay.
const MAX_ALT_CHARS: usize = 1500;

/// The images of `event`, in the order their URLs appear in the text, then those only in tags.
pub fn images(event: &Event) -> Vec<PostMedia> {
    let described: Vec<Imeta> = event
        .tags
        .iter()
        .filter_map(|t| imeta(t.as_slice()))
        .collect();
    let in_text = event.content.split_whitespace().filter_map(|word| {
        // Text punctuation around a link is not part of it: "(https://x/a.png)." → the link.
        let word = word.trim_matches(|c: char| "()[]<>\"'.,;!?，。".contains(c));
        looks_like_image(word).then(|| word.to_owned())
    });
    let in_tags = described
        .iter()
        .filter(|m| m.image || looks_like_image(&m.url))
        .map(|m| m.url.clone());
    let mut media: Vec<PostMedia> = Vec::new();
    for url in in_text.chain(in_tags) {
        let Some(url) = web_url(&url) else { continue };
        if media.iter().any(|m| m.url == url) {
            continue;
        }
        let alt = described
            .iter()
            .find(|m| web_url(&m.url).as_deref() == Some(url.as_str()))
            .and_then(|m| m.alt.clone());
        media.push(PostMedia {
            url,
            alt,
            kind: "image".into(),
        });
    }
    media
}

struct Imeta {
    url: String,
    alt: Option<String>,
    /// The `m` (MIME type) entry says image/….
    image: bool,
}

fn imeta(tag: &[String]) -> Option<Imeta> {
    let (name, entries) = tag.split_first()?;
    if name != "imeta" {
        return None;
    }
    let field = |key: &str| {
        entries
            .iter()
            .find_map(|e| e.strip_prefix(key)?.strip_prefix(' '))
    };
    Some(Imeta {
        url: field("url")?.trim().to_owned(),
        alt: field("alt").and_then(|a| short_field(a, MAX_ALT_CHARS)),
        image: field("m").is_some_and(|m| m.trim().starts_with("image/")),
    })
}

/// An http(s) URL whose path ends like an image file (the query string aside).
fn looks_like_image(url: &str) -> bool {
    let Ok(parsed) = url::Url::parse(url) else {
        return false;
    };
    let path = parsed.path().to_ascii_lowercase();
    matches!(parsed.scheme(), "http" | "https") && IMAGE_ENDINGS.iter().any(|e| path.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::nostr::event::FinalizeEvent;
    use ::nostr::prelude::{EventBuilder, Keys, Kind, Tag};

    fn note(text: &str, tags: &[&[&str]]) -> Event {
        let tags = tags.iter().map(|t| Tag::parse(t.iter().copied()).unwrap());
        EventBuilder::new(Kind::TextNote, text)
            .tags(tags)
            .finalize(&Keys::generate())
            .unwrap()
    }

    #[test]
    fn images_from_text_and_imeta_with_alt() {
        let event = note(
            "渡轮 (https://img.example/ferry.JPG?w=600). https://img.example/page.html \
             javascript:alert(1).png https://img.example/ferry.JPG?w=600",
            &[
                &[
                    "imeta",
                    "url https://img.example/ferry.JPG?w=600",
                    "m image/jpeg",
                    "alt 黄昏的渡轮",
                ],
                &[
                    "imeta",
                    "url https://cdn.example/blob",
                    "m image/webp",
                    "alt only in a tag",
                ],
                &["imeta", "url https://cdn.example/clip.mp4", "m video/mp4"],
            ],
        );
        let media = images(&event);
        let got: Vec<(&str, Option<&str>)> = media
            .iter()
            .map(|m| (m.url.as_str(), m.alt.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("https://img.example/ferry.JPG?w=600", Some("黄昏的渡轮")),
                ("https://cdn.example/blob", Some("only in a tag")),
            ]
        );
        assert!(media.iter().all(|m| m.kind == "image"));
    }
}
