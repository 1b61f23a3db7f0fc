//! Opening the database, and the ways past a failure: try again, or start fresh.

use tauri::State;

use crate::database::{Database, DatabaseStatus};
use crate::error::CommandResult;

/// Opens the database on the first call and says whether that worked.
#[ferry_macros::command]
pub async fn database_status(database: State<'_, Database>) -> CommandResult<DatabaseStatus> {
    Ok(database.status().await)
}

#[ferry_macros::command]
pub async fn retry_database(database: State<'_, Database>) -> CommandResult<DatabaseStatus> {
    Ok(database.retry().await)
}

/// "Keep it aside and start fresh": only for a damaged, foreign or too-new database.
#[ferry_macros::command]
pub async fn start_fresh(database: State<'_, Database>) -> CommandResult<DatabaseStatus> {
    database.start_fresh().await
}
