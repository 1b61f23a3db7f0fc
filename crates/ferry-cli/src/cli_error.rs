//! What the `ferry` command itself refuses, before the engine is asked anything: bad usage,
//! unreadable stdin. Declared with codes like the engine's errors, so it reaches stderr
//! through the same `{code, message}` (see `output.rs`).

use ferry_core::Coded;

#[derive(Debug, thiserror::Error, Coded)]
pub enum CliError {
    /// Options that make no sense together (clap catches the rest).
    #[error("{0}")]
    #[code("cli.usage")]
    Usage(&'static str),

    /// Something required was not given at all.
    #[error("{0}")]
    #[code("input.missing")]
    Missing(&'static str),

    /// `what` is "stdin", or names what was being read from it.
    #[error("cannot read {what}: {detail}")]
    #[code("input.read")]
    Read { what: String, detail: String },

    #[error("{0}")]
    #[code("input.utf8")]
    NotUtf8(String),

    /// A value the command cannot use (an unknown `--state`, …), naming the option.
    #[error("{0}")]
    #[code("input.invalid")]
    Invalid(String),

    #[error("no {what} on stdin")]
    #[code("input.empty")]
    Empty { what: String },

    #[error("--to names no network; known: {known}")]
    #[code("network.none")]
    NoNetwork { known: String },

    /// `ferry feed refresh` reached no source: each one's error is in its report line.
    #[error("every feed source that was refreshed ({0}) failed; each one's error is listed")]
    #[code("feed.all_failed")]
    FeedsFailed(usize),

    /// A result that cannot be written as JSON.
    #[error("{0}")]
    #[code("internal.json")]
    Json(String),

    #[error("{0}")]
    #[code("internal")]
    Internal(String),
}

impl Coded for CliError {
    fn code(&self) -> &'static str {
        CliError::code(self)
    }
}

impl CliError {
    pub fn read(what: impl Into<String>, err: &std::io::Error) -> CliError {
        CliError::Read {
            what: what.into(),
            detail: err.to_string(),
        }
    }
}
