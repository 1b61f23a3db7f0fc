//! Publishing posts and finding them again by record key.

use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use super::NETWORK;
use super::record::{self, BlobRef, NewPost, StrongRef};
use super::session::{BlueskyClient, refine, xrpc_error_name};
use super::tid::Tid;
use crate::bluesky::facets::FacetKind;
use crate::http::{ClientError, Effect, classify_answer, classify_status, read_json};

const POST: &str = "app.bsky.feed.post";

/// A post that exists on the PDS.
#[derive(Debug, Clone)]
pub struct PublishedPost {
    pub uri: String,
    pub cid: String,
    pub rkey: Tid,
    /// Where people see it.
    pub url: String,
    /// Mentions left as plain text because their handle did not resolve.
    pub unresolved_mentions: Vec<String>,
}

/// A record as `getRecord` returns it.
#[derive(Debug, Clone, Deserialize)]
pub struct RecordView {
    pub uri: String,
    #[serde(default)]
    pub cid: Option<String>,
    pub value: Value,
}

impl BlueskyClient {
    /// The DID of `handle`, asked of this account's own PDS (which knows its own users and
    /// resolves others through DNS/HTTPS or the PLC directory it is configured with).
    pub async fn resolve_handle(&self, handle: &str) -> Result<String, ClientError> {
        let nsid = "com.atproto.identity.resolveHandle";
        let handle = handle.trim_start_matches('@');
        let answer = self
            .call(nsid, Effect::Read, |url, token| {
                self.http
                    .get(url)
                    .bearer_auth(token.expose())
                    .query(&[("handle", handle)])
            })
            .await?;
        if answer.status == 400
            && xrpc_error_name(&answer)
                .is_some_and(|e| e == "InvalidRequest" || e == "HandleNotFound")
        {
            return Err(ClientError::Rejected {
                network: NETWORK,
                what: nsid.into(),
                status: Some(400),
                detail: format!("no account has the handle @{handle}"),
            });
        }
        #[derive(Deserialize)]
        struct Resolved {
            did: String,
        }
        Ok(read_json::<Resolved>(NETWORK, nsid, Effect::Read, &answer)
            .map_err(refine)?
            .did)
    }

    /// Uploads an image (already prepared to Bluesky's limits: see `crate::media`).
    pub async fn upload_blob(&self, bytes: Vec<u8>, mime: &str) -> Result<BlobRef, ClientError> {
        let nsid = "com.atproto.repo.uploadBlob";
        // Orphan blobs are garbage-collected by the PDS, so a lost answer is simply retried.
        let answer = self
            .call(nsid, Effect::Read, |url, token| {
                self.http
                    .post(url)
                    .bearer_auth(token.expose())
                    .header("Content-Type", mime)
                    .body(bytes.clone())
            })
            .await?;
        #[derive(Deserialize)]
        struct Uploaded {
            blob: Value,
        }
        Ok(BlobRef(
            read_json::<Uploaded>(NETWORK, nsid, Effect::Read, &answer)
                .map_err(refine)?
                .blob,
        ))
    }

    /// Creates the post under record key `rkey` (chosen and stored by the caller before this
    /// call). If a record with that key already exists — an earlier attempt went through — the
    /// existing one is returned: the same key never makes two posts.
    pub async fn publish_post(
        &self,
        post: &NewPost,
        rkey: &Tid,
    ) -> Result<PublishedPost, ClientError> {
        record::check(post)?;
        let mut dids = Vec::with_capacity(post.facets.len());
        let mut unresolved = Vec::new();
        for facet in &post.facets {
            if facet.kind != FacetKind::Mention {
                dids.push(None);
                continue;
            }
            match self.resolve_handle(&facet.value).await {
                Ok(did) => dids.push(Some(did)),
                Err(ClientError::Rejected { .. }) => {
                    unresolved.push(facet.value.clone());
                    dids.push(None);
                }
                Err(other) => return Err(other),
            }
        }
        let value = record::build(post, &dids, post.created_at.unwrap_or_else(Utc::now));
        let did = self.did().await;
        let body =
            json!({ "repo": did, "collection": POST, "rkey": rkey.as_str(), "record": value });
        let nsid = "com.atproto.repo.createRecord";
        let answer = self
            .call(nsid, Effect::Write, |url, token| {
                self.http.post(url).bearer_auth(token.expose()).json(&body)
            })
            .await?;
        let created: StrongRef = if answer.is_success() {
            read_json(NETWORK, nsid, Effect::Write, &answer)?
        } else if (answer.status == 400 || answer.status >= 500)
            && let Ok(Some(existing)) = self.get_post(rkey).await
        {
            // The key is taken: an earlier attempt landed (the reference PDS answers a reused
            // key with a 500). Report that record rather than a failure. If the check itself
            // fails, the createRecord error below is the one worth reporting.
            StrongRef {
                uri: existing.uri,
                cid: existing.cid.unwrap_or_default(),
            }
        } else {
            return Err(refine(classify_answer(
                NETWORK,
                nsid,
                Effect::Write,
                &answer,
            )));
        };
        Ok(PublishedPost {
            url: format!("https://bsky.app/profile/{did}/post/{rkey}"),
            uri: created.uri,
            cid: created.cid,
            rkey: rkey.clone(),
            unresolved_mentions: unresolved,
        })
    }

    /// The post with record key `rkey` in this account's repository, or `None`: the check
    /// after an unknown outcome.
    pub async fn get_post(&self, rkey: &Tid) -> Result<Option<RecordView>, ClientError> {
        let nsid = "com.atproto.repo.getRecord";
        let did = self.did().await;
        let query = [
            ("repo", did.as_str()),
            ("collection", POST),
            ("rkey", rkey.as_str()),
        ];
        let answer = self
            .call(nsid, Effect::Read, |url, token| {
                self.http.get(url).bearer_auth(token.expose()).query(&query)
            })
            .await?;
        if answer.status == 400 && xrpc_error_name(&answer).as_deref() == Some("RecordNotFound") {
            return Ok(None);
        }
        read_json(NETWORK, nsid, Effect::Read, &answer)
            .map(Some)
            .map_err(refine)
    }

    /// A post's blob bytes back from the PDS (`com.atproto.sync.getBlob`).
    pub async fn get_blob(&self, cid: &str) -> Result<Vec<u8>, ClientError> {
        let nsid = "com.atproto.sync.getBlob";
        let did = self.did().await;
        let answer = self
            .call(nsid, Effect::Read, |url, token| {
                self.http
                    .get(url)
                    .bearer_auth(token.expose())
                    .query(&[("did", did.as_str()), ("cid", cid)])
            })
            .await?;
        if !answer.is_success() {
            return Err(refine(classify_status(NETWORK, nsid, &answer)));
        }
        Ok(answer.body)
    }
}
