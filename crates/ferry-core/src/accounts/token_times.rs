//! When an account's token runs out and when Ferry last renewed it (Threads' long-lived
//! tokens last 60 days and may be renewed once a day old). Not secret: the token itself is in
//! the keychain.

use chrono::{DateTime, Utc};

use super::error::AccountError;
use crate::{Store, clock};

/// What is known of an account's token's life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TokenTimes {
    /// `None` until a renewal said (a pasted token's age is unknown).
    pub expires_at: Option<DateTime<Utc>>,
    pub renewed_at: Option<DateTime<Utc>>,
}

impl Store {
    pub(crate) async fn token_times(&self, account_id: &str) -> Result<TokenTimes, AccountError> {
        let row: Option<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT token_expires_at, token_renewed_at FROM accounts WHERE id = ?")
                .bind(account_id)
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| self.db_err(e))?;
        let (expires, renewed) = row.unwrap_or_default();
        // A time that doesn't read is as good as unknown: the token is then renewed sooner.
        let read = |t: Option<String>| t.and_then(|t| clock::from_db(&t).ok());
        Ok(TokenTimes {
            expires_at: read(expires),
            renewed_at: read(renewed),
        })
    }

    pub(crate) async fn set_token_times(
        &self,
        account_id: &str,
        times: TokenTimes,
    ) -> Result<(), AccountError> {
        sqlx::query("UPDATE accounts SET token_expires_at = ?, token_renewed_at = ? WHERE id = ?")
            .bind(times.expires_at.map(clock::to_db))
            .bind(times.renewed_at.map(clock::to_db))
            .bind(account_id)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        Ok(())
    }
}
