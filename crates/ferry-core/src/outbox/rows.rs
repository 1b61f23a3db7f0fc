//! The outbox tables: jobs, their targets and each target's parts, written before any
//! network call and after every change of state.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::images::PlannedMedia;
use super::model::TargetState;
use super::plan::PlannedTarget;
use crate::clock;
use crate::drafts::rows::decode_err;
use crate::error::StoreError;
use crate::model::{LangTag, Network, ReplyTarget, network_from_id};
use crate::{ErrorPayload, Store};

/// One part of a target (the whole post, or one post of a thread).
#[derive(Debug, Clone)]
pub(crate) struct PartRow {
    pub idx: u32,
    pub text: String,
    /// Mastodon Idempotency-Key, Bluesky record key, Nostr event id.
    pub key: Option<String>,
    /// Nostr: the signed event JSON; Bluesky: the record's createdAt.
    pub payload: Option<String>,
    /// Queued, Sending, Posted or Unknown.
    pub state: TargetState,
    pub remote_id: Option<String>,
    pub remote_cid: Option<String>,
    pub remote_url: Option<String>,
    pub first_sent_at: Option<DateTime<Utc>>,
}

/// A target and its parts as the runner works on them; saved whole after every change.
#[derive(Debug, Clone)]
pub(crate) struct TargetRow {
    pub id: String,
    pub job_id: String,
    pub account_id: String,
    pub network: Network,
    pub lang: LangTag,
    pub media: Vec<PlannedMedia>,
    pub tags: Vec<String>,
    pub state: TargetState,
    pub attempts: u32,
    pub remote_id: Option<String>,
    pub remote_url: Option<String>,
    pub error: Option<ErrorPayload>,
    pub retryable: Option<bool>,
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When the job was written, before anything was sent: what a part signed later is dated
    /// with, so signing it again after a lost commit gives the same Nostr event.
    pub job_created_at: DateTime<Utc>,
    /// The post the first part answers, as planned when the job was written.
    pub reply: Option<ReplyTarget>,
    pub parts: Vec<PartRow>,
}

const TARGET_COLUMNS: &str = "id, job_id, account_id, network, lang, media_json, tags_json, state, \
     attempts, remote_id, remote_url, error_code, error_message, retryable, next_attempt_at, \
     reply_json";

type TargetTuple = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<bool>,
    Option<String>,
    Option<String>,
);

type PartTuple = (
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A scheduled item as one scheduler loop claimed it: handing it over must find it unchanged.
#[derive(Debug, Clone)]
pub(crate) struct HandOverClaim {
    pub schedule_id: String,
    pub owner: String,
    pub version: i64,
    /// Targets left out (account removed, already posted), said on the item.
    pub note: Option<crate::ErrorPayload>,
}

impl Store {
    /// Writes a new job with every target and part in one transaction; refused targets are
    /// `failed` from the start, the others `queued` with their idempotency keys.
    pub(crate) async fn insert_job(
        &self,
        draft_id: &str,
        draft_revision: u32,
        planned: &[PlannedTarget],
        part_key: impl Fn(Network, &str, usize) -> Option<String>,
    ) -> Result<String, StoreError> {
        let job = self
            .insert_job_for(draft_id, draft_revision, planned, part_key, None)
            .await?;
        Ok(job.unwrap_or_default())
    }

    /// [`Store::insert_job`] that, when `claim` is given, also marks the scheduled item handed
    /// over in the same transaction — or writes nothing and returns `None` when the item is no
    /// longer the one claimed (cancelled, moved, or taken over by another loop). So an item
    /// becomes at most one job, and a cancel that wins the race sends nothing.
    pub(crate) async fn insert_job_for(
        &self,
        draft_id: &str,
        draft_revision: u32,
        planned: &[PlannedTarget],
        part_key: impl Fn(Network, &str, usize) -> Option<String>,
        claim: Option<&HandOverClaim>,
    ) -> Result<Option<String>, StoreError> {
        let job_id = uuid::Uuid::now_v7().to_string();
        let now = clock::to_db(clock::now());
        let mut tx = self.begin_write().await?;
        let result: Result<bool, sqlx::Error> = async {
            if let Some(claim) = claim {
                let handed = sqlx::query(
                    "UPDATE schedules SET state = 'handed', job_id = ?, lease_owner = NULL, \
                     lease_until = NULL, error_code = ?, error_message = ?, updated_at = ? \
                     WHERE id = ? AND state = 'claimed' AND lease_owner = ? AND version = ?",
                )
                .bind(&job_id)
                .bind(claim.note.as_ref().map(|n| n.code.as_str()))
                .bind(claim.note.as_ref().map(|n| n.message.as_str()))
                .bind(&now)
                .bind(&claim.schedule_id)
                .bind(&claim.owner)
                .bind(claim.version)
                .execute(&mut *tx)
                .await?;
                if handed.rows_affected() == 0 {
                    return Ok(false);
                }
            }
            sqlx::query(
                "INSERT INTO publish_jobs (id, draft_id, draft_revision, created_at, updated_at, \
                 schedule_id) VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(&job_id)
            .bind(draft_id)
            .bind(i64::from(draft_revision))
            .bind(&now)
            .bind(&now)
            .bind(claim.map(|c| c.schedule_id.as_str()))
            .execute(&mut *tx)
            .await?;
            for (position, target) in planned.iter().enumerate() {
                let target_id = uuid::Uuid::now_v7().to_string();
                let (state, error) = match &target.refusal {
                    Some(refusal) => (TargetState::Failed, Some(refusal)),
                    None => (TargetState::Queued, None),
                };
                sqlx::query(
                    "INSERT INTO outbox_targets (id, job_id, position, account_id, network, lang, \
                     media_json, tags_json, state, error_code, error_message, retryable, updated_at, \
                     reply_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                )
                .bind(&target_id)
                .bind(&job_id)
                .bind(position as i64)
                .bind(&target.account.id)
                .bind(target.account.network.name())
                .bind(target.lang.as_str())
                .bind(serde_json::to_string(&target.media).unwrap_or_else(|_| "[]".into()))
                .bind(serde_json::to_string(&target.tags).unwrap_or_else(|_| "[]".into()))
                .bind(state.as_str())
                .bind(error.map(|e| e.code.as_str()))
                .bind(error.map(|e| e.message.as_str()))
                .bind(error.map(|_| false))
                .bind(&now)
                .bind(
                    target
                        .reply
                        .as_ref()
                        .and_then(|r| serde_json::to_string(r).ok()),
                )
                .execute(&mut *tx)
                .await?;
                for (idx, text) in target.parts.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO outbox_parts (target_id, idx, text, idempotency_key, state) \
                         VALUES (?, ?, ?, ?, 'queued')",
                    )
                    .bind(&target_id)
                    .bind(idx as i64)
                    .bind(text)
                    .bind(part_key(target.account.network, &target_id, idx))
                    .execute(&mut *tx)
                    .await?;
                }
            }
            Ok(true)
        }
        .await;
        if !result.map_err(|e| self.db_err(e))? {
            tx.rollback().await.map_err(|e| self.db_err(e))?;
            return Ok(None);
        }
        tx.commit().await.map_err(|e| self.db_err(e))?;
        Ok(Some(job_id))
    }

    /// Every target of a job with its parts, in the job's order.
    pub(crate) async fn job_targets(&self, job_id: &str) -> Result<Vec<TargetRow>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_err(e))?;
        load_targets(&mut conn, job_id)
            .await
            .map_err(|e| self.db_err(e))
    }

    /// Saves a target (and one of its parts) in one transaction: the state the next request
    /// relies on is on disk before that request is sent.
    /// Saves a target's progress, durably ([`Store::write_durably`]): a network call follows
    /// it. With the store's usual `NORMAL` a power cut could drop the commit that recorded a
    /// part as being sent with its key; the restart would then prepare the part again — for
    /// Nostr a newly signed event, a duplicate.
    pub(crate) async fn save_progress(
        &self,
        target: &TargetRow,
        part: Option<&PartRow>,
    ) -> Result<(), StoreError> {
        self.write_durably(async |tx| {
            save_target(tx, target).await?;
            if let Some(part) = part {
                save_part(tx, &target.id, part).await?;
            }
            sqlx::query("UPDATE publish_jobs SET updated_at = ? WHERE id = ?")
                .bind(clock::to_db(clock::now()))
                .bind(&target.job_id)
                .execute(&mut *tx)
                .await?;
            Ok(())
        })
        .await
    }
}

async fn save_target(conn: &mut SqliteConnection, t: &TargetRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox_targets SET state = ?, attempts = ?, remote_id = ?, remote_url = ?, \
         error_code = ?, error_message = ?, retryable = ?, next_attempt_at = ?, updated_at = ? \
         WHERE id = ?",
    )
    .bind(t.state.as_str())
    .bind(i64::from(t.attempts))
    .bind(t.remote_id.as_deref())
    .bind(t.remote_url.as_deref())
    .bind(t.error.as_ref().map(|e| e.code.as_str()))
    .bind(t.error.as_ref().map(|e| e.message.as_str()))
    .bind(t.retryable)
    .bind(t.next_attempt_at.map(clock::to_db))
    .bind(clock::to_db(clock::now()))
    .bind(&t.id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn save_part(
    conn: &mut SqliteConnection,
    target_id: &str,
    p: &PartRow,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox_parts SET idempotency_key = ?, payload = ?, state = ?, remote_id = ?, \
         remote_cid = ?, remote_url = ?, first_sent_at = ? WHERE target_id = ? AND idx = ?",
    )
    .bind(p.key.as_deref())
    .bind(p.payload.as_deref())
    .bind(p.state.as_str())
    .bind(p.remote_id.as_deref())
    .bind(p.remote_cid.as_deref())
    .bind(p.remote_url.as_deref())
    .bind(p.first_sent_at.map(clock::to_db))
    .bind(target_id)
    .bind(i64::from(p.idx))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn load_targets(
    conn: &mut SqliteConnection,
    job_id: &str,
) -> Result<Vec<TargetRow>, sqlx::Error> {
    let rows: Vec<TargetTuple> = sqlx::query_as(&format!(
        "SELECT {TARGET_COLUMNS} FROM outbox_targets WHERE job_id = ? ORDER BY position"
    ))
    .bind(job_id)
    .fetch_all(&mut *conn)
    .await?;
    let created: String = sqlx::query_scalar("SELECT created_at FROM publish_jobs WHERE id = ?")
        .bind(job_id)
        .fetch_one(&mut *conn)
        .await?;
    let job_created_at = clock::from_db(&created).map_err(decode_err)?;
    let mut targets = Vec::with_capacity(rows.len());
    for row in rows {
        let parts: Vec<PartTuple> = sqlx::query_as(
            "SELECT idx, text, idempotency_key, payload, state, remote_id, remote_cid, \
             remote_url, first_sent_at FROM outbox_parts WHERE target_id = ? ORDER BY idx",
        )
        .bind(&row.0)
        .fetch_all(&mut *conn)
        .await?;
        targets.push(decode_target(row, parts, job_created_at)?);
    }
    Ok(targets)
}

fn state(text: &str) -> Result<TargetState, sqlx::Error> {
    TargetState::parse(text).ok_or_else(|| decode_err(format!("unknown outbox state {text:?}")))
}

fn time(text: Option<String>) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
    text.map(|t| clock::from_db(&t).map_err(decode_err))
        .transpose()
}

fn decode_target(
    row: TargetTuple,
    parts: Vec<PartTuple>,
    job_created_at: DateTime<Utc>,
) -> Result<TargetRow, sqlx::Error> {
    let json =
        |what: &str, e: serde_json::Error| decode_err(format!("{what} of target {}: {e}", row.0));
    let parts = parts
        .into_iter()
        .map(|p| {
            Ok(PartRow {
                idx: u32::try_from(p.0).map_err(|_| decode_err("bad part index"))?,
                text: p.1,
                key: p.2,
                payload: p.3,
                state: state(&p.4)?,
                remote_id: p.5,
                remote_cid: p.6,
                remote_url: p.7,
                first_sent_at: time(p.8)?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(TargetRow {
        network: network_from_id(&row.3).map_err(|e| decode_err(e.to_string()))?,
        lang: LangTag::parse(&row.4).map_err(|e| decode_err(e.to_string()))?,
        media: serde_json::from_str(&row.5).map_err(|e| json("media", e))?,
        tags: serde_json::from_str(&row.6).map_err(|e| json("tags", e))?,
        state: state(&row.7)?,
        attempts: u32::try_from(row.8).unwrap_or_default(),
        remote_id: row.9,
        remote_url: row.10,
        error: match (row.11, row.12) {
            (Some(code), Some(message)) => Some(ErrorPayload { code, message }),
            _ => None,
        },
        retryable: row.13,
        next_attempt_at: time(row.14)?,
        reply: row
            .15
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| json("reply", e))?,
        job_created_at,
        parts,
        id: row.0,
        job_id: row.1,
        account_id: row.2,
    })
}
