//! Publishing statuses as one signed-in account.

use serde::Serialize;

use super::NETWORK;
use super::server::MastodonServer;
use super::types::{Account, Status};
use crate::http::{ClientError, Effect, Secret, read_json, send};

/// Who sees a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    #[default]
    Public,
    Unlisted,
    Private,
    Direct,
}

/// One status to publish (one part of a thread).
#[derive(Debug, Clone, Default, Serialize)]
pub struct NewStatus {
    pub text: String,
    /// The content warning; empty or `None` for none.
    pub spoiler_text: Option<String>,
    pub visibility: Visibility,
    /// ISO 639 code of the text (`en`, `zh`).
    pub language: Option<String>,
    /// The status this one answers (the previous part of a thread).
    pub in_reply_to_id: Option<String>,
    /// From [`MastodonClient::upload_media`], in display order.
    pub media_ids: Vec<String>,
    pub sensitive: bool,
}

/// One signed-in account on one server.
#[derive(Debug, Clone)]
pub struct MastodonClient {
    pub(crate) server: MastodonServer,
    pub(crate) token: Secret,
}

impl MastodonClient {
    pub fn new(server: MastodonServer, token: Secret) -> Self {
        Self { server, token }
    }

    /// The access token this client sends.
    pub fn token(&self) -> &Secret {
        &self.token
    }

    pub(crate) fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.get_url(self.server.url(path))
    }

    pub(crate) fn get_url(&self, url: url::Url) -> reqwest::RequestBuilder {
        self.server.http.get(url).bearer_auth(self.token.expose())
    }

    pub(crate) fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.post_url(self.server.url(path))
    }

    pub(crate) fn post_url(&self, url: url::Url) -> reqwest::RequestBuilder {
        self.server.http.post(url).bearer_auth(self.token.expose())
    }

    /// The account the token belongs to; an `Auth` error when it is dead or revoked.
    pub async fn verify_credentials(&self) -> Result<Account, ClientError> {
        let what = "GET /api/v1/accounts/verify_credentials";
        let answer = send(
            NETWORK,
            what,
            Effect::Read,
            self.get("/api/v1/accounts/verify_credentials"),
        )
        .await?;
        read_json(NETWORK, what, Effect::Read, &answer)
    }

    /// Posts `status` with `Idempotency-Key: idempotency_key`. Calling again with the same key
    /// (after an unknown outcome) returns the status the first call created rather than
    /// posting it twice. The key must be the same string across retries and unique per
    /// target (e.g. the outbox row's UUID).
    pub async fn publish_status(
        &self,
        status: &NewStatus,
        idempotency_key: &str,
    ) -> Result<Status, ClientError> {
        refuse_empty(status)?;
        let what = "POST /api/v1/statuses";
        let form = status_form(status);
        let request = self
            .post("/api/v1/statuses")
            .header("Idempotency-Key", idempotency_key)
            .form(&form);
        let answer = send(NETWORK, what, Effect::Write, request).await?;
        read_json(NETWORK, what, Effect::Write, &answer)
    }

    pub(crate) fn put(&self, url: url::Url) -> reqwest::RequestBuilder {
        self.server.http.put(url).bearer_auth(self.token.expose())
    }

    pub(crate) fn delete(&self, url: url::Url) -> reqwest::RequestBuilder {
        self.server
            .http
            .delete(url)
            .bearer_auth(self.token.expose())
    }

    /// The status with this id, or `None` when the server says it doesn't exist.
    pub async fn status(&self, id: &str) -> Result<Option<Status>, ClientError> {
        let what = "GET /api/v1/statuses/:id";
        let answer = send(
            NETWORK,
            what,
            Effect::Read,
            self.get_url(self.server.url_with_id("/api/v1/statuses", id)),
        )
        .await?;
        if answer.status == 404 {
            return Ok(None);
        }
        read_json(NETWORK, what, Effect::Read, &answer).map(Some)
    }
}

/// The form `POST /api/v1/statuses` takes, for a status posted now or scheduled.
pub(crate) fn status_form(status: &NewStatus) -> Vec<(&'static str, String)> {
    let mut form = vec![("status", status.text.clone())];
    let visibility = match status.visibility {
        Visibility::Public => "public",
        Visibility::Unlisted => "unlisted",
        Visibility::Private => "private",
        Visibility::Direct => "direct",
    };
    form.push(("visibility", visibility.to_owned()));
    if let Some(cw) = status.spoiler_text.as_deref().filter(|s| !s.is_empty()) {
        form.push(("spoiler_text", cw.to_owned()));
    }
    if let Some(lang) = status.language.as_deref() {
        form.push(("language", lang.to_owned()));
    }
    if let Some(parent) = status.in_reply_to_id.as_deref() {
        form.push(("in_reply_to_id", parent.to_owned()));
    }
    for id in &status.media_ids {
        form.push(("media_ids[]", id.clone()));
    }
    if status.sensitive {
        form.push(("sensitive", "true".to_owned()));
    }
    form
}

/// Mastodon refuses a status with neither text nor media; say so before asking.
pub(crate) fn refuse_empty(status: &NewStatus) -> Result<(), ClientError> {
    if status.text.trim().is_empty() && status.media_ids.is_empty() {
        return Err(ClientError::InvalidInput {
            network: NETWORK,
            field: "status text".into(),
            detail: "a status needs text or at least one image".into(),
        });
    }
    Ok(())
}
