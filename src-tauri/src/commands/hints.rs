//! The hints panel and Simplified ↔ Traditional conversion, offline (crates/ferry-hints).
//!
//! `hints` answers every keystroke, so it never waits for the dictionaries: the app warms
//! them on a background thread at start ([`warm_dictionaries`]) and until that finishes a call
//! answers at once with what needs none (runs, pinyin per character, hashtags, slang) and a
//! `dict.loading` warning. Missing dictionaries are a `dict.missing` warning in the answer,
//! not a failed command, so the panel can say so calmly.

use ferry_hints::Lang;
use ferry_hints::convert::{Target, convert};
use ferry_hints::dict::Dictionaries;
use ferry_hints::panel::{HintOptions, Hints, hints as panel_hints};

use crate::error::{AppError, CommandResult};

/// Everything the panel shows for `text`, written for the audience `variant` (a BCP 47 tag
/// such as `zh-Hans`; it turns on the language-mismatch check).
#[ferry_macros::command]
pub async fn hints(text: String, variant: Option<String>) -> CommandResult<Hints> {
    // Off the async threads: segmentation and lookups are CPU work (about a millisecond, more
    // for a long paste in a debug build).
    off_async_threads(move || hints_now(&text, variant.as_deref())).await
}

/// The body of [`hints`], for callers that are already off the async threads.
pub fn hints_now(text: &str, variant: Option<&str>) -> Hints {
    let options = HintOptions {
        variant: variant.map(Lang::parse),
        skip_unloaded: true,
        ..HintOptions::default()
    };
    panel_hints(text, &options)
}

/// `text` converted into `target`: `zh-Hans` (Mainland), `zh-TW` (Taiwan characters and
/// vocabulary), `zh-HK` (Hong Kong forms) or `zh-Hant` (same as `zh-TW`).
#[ferry_macros::command]
pub async fn convert_chinese(text: String, target: String) -> CommandResult<String> {
    off_async_threads(move || convert_now(&text, &target)).await?
}

/// The body of [`convert_chinese`].
pub fn convert_now(text: &str, target: &str) -> CommandResult<String> {
    let target = Target::parse(target)?;
    Ok(convert(text, target)?)
}

/// Runs `work` on the blocking pool; a panic there is an `internal` rejection, not a crash.
async fn off_async_threads<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError::internal(e).into())
}

/// Loads the dictionaries on a thread of its own, so the first keystrokes that find them
/// ready get glosses; called once when the app starts.
pub fn warm_dictionaries() {
    let spawned = std::thread::Builder::new()
        .name("ferry-dict-warm-up".into())
        .spawn(|| Dictionaries::shared().warm_up());
    if let Err(err) = spawned {
        // Not fatal: the panel's first full call loads them instead.
        tracing::warn!("cannot start the dictionary warm-up thread: {err}");
    }
}
