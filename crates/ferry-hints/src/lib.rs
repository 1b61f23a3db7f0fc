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

pub mod convert;
pub mod detect;
pub mod error;
pub mod lang;
pub mod runs;
pub mod script;
pub mod skip;
pub mod span;

pub use error::HintsError;
pub use lang::Lang;
pub use span::Span;
