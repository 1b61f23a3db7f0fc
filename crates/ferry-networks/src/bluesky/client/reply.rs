//! Answering a post: a reply record names the post it answers (`parent`) and the first post
//! of that conversation (`root`), each by URI and CID. Both are read from the account's
//! AppView (`app.bsky.feed.getPosts`) right before sending, so the CID is the post's current
//! one and the root is what the post itself says (a reply's own `reply.root`), never a guess
//! from a cached timeline.

use serde::Deserialize;

use super::NETWORK;
use super::record::{ReplyRef, StrongRef};
use super::session::{BlueskyClient, refine};
use crate::http::{ClientError, Effect, read_json};

/// A post as `getPosts` answers it, with only what replies and likes need.
#[derive(Debug, Deserialize)]
pub(super) struct PostView {
    uri: String,
    cid: String,
    #[serde(default)]
    record: PostRecordReply,
}

#[derive(Debug, Default, Deserialize)]
struct PostRecordReply {
    #[serde(default)]
    reply: Option<RecordReplyRefs>,
}

#[derive(Debug, Deserialize)]
struct RecordReplyRefs {
    root: StrongRef,
}

impl PostView {
    pub(super) fn strong_ref(self) -> StrongRef {
        StrongRef {
            uri: self.uri,
            cid: self.cid,
        }
    }
}

impl BlueskyClient {
    /// Where a reply to the post at `uri` sits: that post as `parent`, its conversation's
    /// first post as `root` (the post itself when it answers nothing). `None` when it is gone.
    pub async fn reply_ref(&self, uri: &str) -> Result<Option<ReplyRef>, ClientError> {
        let Some(post) = self.post_view(uri).await? else {
            return Ok(None);
        };
        let root = post.record.reply.as_ref().map(|r| r.root.clone());
        let parent = post.strong_ref();
        Ok(Some(ReplyRef {
            root: root.unwrap_or_else(|| parent.clone()),
            parent,
        }))
    }

    pub(super) async fn post_view(&self, uri: &str) -> Result<Option<PostView>, ClientError> {
        let nsid = "app.bsky.feed.getPosts";
        let answer = self
            .call(nsid, Effect::Read, |url, token| {
                self.http
                    .get(url)
                    .bearer_auth(token.expose())
                    .query(&[("uris", uri)])
            })
            .await?;
        #[derive(Deserialize)]
        struct Posts {
            posts: Vec<PostView>,
        }
        let posts: Posts = read_json(NETWORK, nsid, Effect::Read, &answer).map_err(refine)?;
        Ok(posts.posts.into_iter().find(|p| p.uri == uri))
    }
}
