//! Finding a status whose publish ended in an unknown outcome, without the idempotency key.
//!
//! The first check after an unknown outcome is simply publishing again with the same
//! `Idempotency-Key`: the server answers the status it already made. But Mastodon forgets keys
//! after an hour, so a check made later (Ferry was closed, the machine slept) would post a
//! second copy. [`MastodonClient::find_own_status`] looks instead: the account's statuses
//! made since the first attempt, compared by their source text (`/statuses/:id/source`, the
//! text as typed, not the rendered HTML).

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use super::NETWORK;
use super::statuses::MastodonClient;
use super::types::Status;
use crate::http::{ClientError, Effect, read_json, send};

/// How far back beyond `since` to look, for clocks that disagree.
const CLOCK_SKEW: Duration = Duration::minutes(5);
/// Statuses a page (Mastodon's maximum), and pages looked at: a busy account can post more
/// than a page between a post and its check.
const RECENT: &str = "40";
const MAX_PAGES: usize = 5;

#[derive(Deserialize)]
struct Source {
    text: String,
}

impl MastodonClient {
    /// The account's own status made at or after `since` with exactly `text` (ignoring
    /// surrounding whitespace) in reply to `in_reply_to_id`, if there is one.
    pub async fn find_own_status(
        &self,
        text: &str,
        in_reply_to_id: Option<&str>,
        since: DateTime<Utc>,
    ) -> Result<Option<Status>, ClientError> {
        let me = self.verify_credentials().await?;
        let mut max_id: Option<String> = None;
        // Newest first, a page at a time, until statuses are older than `since` (a busy
        // account may have posted more than a page since).
        for _ in 0..MAX_PAGES {
            let what = "GET /api/v1/accounts/:id/statuses";
            let mut url = self.server.url_with_id("/api/v1/accounts", &me.id);
            url.path_segments_mut()
                .map_err(|_| invalid_base())?
                .push("statuses");
            url.query_pairs_mut()
                .append_pair("limit", RECENT)
                .append_pair("exclude_reblogs", "true");
            if let Some(max_id) = &max_id {
                url.query_pairs_mut().append_pair("max_id", max_id);
            }
            let answer = send(NETWORK, what, Effect::Read, self.get_url(url)).await?;
            let recent: Vec<Status> = read_json(NETWORK, what, Effect::Read, &answer)?;
            let mut older = recent.is_empty();
            for status in &recent {
                let made =
                    DateTime::parse_from_rfc3339(&status.created_at).map(|t| t.with_timezone(&Utc));
                let in_window = made.is_ok_and(|t| t >= since - CLOCK_SKEW);
                older |= made.is_ok_and(|t| t < since - CLOCK_SKEW);
                if !in_window || status.in_reply_to_id.as_deref() != in_reply_to_id {
                    continue;
                }
                if self.source_text(&status.id).await?.trim() == text.trim() {
                    return Ok(Some(status.clone()));
                }
            }
            match recent.last() {
                Some(last) if !older => max_id = Some(last.id.clone()),
                _ => break,
            }
        }
        Ok(None)
    }
}

impl MastodonClient {
    /// The text of status `id` as typed (not the rendered HTML).
    async fn source_text(&self, id: &str) -> Result<String, ClientError> {
        let what = "GET /api/v1/statuses/:id/source";
        let mut url = self.server.url_with_id("/api/v1/statuses", id);
        url.path_segments_mut()
            .map_err(|_| invalid_base())?
            .push("source");
        let answer = send(NETWORK, what, Effect::Read, self.get_url(url)).await?;
        let source: Source = read_json(NETWORK, what, Effect::Read, &answer)?;
        Ok(source.text)
    }
}

fn invalid_base() -> ClientError {
    ClientError::InvalidInput {
        network: NETWORK,
        field: "server address".into(),
        detail: "cannot be used as a base for API paths".into(),
    }
}
