//! Revisions: every save that changes a draft appends one, holding a full snapshot.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::DraftContent;

/// What produced a revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RevisionKind {
    Created,
    Edited,
    Restored,
    MediaAdded,
    MediaRemoved,
}

impl RevisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionKind::Created => "created",
            RevisionKind::Edited => "edited",
            RevisionKind::Restored => "restored",
            RevisionKind::MediaAdded => "mediaAdded",
            RevisionKind::MediaRemoved => "mediaRemoved",
        }
    }

    pub fn parse(s: &str) -> Option<RevisionKind> {
        [
            RevisionKind::Created,
            RevisionKind::Edited,
            RevisionKind::Restored,
            RevisionKind::MediaAdded,
            RevisionKind::MediaRemoved,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RevisionSummary {
    pub number: u32,
    pub created_at: DateTime<Utc>,
    pub kind: RevisionKind,
    /// For `restored`: the revision whose snapshot was brought back.
    pub restored_from: Option<u32>,
    /// The start of the main variant's text at that revision.
    pub preview: String,
}

/// A revision with its full snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Revision {
    pub summary: RevisionSummary,
    pub content: DraftContent,
}
