//! What a failed command sends to the UI: `{code, message}`, the engine's [`ErrorPayload`].
//!
//! Every command returns [`CommandResult<T>`], and any coded error converts into the payload
//! (`impl<E: Coded> From<E> for ErrorPayload`), so `?` on an engine call is all a command
//! body needs; the UI's `BackendError` reads the same two fields. What only the shell can
//! refuse is an [`AppError`], declared here with its codes like the engine's errors.

// The trait and its derive, as `serde::Serialize` is both.
use ferry_core::Coded;

/// A command's rejection: the same payload the engine and the CLI use.
pub type CommandError = ferry_core::ErrorPayload;

pub type CommandResult<T> = Result<T, CommandError>;

/// What the shell itself refuses or fails at, as opposed to the engine.
#[derive(Debug, thiserror::Error, Coded)]
pub enum AppError {
    #[error("{0}")]
    #[code("app.window")]
    Window(#[from] tauri::Error),

    #[error("could not open {url} in the browser: {detail}")]
    #[code("app.browser")]
    Browser { url: String, detail: String },

    #[error("{url:?} is not a web address (http:// or https://)")]
    #[code("app.bad_link")]
    BadLink { url: String },

    #[error("the app started without its database")]
    #[code("app.no_database")]
    NoDatabase,

    #[error("the database is not open yet; the app opens it when the window starts")]
    #[code("db.not_open")]
    NotOpen,

    #[error("this Mastodon sign-in is already waiting for the browser")]
    #[code("account.sign_in_busy")]
    SignInBusy,

    #[error("no sign-in {id} is in progress; start it again")]
    #[code("account.sign_in_gone")]
    SignInGone { id: String },

    #[error("the sign-in was cancelled")]
    #[code("account.sign_in_cancelled")]
    SignInCancelled,

    #[error("could not open the folder {path}: {detail}")]
    #[code("app.open_folder")]
    OpenFolder { path: String, detail: String },

    #[error("could not change starting Ferry at login: {detail}")]
    #[code("app.autostart")]
    Autostart { detail: String },

    /// Work moved off the async threads panicked or was cancelled.
    #[error("{detail}")]
    #[code("internal")]
    Internal { detail: String },

    /// Never sent by Rust: the UI's code for a rejection that is not a `{code, message}`
    /// (a Tauri IPC failure, a missing command), listed here so the UI's union has it.
    #[error("{detail}")]
    #[code("app.unexpected")]
    Unexpected { detail: String },
}

impl Coded for AppError {
    fn code(&self) -> &'static str {
        AppError::code(self)
    }
}

impl AppError {
    pub fn internal(err: impl std::fmt::Display) -> AppError {
        AppError::Internal {
            detail: err.to_string(),
        }
    }
}

/// Every code a command can reject with, sorted, each once; the UI's `ErrorCode` union is
/// generated from this list. (Target failures inside a publish job and hint warnings are
/// data in an answer, not rejections, so their codes are not here.)
pub fn codes() -> Vec<&'static str> {
    use ferry_core::accounts::AccountError;
    use ferry_core::feed::FeedError;
    use ferry_core::handoff::HandoffError;
    use ferry_core::outbox::PublishError;
    use ferry_core::schedule::ScheduleError;
    use ferry_core::translation::TranslationError;

    let mut codes = [
        ferry_core::StoreError::codes(),
        AccountError::codes(),
        PublishError::codes(),
        TranslationError::codes(),
        ScheduleError::codes(),
        FeedError::codes(),
        HandoffError::codes(),
        ferry_core::media_host::MediaHostError::codes(),
        ferry_hints::HintsError::codes(),
        ferry_networks::rules::RulesError::codes(),
        AppError::codes(),
    ]
    .concat();
    codes.sort_unstable();
    codes.dedup();
    codes
}

#[cfg(test)]
mod tests {
    use super::*;
    use ferry_core::StoreError;

    #[test]
    fn engine_errors_keep_code_and_message() {
        let err = CommandError::from(StoreError::DraftNotFound { id: "d1".into() });
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "draft.not_found");
        assert_eq!(json["message"], "no draft with id d1");
    }

    #[test]
    fn shell_errors_are_payloads_too() {
        let err = CommandError::from(AppError::SignInGone {
            id: "mastodon-3".into(),
        });
        assert_eq!(err.code, "account.sign_in_gone");
        assert_eq!(
            err.message,
            "no sign-in mastodon-3 is in progress; start it again"
        );
    }

    #[test]
    fn codes_are_sorted_unique_and_cover_engine_and_shell() {
        let codes = codes();
        assert!(!codes.is_empty());
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
        for code in [
            "db.locked",
            "draft.not_found",
            "app.unexpected",
            "app.window",
            "account.sign_in_gone",
            "net.auth",
            "secrets.no_keychain",
            "translate.disabled",
            "translate.rate_limited",
            "outbox.already_published",
            "convert.unknown_target",
            "schedule.dst_fold",
            "feed.not_found",
            "feed.bad_profile",
            "feed.unreachable",
        ] {
            assert!(codes.contains(&code), "{code} missing from {codes:?}");
        }
    }
}
