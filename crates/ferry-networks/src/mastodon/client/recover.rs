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
/// Statuses examined; a person does not post more than this between two checks of one post.
const RECENT: &str = "40";

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
        let what = "GET /api/v1/accounts/:id/statuses";
        let mut url = self.server.url_with_id("/api/v1/accounts", &me.id);
        url.path_segments_mut()
            .map_err(|_| invalid_base())?
            .push("statuses");
        url.query_pairs_mut()
            .append_pair("limit", RECENT)
            .append_pair("exclude_reblogs", "true");
        let answer = send(NETWORK, what, Effect::Read, self.get_url(url)).await?;
        let recent: Vec<Status> = read_json(NETWORK, what, Effect::Read, &answer)?;
        for status in recent {
            let made =
                DateTime::parse_from_rfc3339(&status.created_at).map(|t| t.with_timezone(&Utc));
            let in_window = made.is_ok_and(|t| t >= since - CLOCK_SKEW);
            if !in_window || status.in_reply_to_id.as_deref() != in_reply_to_id {
                continue;
            }
            let what = "GET /api/v1/statuses/:id/source";
            let mut url = self.server.url_with_id("/api/v1/statuses", &status.id);
            url.path_segments_mut()
                .map_err(|_| invalid_base())?
                .push("source");
            let answer = send(NETWORK, what, Effect::Read, self.get_url(url)).await?;
            let source: Source = read_json(NETWORK, what, Effect::Read, &answer)?;
            if source.text.trim() == text.trim() {
                return Ok(Some(status));
            }
        }
        Ok(None)
    }
}

fn invalid_base() -> ClientError {
    ClientError::InvalidInput {
        network: NETWORK,
        field: "server address".into(),
        detail: "cannot be used as a base for API paths".into(),
    }
}
