//! What callers send to create, save and list drafts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Draft, LangTag, NetworkOverride, RevisionSummary, Target, Variant};

/// A new draft's first content; images are added afterwards with `attach_media`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewDraft {
    #[serde(default)]
    pub variants: Vec<Variant>,
    #[serde(default)]
    pub overrides: Vec<NetworkOverride>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub topics: Vec<String>,
}

/// An autosave: the whole draft as the editor has it, based on the revision it loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftEdit {
    pub id: String,
    /// The `revision` of the draft the editor started from; a different head means someone
    /// else saved in between and the save is refused with `draft.conflict`.
    pub base_revision: u32,
    pub variants: Vec<Variant>,
    #[serde(default)]
    pub overrides: Vec<NetworkOverride>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// The attachments to keep, in order, with their alt texts. Leaving one out removes it;
    /// new ones come only from `attach_media`.
    #[serde(default)]
    pub attachments: Vec<AttachmentEdit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttachmentEdit {
    pub id: String,
    #[serde(default)]
    pub alt: BTreeMap<LangTag, String>,
}

/// The result of a save: the draft as stored and the revision it produced, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SaveOutcome {
    pub draft: Draft,
    /// `None` when the edit changed nothing (no revision is written then).
    pub revision: Option<RevisionSummary>,
}

/// Which drafts to list: newest update first, optionally filtered by a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ListQuery {
    /// Words to find (Chinese or English); every word must match somewhere in the draft.
    #[serde(default)]
    pub search: Option<String>,
    #[serde(default = "default_limit")]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

fn default_limit() -> u32 {
    50
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            search: None,
            limit: default_limit(),
            offset: 0,
        }
    }
}
