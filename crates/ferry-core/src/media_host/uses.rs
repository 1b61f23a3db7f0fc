//! Which outbox target uses which object of the media host (`media_host_uses`): written before
//! each upload, read by the sweep to find objects no post needs any more.

use ferry_networks::media_host::S3Host;

use crate::Store;
use crate::error::StoreError;

/// The media host, ready to upload to.
#[derive(Debug)]
pub(crate) struct Uploader {
    pub host_id: String,
    pub s3: S3Host,
}

impl Store {
    /// Says that `target_id` uses `object_key`: for good (`linked`, a Nostr note's picture)
    /// or until its post is made (a picture Threads copies). Said again, a use only ever
    /// becomes more lasting.
    pub(crate) async fn record_media_use(
        &self,
        host_id: &str,
        object_key: &str,
        target_id: &str,
        linked: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO media_host_uses (host_id, object_key, target_id, linked) \
             VALUES (?, ?, ?, ?) ON CONFLICT (host_id, object_key, target_id) \
             DO UPDATE SET linked = MAX(linked, excluded.linked)",
        )
        .bind(host_id)
        .bind(object_key)
        .bind(target_id)
        .bind(linked)
        .execute(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        Ok(())
    }

    /// The host's objects no post needs: none links them, and every target that used them is
    /// posted or failed (or gone with its draft). A queued, sending or unknown target still
    /// needs its pictures: Threads fetches them when the post is made. And no Nostr event
    /// Ferry signed names the object — notes made before uses were recorded have no use rows,
    /// but their signed events (kept with their parts) still link the object by its name.
    pub(crate) async fn unneeded_media(&self, host_id: &str) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT DISTINCT u.object_key FROM media_host_uses u WHERE u.host_id = ?1 \
             AND NOT EXISTS (SELECT 1 FROM media_host_uses v \
                 LEFT JOIN outbox_targets t ON t.id = v.target_id \
                 WHERE v.host_id = u.host_id AND v.object_key = u.object_key \
                 AND (v.linked = 1 OR t.state IN ('queued', 'sending', 'unknown'))) \
             AND NOT EXISTS (SELECT 1 FROM outbox_parts p \
                 JOIN outbox_targets t ON t.id = p.target_id \
                 WHERE t.network = 'nostr' AND instr(p.payload, u.object_key) > 0) \
             ORDER BY u.object_key",
        )
        .bind(host_id)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_err(e))
    }

    /// Forgets the uses of an object that was deleted.
    pub(crate) async fn forget_media_object(
        &self,
        host_id: &str,
        object_key: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM media_host_uses WHERE host_id = ? AND object_key = ?")
            .bind(host_id)
            .bind(object_key)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        Ok(())
    }
}
