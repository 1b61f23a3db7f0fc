//! Errors of the text rules, each with a stable [`RulesError::code`].

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum RulesError {
    #[error("unknown network {name:?}; known networks: {known}")]
    UnknownNetwork { name: String, known: String },
    #[error("{network} has no threads to split a post into")]
    NoThreads { network: String },
    #[error(
        "cannot split for {network}: a single character plus the numbering does not fit in {limit} {unit}"
    )]
    SplitImpossible {
        network: String,
        limit: usize,
        unit: String,
    },
}

impl RulesError {
    /// A stable, machine-readable code for the UI and the CLI's `--json` errors.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownNetwork { .. } => "network.unknown",
            Self::NoThreads { .. } => "split.no_threads",
            Self::SplitImpossible { .. } => "split.impossible",
        }
    }
}
