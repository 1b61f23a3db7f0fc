//! The schedule rows a pass looks at, and the brief claim it takes on a waiting item while it
//! changes that item's copies (the same claim the scheduler takes to send it, so the two
//! exclude each other).

use chrono::{DateTime, Utc};

use crate::Store;
use crate::clock;
use crate::schedule::ScheduleError;
use crate::schedule::claim::CLAIM_LEASE;
use crate::schedule::rows::{COLUMNS, Row, StoredSchedule, decode};

/// Waiting items with a Mastodon account, and every item that has a copy on a server.
const WANTED: &str = "(s.state = 'scheduled' AND EXISTS \
     (SELECT 1 FROM json_each(s.accounts_json) j JOIN accounts a ON a.id = j.value \
      WHERE a.network = 'mastodon')) \
     OR EXISTS (SELECT 1 FROM server_schedules c WHERE c.schedule_id = s.id \
                AND c.state IN ('creating', 'kept'))";

/// The items a servers' pass looks at: see [`WANTED`].
pub(crate) async fn items_with_copies_or_waiting(
    store: &Store,
) -> Result<Vec<StoredSchedule>, ScheduleError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM schedules s WHERE {WANTED} ORDER BY s.due_at"
    ))
    .fetch_all(&store.pool)
    .await
    .map_err(|e| store.db_err(e))?;
    rows.into_iter()
        .map(decode)
        .collect::<Result<_, _>>()
        .map_err(|e| store.db_err(e).into())
}

impl Store {
    /// Whether a servers' pass has anything to look at, without opening the keychain (the
    /// app opens it only when some work needs it).
    pub async fn server_copies_wanted(&self) -> Result<bool, ScheduleError> {
        sqlx::query_scalar(&format!(
            "SELECT EXISTS (SELECT 1 FROM schedules s WHERE {WANTED})"
        ))
        .fetch_one(&self.pool)
        .await
        .map_err(|e| self.db_err(e).into())
    }

    /// Claims a waiting item for a change of its copies; false when it changed since it was
    /// read (or another loop holds it).
    pub(crate) async fn claim_for_copies(
        &self,
        item: &StoredSchedule,
        owner: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, ScheduleError> {
        let done = sqlx::query(
            "UPDATE schedules SET state = 'claimed', lease_owner = ?, lease_until = ? \
             WHERE id = ? AND state = 'scheduled' AND version = ?",
        )
        .bind(owner)
        .bind(clock::to_db(now + CLAIM_LEASE))
        .bind(&item.schedule.id)
        .bind(item.version)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(done.rows_affected() == 1)
    }

    /// Gives the item back to the scheduler (unless the user changed it meanwhile, which
    /// already released the claim).
    pub(crate) async fn release_copies_claim(
        &self,
        id: &str,
        owner: &str,
    ) -> Result<(), ScheduleError> {
        sqlx::query(
            "UPDATE schedules SET state = 'scheduled', lease_owner = NULL, lease_until = NULL \
             WHERE id = ? AND state = 'claimed' AND lease_owner = ?",
        )
        .bind(id)
        .bind(owner)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(())
    }

    /// Marks a claimed item handed over with no job: every target is its server's.
    pub(crate) async fn hand_to_servers(
        &self,
        id: &str,
        owner: &str,
        version: i64,
    ) -> Result<bool, crate::StoreError> {
        let done = sqlx::query(
            "UPDATE schedules SET state = 'handed', lease_owner = NULL, lease_until = NULL, \
             updated_at = ? WHERE id = ? AND state = 'claimed' AND lease_owner = ? AND version = ?",
        )
        .bind(clock::to_db(clock::now()))
        .bind(id)
        .bind(owner)
        .bind(version)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(done.rows_affected() == 1)
    }
}
