//! Liking and reposting a post: an `app.bsky.feed.like` or `app.bsky.feed.repost` record in
//! the account's own repo that points at the post by URI and CID. It is written with
//! `putRecord` under a record key the caller chose and stored first, so sending it again
//! after a lost answer writes the same record over itself instead of adding a second like.
//! Taking it back deletes that record (`deleteRecord`), which a PDS answers with success when
//! the record is already gone, so that too may be sent again.

use serde::Deserialize;
use serde_json::json;

use super::NETWORK;
use super::record::StrongRef;
use super::session::{BlueskyClient, refine};
use super::tid::Tid;
use crate::http::{ClientError, Effect, read_json};

/// What a record says about the post it points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interaction {
    Like,
    Repost,
}

impl Interaction {
    fn collection(self) -> &'static str {
        match self {
            Interaction::Like => "app.bsky.feed.like",
            Interaction::Repost => "app.bsky.feed.repost",
        }
    }
}

impl BlueskyClient {
    /// The post at `uri` as the account's AppView knows it: its URI and current CID, which a
    /// like or repost must name. `None` when it is gone.
    pub async fn post_ref(&self, uri: &str) -> Result<Option<StrongRef>, ClientError> {
        Ok(self.post_view(uri).await?.map(|post| post.strong_ref()))
    }

    /// Writes the like or repost of `subject` under `rkey`, dated `created_at` (both chosen
    /// and stored by the caller before the first attempt); answers the record's URI.
    pub async fn interact(
        &self,
        kind: Interaction,
        subject: &StrongRef,
        rkey: &Tid,
        created_at: &str,
    ) -> Result<String, ClientError> {
        let nsid = "com.atproto.repo.putRecord";
        let record = json!({
            "$type": kind.collection(),
            "subject": { "uri": subject.uri, "cid": subject.cid },
            "createdAt": created_at,
        });
        let body = json!({
            "repo": self.did().await,
            "collection": kind.collection(),
            "rkey": rkey.as_str(),
            "record": record,
        });
        let answer = self
            .call(nsid, Effect::Write, |url, token| {
                self.http.post(url).bearer_auth(token.expose()).json(&body)
            })
            .await?;
        #[derive(Deserialize)]
        struct Written {
            uri: String,
        }
        Ok(read_json::<Written>(NETWORK, nsid, Effect::Write, &answer)
            .map_err(refine)?
            .uri)
    }

    /// Deletes the like or repost the account wrote under `rkey` (nothing when it is gone).
    pub async fn withdraw(&self, kind: Interaction, rkey: &Tid) -> Result<(), ClientError> {
        let nsid = "com.atproto.repo.deleteRecord";
        let body = json!({
            "repo": self.did().await,
            "collection": kind.collection(),
            "rkey": rkey.as_str(),
        });
        let answer = self
            .call(nsid, Effect::Write, |url, token| {
                self.http.post(url).bearer_auth(token.expose()).json(&body)
            })
            .await?;
        read_json::<serde::de::IgnoredAny>(NETWORK, nsid, Effect::Write, &answer)
            .map_err(refine)?;
        Ok(())
    }
}
