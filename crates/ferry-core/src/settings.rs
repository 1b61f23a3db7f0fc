//! Small app preferences (the UI's language, its theme …) as text under a key, in the same
//! database so the app and the CLI share them.
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store) -> Result<(), ferry_core::StoreError> {
//! store.set_setting("ui.language", "zh-Hant").await?;
//! assert_eq!(store.get_setting("ui.language").await?.as_deref(), Some("zh-Hant"));
//! # Ok(()) }
//! ```

use crate::Store;
use crate::clock;
use crate::error::StoreError;

const MAX_KEY_LEN: usize = 128;
const MAX_VALUE_BYTES: usize = 64 * 1024;

impl Store {
    pub async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        check_key(key)?;
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.db_err(e))
    }

    pub async fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        check_key(key)?;
        if value.len() > MAX_VALUE_BYTES {
            return Err(StoreError::InvalidSetting {
                key: key.to_owned(),
                reason: format!(
                    "the value is {} bytes; at most {MAX_VALUE_BYTES}",
                    value.len()
                ),
            });
        }
        sqlx::query(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(key)
        .bind(value)
        .bind(clock::to_db(clock::now()))
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(())
    }

    /// Removes a setting; removing one that isn't set is fine.
    pub async fn delete_setting(&self, key: &str) -> Result<(), StoreError> {
        check_key(key)?;
        sqlx::query("DELETE FROM settings WHERE key = ?")
            .bind(key)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        Ok(())
    }
}

/// Keys are short dotted ASCII names like `ui.theme`, so they read well in the database.
fn check_key(key: &str) -> Result<(), StoreError> {
    let ok = !key.is_empty()
        && key.len() <= MAX_KEY_LEN
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        return Ok(());
    }
    Err(StoreError::InvalidSetting {
        key: key.to_owned(),
        reason: format!("keys are 1–{MAX_KEY_LEN} ASCII letters, digits, '.', '_' or '-'"),
    })
}
