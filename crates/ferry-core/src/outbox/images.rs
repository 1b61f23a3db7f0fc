//! The images a target sends: the draft's attachments with the alt text in the variant's
//! language, and the ones a network can't take, refused before anything is sent.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Attachment, LangTag, Network};

/// An image as a target sends it: the stored copy, and the alt text in the variant's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PlannedMedia {
    pub stored_name: String,
    pub original_name: String,
    pub media_type: String,
    pub alt: String,
}

/// The draft's images for the variant in `lang`.
pub(crate) fn for_variant(attachments: &[Attachment], lang: &LangTag) -> Vec<PlannedMedia> {
    attachments
        .iter()
        .map(|a| PlannedMedia {
            stored_name: a.stored_name.clone(),
            original_name: a.original_name.clone(),
            media_type: a.media_type.clone(),
            alt: alt_for(&a.alt, lang),
        })
        .collect()
}

/// The alt text in the variant's language, else in a related one, else any.
fn alt_for(alt: &BTreeMap<LangTag, String>, lang: &LangTag) -> String {
    let base = lang.as_str().split('-').next().unwrap_or_default();
    alt.get(lang)
        .or_else(|| {
            alt.iter()
                .find(|(l, _)| l.as_str().split('-').next() == Some(base))
                .map(|(_, t)| t)
        })
        .or_else(|| alt.values().next())
        .cloned()
        .unwrap_or_default()
}

/// Images a network can't take, caught before sending. (Nostr's need a media host, which the
/// sender looks for: `send/nostr.rs`.)
pub(crate) fn refusal(network: Network, media: &[PlannedMedia]) -> Option<(&'static str, String)> {
    if media.is_empty() {
        return None;
    }
    let odd = media
        .iter()
        .enumerate()
        .find(|(_, m)| !matches!(m.media_type.as_str(), "image/jpeg" | "image/png"))?;
    Some((
        "media.unsupported",
        format!(
            "{network}: image {} ({}) is {}; Ferry posts JPEG and PNG images",
            odd.0 + 1,
            odd.1.original_name,
            odd.1.media_type
        ),
    ))
}
