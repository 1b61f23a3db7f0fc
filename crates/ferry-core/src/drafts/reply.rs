//! A draft's reply target (`model/reply.rs`): stored in `draft_replies`, read and written with
//! the rest of the content, and changed only here — a composer save keeps whatever is stored.
//!
//! ```no_run
//! # async fn demo(store: ferry_core::Store, id: &str) -> Result<(), ferry_core::StoreError> {
//! let outcome = store.set_reply(id, None).await?; // "reply" becomes a post of its own
//! assert!(outcome.draft.content.reply_to.is_none());
//! # Ok(()) }
//! ```

use sqlx::SqliteConnection;

use super::rows::decode_err;
use crate::Store;
use crate::error::StoreError;
use crate::model::{ReplyTarget, RevisionKind, SaveOutcome, network_from_id};

impl Store {
    /// Makes draft `id` answer `reply` (or nothing), as a new revision. Its targets become
    /// the replying account alone: a reply goes nowhere else.
    pub async fn set_reply(
        &self,
        id: &str,
        reply: Option<ReplyTarget>,
    ) -> Result<SaveOutcome, StoreError> {
        let locked = self.lock_head(id).await?;
        let mut next = locked.current.clone();
        if let Some(reply) = &reply {
            next.targets = vec![crate::model::Target {
                network: reply.network,
                account_id: Some(reply.account_id.clone()),
            }];
        }
        next.reply_to = reply;
        self.finish(locked, next, RevisionKind::Edited, None).await
    }
}

type ReplyRow = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<i64>,
);

pub(crate) async fn load(
    conn: &mut SqliteConnection,
    seq: i64,
) -> Result<Option<ReplyTarget>, sqlx::Error> {
    let row: Option<ReplyRow> = sqlx::query_as(
        "SELECT account_id, network, remote_id, author_id, author_name, author_handle, root_id, \
         url, excerpt, feed_item_id FROM draft_replies WHERE draft_seq = ?",
    )
    .bind(seq)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| {
        Ok(ReplyTarget {
            account_id: r.0,
            network: network_from_id(&r.1).map_err(|e| decode_err(e.to_string()))?,
            remote_id: r.2,
            author_id: r.3,
            author_name: r.4,
            author_handle: r.5,
            root_id: r.6,
            url: r.7,
            excerpt: r.8,
            feed_item_id: r.9,
        })
    })
    .transpose()
}

pub(crate) async fn write(
    conn: &mut SqliteConnection,
    seq: i64,
    reply: Option<&ReplyTarget>,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM draft_replies WHERE draft_seq = ?")
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    let Some(r) = reply else {
        return Ok(());
    };
    sqlx::query(
        "INSERT INTO draft_replies (draft_seq, account_id, network, remote_id, author_id, \
         author_name, author_handle, root_id, url, excerpt, feed_item_id) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(seq)
    .bind(&r.account_id)
    .bind(r.network.name())
    .bind(&r.remote_id)
    .bind(r.author_id.as_deref())
    .bind(r.author_name.as_deref())
    .bind(r.author_handle.as_deref())
    .bind(r.root_id.as_deref())
    .bind(r.url.as_deref())
    .bind(&r.excerpt)
    .bind(r.feed_item_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
