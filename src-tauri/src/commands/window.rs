//! Closing the main window once the UI has saved what it was holding (see `close_guard`).

use tauri::{AppHandle, Runtime};

use crate::close_guard;
use crate::error::CommandResult;

/// The UI's answer to `ferry://close-requested`: its last autosave is done, close now.
#[ferry_macros::command]
pub fn close_main_window<R: Runtime>(app: AppHandle<R>) -> CommandResult<()> {
    close_guard::close_now(&app)
}
