//! Closing the main window once the UI has saved what it was holding, or keeping it open when
//! that last save failed (see `close_guard`).

use tauri::{AppHandle, Runtime};

use crate::close_guard;
use crate::error::CommandResult;

/// The UI's answer to `ferry://close-requested`: its last autosave is done, close now.
#[ferry_macros::command]
pub fn close_main_window<R: Runtime>(app: AppHandle<R>) -> CommandResult<()> {
    close_guard::close_now(&app)
}

/// The UI's other answer: its last save failed, so the window stays open with the text and
/// the error rather than closing over unsaved work (the grace period's close is called off).
#[ferry_macros::command]
pub fn keep_main_window_open<R: Runtime>(app: AppHandle<R>) -> CommandResult<()> {
    close_guard::keep_open(&app);
    Ok(())
}
