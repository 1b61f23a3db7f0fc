//! Errors of the offline hints. Each has a stable `code()` for the UI and the CLI; messages
//! name the file, line or value at fault.

use std::path::PathBuf;

/// What can go wrong reading dictionaries, hint tables or converting text.
#[derive(Debug, thiserror::Error)]
pub enum HintsError {
    #[error(
        "dictionary file {path} is missing: run `make assets` (or set FERRY_DICT_DIR to a folder \
         built by scripts/dict/build_dict.py)"
    )]
    DictMissing { path: PathBuf },
    #[error("the dictionaries are still loading; glosses will be there on the next call")]
    DictLoading,
    #[error("cannot read dictionary file {path}: {source}")]
    DictRead {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("dictionary file {path}, line {line}: {problem}")]
    DictFormat {
        path: PathBuf,
        line: usize,
        problem: String,
    },
    #[error("hint table {file}: {problem}")]
    TableInvalid { file: String, problem: String },
    #[error("unknown conversion target {target:?}: use zh-Hans, zh-Hant, zh-TW or zh-HK")]
    UnknownTarget { target: String },
    #[error("the OpenCC converter {config} could not be loaded: {reason}")]
    Converter {
        config: &'static str,
        reason: String,
    },
}

impl HintsError {
    /// A stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            HintsError::DictMissing { .. } => "dict.missing",
            HintsError::DictLoading => "dict.loading",
            HintsError::DictRead { .. } => "dict.read",
            HintsError::DictFormat { .. } => "dict.format",
            HintsError::TableInvalid { .. } => "hints.table_invalid",
            HintsError::UnknownTarget { .. } => "convert.unknown_target",
            HintsError::Converter { .. } => "convert.unavailable",
        }
    }
}
