//! Mastodon's own schedule: a status handed to the server with `scheduled_at` goes out at
//! that time even while Ferry is closed. The server keeps it as a *scheduled status* (its own
//! id, not a status id) until then:
//!
//! - [`MastodonClient::schedule_status`] hands one over (at least 5 minutes ahead; nearer,
//!   the server posts it at once and answers a plain status: [`Scheduling::PostedNow`]);
//! - [`MastodonClient::scheduled_statuses`] lists what the account has waiting;
//! - [`MastodonClient::move_scheduled`] changes the time (`PUT`), and
//!   [`MastodonClient::delete_scheduled`] withdraws one (`DELETE`).
//!
//! Servers limit this (Mastodon: 300 waiting, 25 on one day); see [`SCHEDULED_PENDING_LIMIT`].

use chrono::{DateTime, SecondsFormat, Utc};

use super::NETWORK;
use super::link::next_max_id;
use super::statuses::{MastodonClient, NewStatus, refuse_empty, status_form};
use super::types::{ScheduledStatus, Status};
use crate::http::{ClientError, Effect, decode_json, read_json, send_capped};

/// How many scheduled statuses Mastodon keeps waiting per account.
pub const SCHEDULED_PENDING_LIMIT: usize = 300;
/// How many scheduled statuses Mastodon accepts for one (UTC) day.
pub const SCHEDULED_DAILY_LIMIT: usize = 25;
/// How far ahead `scheduled_at` must be for the server to keep the status rather than post it.
pub const SCHEDULE_MIN_LEAD: chrono::Duration = chrono::Duration::minutes(5);

/// 40 a page (Mastodon's maximum), so 8 pages cover the 300 an account can have.
const PAGE: &str = "40";
const MAX_PAGES: usize = 8;
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

/// What the server did with a status handed over with `scheduled_at`.
#[derive(Debug, Clone)]
pub enum Scheduling {
    /// Kept until its time.
    Kept(Box<ScheduledStatus>),
    /// Posted at once: the time was too near (or past) for the server to keep it.
    PostedNow(Box<Status>),
}

impl MastodonClient {
    /// Hands `status` to the server to post at `at`. `idempotency_key` works as in
    /// [`MastodonClient::publish_status`]: sent again after a lost answer, the server returns
    /// what the first request made.
    pub async fn schedule_status(
        &self,
        status: &NewStatus,
        at: DateTime<Utc>,
        idempotency_key: &str,
    ) -> Result<Scheduling, ClientError> {
        refuse_empty(status)?;
        let what = "POST /api/v1/statuses (scheduled_at)";
        let mut form = status_form(status);
        form.push(("scheduled_at", rfc3339(at)));
        let request = self
            .post("/api/v1/statuses")
            .header("Idempotency-Key", idempotency_key)
            .form(&form);
        let answer = send_capped(NETWORK, what, Effect::Write, request, MAX_PAGE_BYTES).await?;
        let value: serde_json::Value = read_json(NETWORK, what, Effect::Write, &answer)?;
        // The two answers differ in shape: only a scheduled status has `params`.
        if value.get("params").is_some() {
            decode_json(NETWORK, what, Effect::Write, &answer)
                .map(|kept| Scheduling::Kept(Box::new(kept)))
        } else {
            decode_json(NETWORK, what, Effect::Write, &answer)
                .map(|status| Scheduling::PostedNow(Box::new(status)))
        }
    }

    /// Every status the account has waiting on the server, oldest id first.
    pub async fn scheduled_statuses(&self) -> Result<Vec<ScheduledStatus>, ClientError> {
        let what = "GET /api/v1/scheduled_statuses";
        let mut all = Vec::new();
        let mut max_id: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut url = self.server.url("/api/v1/scheduled_statuses");
            url.query_pairs_mut().append_pair("limit", PAGE);
            if let Some(max_id) = &max_id {
                url.query_pairs_mut().append_pair("max_id", max_id);
            }
            let answer = send_capped(
                NETWORK,
                what,
                Effect::Read,
                self.get_url(url),
                MAX_PAGE_BYTES,
            )
            .await?;
            let page: Vec<ScheduledStatus> = read_json(NETWORK, what, Effect::Read, &answer)?;
            let next = next_max_id(&answer.headers, &self.server.base);
            let empty = page.is_empty();
            all.extend(page);
            match next {
                Some(next) if !empty && Some(&next) != max_id.as_ref() => max_id = Some(next),
                _ => break,
            }
        }
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all.dedup_by(|a, b| a.id == b.id);
        Ok(all)
    }

    /// Moves a scheduled status to `at`; `None` when the server no longer has it (posted,
    /// or withdrawn elsewhere).
    pub async fn move_scheduled(
        &self,
        id: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<ScheduledStatus>, ClientError> {
        let what = "PUT /api/v1/scheduled_statuses/:id";
        let url = self.server.url_with_id("/api/v1/scheduled_statuses", id);
        let request = self.put(url).form(&[("scheduled_at", rfc3339(at))]);
        let answer = send_capped(NETWORK, what, Effect::Write, request, MAX_PAGE_BYTES).await?;
        if answer.status == 404 {
            return Ok(None);
        }
        read_json(NETWORK, what, Effect::Write, &answer).map(Some)
    }

    /// Withdraws a scheduled status. `false` when the server no longer had it.
    pub async fn delete_scheduled(&self, id: &str) -> Result<bool, ClientError> {
        let what = "DELETE /api/v1/scheduled_statuses/:id";
        let url = self.server.url_with_id("/api/v1/scheduled_statuses", id);
        let answer = send_capped(
            NETWORK,
            what,
            Effect::Write,
            self.delete(url),
            MAX_PAGE_BYTES,
        )
        .await?;
        if answer.status == 404 {
            return Ok(false);
        }
        read_json::<serde_json::Value>(NETWORK, what, Effect::Write, &answer).map(|_| true)
    }
}

/// `2027-03-15T13:00:00Z`: Mastodon reads ISO 8601 in UTC.
fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}
