//! An image attached to a draft: a copy inside the data folder, named by its SHA-256, plus
//! alt text per audience language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::LangTag;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Attachment {
    pub id: String,
    /// Lowercase hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// The copy's name inside `<data dir>/media/`.
    pub stored_name: String,
    /// The name of the file the user picked, for display.
    pub original_name: String,
    /// Sniffed from the bytes: `image/png`, `image/jpeg`, `image/gif` or `image/webp`.
    pub media_type: String,
    pub width: u32,
    pub height: u32,
    #[ts(type = "number")]
    pub byte_len: u64,
    /// Alt text per variant language.
    #[serde(default)]
    pub alt: BTreeMap<LangTag, String>,
    /// Set when loading finds the stored copy gone; the attachment is kept, never dropped.
    #[serde(default)]
    pub missing: bool,
    /// Whether the picture has a QR code, found when it was attached; `None` when it was not
    /// searched (attached before Ferry looked, or a GIF or WebP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub qr_code: Option<bool>,
    /// Where a crop to 3:4 keeps the picture (RedNote); `None`: the centre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub focus: Option<Focus>,
}

/// A point of a picture in per mille of its width and height (0–1000), as CSS's
/// `object-position: x% y%` reads it: that point of the picture lands on the same point of
/// the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Focus {
    pub x: u16,
    pub y: u16,
}

impl Focus {
    pub const MAX: u16 = 1000;

    pub fn centre() -> Focus {
        Focus { x: 500, y: 500 }
    }
}

/// The result of attaching an image: the new attachment and the draft at its new revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttachOutcome {
    pub attachment: Attachment,
    pub draft: super::Draft,
    pub revision: super::RevisionSummary,
}
