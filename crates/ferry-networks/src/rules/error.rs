//! Errors of the text rules, each with a stable [`RulesError::code`].

use ferry_macros::Coded;
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq, Coded)]
pub enum RulesError {
    #[error("unknown network {name:?}; known networks: {known}")]
    #[code("network.unknown")]
    UnknownNetwork { name: String, known: String },
    #[error("{network} has no threads to split a post into")]
    #[code("split.no_threads")]
    NoThreads { network: String },
    #[error(
        "cannot split for {network}: a single character plus the numbering does not fit in {limit} {unit}"
    )]
    #[code("split.impossible")]
    SplitImpossible {
        network: String,
        limit: usize,
        unit: String,
    },
}
