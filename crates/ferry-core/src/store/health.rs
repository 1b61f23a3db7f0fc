//! What opening checks before Ferry writes anything to an existing file:
//!
//! 1. `PRAGMA quick_check` passes (else `db.corrupt`);
//! 2. the file is Ferry's: its `application_id` is Ferry's, or it is brand new and empty
//!    (else `db.not_ferry`);
//! 3. it holds no migration this build doesn't know (else `db.too_new`);
//!
//! and only then applies pending migrations. A refused file is never modified.

use std::collections::HashSet;
use std::path::Path;

use sqlx::SqlitePool;
use sqlx::migrate::{MigrateError, Migrator};

use crate::error::StoreError;

use super::sql_error::from_sqlx;

/// 'FERY' as a big-endian integer, set by the first migration.
pub const FERRY_APPLICATION_ID: i64 = 0x4645_5259;

static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

pub(super) async fn check_and_migrate(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    quick_check(pool, path).await?;
    check_is_ferry(pool, path).await?;
    refuse_newer_schema(pool, path).await?;
    MIGRATOR
        .run(pool)
        .await
        .map_err(|err| migrate_err(path, err))
}

async fn quick_check(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    let problems: Vec<String> = sqlx::query_scalar("PRAGMA quick_check(5)")
        .fetch_all(pool)
        .await
        .map_err(|e| from_sqlx(path, e))?;
    if problems.len() == 1 && problems[0] == "ok" {
        return Ok(());
    }
    Err(StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: format!("integrity check failed: {}", problems.join("; ")),
    })
}

async fn check_is_ferry(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    let app_id: i64 = sqlx::query_scalar("PRAGMA application_id")
        .fetch_one(pool)
        .await
        .map_err(|e| from_sqlx(path, e))?;
    if app_id == FERRY_APPLICATION_ID {
        return Ok(());
    }
    // sqlx creates its bookkeeping table before the first migration's transaction, so a
    // file holding only that is still a new Ferry database.
    let foreign: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_schema WHERE name <> '_sqlx_migrations' ORDER BY name LIMIT 5",
    )
    .fetch_all(pool)
    .await
    .map_err(|e| from_sqlx(path, e))?;
    if app_id == 0 && foreign.is_empty() {
        return Ok(());
    }
    let detail = if app_id != 0 {
        format!("its application id is {app_id:#x}, Ferry's is {FERRY_APPLICATION_ID:#x}")
    } else {
        format!("it holds other tables: {}", foreign.join(", "))
    };
    Err(StoreError::NotFerry {
        path: path.to_path_buf(),
        detail,
    })
}

async fn refuse_newer_schema(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    let has_table: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(pool)
    .await
    .map_err(|e| from_sqlx(path, e))?;
    if !has_table {
        return Ok(());
    }
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
            .fetch_all(pool)
            .await
            .map_err(|e| from_sqlx(path, e))?;
    let known: HashSet<i64> = MIGRATOR.iter().map(|m| m.version).collect();
    match applied.iter().copied().filter(|v| !known.contains(v)).max() {
        Some(version) => Err(StoreError::TooNew {
            path: path.to_path_buf(),
            version,
            known: latest_known_version(),
        }),
        None => Ok(()),
    }
}

/// The newest schema version this build can migrate to.
pub fn latest_known_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

fn migrate_err(path: &Path, err: MigrateError) -> StoreError {
    match err {
        MigrateError::Execute(e) | MigrateError::ExecuteMigration(e, _) => from_sqlx(path, e),
        MigrateError::VersionMissing(version) => StoreError::TooNew {
            path: path.to_path_buf(),
            version,
            known: latest_known_version(),
        },
        other => StoreError::Migrate {
            path: path.to_path_buf(),
            detail: other.to_string(),
        },
    }
}
