//! `server_schedules` rows, each account's "use the server's schedule" switch, and the lease
//! that lets one loop at a time talk to the servers for the whole database.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::model::{ServerCopy, ServerCopyState};
use crate::Store;
use crate::clock;
use crate::drafts::rows::decode_err;
use crate::error::{ErrorPayload, StoreError};
use crate::outbox::images::PlannedMedia;

/// One row: a target of one item, handed (or being handed) to its server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CopyRow {
    pub schedule_id: String,
    pub account_id: String,
    pub state: ServerCopyState,
    pub remote_id: Option<String>,
    pub key: String,
    pub due_at: DateTime<Utc>,
    pub fingerprint: String,
    pub text: String,
    pub lang: String,
    pub media: Vec<PlannedMedia>,
    pub status_url: Option<String>,
    pub reason: Option<ErrorPayload>,
    pub updated_at: DateTime<Utc>,
}

impl CopyRow {
    pub fn public(&self) -> ServerCopy {
        ServerCopy {
            state: self.state,
            due_at: self.due_at,
            status_url: self.status_url.clone(),
            reason: self.reason.clone(),
        }
    }
}

type RawRow = (
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

const COLUMNS: &str = "schedule_id, account_id, state, remote_id, idempotency_key, due_at, \
     fingerprint, text, lang, media_json, status_url, reason_code, reason_message, updated_at";

fn decode(raw: RawRow) -> Result<CopyRow, sqlx::Error> {
    let (schedule_id, account_id, state, remote_id, key, due_at, fingerprint, text) =
        (raw.0, raw.1, raw.2, raw.3, raw.4, raw.5, raw.6, raw.7);
    let at = |t: &str| clock::from_db(t).map_err(decode_err);
    Ok(CopyRow {
        state: ServerCopyState::parse(&state)
            .ok_or_else(|| decode_err(format!("unknown server copy state {state:?}")))?,
        schedule_id,
        account_id,
        remote_id,
        key,
        due_at: at(&due_at)?,
        fingerprint,
        text,
        lang: raw.8,
        media: serde_json::from_str(&raw.9)
            .map_err(|e| decode_err(format!("bad media_json: {e}")))?,
        status_url: raw.10,
        reason: raw.11.map(|code| ErrorPayload {
            code,
            message: raw.12.unwrap_or_default(),
        }),
        updated_at: at(&raw.13)?,
    })
}

impl Store {
    /// Every row, or those of one item.
    pub(crate) async fn server_copies(
        &self,
        schedule_id: Option<&str>,
    ) -> Result<Vec<CopyRow>, StoreError> {
        let raw: Vec<RawRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM server_schedules WHERE ?1 IS NULL OR schedule_id = ?1 \
             ORDER BY schedule_id, account_id"
        ))
        .bind(schedule_id)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        raw.into_iter()
            .map(decode)
            .collect::<Result<_, _>>()
            .map_err(|e| self.db_err(e))
    }

    /// Writes `row` (insert or replace), on disk before this returns: a request to the server
    /// follows, and its idempotency key must survive a power cut.
    pub(crate) async fn write_server_copy(&self, row: &CopyRow) -> Result<(), StoreError> {
        let now = clock::to_db(clock::now());
        self.write_durably(async |tx| {
            sqlx::query(
                "INSERT INTO server_schedules (schedule_id, account_id, state, remote_id, \
                 idempotency_key, due_at, fingerprint, text, lang, media_json, status_url, \
                 reason_code, reason_message, created_at, updated_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
                 ON CONFLICT (schedule_id, account_id) DO UPDATE SET state = excluded.state, \
                 remote_id = excluded.remote_id, idempotency_key = excluded.idempotency_key, \
                 due_at = excluded.due_at, fingerprint = excluded.fingerprint, text = excluded.text, \
                 lang = excluded.lang, media_json = excluded.media_json, \
                 status_url = excluded.status_url, reason_code = excluded.reason_code, \
                 reason_message = excluded.reason_message, updated_at = excluded.updated_at",
            )
            .bind(&row.schedule_id)
            .bind(&row.account_id)
            .bind(row.state.as_str())
            .bind(&row.remote_id)
            .bind(&row.key)
            .bind(clock::to_db(row.due_at))
            .bind(&row.fingerprint)
            .bind(&row.text)
            .bind(&row.lang)
            .bind(serde_json::to_string(&row.media).unwrap_or_else(|_| "[]".into()))
            .bind(&row.status_url)
            .bind(row.reason.as_ref().map(|r| r.code.as_str()))
            .bind(row.reason.as_ref().map(|r| r.message.as_str()))
            .bind(&now)
            .bind(&now)
            .execute(&mut *tx)
            .await
            .map(|_| ())
        })
        .await
    }

    /// Whether each account hands scheduled posts to its server (Mastodon accounts; on
    /// unless turned off).
    pub async fn server_schedule_switches(&self) -> Result<HashMap<String, bool>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT id, server_schedule FROM accounts WHERE network = 'mastodon' ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(rows.into_iter().map(|(id, on)| (id, on != 0)).collect())
    }

    /// Turns the server's schedule on or off for one Mastodon account. Copies it already
    /// holds are taken back by the next scheduler pass when turned off.
    pub async fn set_server_schedule(
        &self,
        account_id: &str,
        on: bool,
    ) -> Result<(), crate::schedule::ScheduleError> {
        let done = sqlx::query(
            "UPDATE accounts SET server_schedule = ? WHERE id = ? AND network = 'mastodon'",
        )
        .bind(i64::from(on))
        .bind(account_id)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        if done.rows_affected() == 0 {
            return Err(crate::schedule::ScheduleError::NotMastodon {
                account: account_id.to_owned(),
            });
        }
        self.ring_schedulers().await;
        Ok(())
    }

    /// Takes (or renews) lease `name` for `owner` until `now + length`; false while another
    /// owner's lease runs.
    pub(crate) async fn take_lease(
        &self,
        name: &str,
        owner: &str,
        now: DateTime<Utc>,
        length: Duration,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO scheduler_leases (name, owner, until) VALUES (?1, ?2, ?3) \
             ON CONFLICT (name) DO UPDATE SET owner = ?2, until = ?3 \
             WHERE scheduler_leases.owner = ?2 OR scheduler_leases.until < ?4",
        )
        .bind(name)
        .bind(owner)
        .bind(clock::to_db(now + length))
        .bind(clock::to_db(now))
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(done.rows_affected() == 1)
    }
}
