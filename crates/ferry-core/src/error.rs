//! Everything the store can refuse or fail at, as one enum with a stable `code()`, and how
//! any of Ferry's errors reaches people: the [`Coded`] trait and its one conversion into
//! [`ErrorPayload`].
//!
//! The desktop shell and the CLI both show `{code, message}`: the code is for programs and
//! translations (`db.locked`, `draft.conflict` …), the message is a sentence for people that
//! names the file, draft or field involved and what to do. Each code is declared once, on its
//! variant: `#[code("db.locked")]` (see `ferry_macros::Coded`).

/// The derive that declares an enum's codes, re-exported beside the trait it goes with.
pub use ferry_macros::Coded;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, thiserror::Error, Coded)]
pub enum StoreError {
    #[error(
        "the database {path} is locked by another program (the Ferry app or another `ferry` \
         command) and stayed locked for the whole wait; close the other one or try again"
    )]
    #[code("db.locked")]
    Locked { path: PathBuf },

    #[error(
        "cannot write to {path}: {detail}; check the folder exists, is yours and has free space"
    )]
    #[code("db.unwritable")]
    Unwritable { path: PathBuf, detail: String },

    /// SQLite's "database or disk is full", or the OS's "no space left on device": the write
    /// was rolled back, so everything saved before it is intact.
    #[error(
        "the disk holding {path} is full, so this was not saved; what was saved before is          intact. Free some space, then save again"
    )]
    #[code("db.disk_full")]
    DiskFull { path: PathBuf },

    #[error(
        "the database {path} is damaged ({detail}); it was left untouched. Run `ferry drafts \
         recover` (or choose \"keep aside and start fresh\") to move it aside and start a new one"
    )]
    #[code("db.corrupt")]
    Corrupt { path: PathBuf, detail: String },

    #[error(
        "{path} is an SQLite database but not a Ferry one ({detail}); it was left untouched. Set \
         FERRY_DATA_DIR to another folder, or run `ferry drafts recover` to move it aside"
    )]
    #[code("db.not_ferry")]
    NotFerry { path: PathBuf, detail: String },

    #[error(
        "the database {path} was written by a newer Ferry (schema version {version}, this build \
         knows up to {known}); update Ferry to open it. It was left untouched"
    )]
    #[code("db.too_new")]
    TooNew {
        path: PathBuf,
        version: i64,
        known: i64,
    },

    #[error("cannot bring the database {path} up to date: {detail}")]
    #[code("db.migrate")]
    Migrate { path: PathBuf, detail: String },

    #[error("database error on {path}: {detail}")]
    #[code("db.error")]
    Sqlite { path: PathBuf, detail: String },

    #[error("cannot find a data folder for Ferry ({detail}); set FERRY_DATA_DIR")]
    #[code("db.no_data_dir")]
    NoDataDir { detail: String },

    #[error("the database {path} opens fine, so there is nothing to recover; nothing was moved")]
    #[code("db.not_broken")]
    NotBroken { path: PathBuf },

    #[error("cannot move the damaged database {path} aside: {detail}")]
    #[code("db.set_aside")]
    SetAside { path: PathBuf, detail: String },

    #[error("no draft with id {id}")]
    #[code("draft.not_found")]
    DraftNotFound { id: String },

    #[error("draft {id} has no revision {revision}")]
    #[code("draft.revision_not_found")]
    RevisionNotFound { id: String, revision: u32 },

    #[error(
        "draft {id} was changed elsewhere: it is at revision {head}, but this edit was based on \
         revision {base}; reload the draft (your text was not saved)"
    )]
    #[code("draft.conflict")]
    Conflict { id: String, base: u32, head: u32 },

    #[error("\"{tag}\" is not a language tag like en, zh-Hans or pt-BR: {reason}")]
    #[code("draft.invalid_language")]
    InvalidLanguage { tag: String, reason: String },

    #[error(
        "\"{id}\" is not a network Ferry knows (x, bluesky, mastodon, threads, telegram, nostr, \
         rednote, weibo)"
    )]
    #[code("draft.unknown_network")]
    UnknownNetwork { id: String },

    #[error("invalid {field}: {reason}")]
    #[code("draft.invalid")]
    Invalid { field: String, reason: String },

    #[error("{what} is {chars} characters long; the most a draft holds is {max}")]
    #[code("draft.too_large")]
    TooLarge {
        what: String,
        chars: usize,
        max: usize,
    },

    #[error("{path} cannot be attached: {reason}; Ferry attaches PNG, JPEG, GIF and WebP images")]
    #[code("media.unsupported")]
    MediaUnsupported { path: PathBuf, reason: String },

    #[error("{path} does not exist")]
    #[code("media.missing")]
    MediaMissing { path: PathBuf },

    #[error("cannot read {path}: {detail}")]
    #[code("media.unreadable")]
    MediaUnreadable { path: PathBuf, detail: String },

    #[error("{path} is {bytes} bytes; attachments can be at most {max} bytes")]
    #[code("media.too_large")]
    MediaTooLarge { path: PathBuf, bytes: u64, max: u64 },

    #[error("draft {draft} has no attachment {attachment}")]
    #[code("media.not_found")]
    AttachmentNotFound { draft: String, attachment: String },

    #[error("invalid setting {key:?}: {reason}")]
    #[code("settings.invalid")]
    InvalidSetting { key: String, reason: String },

    #[error("{field}: {reason}")]
    #[code("limits.invalid")]
    InvalidLimit { field: String, reason: String },
}

impl StoreError {
    /// True for the failures a "keep aside and start fresh" button can fix
    /// ([`crate::Store::start_fresh`]).
    pub fn can_start_fresh(&self) -> bool {
        matches!(
            self,
            StoreError::Corrupt { .. } | StoreError::NotFerry { .. } | StoreError::TooNew { .. }
        )
    }
}

/// What the UI and `--json` receive for any failure.
// Made from any [`Coded`] error by `ErrorPayload::from(err)` (so `?` converts) or
// `ErrorPayload::of(&err)`, and nowhere else. (Not a doc comment: ts-rs copies those into the
// TypeScript binding.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
}

/// An error with a stable code: every error enum of the engine, the rules and the hints
/// (declared with `#[derive(ferry_macros::Coded)]`), and the shell's and the CLI's own.
///
/// The derive gives each enum an inherent `code()` and `codes()`; this trait is what lets
/// the shell and the CLI take any of them, through the one conversion into [`ErrorPayload`].
/// (The derive cannot implement it itself: ferry-networks and ferry-hints sit below
/// ferry-core, so their types get theirs here.)
pub trait Coded: std::fmt::Display {
    fn code(&self) -> &'static str;
}

impl ErrorPayload {
    /// The code, read the way [`Coded::code`] reads it on an error (tests check either alike).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// `{code, message}` of an error kept by reference (a logged failure, a stored refusal).
    pub fn of(err: &(impl Coded + ?Sized)) -> ErrorPayload {
        ErrorPayload {
            code: err.code().to_owned(),
            message: err.to_string(),
        }
    }
}

/// `ErrorPayload` itself is not `Coded` (its code is data, read back from the database), which
/// is what lets this blanket conversion exist beside `From<T> for T`.
impl<E: Coded> From<E> for ErrorPayload {
    fn from(err: E) -> Self {
        ErrorPayload::of(&err)
    }
}

impl std::fmt::Display for ErrorPayload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for ErrorPayload {}

/// `Coded` for each error type, through the `code()` its derive generated.
macro_rules! coded {
    ($($error:ty),* $(,)?) => {$(
        impl Coded for $error {
            fn code(&self) -> &'static str {
                <$error>::code(self)
            }
        }
    )*};
}

coded!(
    StoreError,
    crate::accounts::AccountError,
    crate::outbox::PublishError,
    crate::secrets::SecretsError,
    crate::translation::TranslationError,
    crate::schedule::ScheduleError,
    crate::feed::FeedError,
    crate::handoff::HandoffError,
    crate::media_host::MediaHostError,
    ferry_networks::http::ClientError,
    ferry_networks::media::MediaError,
    ferry_networks::rules::RulesError,
    ferry_networks::rss::FetchError,
    ferry_networks::rss::RouteError,
    ferry_hints::HintsError,
    ferry_hints::translate::TranslateError,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::AccountError;
    use crate::translation::TranslationError;

    #[test]
    fn a_coded_error_becomes_its_code_and_message() {
        let payload = ErrorPayload::from(StoreError::DraftNotFound { id: "d1".into() });
        assert_eq!(payload.code, "draft.not_found");
        assert_eq!(payload.message, "no draft with id d1");
        let json = serde_json::to_value(&payload).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "draft.not_found", "message": "no draft with id d1"})
        );
    }

    #[test]
    fn wrapped_errors_keep_the_inner_code() {
        let err = AccountError::Store(StoreError::Locked {
            path: "/x/ferry.db".into(),
        });
        assert_eq!(Coded::code(&err), "db.locked");
        assert_eq!(
            ErrorPayload::of(&err).message,
            StoreError::Locked {
                path: "/x/ferry.db".into()
            }
            .to_string()
        );
    }

    #[test]
    fn codes_list_own_and_wrapped_codes_sorted_once() {
        let codes = AccountError::codes();
        for code in [
            "account.not_found",
            "db.locked",
            "secrets.no_keychain",
            "net.auth",
        ] {
            assert!(codes.contains(&code), "{code} missing from {codes:?}");
        }
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        // Two variants (and the provider's own `Disabled`) share this code; it is listed once.
        let translation = TranslationError::codes();
        let disabled = translation
            .iter()
            .filter(|c| **c == "translate.disabled")
            .count();
        assert_eq!(disabled, 1, "{translation:?}");
        assert_eq!(StoreError::codes().len(), 25);
    }
}
