//! Offline hints for writing to two audiences at once.
//!
//! Everything here runs on the user's machine; only `translate` talks to a network, and only
//! to providers the user configured.
//!
//! ```
//! use ferry_hints::{detect::detect, convert::{convert, Target}};
//! assert_eq!(detect("Hello 世界").runs.len(), 2);
//! assert_eq!(convert("软件", Target::Taiwan).unwrap(), "軟體");
//! ```
//!
//! - `detect`: the language of each run of mixed text (`en`, `zh-Hans`, `zh-Hant`, `ja`,
//!   `ko`, …), skipping links, mentions, hashtags and emoji.
//! - `convert`: Simplified ↔ Traditional with Taiwan and Hong Kong phrasing.
//! - `panel::hints`: the hints panel's call — runs, sentences, Chinese words with pinyin and
//!   CC-CEDICT glosses (jieba-rs segmentation), English words with ECDICT glosses, hashtag
//!   equivalents, slang and tone notes, and a language-mismatch check.
//! - `dict`: the dictionaries, read lazily at run time from the folder `make assets` builds
//!   (`FERRY_DICT_DIR`, else the folder a package installed beside the program, else
//!   `$FERRY_CACHE/dict`, else `~/.cache/ferry/dict`). Run time, not
//!   `include_bytes!`, so `cargo build` never needs the data and the binary stays small;
//!   missing tables give a `dict.missing` warning, never a failed build.
//! - `tables`: the project's own hint tables (assets/hints/*.toml), compiled in.
//! - `translate`: optional machine translation through providers the user configured.

pub mod convert;
pub mod detect;
pub mod dict;
pub mod error;
pub mod lang;
pub mod memo;
pub mod panel;
pub mod pinyin_marks;
pub mod runs;
pub mod script;
pub mod segment;
pub mod skip;
pub mod span;
pub mod tables;
pub mod translate;

pub use error::HintsError;
pub use lang::Lang;
pub use span::Span;
