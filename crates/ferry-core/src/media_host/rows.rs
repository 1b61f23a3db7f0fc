//! The media host's row: its address, never its keys.

use ferry_networks::media_host::S3Config;

use super::MediaHost;
use crate::drafts::rows::decode_err;
use crate::error::StoreError;
use crate::{Store, clock};

type Row = (String, String, String, String, String, String, bool, String);

impl Store {
    /// The media host, if one is set up.
    pub async fn media_host(&self) -> Result<Option<MediaHost>, StoreError> {
        let row: Option<Row> = sqlx::query_as(
            "SELECT id, kind, endpoint, bucket, region, public_url, delete_after_post, \
             created_at FROM media_hosts ORDER BY created_at DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_err(e))?;
        row.map(
            |(id, kind, endpoint, bucket, region, public_url, delete_after_post, created)| {
                Ok(MediaHost {
                    created_at: clock::from_db(&created).map_err(|e| self.db_err(decode_err(e)))?,
                    id,
                    kind,
                    endpoint,
                    bucket,
                    region,
                    public_url,
                    delete_after_post,
                })
            },
        )
        .transpose()
    }

    /// Makes `config` the one media host.
    pub(crate) async fn replace_media_host(
        &self,
        id: &str,
        config: &S3Config,
        delete_after_post: bool,
    ) -> Result<MediaHost, StoreError> {
        let mut tx = self.pool.begin().await.map_err(|e| self.db_err(e))?;
        sqlx::query("DELETE FROM media_hosts")
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_err(e))?;
        sqlx::query(
            "INSERT INTO media_hosts (id, kind, endpoint, bucket, region, public_url, \
             delete_after_post, created_at) VALUES (?, 's3', ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(&config.endpoint)
        .bind(&config.bucket)
        .bind(&config.region)
        .bind(&config.public_url)
        .bind(delete_after_post)
        .bind(clock::to_db(clock::now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| self.db_err(e))?;
        // The old host's objects are no longer Ferry's to delete.
        sqlx::query("DELETE FROM media_host_uses WHERE host_id <> ?")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_err(e))?;
        tx.commit().await.map_err(|e| self.db_err(e))?;
        self.media_host().await?.ok_or_else(|| StoreError::Invalid {
            field: "media host".into(),
            reason: "it was not stored".into(),
        })
    }

    pub(crate) async fn set_media_host_delete_after_post(
        &self,
        on: bool,
    ) -> Result<Option<MediaHost>, StoreError> {
        sqlx::query("UPDATE media_hosts SET delete_after_post = ?")
            .bind(on)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_err(e))?;
        self.media_host().await
    }

    pub(crate) async fn delete_media_host(&self) -> Result<(), StoreError> {
        for table in ["media_host_uses", "media_hosts"] {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&self.pool)
                .await
                .map_err(|e| self.db_err(e))?;
        }
        Ok(())
    }
}
