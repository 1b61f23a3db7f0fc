//! Account rows in SQLite: non-secret data only.

use sqlx::SqliteConnection;

use super::error::AccountError;
use super::model::{
    Account, AccountLimits, AccountState, MediaServerProtocol, NostrMediaServer, Relay,
};
use crate::Store;
use crate::clock;
use crate::drafts::rows::decode_err;
use crate::model::{LangTag, Network, network_from_id};

const COLUMNS: &str = "id, network, handle, display_name, server_url, remote_id, audience_json, \
     limits_json, relays_json, state, state_detail, created_at, updated_at, media_server_url, \
     media_server_protocol";

type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// What signing in learned about an account, before it has an id.
#[derive(Debug, Clone)]
pub(crate) struct NewAccount {
    pub network: Network,
    pub handle: String,
    pub display_name: String,
    pub server_url: Option<String>,
    pub remote_id: String,
    pub audience: Vec<LangTag>,
    pub limits: Option<AccountLimits>,
    pub relays: Vec<Relay>,
    pub client_id: Option<String>,
}

impl Store {
    /// The id of the account already stored for this network, server and remote id, if any:
    /// signing in again to the same account updates it instead of adding a twin.
    pub(crate) async fn existing_account_id(
        &self,
        new: &NewAccount,
    ) -> Result<Option<String>, AccountError> {
        sqlx::query_scalar(
            "SELECT id FROM accounts WHERE network = ? AND ifnull(server_url, '') = ? \
             AND remote_id = ?",
        )
        .bind(new.network.name())
        .bind(new.server_url.as_deref().unwrap_or(""))
        .bind(&new.remote_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_err(e).into())
    }

    /// Inserts the account under `id`, or updates it (state back to active) when it exists.
    pub(crate) async fn upsert_account(
        &self,
        id: &str,
        new: &NewAccount,
    ) -> Result<Account, AccountError> {
        let now = clock::to_db(clock::now());
        sqlx::query(
            "INSERT INTO accounts (id, network, handle, display_name, server_url, remote_id, \
             audience_json, limits_json, relays_json, client_id, state, state_detail, position, \
             created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', NULL, \
               (SELECT ifnull(max(position), 0) + 1 FROM accounts), ?, ?) \
             ON CONFLICT (id) DO UPDATE SET handle = excluded.handle, \
               display_name = excluded.display_name, limits_json = excluded.limits_json, \
               relays_json = excluded.relays_json, client_id = excluded.client_id, \
               state = 'active', state_detail = NULL, updated_at = excluded.updated_at, \
               audience_json = CASE WHEN excluded.audience_json = '[]' THEN audience_json \
                                    ELSE excluded.audience_json END",
        )
        .bind(id)
        .bind(new.network.name())
        .bind(&new.handle)
        .bind(&new.display_name)
        .bind(new.server_url.as_deref())
        .bind(&new.remote_id)
        .bind(to_json(&new.audience))
        .bind(new.limits.as_ref().map(to_json))
        .bind(to_json(&new.relays))
        .bind(new.client_id.as_deref())
        .bind(&now)
        .bind(&now)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        self.account(id).await
    }

    /// One account, or `account.not_found`.
    pub async fn account(&self, id: &str) -> Result<Account, AccountError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_err(e))?;
        load(&mut conn, id)
            .await
            .map_err(|e| self.db_err(e))?
            .ok_or_else(|| AccountError::NotFound { id: id.to_owned() })
    }

    /// Every account, in the order they were added.
    pub async fn list_accounts(&self) -> Result<Vec<Account>, AccountError> {
        let rows: Vec<Row> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM accounts ORDER BY position"))
                .fetch_all(&self.pool)
                .await
                .map_err(|e| self.db_err(e))?;
        rows.into_iter()
            .map(decode)
            .collect::<Result<_, _>>()
            .map_err(|e| self.db_err(e).into())
    }

    /// Marks an account as needing a new sign-in (a dead token) or active again.
    pub async fn set_account_state(
        &self,
        id: &str,
        state: AccountState,
        detail: Option<&str>,
    ) -> Result<(), AccountError> {
        let done = sqlx::query(
            "UPDATE accounts SET state = ?, state_detail = ?, updated_at = ? WHERE id = ?",
        )
        .bind(state.as_str())
        .bind(detail)
        .bind(clock::to_db(clock::now()))
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        found(done.rows_affected(), id)
    }

    /// Which variants the account gets (`["zh-Hans"]`); empty means the draft's main one.
    pub async fn set_account_audience(
        &self,
        id: &str,
        audience: &[LangTag],
    ) -> Result<Account, AccountError> {
        let done =
            sqlx::query("UPDATE accounts SET audience_json = ?, updated_at = ? WHERE id = ?")
                .bind(to_json(&audience))
                .bind(clock::to_db(clock::now()))
                .bind(id)
                .execute(&self.pool)
                .await
                .map_err(|e| self.db_err(e))?;
        found(done.rows_affected(), id)?;
        self.account(id).await
    }

    /// Sets (or with `None` clears) a Nostr account's media server.
    pub(crate) async fn set_account_media_server(
        &self,
        id: &str,
        server: Option<&NostrMediaServer>,
    ) -> Result<Account, AccountError> {
        let done = sqlx::query(
            "UPDATE accounts SET media_server_url = ?, media_server_protocol = ?, updated_at = ? \
             WHERE id = ?",
        )
        .bind(server.map(|s| s.url.as_str()))
        .bind(server.map(|s| s.protocol.as_str()))
        .bind(clock::to_db(clock::now()))
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        found(done.rows_affected(), id)?;
        self.account(id).await
    }

    pub(crate) async fn delete_account_row(&self, id: &str) -> Result<bool, AccountError> {
        let done = sqlx::query("DELETE FROM accounts WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        Ok(done.rows_affected() > 0)
    }
}

fn found(rows: u64, id: &str) -> Result<(), AccountError> {
    if rows == 0 {
        return Err(AccountError::NotFound { id: id.to_owned() });
    }
    Ok(())
}

async fn load(conn: &mut SqliteConnection, id: &str) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM accounts WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(decode).transpose()
}

fn decode(row: Row) -> Result<Account, sqlx::Error> {
    let (id, network, handle, display, server, remote, audience, limits, relays, state, detail) = (
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9, row.10,
    );
    let column =
        |name: &str, e: serde_json::Error| decode_err(format!("{name} of account {id}: {e}"));
    Ok(Account {
        network: network_from_id(&network).map_err(|e| decode_err(e.to_string()))?,
        handle,
        display_name: display,
        server_url: server,
        remote_id: remote,
        audience: serde_json::from_str(&audience).map_err(|e| column("audience", e))?,
        limits: limits
            .map(|l| serde_json::from_str(&l))
            .transpose()
            .map_err(|e| column("limits", e))?,
        relays: serde_json::from_str(&relays).map_err(|e| column("relays", e))?,
        state: AccountState::parse(&state)
            .ok_or_else(|| decode_err(format!("unknown account state {state:?} of {id}")))?,
        state_detail: detail,
        created_at: clock::from_db(&row.11).map_err(decode_err)?,
        updated_at: clock::from_db(&row.12).map_err(decode_err)?,
        media_server: match (row.13, row.14) {
            (Some(url), Some(protocol)) => Some(NostrMediaServer {
                protocol: MediaServerProtocol::parse(&protocol).ok_or_else(|| {
                    decode_err(format!(
                        "unknown media server protocol {protocol:?} of {id}"
                    ))
                })?,
                url,
            }),
            _ => None,
        },
        id,
    })
}

/// A JSON column's text. The values are plain data (strings, numbers, vectors of them), whose
/// serialisation cannot fail.
fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
