//! The `translation_providers` table: reading and writing provider rows.

use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::TranslationError;
use super::provider::{ProviderConfig, ProviderKind};
use crate::Store;
use crate::clock;
use crate::error::StoreError;

const COLUMNS: &str = "id, kind, url, model, enabled, has_key, position, created_at, updated_at";

pub(super) async fn list(store: &Store) -> Result<Vec<ProviderConfig>, TranslationError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM translation_providers ORDER BY position, id"
    ))
    .fetch_all(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    rows.iter().map(|row| from_row(store, row)).collect()
}

pub(super) async fn get(store: &Store, id: &str) -> Result<ProviderConfig, TranslationError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM translation_providers WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    match row {
        Some(row) => from_row(store, &row),
        None => Err(TranslationError::NotFound { id: id.to_owned() }),
    }
}

pub(super) async fn insert(store: &Store, config: &ProviderConfig) -> Result<(), TranslationError> {
    sqlx::query(
        "INSERT INTO translation_providers \
         (id, kind, url, model, enabled, has_key, position, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, \
                 (SELECT ifnull(max(position), -1) + 1 FROM translation_providers), ?, ?)",
    )
    .bind(&config.id)
    .bind(config.kind.as_str())
    .bind(&config.url)
    .bind(&config.model)
    .bind(config.enabled)
    .bind(config.has_key)
    .bind(clock::to_db(config.created_at))
    .bind(clock::to_db(config.updated_at))
    .execute(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    Ok(())
}

pub(super) async fn update(store: &Store, config: &ProviderConfig) -> Result<(), TranslationError> {
    sqlx::query(
        "UPDATE translation_providers SET url = ?, model = ?, enabled = ?, has_key = ?, \
         updated_at = ? WHERE id = ?",
    )
    .bind(&config.url)
    .bind(&config.model)
    .bind(config.enabled)
    .bind(config.has_key)
    .bind(clock::to_db(config.updated_at))
    .bind(&config.id)
    .execute(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    Ok(())
}

/// Deletes the row; false when there was none.
pub(super) async fn delete(store: &Store, id: &str) -> Result<bool, TranslationError> {
    let done = sqlx::query("DELETE FROM translation_providers WHERE id = ?")
        .bind(id)
        .execute(&store.pool)
        .await
        .map_err(|e| store.db_err(e))?;
    Ok(done.rows_affected() > 0)
}

fn from_row(store: &Store, row: &SqliteRow) -> Result<ProviderConfig, TranslationError> {
    let corrupt = |detail: String| -> TranslationError {
        StoreError::Corrupt {
            path: store.db_path().to_path_buf(),
            detail,
        }
        .into()
    };
    let get_text = |name: &str| -> Result<String, TranslationError> {
        row.try_get(name).map_err(|e| store.db_err(e).into())
    };
    let kind = get_text("kind")?;
    let time = |name: &str| -> Result<_, TranslationError> {
        clock::from_db(&get_text(name)?).map_err(corrupt)
    };
    Ok(ProviderConfig {
        id: get_text("id")?,
        kind: ProviderKind::parse(&kind)
            .ok_or_else(|| corrupt(format!("unknown translation provider kind {kind:?}")))?,
        url: row.try_get("url").map_err(|e| store.db_err(e))?,
        model: row.try_get("model").map_err(|e| store.db_err(e))?,
        enabled: row.try_get("enabled").map_err(|e| store.db_err(e))?,
        has_key: row.try_get("has_key").map_err(|e| store.db_err(e))?,
        position: row.try_get("position").map_err(|e| store.db_err(e))?,
        created_at: time("created_at")?,
        updated_at: time("updated_at")?,
    })
}
