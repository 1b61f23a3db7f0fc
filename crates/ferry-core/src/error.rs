//! Everything the engine can refuse or fail at, as one enum with a stable `code()`.
//!
//! The desktop shell and the CLI both show `{code, message}` (see [`ErrorPayload`]): the code
//! is for programs and translations (`db.locked`, `draft.conflict` …), the message is a
//! sentence for people that names the file, draft or field involved and what to do.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the database {path} is locked by another program (the Ferry app or another `ferry` \
         command) and stayed locked for the whole wait; close the other one or try again"
    )]
    Locked { path: PathBuf },

    #[error(
        "cannot write to {path}: {detail}; check the folder exists, is yours and has free space"
    )]
    Unwritable { path: PathBuf, detail: String },

    #[error(
        "the database {path} is damaged ({detail}); it was left untouched. Run `ferry drafts \
         recover` (or choose \"keep aside and start fresh\") to move it aside and start a new one"
    )]
    Corrupt { path: PathBuf, detail: String },

    #[error(
        "{path} is an SQLite database but not a Ferry one ({detail}); it was left untouched. Set \
         FERRY_DATA_DIR to another folder, or run `ferry drafts recover` to move it aside"
    )]
    NotFerry { path: PathBuf, detail: String },

    #[error(
        "the database {path} was written by a newer Ferry (schema version {version}, this build \
         knows up to {known}); update Ferry to open it. It was left untouched"
    )]
    TooNew {
        path: PathBuf,
        version: i64,
        known: i64,
    },

    #[error("cannot bring the database {path} up to date: {detail}")]
    Migrate { path: PathBuf, detail: String },

    #[error("database error on {path}: {detail}")]
    Sqlite { path: PathBuf, detail: String },

    #[error("cannot find a data folder for Ferry ({detail}); set FERRY_DATA_DIR")]
    NoDataDir { detail: String },

    #[error("the database {path} opens fine, so there is nothing to recover; nothing was moved")]
    NotBroken { path: PathBuf },

    #[error("cannot move the damaged database {path} aside: {detail}")]
    SetAside { path: PathBuf, detail: String },

    #[error("no draft with id {id}")]
    DraftNotFound { id: String },

    #[error("draft {id} has no revision {revision}")]
    RevisionNotFound { id: String, revision: u32 },

    #[error(
        "draft {id} was changed elsewhere: it is at revision {head}, but this edit was based on \
         revision {base}; reload the draft (your text was not saved)"
    )]
    Conflict { id: String, base: u32, head: u32 },

    #[error("\"{tag}\" is not a language tag like en, zh-Hans or pt-BR: {reason}")]
    InvalidLanguage { tag: String, reason: String },

    #[error(
        "\"{id}\" is not a network Ferry knows (x, bluesky, mastodon, threads, telegram, nostr, \
         rednote, weibo)"
    )]
    UnknownNetwork { id: String },

    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: String },

    #[error("{what} is {chars} characters long; the most a draft holds is {max}")]
    TooLarge {
        what: String,
        chars: usize,
        max: usize,
    },

    #[error("{path} cannot be attached: {reason}; Ferry attaches PNG, JPEG, GIF and WebP images")]
    MediaUnsupported { path: PathBuf, reason: String },

    #[error("{path} does not exist")]
    MediaMissing { path: PathBuf },

    #[error("cannot read {path}: {detail}")]
    MediaUnreadable { path: PathBuf, detail: String },

    #[error("{path} is {bytes} bytes; attachments can be at most {max} bytes")]
    MediaTooLarge { path: PathBuf, bytes: u64, max: u64 },

    #[error("draft {draft} has no attachment {attachment}")]
    AttachmentNotFound { draft: String, attachment: String },

    #[error("invalid setting {key:?}: {reason}")]
    InvalidSetting { key: String, reason: String },

    #[error("{field}: {reason}")]
    InvalidLimit { field: String, reason: String },
}

impl StoreError {
    /// A stable identifier for programs, translations and tests; never changes wording.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Locked { .. } => "db.locked",
            StoreError::Unwritable { .. } => "db.unwritable",
            StoreError::Corrupt { .. } => "db.corrupt",
            StoreError::NotFerry { .. } => "db.not_ferry",
            StoreError::TooNew { .. } => "db.too_new",
            StoreError::Migrate { .. } => "db.migrate",
            StoreError::Sqlite { .. } => "db.error",
            StoreError::NoDataDir { .. } => "db.no_data_dir",
            StoreError::NotBroken { .. } => "db.not_broken",
            StoreError::SetAside { .. } => "db.set_aside",
            StoreError::DraftNotFound { .. } => "draft.not_found",
            StoreError::RevisionNotFound { .. } => "draft.revision_not_found",
            StoreError::Conflict { .. } => "draft.conflict",
            StoreError::InvalidLanguage { .. } => "draft.invalid_language",
            StoreError::UnknownNetwork { .. } => "draft.unknown_network",
            StoreError::Invalid { .. } => "draft.invalid",
            StoreError::TooLarge { .. } => "draft.too_large",
            StoreError::MediaUnsupported { .. } => "media.unsupported",
            StoreError::MediaMissing { .. } => "media.missing",
            StoreError::MediaUnreadable { .. } => "media.unreadable",
            StoreError::MediaTooLarge { .. } => "media.too_large",
            StoreError::AttachmentNotFound { .. } => "media.not_found",
            StoreError::InvalidSetting { .. } => "settings.invalid",
            StoreError::InvalidLimit { .. } => "limits.invalid",
        }
    }

    /// True for the failures a "keep aside and start fresh" button can fix
    /// ([`crate::Store::start_fresh`]).
    pub fn can_start_fresh(&self) -> bool {
        matches!(
            self,
            StoreError::Corrupt { .. } | StoreError::NotFerry { .. } | StoreError::TooNew { .. }
        )
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }
}

/// What the UI and `--json` receive for any failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
}

impl Serialize for StoreError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}
