//! `OpenStore`: a command argument that is the open database, or the reason it isn't.
//!
//! A command that takes `store: OpenStore` only runs once the database is open; otherwise
//! the call is rejected with the opening error's `{code, message}` before the body runs. That
//! keeps command bodies to the engine call itself, and lets tests call a command directly
//! with `OpenStore(store)` on a temporary database.

use std::ops::Deref;

use ferry_core::Store;
use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::{Manager, Runtime};

use crate::database::Database;
use crate::error::{AppError, CommandError};

#[derive(Debug, Clone)]
pub struct OpenStore(pub Store);

impl Deref for OpenStore {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.0
    }
}

impl<'de, R: Runtime> CommandArg<'de, R> for OpenStore {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let Some(database) = command.message.webview_ref().try_state::<Database>() else {
            let err = CommandError::from(AppError::NoDatabase);
            return Err(InvokeError::from(err));
        };
        database.store().map(OpenStore).map_err(InvokeError::from)
    }
}
