//! Deleting pictures from the media host once no post needs them, for people who asked
//! (`delete_after_post`): a bucket that serves Threads' pictures only while Threads copies
//! them needn't keep them, nor pay for them.
//!
//! Only what is certain is deleted. Every upload is recorded with its target before it is
//! made (`uses.rs`); an object goes when nothing links it — a Nostr note links its pictures
//! for good, and one object may serve a note and a Threads post alike, being named by its
//! content — and every target that used it is done. The sweep runs after each publish run;
//! what can't be deleted then (the host unreachable, keys without `s3:DeleteObject`) stays
//! recorded and is tried again after the next run.

use crate::accounts::Accounts;

impl Accounts {
    /// Deletes the media host's objects no post needs any more, when the person turned that
    /// on; returns how many went. Never fails its caller (a post is not undone by a picture
    /// left behind): problems are logged and retried next time.
    pub(crate) async fn sweep_media_host(&self) -> usize {
        match self.store.media_host().await {
            Ok(Some(host)) if host.delete_after_post => {}
            Ok(_) => return 0,
            Err(err) => {
                tracing::warn!("media host sweep: {err}");
                return 0;
            }
        }
        let uploader = match self.media_uploader().await {
            Ok(Some(uploader)) => uploader,
            Ok(None) => return 0,
            Err(err) => {
                tracing::warn!("media host sweep: {err}");
                return 0;
            }
        };
        let keys = match self.store.unneeded_media(&uploader.host_id).await {
            Ok(keys) => keys,
            Err(err) => {
                tracing::warn!("media host sweep: {err}");
                return 0;
            }
        };
        let mut deleted = 0;
        for key in keys {
            let gone = uploader.s3.delete(&key).await;
            let forgotten = match gone {
                Ok(()) => {
                    self.store
                        .forget_media_object(&uploader.host_id, &key)
                        .await
                }
                Err(err) => {
                    tracing::warn!(object = %key, "media host sweep: {err}");
                    continue;
                }
            };
            match forgotten {
                Ok(()) => deleted += 1,
                Err(err) => tracing::warn!(object = %key, "media host sweep: {err}"),
            }
        }
        deleted
    }
}
