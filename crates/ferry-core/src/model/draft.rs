//! A draft as the composer sees it: one text per audience language, optional per-network
//! rewrites of those texts, where it goes, topics and images.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Attachment, LangTag, Network, ReplyTarget, Target};

/// The text for one audience, e.g. `zh-Hans`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Variant {
    pub lang: LangTag,
    pub text: String,
}

/// A variant's text rewritten for one network (say a shorter `en` text for X).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NetworkOverride {
    pub lang: LangTag,
    pub network: Network,
    pub text: String,
}

/// Everything a revision snapshots: restoring a revision writes exactly this back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftContent {
    /// In the composer's order; the first is the draft's main language.
    pub variants: Vec<Variant>,
    #[serde(default)]
    pub overrides: Vec<NetworkOverride>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The post this draft answers (`model/reply.rs`); set from the feed, never by a save.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reply_to: Option<ReplyTarget>,
}

/// A stored draft at its latest revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Draft {
    pub id: String,
    /// The head revision; pass it back as `baseRevision` when saving.
    pub revision: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub content: DraftContent,
}

impl Draft {
    /// True when an attachment's stored file is gone from the data folder.
    pub fn has_missing_media(&self) -> bool {
        self.content.attachments.iter().any(|a| a.missing)
    }
}

/// One row of the drafts list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftSummary {
    pub id: String,
    pub revision: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub languages: Vec<LangTag>,
    /// The start of the main variant's text, cut at a character boundary.
    pub preview: String,
    pub attachment_count: u32,
    /// Where the search matched; `None` when listing without a search.
    pub snippet: Option<Snippet>,
}

/// A short excerpt around a search match, with the matched ranges in UTF-16 units (what
/// JavaScript string indices use).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Highlight>,
}

impl Snippet {
    /// The text with each highlight wrapped in `open` … `close` (for terminals and tests).
    pub fn render(&self, open: &str, close: &str) -> String {
        let units: Vec<u16> = self.text.encode_utf16().collect();
        let piece = |from: u32, to: u32| {
            let (from, to) = (from as usize, (to as usize).min(units.len()));
            String::from_utf16_lossy(units.get(from..to).unwrap_or_default())
        };
        let mut out = String::new();
        let mut pos = 0;
        for h in &self.highlights {
            out += &piece(pos, h.utf16_start);
            out += open;
            out += &piece(h.utf16_start, h.utf16_end);
            out += close;
            pos = h.utf16_end;
        }
        out + &piece(pos, units.len() as u32)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Highlight {
    pub utf16_start: u32,
    pub utf16_end: u32,
}
