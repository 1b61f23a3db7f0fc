//! What opening checks before Ferry writes anything to an existing file:
//!
//! 0. it starts with SQLite's header (else `db.corrupt`, without SQLite ever opening it:
//!    opening can replay or delete a `-wal` beside it);
//! 1. `PRAGMA quick_check` passes (else `db.corrupt`);
//! 2. the file is Ferry's: its `application_id` is Ferry's, or it is brand new and empty
//!    (else `db.not_ferry`);
//! 3. it holds no migration this build doesn't know (else `db.too_new`).
//!
//! Checks 1–3 run on a read-only connection that changes no setting: even switching the
//! journal to WAL rewrites the header, and a refused file must stay byte-identical. Only
//! after they pass does the pool (WAL, foreign keys …) open it and apply pending migrations.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use sqlx::migrate::{MigrateError, Migrator};
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{Connection, SqlitePool};

use crate::error::StoreError;

use super::sql_error::from_sqlx;

/// 'FERY' as a big-endian integer, set by the first migration.
pub const FERRY_APPLICATION_ID: i64 = 0x4645_5259;

static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Checks an existing database file before anything may write to it; a missing or empty
/// file passes (it becomes a new database).
pub(super) async fn inspect_existing(
    path: &Path,
    busy_timeout: Duration,
) -> Result<(), StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(unwritable(path, err.to_string())),
    };
    if meta.is_dir() {
        return Err(unwritable(
            path,
            "it is a folder, not a database file".to_owned(),
        ));
    }
    if meta.len() == 0 {
        return Ok(());
    }
    check_header(path)?;
    let probe = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .busy_timeout(busy_timeout);
    let mut conn = SqliteConnection::connect_with(&probe)
        .await
        .map_err(|e| from_sqlx(path, e))?;
    let verdict = inspect(&mut conn, path).await;
    let _ = conn.close().await;
    verdict
}

async fn inspect(conn: &mut SqliteConnection, path: &Path) -> Result<(), StoreError> {
    quick_check(conn, path).await?;
    check_is_ferry(conn, path).await?;
    refuse_newer_schema(conn, path).await
}

fn check_header(path: &Path) -> Result<(), StoreError> {
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(path)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|err| unwritable(path, format!("cannot read it: {err}")))?;
    if head.as_slice() == SQLITE_HEADER {
        return Ok(());
    }
    let shown: Vec<String> = head.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Err(StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: format!(
            "it is not an SQLite database: it starts with {}",
            shown.join(" ")
        ),
    })
}

fn unwritable(path: &Path, detail: String) -> StoreError {
    StoreError::Unwritable {
        path: path.to_path_buf(),
        detail,
    }
}

/// Applies the migrations this build has and the database lacks.
pub(super) async fn migrate(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    let applied = async || -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
            .fetch_one(pool)
            .await
            .unwrap_or(0)
    };
    let before = applied().await;
    MIGRATOR
        .run(pool)
        .await
        .map_err(|err| migrate_err(path, err))?;
    if applied().await != before {
        // Every migration's pages sit in the WAL, and checkpoints are left to `upkeep`: on a
        // new or upgraded database that WAL would keep megabytes of disk that the first
        // saves may need (a nearly full disk). Fold it into the file and give the space
        // back now; a failure here only leaves it for the next checkpoint.
        let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(pool)
            .await;
    }
    Ok(())
}

async fn quick_check(pool: &mut SqliteConnection, path: &Path) -> Result<(), StoreError> {
    let problems: Vec<String> = sqlx::query_scalar("PRAGMA quick_check(5)")
        .fetch_all(&mut *pool)
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

async fn check_is_ferry(pool: &mut SqliteConnection, path: &Path) -> Result<(), StoreError> {
    let app_id: i64 = sqlx::query_scalar("PRAGMA application_id")
        .fetch_one(&mut *pool)
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
    .fetch_all(&mut *pool)
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

async fn refuse_newer_schema(pool: &mut SqliteConnection, path: &Path) -> Result<(), StoreError> {
    let has_table: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(&mut *pool)
    .await
    .map_err(|e| from_sqlx(path, e))?;
    if !has_table {
        return Ok(());
    }
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
            .fetch_all(&mut *pool)
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
