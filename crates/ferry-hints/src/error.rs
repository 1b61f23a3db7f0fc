//! Errors of the offline hints. Each has a stable `code()` for the UI and the CLI; messages
//! name the file, line or value at fault.

use ferry_macros::Coded;
use std::path::PathBuf;

/// What can go wrong reading dictionaries, hint tables or converting text.
#[derive(Debug, thiserror::Error, Coded)]
pub enum HintsError {
    #[error(
        "dictionary file {path} is missing: run `make assets` (or set FERRY_DICT_DIR to a folder \
         built by scripts/dict/build_dict.py)"
    )]
    #[code("dict.missing")]
    DictMissing { path: PathBuf },
    #[error("the dictionaries are still loading; glosses will be there on the next call")]
    #[code("dict.loading")]
    DictLoading,
    #[error("cannot read dictionary file {path}: {source}")]
    #[code("dict.read")]
    DictRead {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("dictionary file {path}, line {line}: {problem}")]
    #[code("dict.format")]
    DictFormat {
        path: PathBuf,
        line: usize,
        problem: String,
    },
    #[error("hint table {file}: {problem}")]
    #[code("hints.table_invalid")]
    TableInvalid { file: String, problem: String },
    #[error("unknown conversion target {target:?}: use zh-Hans, zh-Hant, zh-TW or zh-HK")]
    #[code("convert.unknown_target")]
    UnknownTarget { target: String },
    #[error("the OpenCC converter {config} could not be loaded: {reason}")]
    #[code("convert.unavailable")]
    Converter {
        config: &'static str,
        reason: String,
    },
}
